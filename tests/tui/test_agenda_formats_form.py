"""« Nouvel atelier »: a ready-made agenda format fills the lines, an activity of the
deck goes in as a phase, and each day starts again at the start time."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Select, Static

from fiction.store.agendas import AGENDA_FORMATS
from fiction.store.model import Phase
from fiction.store.store import Store
from fiction.tui.screens.activity_picker import ActivityPicker
from fiction.tui.screens.dashboard import DashboardScreen
from fiction.tui.screens.new_workshop import NewWorkshopScreen
from fiction.tui.widgets.agenda_editor import AgendaEditor, AgendaRow
from fiction.tui.workshop_form import read_agenda
from tests.tui.waiting import wait_for

TWO_DAYS = AGENDA_FORMATS["deux-jours"].phases


def starts(app) -> list[str]:
    return [
        str(row.query_one(".agenda-start", Static).render()) for row in app.screen.query(AgendaRow)
    ]


async def test_choosing_two_days_fills_the_agenda_and_each_day_starts_at_the_start_time(
    app, store_path: Path
):
    fiction = app()
    async with fiction.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        assert isinstance(fiction.screen, NewWorkshopScreen)
        await pilot.press(*"Brest")
        start = fiction.screen.query_one("#input-start", Input)
        start.value = "09:30"
        fiction.screen.query_one("#agenda-format", Select).value = "deux-jours"
        day_two = next(index for index, phase in enumerate(TWO_DAYS) if phase.day == 2)
        # The lines are replaced, then their times follow: wait for both.
        await wait_for(pilot, lambda: starts(fiction)[day_two : day_two + 1] == ["09:30"])

        editor = fiction.screen.query_one(AgendaEditor)
        assert read_agenda(editor.rows()) == TWO_DAYS
        times = starts(fiction)
        assert times[0] == times[day_two] == "09:30"
        assert times[1] == "10:00"
        instructions = list(fiction.screen.query(".agenda-instructions").results(Input))
        assert instructions[0].value == TWO_DAYS[0].instructions

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(fiction.screen, DashboardScreen)

    with Store(store_path) as store:
        workshop = store.load("Brest")
    assert workshop.agenda == TWO_DAYS
    assert workshop.start_time == "09:30"


async def test_an_activity_of_the_deck_goes_in_under_the_line_being_edited(app, store_path: Path):
    fiction = app()
    async with fiction.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        await pilot.press(*"Lyon")
        fiction.screen.query_one("#agenda-format", Select).value = "deux-jours"
        await wait_for(pilot, lambda: len(fiction.screen.query(AgendaRow)) == len(TWO_DAYS))
        day_two = next(index for index, phase in enumerate(TWO_DAYS) if phase.day == 2)
        rows = list(fiction.screen.query(AgendaRow))
        rows[day_two].query_one(".agenda-title", Input).focus()

        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(fiction.screen, ActivityPicker)
        options = fiction.screen.query_one(OptionList)
        interviews = next(
            index
            for index in range(options.option_count)
            if options.get_option_at_index(index).id == "entretiens-croises"
        )
        options.highlighted = interviews
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(fiction.screen, NewWorkshopScreen)

        agenda = read_agenda(fiction.screen.query_one(AgendaEditor).rows())
        inserted = agenda[day_two + 1]
        assert inserted.title == "Les entretiens croisés"
        assert inserted.minutes == 15
        assert inserted.day == 2  # the day of the line above
        assert inserted.instructions.startswith("Tirer en petits groupes")
        assert fiction.screen.focused is list(fiction.screen.query(AgendaRow))[
            day_two + 1
        ].query_one(".agenda-title", Input)

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(fiction.screen, DashboardScreen)

    with Store(store_path) as store:
        assert store.load("Lyon").agenda == (
            *TWO_DAYS[: day_two + 1],
            inserted,
            *TWO_DAYS[day_two + 1 :],
        )


async def test_a_day_going_back_names_its_line(app):
    fiction = app()
    async with fiction.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        await pilot.press(*"Nancy")
        days = list(fiction.screen.query(".agenda-day").results(Input))
        days[0].value = "2"
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert isinstance(fiction.screen, NewWorkshopScreen)
        error = str(fiction.screen.query_one("#error-agenda", Static).render())
        assert "Ligne 2 de l'ordre du jour : jour 1 après le jour 2" in error


def test_a_line_typed_for_day_two_reads_with_its_instructions():
    lines = [("Accueil", "15", "1", ""), ("Tournage", "120", "2", "  Filmez   plan par plan. ")]
    assert read_agenda(lines) == (
        Phase("Accueil", 15),
        Phase("Tournage", 120, "Filmez plan par plan.", 2),
    )


async def test_the_dashboard_countdown_reads_out_the_running_phase_when_there_is_room(
    app, dealt_workshop, store_path: Path, fixed_clock
):
    from fiction.store import plain
    from fiction.store.agendas import AFTERNOON
    from fiction.tui.widgets.countdown import Countdown

    name = dealt_workshop.name
    with Store(store_path, clock=fixed_clock) as store:
        store.set_field(name, None, "agenda", plain.agenda_to_data(AFTERNOON), "animation")
        store.start_phase(name, 2, "animation")
    for size, shown in (((100, 40), True), ((80, 24), False)):
        fiction = app()
        async with fiction.run_test(size=size) as pilot:
            await pilot.press("r", "enter")
            await pilot.pause()
            assert isinstance(fiction.screen, DashboardScreen)
            instructions = fiction.screen.query_one(Countdown).query_one(
                "#countdown-instructions", Static
            )
            assert instructions.display is shown
            if shown:
                assert str(instructions.render()) == AFTERNOON[2].instructions
