"""How much layout a card print asks of WeasyPrint: each distinct page of backs once,
the cards being measured together on one page (issue 17: the whole deck cost 13 times
a minimal page, per page). Structure only; the times are in benchmarks/bench_print.py."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from fiction.render import cards as cards_module
from fiction.render.cards import (
    _FITTED,
    CardOptions,
    FittedCache,
    cards_document,
    fitted_sizes,
    forget_fitted_sizes,
)
from fiction.render.faces import deck_faces
from fiction.render.pdf import Printer
from fiction.render.sheet import CARD_SIZES, PAPERS, plan_sheet
from fiction.render.templating import TemplateFolders
from tests.render.pdftext import comparable, quick_page_texts

# One worker runs this module under pytest-xdist, so its module fixtures are made once.
pytestmark = pytest.mark.xdist_group("card_layouts")


class CountingPrinter(Printer):
    """A printer that keeps the HTML of every document it lays out, and its page count."""

    def __init__(self, folders) -> None:
        super().__init__(folders)
        self.laid_out: list[tuple[str, int]] = []

    def layout(self, html: str):
        document = super().layout(html)
        self.laid_out.append((html, len(document.pages)))
        return document


def backs_in(html: str) -> int:
    return len(re.findall(r'class="card back ', html))


@pytest.fixture(scope="module")
def roles_printed(builtin_deck, folders):
    printer = CountingPrinter(folders)
    faces = deck_faces(builtin_deck, ("roles",))
    document = cards_document(printer, builtin_deck, faces, CardOptions())
    return printer, faces, document, printer.pdf(document)


def test_each_distinct_page_of_backs_is_laid_out_once(roles_printed):
    printer, faces, document, _ = roles_printed
    per_sheet = plan_sheet(CARD_SIZES["poker"], PAPERS["a4"]).per_sheet
    sheets = -(-len(faces) // per_sheet)
    last = len(faces) - (sheets - 1) * per_sheet

    # 52 roles: five full sheets whose backs are all alike, and a last one of 7.
    assert sum(backs_in(html) for html, _ in printer.laid_out) == per_sheet + last
    assert len(document.pages) == 2 * sheets


def test_every_sheet_still_has_its_own_page_of_backs(roles_printed, builtin_deck):
    _, faces, _, pdf = roles_printed
    texts = quick_page_texts(pdf)
    title = comparable(builtin_deck.manifest.title)
    per_sheet = plan_sheet(CARD_SIZES["poker"], PAPERS["a4"]).per_sheet

    for sheet, start in enumerate(range(0, len(faces), per_sheet)):
        cards = faces[start : start + per_sheet]
        assert comparable(cards[0].title) in texts[2 * sheet]
        assert texts[2 * sheet + 1].count(title) == len(cards)


def test_print_shop_backs_are_each_laid_out(builtin_deck, folders):
    printer = CountingPrinter(folders)
    faces = deck_faces(builtin_deck, ("themes",))
    document = cards_document(printer, builtin_deck, faces, CardOptions(print_shop=True))

    # WeasyPrint draws a page's crop marks again each time it is written: never reused.
    assert sum(backs_in(html) for html, _ in printer.laid_out) == len(faces)
    assert len(document.pages) == 2 * len(faces)


def test_the_cards_measured_together_share_one_page(builtin_deck, folders):
    forget_fitted_sizes()
    printer = CountingPrinter(folders)
    faces = deck_faces(builtin_deck, ("vigilance",))[:6]

    fitted_sizes(printer, builtin_deck, faces, CARD_SIZES["poker"])

    assert printer.laid_out
    assert all(pages == 1 for _, pages in printer.laid_out)


def test_cards_already_fitted_are_not_measured_again(builtin_deck, folders):
    faces = deck_faces(builtin_deck, ("vigilance",))[:4]
    size = CARD_SIZES["poker"]
    forget_fitted_sizes()
    first, again = CountingPrinter(folders), CountingPrinter(folders)

    sizes = fitted_sizes(first, builtin_deck, faces, size)

    assert fitted_sizes(again, builtin_deck, faces, size) == sizes
    assert first.laid_out and not again.laid_out


def test_a_template_changed_on_disk_measures_the_cards_again(builtin_deck, tmp_path):
    faces = deck_faces(builtin_deck, ("vigilance",))[:2]
    size = CARD_SIZES["poker"]
    (tmp_path / "cards.css").write_text(
        (TemplateFolders.chosen().builtin / "cards.css").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    mine = TemplateFolders.chosen(tmp_path)
    forget_fitted_sizes()
    fitted_sizes(CountingPrinter(mine), builtin_deck, faces, size)
    (tmp_path / "cards.css").write_text(
        (tmp_path / "cards.css").read_text(encoding="utf-8") + "\n.content { font-size: 2em; }\n",
        encoding="utf-8",
    )
    again = CountingPrinter(mine)

    fitted_sizes(again, builtin_deck, faces, size)

    assert again.laid_out


def test_a_new_process_reuses_the_sizes_fitted_on_disk(builtin_deck, folders):
    faces = deck_faces(builtin_deck, ("activities",))[:5]
    size = CARD_SIZES["poker"]
    forget_fitted_sizes()
    first = CountingPrinter(folders)
    sizes = fitted_sizes(first, builtin_deck, faces, size)
    _FITTED.clear()  # what a new `fiction print cards` starts with
    again = CountingPrinter(folders)

    assert fitted_sizes(again, builtin_deck, faces, size) == sizes
    assert first.laid_out and not again.laid_out


@pytest.fixture(scope="module")
def three_activities(builtin_deck, folders):
    """Three activity cards and the sizes they fit at, measured from a cold start (no
    size in memory nor on disk), for the tests that break the cache on disk."""
    faces = deck_faces(builtin_deck, ("activities",))[:3]
    forget_fitted_sizes()
    printer = CountingPrinter(folders)
    sizes = fitted_sizes(printer, builtin_deck, faces, CARD_SIZES["poker"])
    assert printer.laid_out
    return faces, sizes


@pytest.mark.parametrize("content", ["{", "[1, 2]", '{"x": "grand"}', "\x00\xff"])
def test_an_unreadable_cache_file_is_ignored_and_rewritten(
    builtin_deck, folders, content, three_activities
):
    faces, sizes = three_activities
    size = CARD_SIZES["poker"]
    forget_fitted_sizes()
    path = FittedCache.folder() / "tailles-ajustees.json"
    path.write_text(content, encoding="latin-1")
    again = CountingPrinter(folders)

    assert fitted_sizes(again, builtin_deck, faces, size) == sizes
    assert again.laid_out
    _FITTED.clear()
    assert fitted_sizes(CountingPrinter(folders), builtin_deck, faces, size) == sizes
    assert len(json.loads(path.read_text(encoding="utf-8"))) == len(faces)


def test_a_card_whose_text_changed_is_measured_again(builtin_deck, folders):
    faces = deck_faces(builtin_deck, ("activities",))[:1]
    size = CARD_SIZES["poker"]
    forget_fitted_sizes()
    fitted_sizes(CountingPrinter(folders), builtin_deck, faces, size)
    _FITTED.clear()
    longer = [dataclasses.replace(faces[0], title=faces[0].title + " et plus")]
    again = CountingPrinter(folders)

    fitted_sizes(again, builtin_deck, longer, size)

    assert again.laid_out


def test_the_cache_on_disk_keeps_a_bounded_number_of_sizes(builtin_deck, folders, monkeypatch):
    monkeypatch.setattr(cards_module, "DISK_KEPT", 2)
    faces = deck_faces(builtin_deck, ("activities",))[:3]
    forget_fitted_sizes()
    fitted_sizes(CountingPrinter(folders), builtin_deck, faces, CARD_SIZES["poker"])

    path = FittedCache.folder() / "tailles-ajustees.json"
    assert len(json.loads(path.read_text(encoding="utf-8"))) == 2
