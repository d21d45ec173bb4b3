"""Two screens on one group (the group and the facilitator, two browser tabs).

Neither overwrites the other unseen: a field changed on both sides shows both
versions and the person chooses; both screens say the group is open twice.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static, TextArea

from fiction.store.store import Store
from fiction.tui.screens.dashboard import DashboardScreen
from fiction.tui.screens.group import wizard
from fiction.tui.screens.group.conflict import ConflictScreen
from fiction.tui.screens.group.scenario import ScenarioStep
from fiction.tui.screens.group.wizard import GroupWizardScreen
from tests.tui.opening import open_group_at
from tests.tui.waiting import wait_for

NAME = "Atelier du Mans"


def stored_narrative(store_path: Path) -> str:
    with Store(store_path) as store:
        return store.load(NAME).group(1).narrative


async def _scenario_step(pilot) -> GroupWizardScreen:
    """Group 1's journey opened on step 3 (tests/tui/opening.py)."""
    return await open_group_at(pilot, NAME, 1, ScenarioStep.NUMBER)


async def test_a_text_saved_elsewhere_meanwhile_is_never_overwritten_unseen(
    app, dealt_workshop, store_path: Path, monkeypatch
):
    """Two fields changed on both sides, in one journey on step 3: taking the other
    version of the title replaces the typed text; keeping both versions of the
    narrative saves them together."""
    monkeypatch.setattr(wizard, "POLL_SECONDS", 60)  # no reading comes down in between
    async with app().run_test(size=(120, 40)) as pilot:
        screen = await _scenario_step(pilot)
        await pilot.press(*"Mon titre")
        with Store(store_path) as other:
            other.set_field(NAME, 1, "title", "Leur titre", "animation")
        await pilot.press("f3")  # leaving saves at once: the conflict shows, the step stays

        assert isinstance(pilot.app.screen, ConflictScreen)
        await pilot.press("a")  # take theirs
        await pilot.pause()
        assert screen.query_one("#field-title", Input).value == "Leur titre"
        assert screen.step is not None and screen.step.NUMBER == 3
        with Store(store_path) as store:
            assert store.load(NAME).group(1).title == "Leur titre"

        screen.query_one("#field-narrative", TextArea).focus()
        await pilot.press(*"Notre récit")
        with Store(store_path) as other:
            other.set_field(NAME, 1, "narrative", "Le récit de l'animation", "animation")
        # The half-second save meets the other screen's edit.
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConflictScreen))
        with Store(store_path) as other:
            assert other.load(NAME).group(1).narrative == "Le récit de l'animation"
        await pilot.press("d")  # keep both
        both = "Le récit de l'animation\n\nNotre récit"
        narrative = screen.query_one("#field-narrative", TextArea)
        await wait_for(pilot, lambda: narrative.text == both)
        await wait_for(pilot, lambda: stored_narrative(store_path) == both)  # saved over theirs
    assert stored_narrative(store_path) == both
    with Store(store_path) as store:
        assert store.load(NAME).group(1).title == "Leur titre"


async def test_the_header_and_the_dashboard_say_a_group_is_open_twice(
    app, dealt_workshop, store_path: Path, monkeypatch
):
    monkeypatch.setattr(wizard, "POLL_SECONDS", 0.1)
    monkeypatch.setattr(DashboardScreen, "POLL_SECONDS", 0.1)
    with Store(store_path) as other:
        other.screen_seen(NAME, 1, "l'onglet du groupe")
        async with app().run_test(size=(120, 40)) as pilot:
            screen = GroupWizardScreen(NAME, 1)
            await pilot.app.push_screen(screen)
            others = screen.query_one("#wizard-others", Static)
            await wait_for(pilot, lambda: "aussi ouvert sur 1 autre écran" in str(others.render()))
            await pilot.press("escape")
            await pilot.app.push_screen(DashboardScreen(NAME))
            await pilot.pause(0.5)
            table = pilot.app.screen.query_one(DataTable)
            assert "2 écrans" not in str(table.get_cell("1", "step"))  # the wizard closed
            other.screen_seen(NAME, 1, "un autre onglet")
            await wait_for(pilot, lambda: "2 écrans" in str(table.get_cell("1", "step")))
