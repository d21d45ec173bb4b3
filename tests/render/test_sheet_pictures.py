"""Printed sheets looked at as pictures: cut marks on the cut lines, backs behind fronts.

pdftoppm turns the PDF into pixels; turning the backs page over its long edge
(a left-right mirror) must put every back exactly behind its front.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageOps

from fiction.render.card_pages import SHOP_BLEED, SHOP_MARKS_BLEED
from fiction.render.cards import CardOptions, cards_pdf
from fiction.render.faces import deck_faces
from fiction.render.pdf import Printer
from fiction.render.sheet import (
    CARD_SIZES,
    MARK_GAP,
    PAPERS,
    UNPRINTED,
    SheetLayout,
    Slot,
    plan_sheet,
)

DPI = 100
TOLERANCE_MM = 0.6
"""About two pixels at 100 dpi: anti-aliasing and rounding, nothing a cutter would see."""


def pictures(pdftoppm: str, pdf: bytes, folder: Path, pages: int = 2) -> list[Image.Image]:
    source = folder / "planche.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [pdftoppm, "-r", str(DPI), "-f", "1", "-l", str(pages), "-png", source, folder / "p"],
        check=True,
    )
    return [Image.open(path).convert("RGB") for path in sorted(folder.glob("p-*.png"))]


def pixel(image: Image.Image, x_mm: float, y_mm: float) -> tuple[int, int, int]:
    return image.getpixel((round(x_mm * DPI / 25.4), round(y_mm * DPI / 25.4)))


def colour(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def near(found: tuple[int, int, int], wanted: tuple[int, int, int], slack: int = 24) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(found, wanted, strict=True))


WHITE = (255, 255, 255)


def dark_near(image: Image.Image, x_mm: float, y_mm: float) -> bool:
    """A dark pixel within a pixel of the point (a 0.2 mm line is under a pixel wide, so grey)."""
    pixel_mm = 25.4 / DPI
    return any(
        sum(pixel(image, x_mm + dx * pixel_mm, y_mm + dy * pixel_mm)) < 3 * 200
        for dx in (-1, 0, 1)
        for dy in (-1, 0, 1)
    )


def painted_edges(image: Image.Image, slot: Slot, paint: tuple[int, int, int]) -> dict:
    """Where the card's colour starts and stops, scanning across its top band (in mm)."""
    y = slot.trim.y + 1.0
    step = 25.4 / DPI / 2
    x = slot.trim.x + slot.trim.width / 2
    left = x
    while near(pixel(image, left - step, y), paint):
        left -= step
    right = x
    while near(pixel(image, right + step, y), paint):
        right += step
    return {"left": left, "right": right}


@pytest.fixture(scope="module")
def layout() -> SheetLayout:
    return plan_sheet(CARD_SIZES["poker"], PAPERS["a4"])


@pytest.fixture(scope="module")
def sheet_pictures(deck_sheets, pdftoppm, tmp_path_factory) -> list[Image.Image]:
    return pictures(pdftoppm, deck_sheets.pdf, tmp_path_factory.mktemp("png"))


def test_a_cut_mark_continues_every_cut_line_in_the_margins(sheet_pictures, layout):
    fronts = sheet_pictures[0]
    slots = layout.fronts(9)
    top_margin_y = slots[0].box.y - 1.0 - MARK_GAP
    for cut in sorted({x for slot in slots for x in (slot.trim.x, slot.trim.right)}):
        assert dark_near(fronts, cut, top_margin_y), cut
        assert pixel(fronts, cut + 1.2, top_margin_y) == WHITE
        assert pixel(fronts, cut - 1.2, top_margin_y) == WHITE


def test_every_cut_line_shows_across_the_painted_gutters(sheet_pictures, layout):
    fronts = sheet_pictures[0]
    slots = layout.fronts(9)
    between_columns = slots[0].trim.right + layout.gutter_x / 2
    for cut in sorted({y for slot in slots for y in (slot.trim.y, slot.trim.bottom)}):
        assert dark_near(fronts, between_columns, cut), cut
    between_rows = slots[0].trim.bottom + layout.gutter_y / 2
    for cut in sorted({x for slot in slots for x in (slot.trim.x, slot.trim.right)}):
        assert dark_near(fronts, cut, between_rows), cut


def assert_nothing_within_5_mm_of_the_edge(picture: Image.Image) -> None:
    edge = round(UNPRINTED * DPI / 25.4) - 1
    """The last whole pixel inside the 5 mm band."""
    grey = picture.convert("L")
    width, height = grey.size
    inked = grey.point(lambda value: 255 if value < 250 else 0).getbbox()
    assert inked is not None
    left, top, right, bottom = inked
    assert min(left, top, width - right, height - bottom) > edge, (inked, grey.size)


@pytest.mark.parametrize(
    ("paper", "size"),
    [("a4", "bridge"), ("letter", "poker"), ("letter", "bridge")],
    ids=["a4-bridge", "letter-poker", "letter-bridge"],
)
def test_nothing_is_printed_within_5_mm_of_the_paper_edge(
    builtin_deck, folders, pdftoppm, tmp_path, size, paper
):
    """A full sheet of themes then figures, fronts and backs; A4 poker is the deck's own first
    sheet (next test)."""
    faces = deck_faces(builtin_deck, ("themes", "figures"))[
        : plan_sheet(CARD_SIZES[size], PAPERS[paper]).per_sheet
    ]
    pdf = cards_pdf(Printer(folders), builtin_deck, faces, CardOptions(size=size, paper=paper))
    for picture in pictures(pdftoppm, pdf, tmp_path):
        assert_nothing_within_5_mm_of_the_edge(picture)


def test_nothing_is_printed_within_5_mm_of_the_paper_edge_of_an_a4_poker_sheet(
    sheet_pictures, deck_sheets, builtin_deck, layout
):
    """The A4 poker case of the test above, on the deck's first sheet (fronts and backs), which
    holds the same cards: the first themes then figures (rendered once for all these tests)."""
    first_sheet = deck_faces(builtin_deck, ("themes", "figures"))[: layout.per_sheet]
    assert deck_sheets.faces[: layout.per_sheet] == first_sheet
    for picture in sheet_pictures:
        assert_nothing_within_5_mm_of_the_edge(picture)


def test_print_shop_fronts_are_painted_to_the_edge_of_the_bleed_box(
    builtin_deck, folders, pdftoppm, tmp_path
):
    face = deck_faces(builtin_deck, ("figures",))[0]
    options = CardOptions(print_shop=True, backs="none")
    pdf = cards_pdf(Printer(folders), builtin_deck, [face], options)
    picture = pictures(pdftoppm, pdf, tmp_path, pages=1)[0]
    bleed_edge = SHOP_MARKS_BLEED - SHOP_BLEED
    """From the page's edge to the BleedBox's edge, in millimetres."""
    middle = SHOP_MARKS_BLEED + CARD_SIZES["poker"].width / 2
    inside = 25.4 / DPI

    assert near(pixel(picture, middle, bleed_edge + inside), colour(face.colour))
    assert pixel(picture, middle, bleed_edge - 3 * inside) == WHITE
    left_of_band = SHOP_MARKS_BLEED + 2.0
    assert near(pixel(picture, bleed_edge + inside, left_of_band), colour(face.colour))


def test_each_card_paints_its_own_bleed_and_no_further(sheet_pictures, layout, deck_sheets):
    fronts = sheet_pictures[0]
    for slot, card in zip(layout.fronts(9), deck_sheets.faces, strict=False):
        paint = colour(card.colour)
        middle = slot.trim.x + slot.trim.width / 2
        assert near(pixel(fronts, middle, slot.trim.y + 1.0), paint)
        assert near(pixel(fronts, middle, slot.box.y + 0.4), paint)
        if slot.row == 0:
            assert pixel(fronts, middle, slot.box.y - 0.6) == WHITE


def test_long_edge_backs_land_behind_their_fronts(sheet_pictures, layout, deck_sheets):
    fronts, backs = sheet_pictures[0], ImageOps.mirror(sheet_pictures[1])
    for slot, card in zip(layout.fronts(9), deck_sheets.faces, strict=False):
        paint = colour(card.colour)
        # The middle of each front has the colour of its own back behind it.
        assert near(pixel(backs, slot.trim.x + 10, slot.trim.y + 40), paint), card.key
        if slot.column in (0, layout.columns - 1):
            front_edges = painted_edges(fronts, slot, paint)
            back_edges = painted_edges(backs, slot, paint)
            outer = "left" if slot.column == 0 else "right"
            assert back_edges[outer] == pytest.approx(front_edges[outer], abs=TOLERANCE_MM)


def test_the_back_offset_moves_the_backs_by_that_many_millimetres(
    builtin_deck, folders, pdftoppm, tmp_path, layout
):
    faces = deck_faces(builtin_deck, ("figures",))
    options = CardOptions(backs="long", offset=(2.0, 0.0))
    backs = pictures(pdftoppm, cards_pdf(Printer(folders), builtin_deck, faces, options), tmp_path)
    turned = ImageOps.mirror(backs[1])
    slot = layout.fronts(1)[0]
    paint = colour(faces[0].colour)

    edges = painted_edges(turned, slot, paint)

    # Printed 2 mm to the right, so 2 mm to the left once the sheet is turned over.
    assert edges["left"] == pytest.approx(slot.box.x - 2.0, abs=TOLERANCE_MM)
