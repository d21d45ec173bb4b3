"""A browser that entered with a workshop's join code sees that workshop's groups only."""

from __future__ import annotations

from textual.widgets import OptionList

from fiction.store.store import Store
from fiction.tui.screens.group.wizard import GroupWizardScreen
from fiction.tui.screens.join import JoinScreen
from tests.tui.waiting import wait_for
from tests.workshops import small_workshop

NAME = "Atelier du Mans"


async def test_a_group_only_app_lists_one_workshop_and_never_reaches_the_home(
    app, dealt_workshop, store_path, fixed_clock
):
    with Store(store_path, clock=fixed_clock) as store:
        store.add(small_workshop("Autre atelier"))
    fiction = app(group_workshop=NAME)
    async with fiction.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(fiction.screen, JoinScreen))
        workshops = fiction.screen.query_one("#join-workshops", OptionList)
        await wait_for(pilot, lambda: workshops.option_count > 0)
        assert [workshops.get_option_at_index(i).id for i in range(workshops.option_count)] == [
            NAME
        ]
        await pilot.press("escape", "escape", "escape")
        assert isinstance(fiction.screen, JoinScreen), "no way back to the facilitator's home"
        await pilot.press("enter", "enter")  # the workshop, then its first group
        assert isinstance(fiction.screen, GroupWizardScreen)
        assert fiction.screen.workshop_name == NAME
