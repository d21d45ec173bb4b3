"""« Nouvel atelier »: the agenda's lines inserted, moved and checked line by line,
and a hand that always has a figure."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from fiction.errors import FictionError
from fiction.store.agendas import AFTERNOON
from fiction.store.model import DEFAULT_AGENDA, Phase
from fiction.store.store import Store
from fiction.tui.screens.dashboard import DashboardScreen
from fiction.tui.screens.new_workshop import NewWorkshopScreen
from fiction.tui.widgets.agenda_editor import AgendaEditor, AgendaRow
from fiction.tui.workshop_form import agenda_starts, read_agenda, read_form
from tests.tui.test_formats import FORM


def test_a_phase_lasts_one_to_240_minutes():
    assert read_agenda([("Scénario", "240")]) == (Phase("Scénario", 240),)
    for minutes in ("0", "241", "600"):
        with pytest.raises(FictionError, match=r"Ligne 1 de l.ordre du jour, durée .* 1 à 240"):
            read_agenda([("Scénario", minutes)])


def test_missing_minutes_name_their_line():
    with pytest.raises(FictionError, match=r"^Ligne 3 : durée manquante\.$"):
        read_agenda([("Accueil", "10"), ("Cartes", "15"), ("Scénario", " ")])


def test_start_times_are_known_down_to_the_first_line_without_minutes():
    times = agenda_starts("14:00", ["10", "15", "", "30"])

    assert times.starts == ("14:00", "14:10", "14:25")
    assert times.end == ""
    assert times.total == 55
    assert times.problem == "Ligne 3 : durée manquante."


def test_a_hand_without_a_figure_is_refused():
    plan, errors = read_form(FORM | {"hand-figures": "0"}, [("Accueil", "10")], "dealt", {})

    assert plan is None
    assert set(errors) == {"hand-figures"}
    assert errors["hand-figures"].startswith("Figures : au moins une par main")


def rows(app) -> list[tuple[str, str]]:
    """(title, minutes) of each line."""
    return [(line.title, line.minutes) for line in app.screen.query_one(AgendaEditor).rows()]


def starts(app) -> list[str]:
    return [
        str(row.query_one(".agenda-start", Static).render()) for row in app.screen.query(AgendaRow)
    ]


async def test_agenda_lines_are_checked_moved_and_inserted_under_the_focused_line(
    app, store_path: Path
):
    """One form (opening it costs most of a second) for three things done to its lines in
    turn, each undone before the next: an empty minutes field names its line and keeps the
    start times above; the last line moves down nowhere, and up with its buttons; a phase
    is inserted under the focused line, moved first, and dealt."""
    fiction = app()
    async with fiction.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert isinstance(fiction.screen, NewWorkshopScreen)
        editor = fiction.screen.query_one(AgendaEditor)
        fresh = rows(fiction)

        # An empty minutes field names its line and keeps the start times above.
        third = list(fiction.screen.query(".agenda-minutes").results(Input))[2]
        typed = third.value
        third.focus()
        await pilot.press("end", "backspace", "backspace")
        await pilot.pause()

        assert third.value == ""
        assert starts(fiction)[:3] == ["14:00", "14:15", "14:35"]
        total = str(fiction.screen.query_one("#agenda-total", Static).render())
        assert "Ligne 3 : durée manquante" in total
        await pilot.press(*typed)

        # The last line moves down nowhere; moved up, the buttons move with it.
        before = rows(fiction)
        assert before == fresh
        last = list(fiction.screen.query(AgendaRow))[-1]
        last.query_one(".agenda-title", Input).focus()
        await pilot.press("ctrl+down")
        assert rows(fiction) == before

        editor.move_row(last, -1)
        await pilot.pause()
        assert rows(fiction) == [*before[:-2], before[-1], before[-2]]
        editor.move_row(last, 1)
        await pilot.pause()
        assert rows(fiction) == fresh

        # A phase inserted under the focused line, then moved first.
        fiction.screen.query_one("#input-name", Input).focus()
        await pilot.press(*"Brest")
        first_title = fiction.screen.query(".agenda-title").results(Input)
        next(iter(first_title)).focus()
        await pilot.press("ctrl+n", *"Accueil café", "tab", *"10")
        await pilot.pause()
        assert rows(fiction)[:3] == [
            (DEFAULT_AGENDA[0].title, str(DEFAULT_AGENDA[0].minutes)),
            ("Accueil café", "10"),
            (DEFAULT_AGENDA[1].title, str(DEFAULT_AGENDA[1].minutes)),
        ]

        await pilot.press("ctrl+up")  # the new line moves first; the focus goes with it
        await pilot.pause()
        assert rows(fiction)[0] == ("Accueil café", "10")
        assert fiction.screen.focused.value == "10"

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(fiction.screen, DashboardScreen)

    with Store(store_path) as store:
        agenda = store.load("Brest").agenda
    assert agenda == (Phase("Accueil café", 10), *AFTERNOON)
