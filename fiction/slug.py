"""Names safe for ids and file names, made from French text."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """`Été à l'Île` → `ete-a-l-ile`: ASCII, lower case, dashes ("" if nothing is left)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
