"""Where each card sits on a home-printed sheet, in millimetres.

Plain geometry, so it can be checked without laying out a page. Home
printers cannot print the `UNPRINTED` millimetres along the paper's edges,
so nothing is drawn there: no card, no bleed, no mark, no note. Cards are
centred in a grid; each keeps its own bleed (colour printed past the cut
line, so a cut a little off still leaves no white edge), between `MIN_BLEED`
and `BLEED` on every side, neighbours included: the gutter between two cards
is their two bleeds. A sheet too tight for that holds fewer cards.

Since the gutters are painted, the cut lines are shown where they cross the
gutters (`guides`: short black lines outlined in white, drawn over the
paint, never on a card) and continued in the margins wherever the margin
has room for a mark (`cut_marks`). The « print at 100 % » note goes in the
top margin when the sheet leaves room for it; a layout that leaves room is
preferred to one that does not, unless the other holds more cards.

The back of the card in row r, column c is printed where that spot lands
once the sheet is turned over: the mirrored column for a long-edge duplex,
the mirrored row for a short-edge one, shifted by the printer's offset.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from fiction.errors import FictionError

UNPRINTED = 5.0
"""Millimetres along each edge of the paper that home printers may not reach: left blank."""
MAX_BACK_OFFSET = UNPRINTED
"""The most the backs may be shifted (`--back-offset`), in millimetres each way: printers
drift by one or two, and past the unprinted band a shift is a typing slip, not a drift.
One limit for the command line and the app (`CardOptions`)."""
BLEED = 3.0
MIN_BLEED = 1.0
MIN_MARGIN = UNPRINTED + MIN_BLEED
"""The least room between a cut line and the paper's edge."""
SAFE_INSET = 3.5
"""Text stays this far inside the cut line: a cut that drifts never reaches it."""
MARK_GAP = 0.5
"""Cut marks stop this short of the bleed, so no mark is ever printed on a card."""
MARK_LENGTH = 5.0
MARK_WIDTH = 0.2
MIN_MARK = 1.0
"""A mark shorter than this would not be seen: left out."""
NOTE_HEIGHT = 2.5
NOTE_ROOM = NOTE_HEIGHT + MARK_GAP
BACKS = ("long", "short", "none")


@dataclass(frozen=True)
class CardSize:
    """A card format: trim size in millimetres and its body text size in points."""

    name: str
    width: float
    height: float
    body_pt: float
    band: float
    """Height of the coloured band at the top of a front, from the cut line."""


CARD_SIZES = {
    "poker": CardSize("poker", 63.0, 88.0, 8.5, 10.0),
    "bridge": CardSize("bridge", 57.0, 89.0, 8.0, 10.0),
    "tarot": CardSize("tarot", 70.0, 120.0, 9.5, 12.0),
    "a6": CardSize("a6", 105.0, 148.0, 11.0, 14.0),
}


@dataclass(frozen=True)
class Paper:
    name: str
    width: float
    height: float


PAPERS = {"a4": Paper("a4", 210.0, 297.0), "letter": Paper("letter", 215.9, 279.4)}


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def overlaps(self, other: Rect) -> bool:
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

    def within(self, other: Rect, tolerance: float = 1e-6) -> bool:
        return (
            self.x >= other.x - tolerance
            and self.y >= other.y - tolerance
            and self.right <= other.right + tolerance
            and self.bottom <= other.bottom + tolerance
        )


@dataclass(frozen=True)
class Slot:
    """One card's place on a sheet: its cut line and how far its colour bleeds on each side."""

    row: int
    column: int
    trim: Rect
    bleed_top: float
    bleed_right: float
    bleed_bottom: float
    bleed_left: float

    @property
    def box(self) -> Rect:
        """The printed area: the card and its bleed."""
        return Rect(
            self.trim.x - self.bleed_left,
            self.trim.y - self.bleed_top,
            self.trim.width + self.bleed_left + self.bleed_right,
            self.trim.height + self.bleed_top + self.bleed_bottom,
        )


@dataclass(frozen=True)
class SheetLayout:
    """A grid of `columns` × `rows` cards of `size`, centred on `width` × `height` mm."""

    size: CardSize
    paper: Paper
    landscape: bool
    columns: int
    rows: int
    gutter_x: float
    gutter_y: float

    @property
    def width(self) -> float:
        return self.paper.height if self.landscape else self.paper.width

    @property
    def height(self) -> float:
        return self.paper.width if self.landscape else self.paper.height

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    @property
    def margin_x(self) -> float:
        used = self.columns * self.size.width + (self.columns - 1) * self.gutter_x
        return (self.width - used) / 2

    @property
    def margin_y(self) -> float:
        used = self.rows * self.size.height + (self.rows - 1) * self.gutter_y
        return (self.height - used) / 2

    @property
    def outer_bleed_x(self) -> float:
        """The bleed on the sheet's left and right sides: as between cards, short of `UNPRINTED`."""
        return _outer_bleed(self.columns, self.gutter_x, self.margin_x)

    @property
    def outer_bleed_y(self) -> float:
        return _outer_bleed(self.rows, self.gutter_y, self.margin_y)

    def slot(self, row: int, column: int, offset: tuple[float, float] = (0.0, 0.0)) -> Slot:
        x = self.margin_x + column * (self.size.width + self.gutter_x) + offset[0]
        y = self.margin_y + row * (self.size.height + self.gutter_y) + offset[1]
        inner_x, inner_y = self.gutter_x / 2, self.gutter_y / 2
        outer_x, outer_y = self.outer_bleed_x, self.outer_bleed_y
        return Slot(
            row,
            column,
            Rect(x, y, self.size.width, self.size.height),
            bleed_top=outer_y if row == 0 else inner_y,
            bleed_right=outer_x if column == self.columns - 1 else inner_x,
            bleed_bottom=outer_y if row == self.rows - 1 else inner_y,
            bleed_left=outer_x if column == 0 else inner_x,
        )

    def fronts(self, count: int) -> list[Slot]:
        """The first `count` places of a sheet, row by row."""
        return [self.slot(index // self.columns, index % self.columns) for index in range(count)]

    def back_of(self, front: Slot, backs: str, offset: tuple[float, float]) -> Slot:
        """Where the back of `front` is printed for a `long` or `short` edge duplex."""
        if backs == "long":
            return self.slot(front.row, self.columns - 1 - front.column, offset)
        return self.slot(self.rows - 1 - front.row, front.column, offset)

    def cut_marks(self, offset: tuple[float, float] = (0.0, 0.0)) -> list[Rect]:
        """Short lines in the margins on the extension of every cut line, where there is room.

        Each runs from just outside the bleed towards the paper's edge, never
        into the `UNPRINTED` band; a margin too narrow for a visible mark has
        none (the cut line is still shown by its `guides`).
        """
        dx, dy = offset
        top = self.margin_y - self.outer_bleed_y - MARK_GAP + dy
        bottom = self.height - self.margin_y + self.outer_bleed_y + MARK_GAP + dy
        left = self.margin_x - self.outer_bleed_x - MARK_GAP + dx
        right = self.width - self.margin_x + self.outer_bleed_x + MARK_GAP + dx
        marks = []
        for x in self._cuts(self.margin_x, self.size.width, self.gutter_x, self.columns):
            marks.append(self._vertical(x + dx, max(UNPRINTED, top - MARK_LENGTH), top))
            end = min(self.height - UNPRINTED, bottom + MARK_LENGTH)
            marks.append(self._vertical(x + dx, bottom, end))
        for y in self._cuts(self.margin_y, self.size.height, self.gutter_y, self.rows):
            marks.append(self._horizontal(y + dy, max(UNPRINTED, left - MARK_LENGTH), left))
            end = min(self.width - UNPRINTED, right + MARK_LENGTH)
            marks.append(self._horizontal(y + dy, right, end))
        return [mark for mark in marks if max(mark.width, mark.height) >= MIN_MARK]

    def guides(self, offset: tuple[float, float] = (0.0, 0.0)) -> list[Rect]:
        """Every cut line shown across the gutters it crosses, off every card.

        The gutters are painted with the cards' bleed, so a cut line would not
        be seen on the sheet; these short lines, drawn over the paint, show
        where to cut and are cut away with the gutter.
        """
        dx, dy = offset
        guides = []
        tops = [
            self.margin_y + row * (self.size.height + self.gutter_y) for row in range(self.rows)
        ]
        lefts = [
            self.margin_x + column * (self.size.width + self.gutter_x)
            for column in range(self.columns)
        ]
        for x in self._cuts(self.margin_x, self.size.width, self.gutter_x, self.columns):
            for top in tops[1:]:
                start = top - self.gutter_y + MARK_GAP
                guides.append(self._vertical(x + dx, start + dy, top - MARK_GAP + dy))
        for y in self._cuts(self.margin_y, self.size.height, self.gutter_y, self.rows):
            for left in lefts[1:]:
                start = left - self.gutter_x + MARK_GAP
                guides.append(self._horizontal(y + dy, start + dx, left - MARK_GAP + dx))
        return [guide for guide in guides if max(guide.width, guide.height) >= MIN_MARK]

    @property
    def has_note_room(self) -> bool:
        """The top and bottom margins hold a note between `UNPRINTED` and the bleed."""
        free = self.margin_y - self.outer_bleed_y - MARK_GAP - UNPRINTED
        return free >= NOTE_HEIGHT - 1e-6

    def note_box(self, *, top: bool) -> Rect | None:
        """Room for a note in the top (or bottom) margin, between two cut marks (None if none)."""
        if not self.has_note_room:
            return None
        cuts = [0.0, *self._cuts(self.margin_x, self.size.width, self.gutter_x, self.columns)]
        cuts.append(self.width)
        centre = self.width / 2
        start, end = max(
            itertools.pairwise(cuts),
            key=lambda pair: (round(pair[1] - pair[0]), -abs((pair[0] + pair[1]) / 2 - centre)),
        )
        start, end = max(start, UNPRINTED), min(end, self.width - UNPRINTED)
        inner = self.margin_y - self.outer_bleed_y - MARK_GAP
        y = inner - NOTE_HEIGHT if top else self.height - inner
        return Rect(start + 1.0, y, end - start - 2.0, NOTE_HEIGHT)

    @staticmethod
    def _cuts(margin: float, length: float, gutter: float, count: int) -> list[float]:
        cuts: list[float] = []
        for index in range(count):
            start = margin + index * (length + gutter)
            for cut in (start, start + length):
                if not cuts or abs(cuts[-1] - cut) > 1e-6:
                    cuts.append(cut)
        return cuts

    @staticmethod
    def _vertical(x: float, start: float, end: float) -> Rect:
        return Rect(x - MARK_WIDTH / 2, start, MARK_WIDTH, max(0.0, end - start))

    @staticmethod
    def _horizontal(y: float, start: float, end: float) -> Rect:
        return Rect(start, y - MARK_WIDTH / 2, max(0.0, end - start), MARK_WIDTH)


def plan_sheet(size: CardSize, paper: Paper) -> SheetLayout:
    """The grid holding the most cards of `size` on `paper`.

    On a tie, a grid leaving room for the printing notes comes first, then
    portrait. A sheet turned to landscape is still exactly the paper's size:
    A6 cards go two to an A4 sheet that way, where portrait holds one.
    """
    best: SheetLayout | None = None
    for landscape in (False, True):
        width, height = (paper.height, paper.width) if landscape else (paper.width, paper.height)
        columns, gutter_x = _fit(width, size.width)
        for reserve in (0.0, NOTE_ROOM):
            rows, gutter_y = _fit(height, size.height, reserve)
            layout = SheetLayout(size, paper, landscape, columns, rows, gutter_x, gutter_y)
            if best is None or (layout.per_sheet, layout.has_note_room) > (
                best.per_sheet,
                best.has_note_room,
            ):
                best = layout
    assert best is not None
    if best.per_sheet == 0:
        raise FictionError(
            f"Les cartes {size.name} ({size.width:g} × {size.height:g} mm) ne tiennent pas "
            f"sur une feuille {paper.name.upper()} avec des marges de {MIN_MARGIN:g} mm."
        )
    return best


def _outer_bleed(count: int, gutter: float, margin: float) -> float:
    if count > 1:
        return gutter / 2
    return max(0.0, min(BLEED, margin - UNPRINTED))


def _fit(room: float, length: float, reserve: float = 0.0) -> tuple[int, float]:
    """How many cards fit across `room` mm, and the gutter between them.

    Each card needs at least `MIN_BLEED` on both sides, and the `UNPRINTED`
    band (plus `reserve`, room for a note) stays clear at both ends; what is
    left is shared as bleed, up to `BLEED`, the same on every side.
    """
    usable = room - 2 * (UNPRINTED + reserve)
    count = max(0, int(usable // (length + 2 * MIN_BLEED)))
    if count <= 1:
        return count, 0.0
    share = min(BLEED, (usable - count * length) / (2 * count))
    return count, 2 * share
