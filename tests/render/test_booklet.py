"""The workshop booklet as a real PDF: contents numbered right, every word written, escaped."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from fiction.render.booklet import booklet
from fiction.render.documents import booklet_html, script_html
from fiction.render.pdf import Printer
from fiction.render.typography import french_spacing
from fiction.store.store import Store
from tests.render.conftest import weasyprint_messages
from tests.render.filled import NAME, group_texts
from tests.render.pdftext import comparable, quick_page_texts, reader

A4_POINTS = (595.28, 841.89)

# One worker runs this module under pytest-xdist, so the booklet is printed once.
pytestmark = pytest.mark.xdist_group("booklet")


@dataclass
class Printed:
    html: str
    pdf: bytes
    printer: Printer
    warnings: list[str]

    @functools.cached_property
    def texts(self) -> list[str]:
        """Each page's text, comparable (read once for every test of the booklet)."""
        return quick_page_texts(self.pdf)


def print_booklet(folders, workshop, deck) -> Printed:
    printer = Printer(folders)
    with weasyprint_messages() as messages:
        html = booklet_html(folders, booklet(workshop, deck))
        pdf = printer.pdf(printer.layout(html))
    return Printed(html, pdf, printer, messages)


@pytest.fixture(scope="module")
def workshop(filled_store: Path) -> Any:
    with Store(filled_store) as store:
        return store.load(NAME)


@pytest.fixture(scope="module")
def printed(folders, workshop, builtin_deck) -> Printed:
    return print_booklet(folders, workshop, builtin_deck)


def test_every_page_is_a4(printed):
    for page in reader(printed.pdf).pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=0.01)


def test_the_contents_give_the_real_page_of_every_part(printed, workshop):
    pdf = reader(printed.pdf)
    texts = printed.texts
    contents = pdf.pages[1].extract_text()
    listed = {
        comparable(match[1]): int(match[2])
        for match in re.finditer(r"^(.+?) \.{3,} ?(\d+)\s*$", contents, re.M)
    }
    outline = {
        comparable(entry.title): pdf.get_destination_page_number(entry) + 1 for entry in pdf.outline
    }

    # agenda, exploration, the groups, « Météo, votes et bilan », appendices
    expected_parts = 4 + len(workshop.groups)
    assert len(listed) == expected_parts
    assert listed == outline
    for group in workshop.groups:
        title = comparable(french_spacing(group_texts(group.number)["title"]))
        page = next(number for label, number in listed.items() if label.endswith(title))
        assert title in texts[page - 1]
        assert comparable(f"Groupe {group.number} — {group.pseudonym}") in texts[page - 1]


def test_every_part_a_group_wrote_is_printed(printed, workshop, builtin_deck):
    text = "".join(printed.texts)
    for group in workshop.groups:
        written = group_texts(group.number)
        pieces = [written[name] for name in ("title", "place_name", "question", "context")]
        pieces += [written["purpose"], *written["narrative"].splitlines()]
        pieces += [*written["actions"], *written["new_actors"], *group.answers.values()]
        pieces += [builtin_deck.card(point).title for point in group.answers]
        for segment in group.segments:
            pieces += [segment.sound, segment.cue, *segment.image.splitlines(), *segment.speakers]
        for piece in filter(None, pieces):
            assert comparable(french_spacing(piece)) in text, piece


def test_the_appendices_hold_the_review_the_deal_code_and_the_source(
    printed, workshop, builtin_deck
):
    text = "".join(printed.texts)
    for piece in (
        "Un café social",
        "Les guichets fermés",
        "ensoleillé, orageux",
        f"fiction deal --replay {workshop.deal.code}",
        builtin_deck.manifest.source.document,
        *(group.pseudonym for group in workshop.groups),
    ):
        assert comparable(french_spacing(piece)) in text, piece


def test_the_script_table_gives_each_segment_its_start_and_duration(printed):
    text = "".join(printed.texts)

    # 12 words read at 3 a second, then 11 words, then two silent shots of 3 s.
    assert comparable("1. Titres — Présentatrice 0:00 · 4 s") in text
    assert comparable("2. Sujet — Voix off 0:04 · 4 s") in text
    assert comparable("3. Retour plateau 0:08 · 6 s") in text
    assert comparable("Durée estimée : 14 s (lecture à 180 mots par minute)") in text


def test_printing_the_booklet_logs_no_weasyprint_warning(printed):
    assert printed.warnings == []


def test_typed_markup_prints_as_text_and_fetches_nothing(folders, workshop, builtin_deck):
    attack = '<script>alert("x")</script> <img src="file:///etc/passwd"> <b>gras</b>'
    group = dataclasses.replace(workshop.groups[0], narrative=attack, title="<i>Titre</i>")
    # The hostile group alone: what is tested is how its typed text prints, and a
    # booklet of one group prints faster than one of three.
    hostile = dataclasses.replace(workshop, groups=(group,))

    result = print_booklet(folders, hostile, builtin_deck)

    assert "<script>" not in result.html and "<img src" not in result.html
    assert "&lt;script&gt;" in result.html
    text = "".join(quick_page_texts(result.pdf))
    assert comparable(attack) in text and comparable("<i>Titre</i>") in text
    assert not any("passwd" in url for url in result.printer.fetcher.asked)
    assert all("/fonts/" in url for url in result.printer.fetcher.asked)
    assert result.warnings == []


def test_a_deck_changed_since_the_deal_is_said(folders, workshop, builtin_deck):
    manifest = dataclasses.replace(builtin_deck.manifest, title="Le CCAS en 2051")
    changed = dataclasses.replace(builtin_deck, manifest=manifest)

    assert "a été modifié depuis le tirage" in booklet_html(folders, booklet(workshop, changed))
    assert "a été modifié" not in booklet_html(folders, booklet(workshop, builtin_deck))


def test_without_the_deck_cards_are_named_by_their_ids(folders, workshop):
    html = booklet_html(folders, booklet(workshop, None))

    figure = workshop.groups[0].hands[0].figures[0]
    assert figure in html
    assert "jeu introuvable sur cette machine" in html


def test_one_groups_script_prints_on_its_own(folders, workshop):
    printer = Printer(folders)
    with weasyprint_messages() as messages:
        pdf = printer.pdf(printer.layout(script_html(folders, booklet(workshop, None), 2)))

    text = "".join(quick_page_texts(pdf))
    assert comparable(f"Groupe 2 — {workshop.groups[1].pseudonym}") in text
    assert comparable(french_spacing(workshop.groups[1].segments[0].sound)) in text
    assert comparable(french_spacing(workshop.groups[0].segments[0].sound)) not in text
    assert messages == []
