"""Card pages as plain values: which face or back goes where, on which page.

Three arrangements of the same cards: home sheets (a grid of fronts, then the
grid of their backs placed for duplex printing, cut marks and the « print at
100 % » note in the margins), print-shop pages (one card per page, the page
being the card, bleed and crop marks added by `@page`), and single cards
without bleed (for pictures and for measuring text).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from fiction.render.faces import Back, Face
from fiction.render.sheet import CardSize, Rect, SheetLayout, Slot

SHOP_MARKS_BLEED = 8.0
"""The print-shop page's `@page` bleed: WeasyPrint draws the crop marks in its outer half."""
SHOP_BLEED = 10 * 25.4 / 72
"""The colour painted past the cut on print-shop pages: 10 pt (3.5 mm), exactly the
BleedBox WeasyPrint writes, so the box a print shop trusts is never white at its edge
and the crop marks (4 to 8 mm out) never touch the paint."""


@dataclass(frozen=True)
class Placed:
    """A front (`face`) or a back (`back`) in its slot, with its body text size."""

    slot: Slot
    face: Face | None = None
    back: Back | None = None
    font_pt: float = 0.0
    tag: str = ""
    """Whose card it is (« Groupe 2 · Panda zen »), printed along its foot; empty for a deck."""


@dataclass(frozen=True)
class Note:
    """A printing instruction in a margin: `scale` (print at 100 %) or the duplex edge."""

    box: Rect
    name: str


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    side: str
    """`recto` (fronts) or `verso` (backs)."""
    cards: tuple[Placed, ...]
    marks: tuple[Rect, ...] = ()
    """Cut marks in the margins, off every card."""
    guides: tuple[Rect, ...] = ()
    """Cut lines shown across the painted gutters, drawn over the cards' bleed."""
    notes: tuple[Note, ...] = ()
    print_shop: bool = False


def home_sheets(
    layout: SheetLayout,
    faces: Sequence[Face],
    backs: Mapping[str, Back],
    sizes: Mapping[str, float],
    duplex: str,
    offset: tuple[float, float] = (0.0, 0.0),
    tags: Sequence[str] = (),
) -> list[Page]:
    """Sheets of fronts, each followed by its backs unless `duplex` is `none`.

    With `tags` (one per face: whose hand it is), each hand starts on a sheet
    of its own and every card carries its tag.
    """
    pages = []
    for start, chunk, chunk_tags in _sheetfuls(faces, tags or [""] * len(faces), layout.per_sheet):
        slots = layout.fronts(len(chunk))
        wanted = [(True, "scale"), (False, duplex)] if start == 0 else []
        notes = tuple(
            Note(box, name)
            for top, name in wanted
            if name != "none" and (box := layout.note_box(top=top)) is not None
        )
        fronts = tuple(
            Placed(slot, face=face, font_pt=sizes[face.key], tag=tag)
            for slot, face, tag in zip(slots, chunk, chunk_tags, strict=True)
        )
        marks, guides = tuple(layout.cut_marks()), tuple(layout.guides())
        pages.append(Page(layout.width, layout.height, "recto", fronts, marks, guides, notes))
        if duplex != "none":
            verso = tuple(
                Placed(layout.back_of(slot, duplex, offset), back=backs[face.kind])
                for slot, face in zip(slots, chunk, strict=True)
            )
            marks, guides = tuple(layout.cut_marks(offset)), tuple(layout.guides(offset))
            pages.append(Page(layout.width, layout.height, "verso", verso, marks, guides))
    return pages


def _sheetfuls(
    faces: Sequence[Face], tags: Sequence[str], per_sheet: int
) -> list[tuple[int, Sequence[Face], Sequence[str]]]:
    """(index of its first card, faces, tags) of each sheet: a new sheet for each new tag."""
    sheets: list[tuple[int, Sequence[Face], Sequence[str]]] = []
    start = 0
    while start < len(faces):
        end = start + 1
        while end < len(faces) and end - start < per_sheet and tags[end] == tags[start]:
            end += 1
        sheets.append((start, faces[start:end], tags[start:end]))
        start = end
    return sheets


def shop_pages(
    size: CardSize,
    faces: Sequence[Face],
    backs: Mapping[str, Back],
    sizes: Mapping[str, float],
    with_backs: bool,
    tags: Sequence[str] = (),
) -> list[Page]:
    """One card per page, its back on the next page when `with_backs`."""
    bleed = SHOP_BLEED
    slot = Slot(0, 0, Rect(0.0, 0.0, size.width, size.height), bleed, bleed, bleed, bleed)
    pages = []
    for face, tag in zip(faces, tags or [""] * len(faces), strict=True):
        front = Placed(slot, face=face, font_pt=sizes[face.key], tag=tag)
        pages.append(Page(size.width, size.height, "recto", (front,), print_shop=True))
        if with_backs:
            verso = (Placed(slot, back=backs[face.kind]),)
            pages.append(Page(size.width, size.height, "verso", verso, print_shop=True))
    return pages


def single_cards(
    size: CardSize,
    faces: Sequence[Face],
    sizes: Mapping[str, float],
    *,
    room: float = 1.0,
    tags: Sequence[str] = (),
    bleed: float = 0.0,
    backs: Mapping[str, Back] | None = None,
) -> list[Page]:
    """Each front alone on a page its size plus `bleed` all round (no mark).

    With `backs`, each front is followed by its back. `room` makes the page
    that many times taller than the card: text running off a card then still
    lays out below it, so measuring sees how far it runs (WeasyPrint drops
    what would fall past the page's end).
    """
    slot = Slot(0, 0, Rect(bleed, bleed, size.width, size.height), bleed, bleed, bleed, bleed)
    width, height = size.width + 2 * bleed, size.height * room + 2 * bleed
    pages = []
    for face, tag in zip(faces, tags or [""] * len(faces), strict=True):
        front = Placed(slot, face=face, font_pt=sizes[face.key], tag=tag)
        pages.append(Page(width, height, "recto", (front,)))
        if backs is not None:
            pages.append(Page(width, height, "verso", (Placed(slot, back=backs[face.kind]),)))
    return pages


def measuring_page(
    size: CardSize, faces: Sequence[Face], sizes: Mapping[str, float], *, room: float
) -> Page:
    """Every front side by side on one page `room` times a card's height, for measuring.

    Text running off a card still lays out below it (WeasyPrint drops only what
    would fall past the page's end), so measuring sees how far it runs. One page
    for all the cards: WeasyPrint lays out a page at a cost, and one card a page
    cost several times the cards themselves.
    """
    cards = tuple(
        Placed(
            Slot(0, column, Rect(column * size.width, 0.0, size.width, size.height), 0, 0, 0, 0),
            face=face,
            font_pt=sizes[face.key],
        )
        for column, face in enumerate(faces)
    )
    return Page(size.width * max(1, len(faces)), size.height * room, "recto", cards)
