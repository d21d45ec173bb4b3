"""Step 5 times the script at the group's stored speed and target; the prompter's speed
becomes the group's."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from fiction.store.store import Store
from fiction.tui.screens.group import saving
from fiction.tui.screens.pace import PaceScreen, read_pace
from fiction.tui.screens.prompter import PrompterScreen
from tests.tui.test_report_step import open_report

NAME = "Atelier du Mans"


@pytest.fixture
def slow_group(dealt_workshop, store_path, fixed_clock):
    """Group 1 reads at 1.5 words a second and aims for one minute."""
    with Store(store_path, clock=fixed_clock) as store:
        store.set_field(NAME, 1, "reading_speed", 1.5, "Abeille")
        store.set_field(NAME, 1, "target_seconds", 60, "Abeille")
    return dealt_workshop


async def test_the_total_is_timed_at_the_groups_pace_which_the_prompter_and_f6_change(
    app, slow_group, store_path
):
    """One journey on step 5: the total timed at the group's stored speed and target; the
    speed left in the prompter becomes the group's; F6 sets speed and target."""
    async with app().run_test(size=(80, 24)) as pilot:
        screen = await open_report(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        # The text arrives as typing brings it (TextArea.Changed); typing in the columns
        # key by key is test_report_step's. 6 words: 4 s at 1.5 w/s.
        screen.query_one("#report-sound", TextArea).insert("Bonsoir et bienvenue dans le journal")
        await pilot.pause()
        total = str(screen.query_one("#report-total").render())
        assert total.startswith("0:04 sur 1:00"), total

        await pilot.pause(saving.DELAY + 0.3)  # the text saved, then the prompter
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PrompterScreen)
        await pilot.press("plus", "plus", "escape")
        await pilot.pause()
        with Store.for_reading(store_path) as store:
            assert store.load(NAME).group(1).reading_speed == 2.0
            assert store.history(NAME, 1)[-1].path == "reading_speed"

        # F6 from the table: in a text column, Textual's TextArea takes F6 (select line).
        screen.query_one("#report-table").focus()
        await pilot.press("f6")
        await pilot.pause()
        pace = pilot.app.screen
        assert isinstance(pace, PaceScreen)
        pace.speed.value = "2,5"
        pace.target.value = "90:00"  # over an hour: refused, the window stays
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is pace
        assert "Durée visée" in str(pace.error.render())
        pace.target.value = "2:30"
        await pilot.press("enter")
        await pilot.pause()
        total = str(pilot.app.screen.query_one("#report-total").render())

    group = stored_group(store_path)
    assert (group.reading_speed, group.target_seconds) == (2.5, 150)
    assert "sur 2:30" in total


@pytest.mark.parametrize(
    ("speed", "target", "read"),
    [
        ("3", "3", (3.0, 180)),
        ("2,5", "2:30", (2.5, 150)),
        (" 1.5 ", "1 min 30", (1.5, 90)),
        ("0,2", "3", "Vitesse"),
        ("vite", "3", "Vitesse"),
        ("3", "0:05", "Durée visée"),
        ("3", "trois", "Durée visée"),
    ],
)
def test_what_is_typed_is_read_as_a_speed_and_a_length(speed, target, read):
    result = read_pace(speed, target)

    assert result == read if isinstance(read, tuple) else result.startswith(read)


def stored_group(store_path):
    with Store.for_reading(store_path) as store:
        return store.load(NAME).group(1)
