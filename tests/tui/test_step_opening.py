"""A step opens at its top, its first field in focus and in view, however it is reached.

A step used to be scrolled while it was still being laid out: reached with F3,
« Le scénario 2050 » opened one line down, its first label (« Titre ») hidden
above the field in focus; reopened on the group's stored step, its progress bar
was drawn unrounded. The snapshots of tests/tui/test_snapshots_group.py open
each step on the stored step; this test walks there.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Input

from fiction.tui.screens.group.scenario import ScenarioStep
from tests.tui.opening import open_group_at
from tests.tui.waiting import wait_for

NAME = "Atelier du Mans"


async def test_the_scenario_step_reached_with_f3_shows_its_first_label_and_field(
    app, dealt_workshop
):
    async with app().run_test(size=(80, 24)) as pilot:
        screen = await open_group_at(pilot, NAME, 1, 2)
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(screen.step, ScenarioStep))
        await pilot.pause()

        scroll = screen.step.query_one("#scenario-scroll", VerticalScroll)
        title = screen.step.query_one("#field-title", Input)
        assert screen.focused is title
        assert scroll.scroll_y == 0
        label = scroll.query(".field-label").first()
        assert label.region.y >= scroll.region.y and title.region.bottom <= scroll.region.bottom
