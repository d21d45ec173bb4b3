"""Drafts: typed text the store refused, kept on disk so that quitting never loses it.

When a save is refused (a text over the limit, a store locked or removed)
and the screen closes anyway, what was typed goes to a small JSON file
beside the store, one per workshop and group. Reopening the group offers it
back. A draft is the screen's, not the workshop's: no history, no export.
The folder sits beside the store because SQLite already needs to write
there (its journal); a draft that cannot be written either is reported. A
store on a PostgreSQL server has no folder: its drafts go to this computer's
data folder, one folder per database.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fiction.errors import FictionError
from fiction.fileio import write_atomically
from fiction.store.location import ServerURL, StoreLocation

MAX_BYTES = 2_000_000
"""A draft file larger than this is not ours (or not a draft): it is left alone."""


@dataclass(frozen=True)
class Draft:
    """Fields (store path → value) typed on a group's screen and never saved."""

    fields: dict[str, Any]
    saved_at: float


class DraftBox:
    """The drafts of one store: `<store>.brouillons/`."""

    def __init__(self, store_path: StoreLocation) -> None:
        if isinstance(store_path, ServerURL):
            from platformdirs import user_data_dir

            database = hashlib.sha256(str(store_path).encode()).hexdigest()[:16]
            self.folder = Path(user_data_dir("fiction", appauthor=False)) / f"brouillons-{database}"
        else:
            self.folder = Path(f"{store_path}.brouillons")

    def _path(self, workshop: str, group: int) -> Path:
        key = hashlib.sha256(f"{workshop}\x00{group}".encode()).hexdigest()[:16]
        return self.folder / f"groupe-{group}-{key}.json"

    def keep(self, workshop: str, group: int, fields: Mapping[str, Any]) -> Path:
        """Add `fields` to the group's draft (a field typed again replaces its old draft)."""
        found = self.read(workshop, group)
        merged = {**(found.fields if found else {}), **fields}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise FictionError(
                f"Impossible de garder le brouillon dans « {self.folder} » "
                f"({error.strerror or error})."
            ) from error
        return self._write(workshop, group, merged, time.time())

    def _write(self, workshop: str, group: int, fields: Mapping[str, Any], at: float) -> Path:
        path = self._path(workshop, group)
        data = {"workshop": workshop, "group": group, "saved_at": at, "fields": dict(fields)}
        write_atomically(path, json.dumps(data, ensure_ascii=False, indent=1))
        return path

    def read(self, workshop: str, group: int) -> Draft | None:
        """The group's draft, or None (none kept, or a file that is not a draft)."""
        path = self._path(workshop, group)
        try:
            if not path.is_file() or path.stat().st_size > MAX_BYTES:
                return None
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("workshop") != workshop:
            return None
        fields = data.get("fields")
        if not isinstance(fields, dict) or not fields:
            return None
        saved_at = data.get("saved_at")
        return Draft(fields, saved_at if isinstance(saved_at, (int, float)) else 0.0)

    def discard(self, workshop: str, group: int, fields: frozenset[str] | None = None) -> None:
        """Forget the group's draft (or only `fields` of it, once they are saved)."""
        found = self.read(workshop, group)
        path = self._path(workshop, group)
        remaining = {
            field: value
            for field, value in (found.fields.items() if found else ())
            if fields is not None and field not in fields
        }
        try:
            if remaining and found is not None:
                self._write(workshop, group, remaining, found.saved_at)
            else:
                path.unlink(missing_ok=True)
        except (OSError, FictionError):
            pass  # an old draft offered again is better than an error on the way out
