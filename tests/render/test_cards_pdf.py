"""The card deck as a real PDF: exact pages, every word of every card, nothing overflowing."""

from __future__ import annotations

import dataclasses

import pytest
from fontTools.ttLib import TTFont

from fiction.cards.model import DECK_KINDS, Deck
from fiction.errors import FictionError
from fiction.render import card_pages
from fiction.render.cards import MEASURING_ROOM, cards_html
from fiction.render.faces import LAYOUTS, face
from fiction.render.fit import MIN_PT, card_fills, fit_sizes
from fiction.render.pdf import Printer
from fiction.render.sheet import CARD_SIZES, CardSize
from fiction.render.typography import french_spacing
from tests.render.pdftext import comparable, reader

A4_POINTS = (595.28, 841.89)


def test_the_deck_prints_on_a4_sheets_each_followed_by_its_backs(deck_sheets):
    pages = reader(deck_sheets.pdf).pages
    sheets = -(-len(deck_sheets.faces) // 9)

    assert len(deck_sheets.faces) == 172 + 15  # dealt cards, then facilitation activities
    assert len(pages) == 2 * sheets
    for page in pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            A4_POINTS, abs=0.01
        )


def test_every_word_of_every_card_is_on_its_sheet(deck_sheets):
    texts = deck_sheets.texts
    for index, card in enumerate(deck_sheets.faces):
        page = texts[2 * (index // 9)]
        for text in card.texts():
            assert comparable(french_spacing(text)) in page, (card.key, text)


def test_the_backs_say_the_kind_and_the_deck_title(deck_sheets, builtin_deck):
    backs = deck_sheets.texts[1]

    assert comparable(builtin_deck.manifest.title) in backs
    assert comparable("thème") in backs and comparable("figure") in backs


def test_the_first_sheet_says_to_print_at_full_size_and_how_to_turn_it(deck_sheets):
    assert comparable("Imprimer à 100 % (taille réelle)") in deck_sheets.texts[0]
    assert comparable("Recto verso : bord long") in deck_sheets.texts[0]
    assert comparable("Imprimer à 100 %") not in deck_sheets.texts[2]


def test_no_text_of_the_built_in_deck_leaves_its_safe_box(deck_sheets):
    fills = card_fills(deck_sheets.document)

    assert len(fills) == len(deck_sheets.faces)
    assert [fill.key for fill in fills if not fill.fits] == []


def test_printing_the_deck_logs_no_weasyprint_warning(deck_sheets):
    assert deck_sheets.warnings == []
    assert deck_sheets.printer.warnings == []


def test_only_the_shipped_fonts_are_embedded(deck_sheets):
    names = set()
    for page in reader(deck_sheets.pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])

    # "Fiction Sans" is the name fonts.css gives the shipped files: no system font.
    assert names == {"Fiction-Sans", "Fiction-Sans-Bold", "Fiction-Sans-Italic"}


def test_only_the_template_folder_was_read(deck_sheets):
    builtin = deck_sheets.printer.folders.builtin.as_uri()

    assert deck_sheets.printer.fetcher.asked
    assert all(url.startswith(builtin + "/fonts/") for url in deck_sheets.printer.fetcher.asked)


def test_the_shipped_font_draws_every_character_of_the_deck(deck_sheets, folders):
    wanted = {
        char
        for card in deck_sheets.faces
        for text in card.texts()
        for char in french_spacing(text) + text.upper()
    }
    for name in ("Regular", "Bold", "Italic"):
        cmap = TTFont(folders.builtin / "fonts" / f"OpenSans-{name}.ttf").getBestCmap()
        assert {char for char in wanted if ord(char) not in cmap} == set(), name


# --- the overflow check, on cards made too long on purpose ------------------------


def measure(printer: Printer, deck: Deck, size: CardSize):
    def lay_out(faces, sizes):
        page = card_pages.measuring_page(size, faces, sizes, room=MEASURING_ROOM)
        return printer.layout(cards_html(printer, deck, size, [page], print_shop=False))

    return lay_out


def test_the_overflow_check_catches_a_card_whose_text_runs_off(builtin_deck, folders):
    role = builtin_deck.roles[0]
    long_role = dataclasses.replace(role, id="trop-long", mission="Une mission. " * 120)
    faces = [face(builtin_deck, "roles", role), face(builtin_deck, "roles", long_role)]
    size = CARD_SIZES["poker"]
    sizes = {card.key: size.body_pt for card in faces}

    fills = card_fills(measure(Printer(folders), builtin_deck, size)(faces, sizes))

    assert [(fill.key, fill.fits) for fill in fills] == [(role.id, True), ("trop-long", False)]
    assert fills[1].height > 1.5


def test_a_card_too_long_even_at_the_smallest_size_stops_the_print(builtin_deck, folders):
    role = dataclasses.replace(builtin_deck.roles[0], id="trop-long", mission="Mission. " * 400)
    size = CARD_SIZES["poker"]

    with pytest.raises(FictionError, match="trop-long") as raised:
        fit_sizes(
            [face(builtin_deck, "roles", role)],
            size.body_pt,
            measure(Printer(folders), builtin_deck, size),
        )
    assert f"{MIN_PT:g} points" in raised.value.message


def longest_card(deck: Deck, kind: str):
    """A card of `kind` whose every printed field is as long as the validator allows."""
    prose = (
        "Le centre communal accueille chaque habitant, écoute ses besoins et construit avec "
        "lui des réponses inventives, solidaires et durables pour le quartier. "
    ) * 20
    card = deck.cards(kind)[0]
    fields = {field.name: field for field in dataclasses.fields(card)}
    changes = {}
    for name in ("title", "city", *LAYOUTS[kind]):
        if name not in fields:
            continue
        limit = fields[name].metadata["max_chars"]
        text = prose[:limit].rsplit(" ", 1)[0]
        if isinstance(getattr(card, name), tuple):
            changes[name] = (text,) * (fields[name].metadata["max_items"] or 4)
        else:
            changes[name] = text
    return dataclasses.replace(card, **changes)


@pytest.mark.parametrize("size_name", list(CARD_SIZES))
def test_texts_as_long_as_the_validator_allows_fit_every_card_format(
    builtin_deck, folders, size_name
):
    size = CARD_SIZES[size_name]
    faces = [face(builtin_deck, kind, longest_card(builtin_deck, kind)) for kind in DECK_KINDS]

    sizes = fit_sizes(faces, size.body_pt, measure(Printer(folders), builtin_deck, size))

    assert all(MIN_PT <= value <= size.body_pt for value in sizes.values())
