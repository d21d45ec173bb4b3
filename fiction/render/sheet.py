"""Where each card sits on a home-printed sheet, in millimetres.

Plain geometry, so it can be checked without laying out a page. Cards are
centred in a grid with at least `MIN_MARGIN` to every page edge, so the part
a home printer cannot reach holds only cut marks. Each card keeps its own
bleed (colour printed past the cut line, so a cut a little off still leaves
no white edge): `BLEED` on the sheet's outer sides, and half the gutter where
two cards meet when the sheet is too tight for two full bleeds (three poker
cards across A4). The back of the card in row r, column c is printed where
that spot lands once the sheet is turned over: the mirrored column for a
long-edge duplex, the mirrored row for a short-edge one, shifted by the
printer's offset.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from fiction.errors import FictionError

BLEED = 3.0
MIN_MARGIN = 6.0
SAFE_INSET = 3.5
"""Text stays this far inside the cut line: a cut that drifts never reaches it."""
MARK_GAP = 0.5
"""Cut marks stop this short of the bleed, so no mark is ever printed on a card."""
MARK_LENGTH = 5.0
MARK_WIDTH = 0.2
NOTE_HEIGHT = 2.5
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

    def slot(self, row: int, column: int, offset: tuple[float, float] = (0.0, 0.0)) -> Slot:
        x = self.margin_x + column * (self.size.width + self.gutter_x) + offset[0]
        y = self.margin_y + row * (self.size.height + self.gutter_y) + offset[1]
        inner_x, inner_y = min(BLEED, self.gutter_x / 2), min(BLEED, self.gutter_y / 2)
        return Slot(
            row,
            column,
            Rect(x, y, self.size.width, self.size.height),
            bleed_top=BLEED if row == 0 else inner_y,
            bleed_right=BLEED if column == self.columns - 1 else inner_x,
            bleed_bottom=BLEED if row == self.rows - 1 else inner_y,
            bleed_left=BLEED if column == 0 else inner_x,
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
        """Short lines in the margins, on the extension of every cut line."""
        dx, dy = offset
        top = self.margin_y - BLEED - MARK_GAP + dy
        bottom = self.height - self.margin_y + BLEED + MARK_GAP + dy
        left = self.margin_x - BLEED - MARK_GAP + dx
        right = self.width - self.margin_x + BLEED + MARK_GAP + dx
        marks = []
        for x in self._cuts(self.margin_x, self.size.width, self.gutter_x, self.columns):
            marks.append(self._mark_up(x + dx, top))
            marks.append(self._mark_down(x + dx, bottom))
        for y in self._cuts(self.margin_y, self.size.height, self.gutter_y, self.rows):
            marks.append(self._mark_left(y + dy, left))
            marks.append(self._mark_right(y + dy, right))
        return [mark for mark in marks if mark.width > 0 and mark.height > 0]

    def note_box(self, *, top: bool) -> Rect:
        """Room for a note in the top (or bottom) margin, between two cut marks."""
        cuts = [0.0, *self._cuts(self.margin_x, self.size.width, self.gutter_x, self.columns)]
        cuts.append(self.width)
        centre = self.width / 2
        start, end = max(
            itertools.pairwise(cuts),
            key=lambda pair: (round(pair[1] - pair[0]), -abs((pair[0] + pair[1]) / 2 - centre)),
        )
        free = self.margin_y - BLEED - MARK_GAP
        height = min(NOTE_HEIGHT, free)
        y = free - height if top else self.height - free
        return Rect(start + 1.0, y, end - start - 2.0, height)

    @staticmethod
    def _cuts(margin: float, length: float, gutter: float, count: int) -> list[float]:
        cuts: list[float] = []
        for index in range(count):
            start = margin + index * (length + gutter)
            for cut in (start, start + length):
                if not cuts or abs(cuts[-1] - cut) > 1e-6:
                    cuts.append(cut)
        return cuts

    def _mark_up(self, x: float, end: float) -> Rect:
        start = max(0.0, end - MARK_LENGTH)
        return Rect(x - MARK_WIDTH / 2, start, MARK_WIDTH, end - start)

    def _mark_down(self, x: float, start: float) -> Rect:
        end = min(self.height, start + MARK_LENGTH)
        return Rect(x - MARK_WIDTH / 2, start, MARK_WIDTH, end - start)

    def _mark_left(self, y: float, end: float) -> Rect:
        start = max(0.0, end - MARK_LENGTH)
        return Rect(start, y - MARK_WIDTH / 2, end - start, MARK_WIDTH)

    def _mark_right(self, y: float, start: float) -> Rect:
        end = min(self.width, start + MARK_LENGTH)
        return Rect(start, y - MARK_WIDTH / 2, end - start, MARK_WIDTH)


def plan_sheet(size: CardSize, paper: Paper) -> SheetLayout:
    """The grid holding the most cards of `size` on `paper`, portrait first on a tie.

    A sheet turned to landscape is still exactly the paper's size: A6 cards go
    two to an A4 sheet that way, where portrait holds one.
    """
    best: SheetLayout | None = None
    for landscape in (False, True):
        width, height = (paper.height, paper.width) if landscape else (paper.width, paper.height)
        columns, gutter_x = _fit(width, size.width)
        rows, gutter_y = _fit(height, size.height)
        layout = SheetLayout(size, paper, landscape, columns, rows, gutter_x, gutter_y)
        if best is None or layout.per_sheet > best.per_sheet:
            best = layout
    assert best is not None
    if best.per_sheet == 0:
        raise FictionError(
            f"Les cartes {size.name} ({size.width:g} × {size.height:g} mm) ne tiennent pas "
            f"sur une feuille {paper.name.upper()} avec des marges de {MIN_MARGIN:g} mm."
        )
    return best


def _fit(room: float, length: float) -> tuple[int, float]:
    """How many cards fit across `room` mm, and the gutter between them (≤ two bleeds)."""
    usable = room - 2 * MIN_MARGIN
    count = int(usable // length)
    if count <= 1:
        return max(count, 0), 0.0
    return count, min(2 * BLEED, (usable - count * length) / (count - 1))
