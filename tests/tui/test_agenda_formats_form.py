"""« Nouvel atelier »: a ready-made agenda format fills the lines, an activity of the
deck goes in as a phase, and each day starts again at the start time."""

from __future__ import annotations

from pathlib import Path

from textual.css.query import NoMatches
from textual.widgets import Input, OptionList, Select, Static

from fiction.store.agendas import AGENDA_FORMATS
from fiction.store.model import Phase
from fiction.store.store import Store
from fiction.tui.screens.activity_picker import ActivityPicker
from fiction.tui.screens.dashboard import DashboardScreen
from fiction.tui.screens.new_workshop import NewWorkshopScreen
from fiction.tui.widgets.agenda_editor import AgendaEditor, AgendaRow
from fiction.tui.workshop_form import read_agenda
from tests.tui.opening import push_dashboard
from tests.tui.waiting import wait_for

TWO_DAYS = AGENDA_FORMATS["deux-jours"].phases


def starts(app) -> list[str] | None:
    """Each line's start time; None while lines are still being mounted (not composed yet)."""
    try:
        return [
            str(row.query_one(".agenda-start", Static).render())
            for row in app.screen.query(AgendaRow)
        ]
    except NoMatches:
        return None


async def test_two_days_fill_the_agenda_an_activity_goes_in_and_each_day_starts_at_the_start(
    app, store_path: Path
):
    """On one form (opening it costs most of a second): a day going back is refused and named;
    the two-day format fills the lines, each day starting at the start time; an activity of
    the deck goes in under the line being edited; then the whole agenda is dealt and saved."""
    fiction = app()
    async with fiction.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        assert isinstance(fiction.screen, NewWorkshopScreen)
        form = fiction.screen
        await pilot.press(*"Brest")

        # A day going back names its line, and nothing is dealt.
        days = list(form.query(".agenda-day").results(Input))
        days[0].value = "2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert fiction.screen is form
        error = str(form.query_one("#error-agenda", Static).render())
        assert "Ligne 2 de l'ordre du jour : jour 1 après le jour 2" in error

        # Two days: the lines are replaced, then their times follow: wait for both.
        start = form.query_one("#input-start", Input)
        start.value = "09:30"
        form.query_one("#agenda-format", Select).value = "deux-jours"
        day_two = next(index for index, phase in enumerate(TWO_DAYS) if phase.day == 2)
        await wait_for(pilot, lambda: (starts(fiction) or [])[day_two : day_two + 1] == ["09:30"])

        editor = form.query_one(AgendaEditor)
        assert read_agenda(editor.rows()) == TWO_DAYS
        times = starts(fiction)
        assert times is not None
        assert times[0] == times[day_two] == "09:30"
        assert times[1] == "10:00"
        instructions = list(form.query(".agenda-instructions").results(Input))
        assert instructions[0].value == TWO_DAYS[0].instructions

        # An activity of the deck, under the first line of day two.
        rows = list(form.query(AgendaRow))
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
        assert fiction.screen is form

        agenda = read_agenda(editor.rows())
        inserted = agenda[day_two + 1]
        assert inserted.title == "Les entretiens croisés"
        assert inserted.minutes == 15
        assert inserted.day == 2  # the day of the line above
        assert inserted.instructions.startswith("Tirer en petits groupes")
        assert form.focused is list(form.query(AgendaRow))[day_two + 1].query_one(
            ".agenda-title", Input
        )

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(fiction.screen, DashboardScreen)

    with Store(store_path) as store:
        workshop = store.load("Brest")
    assert workshop.agenda == (*TWO_DAYS[: day_two + 1], inserted, *TWO_DAYS[day_two + 1 :])
    assert workshop.start_time == "09:30"


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
            screen = await push_dashboard(pilot, name)
            instructions = screen.query_one(Countdown).query_one("#countdown-instructions", Static)
            assert instructions.display is shown
            if shown:
                assert str(instructions.render()) == AFTERNOON[2].instructions
