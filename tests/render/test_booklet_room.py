"""The booklet's « Météo, votes et bilan » part, read back from the PDF (issue 15)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from fiction.render.booklet import booklet, room
from fiction.render.documents import booklet_html
from fiction.render.pdf import Printer
from fiction.render.typography import french_spacing
from fiction.store.model import Workshop
from fiction.store.store import Store
from tests.render.conftest import weasyprint_messages
from tests.render.pdftext import comparable, quick_page_texts
from tests.workshops import small_workshop

NAME = "Atelier du Mans"


def _room_store(path: Path) -> Workshop:
    with Store(path) as store:
        store.add(small_workshop())
        store.set_field(NAME, None, "weather", ["Grand soleil"], "animatrice")
        store.set_field(NAME, 1, "weather", ["soleil", "l'envie d'agir"], "Panda Zen")
        store.set_field(NAME, 2, "weather", ["Brouillard matinal"], "Loutre Curieuse")
        store.set_field(NAME, 3, "weather_end", ["Éclaircie durable"], "Renard Malin")
        store.set_field(NAME, 1, "votes", [2, 2, 3], "Panda Zen")
        store.set_field(NAME, 3, "votes", [2], "Renard Malin")
        store.set_field(NAME, 2, "title", "Le café des liens", "Loutre Curieuse")
        store.set_field(NAME, None, "review/create", ["Des bancs partout"], "animatrice")
        store.set_field(NAME, 2, "review/stop", ["Les guichets fermés"], "Loutre Curieuse")
        store.set_field(NAME, 3, "review/amplify", ["<b>Les visites</b> & co"], "Renard Malin")
        store.set_field(NAME, 1, "next_step", "Appeler la mairie lundi", "Panda Zen")
        store.set_field(NAME, 2, "feedback", "Une après-midi qui donne envie", "Loutre Curieuse")
        return store.load(NAME)


@pytest.fixture(scope="module")
def workshop(tmp_path_factory) -> Workshop:
    return _room_store(tmp_path_factory.mktemp("salle") / "ateliers.sqlite3")


def _print(folders, workshop: Workshop, deck: Any) -> tuple[str, list[str], list[str]]:
    printer = Printer(folders)
    with weasyprint_messages() as messages:
        html = booklet_html(folders, booklet(workshop, deck))
        pdf = printer.pdf(printer.layout(html))
    return html, quick_page_texts(pdf), messages


@pytest.fixture(scope="module")
def revealed(folders, workshop, builtin_deck):
    shown = dataclasses.replace(workshop, votes_revealed=True)
    return _print(folders, shown, builtin_deck)


def _in(text: str, piece: str) -> bool:
    return comparable(french_spacing(piece)) in text


def test_the_meteo_votes_bilan_and_next_steps_are_printed(revealed):
    html, pages, messages = revealed
    text = "".join(pages)
    assert messages == []
    for piece in (
        "Météo, votes et bilan",
        "Au début de l'atelier",
        "soleil (2), agir, brouillard, envie, grand, matinal",
        "À la fin de l'atelier",
        "durable, éclaircie",
        "2. Loutre Curieuse Le café des liens 3",
        "3. Renard Malin Scénario sans titre 1",
        "1. Panda Zen Scénario sans titre 0",
        "Des bancs partout (Animation)",
        "Les guichets fermés (Loutre Curieuse)",
        "<b>Les visites</b> & co (Renard Malin)",
        "Mes prochains petits pas",
        "Panda Zen : Appeler la mairie lundi",
        "En un mot",
        "Loutre Curieuse : Une après-midi qui donne envie",
    ):
        assert _in(text, piece), piece
    assert html.count("<svg") == 2 and "<b>Les visites" not in html
    assert "Bilan de l'atelier" not in html  # the appendix gives way to the board


def test_hidden_votes_print_no_figures(folders, workshop, builtin_deck):
    _, pages, _ = _print(folders, workshop, builtin_deck)
    text = "".join(pages)
    assert _in(text, "Les votes n'ont pas été révélés.")
    assert not _in(text, "Le café des liens 3")


def test_nothing_of_the_room_without_meteo_votes_or_bilan(workshop):
    assert room(small_workshop()) is None
    nobody_voted = dataclasses.replace(
        workshop,
        votes_revealed=True,
        groups=tuple(dataclasses.replace(group, votes=()) for group in workshop.groups),
    )
    part = room(nobody_voted)
    assert part is not None and part.votes == () and not part.votes_hidden
