"""Every card's text inside its safe box, read from WeasyPrint's own layout.

A card's body text starts at its format's size; a card whose laid-out text
runs past the bottom (or side) of its safe box is laid out again smaller,
down to `MIN_PT`. The check reads the positions WeasyPrint computed for every
line and glyph run, not an estimate from character counts, so what it
accepts is what prints. A text that cannot fit even at `MIN_PT` stops the
print with the card's name: nothing is ever cut off silently.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from fiction.errors import FictionError
from fiction.render.faces import Face

ESTIMATE_SAFE = 0.75
"""Cards whose estimated fill (`estimated_fill`) is below this are not measured before
the print: the estimate was never more than 0.1 under the measured fill on the
built-in deck, and the printed document is checked anyway (`card_fills`)."""
CHAR_AREA_EM2 = 0.55 * 1.28
"""An average character's width times the line height, in square ems (Open Sans)."""
BLOCK_CHARS = 40
"""What a block's margins and its last, half-empty line cost, in characters."""
MIN_PT = 6.0
"""Below this, card text is too small to read around a table."""
STEP_PT = 0.25
MAX_ROUNDS = 6
TOLERANCE_PX = 0.5
"""Sub-pixel rounding of the layout, far below anything a reader could see."""


@dataclass(frozen=True)
class Fill:
    """How much of a card's safe box its text takes: `height` > 1 overflows."""

    key: str
    height: float
    sticks_out: bool

    @property
    def fits(self) -> bool:
        return self.height <= 1.0 and not self.sticks_out


def card_fills(document: Any) -> list[Fill]:
    """One `Fill` per card front laid out in `document` (boxes marked `data-safe`).

    WeasyPrint exposes laid-out positions only through each page's box tree
    (`Page._page_box`); the print tests lay out the whole deck through this
    function, so a WeasyPrint that moved it would fail them, not print blind.
    """
    fills = []
    for page in document.pages:
        for box in _safe_boxes(page._page_box):
            fills.append(_fill(box))
    return fills


def fit_sizes(
    faces: Sequence[Face],
    start_pt: float,
    measure: Callable[[Sequence[Face], dict[str, float]], Any],
) -> dict[str, float]:
    """The largest body size (in `STEP_PT` steps, at most `start_pt`) each card fits at.

    `measure` lays out the given faces at the given sizes and returns the
    WeasyPrint document; only the cards that still overflow are laid out again.
    """
    unique = list({face.key: face for face in faces}.values())
    sizes = {face.key: start_pt for face in unique}
    pending = unique
    for _ in range(MAX_ROUNDS):
        if not pending:
            return sizes
        fills = {fill.key: fill for fill in card_fills(measure(pending, sizes))}
        overflowing = [face for face in pending if not fills[face.key].fits]
        stuck = [face for face in overflowing if sizes[face.key] <= MIN_PT]
        if stuck:
            raise _too_long(stuck)
        for face in overflowing:
            sizes[face.key] = _smaller(sizes[face.key], fills[face.key])
        pending = overflowing
    if pending:
        raise _too_long(pending)
    return sizes


def layout_engine() -> str:
    """The versions of WeasyPrint and Pango: a fitted size kept on disk holds for these only."""
    import weasyprint
    from weasyprint.text.ffi import pango

    return f"WeasyPrint {weasyprint.__version__}, Pango {pango.pango_version()}"


def estimated_fill(face: Face, width_mm: float, height_mm: float, pt: float) -> float:
    """Roughly how much of a safe box of `width_mm` × `height_mm` the text of `face` takes.

    Only a filter: cards estimated well under full are printed without being
    measured first, and the printed layout is then checked all the same.
    """
    em = pt * 25.4 / 72
    characters = sum(len(text) for text in face.texts()) + BLOCK_CHARS * len(face.blocks)
    return characters * CHAR_AREA_EM2 * em * em / (width_mm * height_mm)


def _smaller(size: float, fill: Fill) -> float:
    """Text area grows with the square of the size: shrink by the root of the excess."""
    ratio = 1 / math.sqrt(fill.height) if fill.height > 1 else 1.0
    wanted = min(size * ratio * 0.99, size - STEP_PT)
    return max(MIN_PT, math.floor(wanted / STEP_PT) * STEP_PT)


def _too_long(faces: Sequence[Face]) -> FictionError:
    names = ", ".join(f"« {face.title} » ({face.key})" for face in faces)
    return FictionError(
        f"Texte trop long pour le format de carte choisi, même en {MIN_PT:g} points : {names}. "
        "Raccourcissez ces cartes ou choisissez un format plus grand (--size)."
    )


def _safe_boxes(root: Any) -> Iterator[Any]:
    stack = [root]
    while stack:
        box = stack.pop()
        element = getattr(box, "element", None)
        if element is not None and element.get("data-safe") and box.element_tag == "div":
            yield box
            continue
        stack.extend(reversed(getattr(box, "children", ())))


def _fill(safe: Any) -> Fill:
    left, top = safe.content_box_x(), safe.content_box_y()
    right, bottom = left + safe.width, top + safe.height
    lowest, sticks_out = top, False
    for box in _descendants(safe):
        x, y = box.border_box_x(), box.border_box_y()
        lowest = max(lowest, y + box.border_height())
        if x < left - TOLERANCE_PX or x + box.border_width() > right + TOLERANCE_PX:
            sticks_out = True
    used = lowest - top
    if lowest <= bottom + TOLERANCE_PX:
        used = min(used, safe.height)
    return Fill(safe.element.get("data-safe"), used / safe.height, sticks_out)


def _descendants(box: Any) -> Iterator[Any]:
    for child in getattr(box, "children", ()):
        yield child
        yield from _descendants(child)
