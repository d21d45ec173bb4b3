"""French typography for printed text: no line ever starts with « ; : ! ? », » or %.

French sets a space before the high punctuation marks and inside guillemets,
and that space must not break, or a lone « ? » opens the next line. Groups type
ordinary spaces (or none); this turns them into no-break spaces. The narrow
no-break space some keyboards produce becomes a plain no-break space, the one
the shipped font draws.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
_ODD_SPACES = re.compile("[\u202f\u2009\u2007]")
_SPACED_HIGH = re.compile(r"(?<=[^\s;:!?])[ \t\u00a0]+([;:!?])")
_UNSPACED_HIGH = re.compile(r"(?<=[^\s;:!?])([;!?])(?=\s|$|[!?»)\"'’.,])")
_UNSPACED_COLON = re.compile(r"(?<=[^\s;:!?]):(?=\s|$)")
_AFTER_OPENING = re.compile(r"«[ \t\u00a0]*")
_BEFORE_CLOSING = re.compile(r"[ \t\u00a0]*»")
_BEFORE_PERCENT = re.compile(r"(?<=\d)[ \t]+%")


def french_spacing(text: str) -> str:
    """`Et si demain?` → `Et si demain\u00a0?`; `«oui»` → `«\u00a0oui\u00a0»`.

    A space is added only before a mark that ends a phrase (`10:30`, `http://`
    and the `!` of `?!` are left alone); spaces already typed before a mark
    become no-break spaces.
    """
    text = _ODD_SPACES.sub(NBSP, text)
    text = _AFTER_OPENING.sub("«" + NBSP, text)
    text = _BEFORE_CLOSING.sub(NBSP + "»", text)
    text = _BEFORE_PERCENT.sub(NBSP + "%", text)
    text = _SPACED_HIGH.sub(NBSP + r"\1", text)
    text = _UNSPACED_HIGH.sub(NBSP + r"\1", text)
    return _UNSPACED_COLON.sub(NBSP + ":", text)
