"""Home-printed sheets: cards centred with margins, their own bleed, backs where they land."""

from __future__ import annotations

import itertools
import math

import pytest

from fiction.errors import FictionError
from fiction.render.sheet import (
    BLEED,
    CARD_SIZES,
    MARK_GAP,
    MAX_BACK_OFFSET,
    MIN_BLEED,
    MIN_MARGIN,
    PAPERS,
    UNPRINTED,
    CardSize,
    Rect,
    plan_sheet,
)

LAYOUTS = [
    plan_sheet(CARD_SIZES[size], PAPERS[paper])
    for size, paper in itertools.product(CARD_SIZES, PAPERS)
]
IDS = [f"{size}-{paper}" for size, paper in itertools.product(CARD_SIZES, PAPERS)]


def test_poker_cards_go_three_by_three_on_a_portrait_a4_sheet():
    layout = plan_sheet(CARD_SIZES["poker"], PAPERS["a4"])

    assert (layout.columns, layout.rows, layout.landscape) == (3, 3, False)
    assert (layout.width, layout.height) == (210.0, 297.0)


def test_a6_cards_go_two_to_a_landscape_a4_sheet_still_exactly_a4():
    layout = plan_sheet(CARD_SIZES["a6"], PAPERS["a4"])

    assert (layout.columns, layout.rows, layout.landscape) == (2, 1, True)
    assert {layout.width, layout.height} == {210.0, 297.0}


@pytest.mark.parametrize("layout", LAYOUTS, ids=IDS)
def test_every_cut_line_is_at_least_the_minimum_margin_from_the_page_edge(layout):
    page = Rect(0, 0, layout.width, layout.height)
    for slot in layout.fronts(layout.per_sheet):
        assert slot.box.within(page)
        assert slot.trim.x >= MIN_MARGIN - 1e-9
        assert slot.trim.y >= MIN_MARGIN - 1e-9
        assert layout.width - slot.trim.right >= MIN_MARGIN - 1e-9
        assert layout.height - slot.trim.bottom >= MIN_MARGIN - 1e-9


@pytest.mark.parametrize("layout", LAYOUTS, ids=IDS)
def test_the_grid_is_centred_and_bleeds_never_overlap(layout):
    slots = layout.fronts(layout.per_sheet)
    assert layout.margin_x == pytest.approx(layout.width - slots[-1].trim.right)
    assert layout.margin_y == pytest.approx(layout.height - slots[-1].trim.bottom)
    for one, other in itertools.combinations(slots, 2):
        assert not one.box.overlaps(other.box)
    for slot in slots:
        bleeds = (slot.bleed_top, slot.bleed_right, slot.bleed_bottom, slot.bleed_left)
        assert all(MIN_BLEED - 1e-9 <= bleed <= BLEED + 1e-9 for bleed in bleeds)


@pytest.mark.parametrize("layout", LAYOUTS, ids=IDS)
def test_neighbours_each_keep_their_bleed_and_nothing_is_drawn_near_the_paper_edge(layout):
    printable = Rect(
        UNPRINTED, UNPRINTED, layout.width - 2 * UNPRINTED, layout.height - 2 * UNPRINTED
    )
    slots = layout.fronts(layout.per_sheet)
    for slot in slots:
        assert slot.box.within(printable)
    for one, other in itertools.combinations(slots, 2):
        if one.row == other.row and abs(one.column - other.column) == 1:
            assert abs(other.trim.x - one.trim.x) >= layout.size.width + 2 * MIN_BLEED - 1e-9
    notes = [layout.note_box(top=True), layout.note_box(top=False)]
    for drawn in layout.cut_marks() + layout.guides() + [note for note in notes if note]:
        assert drawn.within(printable)


def test_bridge_cards_on_a4_keep_a_bleed_between_neighbours():
    layout = plan_sheet(CARD_SIZES["bridge"], PAPERS["a4"])

    assert layout.gutter_x >= 2 * MIN_BLEED and layout.gutter_y >= 2 * MIN_BLEED
    assert layout.per_sheet == 9


@pytest.mark.parametrize("layout", LAYOUTS, ids=IDS)
def test_every_cut_line_is_shown_across_the_gutters_it_crosses_and_never_on_a_card(layout):
    slots = layout.fronts(layout.per_sheet)
    vertical = {round(x, 6) for slot in slots for x in (slot.trim.x, slot.trim.right)}
    horizontal = {round(y, 6) for slot in slots for y in (slot.trim.y, slot.trim.bottom)}
    guides = layout.guides()
    for guide in guides:
        assert not any(guide.overlaps(slot.trim) for slot in slots)
    on_x = {round(g.x + g.width / 2, 6) for g in guides if g.height > g.width}
    on_y = {round(g.y + g.height / 2, 6) for g in guides if g.width > g.height}
    marks = layout.cut_marks()
    marked_x = on_x | {round(m.x + m.width / 2, 6) for m in marks if m.height > m.width}
    marked_y = on_y | {round(m.y + m.height / 2, 6) for m in marks if m.width > m.height}
    assert marked_x == vertical
    assert marked_y == horizontal
    if layout.rows > 1:
        assert on_x == vertical
    if layout.columns > 1:
        assert on_y == horizontal


@pytest.mark.parametrize("layout", LAYOUTS, ids=IDS)
def test_a_long_edge_back_lands_behind_its_front_once_the_sheet_is_turned(layout):
    for front in layout.fronts(layout.per_sheet):
        back = layout.back_of(front, "long", (0.0, 0.0))
        # Turning over the long edge of a portrait sheet mirrors x.
        assert back.trim.x == pytest.approx(layout.width - front.trim.right)
        assert back.trim.y == pytest.approx(front.trim.y)
        assert back.box.width == pytest.approx(front.box.width)


@pytest.mark.parametrize("layout", LAYOUTS, ids=IDS)
def test_a_short_edge_back_mirrors_the_rows_instead(layout):
    for front in layout.fronts(layout.per_sheet):
        back = layout.back_of(front, "short", (0.0, 0.0))
        assert back.trim.x == pytest.approx(front.trim.x)
        assert back.trim.y == pytest.approx(layout.height - front.trim.bottom)


def test_the_offset_shifts_every_back_and_its_marks():
    layout = plan_sheet(CARD_SIZES["poker"], PAPERS["a4"])
    front = layout.fronts(1)[0]

    plain = layout.back_of(front, "long", (0.0, 0.0))
    shifted = layout.back_of(front, "long", (1.5, -0.5))

    assert (shifted.trim.x - plain.trim.x, shifted.trim.y - plain.trim.y) == pytest.approx(
        (1.5, -0.5)
    )
    pairs = [
        *zip(layout.cut_marks(), layout.cut_marks((1.5, -0.5)), strict=True),
        *zip(layout.guides(), layout.guides((1.5, -0.5)), strict=True),
    ]
    for mark, moved in pairs:
        if mark.height > mark.width:  # on a vertical cut line
            assert moved.x - mark.x == pytest.approx(1.5)
        else:
            assert moved.y - mark.y == pytest.approx(-0.5)


@pytest.mark.parametrize("layout", LAYOUTS, ids=IDS)
def test_cut_marks_and_notes_stay_in_the_margins_off_every_card(layout):
    page = Rect(0, 0, layout.width, layout.height)
    boxes = [slot.box for slot in layout.fronts(layout.per_sheet)]
    marks = layout.cut_marks()
    notes = [layout.note_box(top=True), layout.note_box(top=False)]
    assert all(notes) == layout.has_note_room
    notes = [note for note in notes if note]
    for drawn in marks + notes:
        assert drawn.within(page)
        assert not any(drawn.overlaps(box) for box in boxes)
    for note in notes:
        assert not any(note.overlaps(mark) for mark in marks)


@pytest.mark.parametrize("layout", LAYOUTS, ids=IDS)
def test_every_built_in_layout_has_room_for_the_print_at_100_percent_note(layout):
    assert layout.has_note_room
    assert layout.note_box(top=True).y >= UNPRINTED
    assert layout.note_box(top=True).bottom <= layout.margin_y - layout.outer_bleed_y - MARK_GAP


def test_every_vertical_cut_line_has_its_marks_in_the_top_margin_of_an_a4_sheet():
    layout = plan_sheet(CARD_SIZES["poker"], PAPERS["a4"])
    slots = layout.fronts(9)
    vertical_cuts = {round(x, 6) for slot in slots for x in (slot.trim.x, slot.trim.right)}
    marked = {round(mark.x + mark.width / 2, 6) for mark in layout.cut_marks() if mark.height > 1}

    assert marked == vertical_cuts


def test_a_card_larger_than_the_paper_is_refused_in_french():
    with pytest.raises(FictionError, match="ne tiennent pas"):
        plan_sheet(CardSize("géant", 300.0, 400.0, 10.0, 10.0), PAPERS["a4"])


@pytest.mark.parametrize("offset", [(6.0, 0.0), (0.0, -5.5), (10.0, 10.0), (math.nan, 0.0)])
def test_card_options_refuse_a_back_offset_past_the_unprinted_band(offset):
    from fiction.render.cards import CardOptions

    with pytest.raises(FictionError, match="entre -5 et 5 mm dans chaque sens"):
        CardOptions(offset=offset)


def test_a_back_offset_up_to_the_unprinted_band_is_accepted():
    from fiction.render.cards import CardOptions

    assert MAX_BACK_OFFSET == UNPRINTED
    assert CardOptions(offset=(UNPRINTED, -UNPRINTED)).offset == (5.0, -5.0)
