"""Reaching a screen in Pilot tests the way a user does."""

from __future__ import annotations

from fiction.tui.screens.dashboard import DashboardScreen
from fiction.tui.screens.group.wizard import GroupWizardScreen


async def open_dashboard(pilot) -> DashboardScreen:
    """From the home screen, « r » then Entrée: the first workshop's dashboard."""
    await pilot.press("r", "enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, DashboardScreen)
    return screen


async def push_dashboard(pilot, workshop_name: str) -> DashboardScreen:
    """A workshop's dashboard pushed straight over the home screen (Échap goes home).

    « r » then Entrée, the facilitator's way there, is `open_dashboard` and what
    tests/tui/test_facilitator.py proves; tests of the dashboard itself start on it.
    """
    screen = DashboardScreen(workshop_name)
    await pilot.app.push_screen(screen)
    await pilot.pause()
    assert pilot.app.screen is screen
    return screen


async def open_group_at(
    pilot, workshop_name: str, number: int = 1, step: int | None = None
) -> GroupWizardScreen:
    """A group's journey pushed straight away, on `step` when given.

    The step is first stored as the group's, as if the group had left the journey
    there: the wizard reopens on it without building (and drawing) the steps
    before it. Walking there by keys (F3) and reopening on the stored step are
    what tests/tui/test_group_journey.py proves; tests of one step start on it.
    """
    if step is not None:
        pilot.app.store.set_field(workshop_name, number, "step", step, "animation")
    screen = GroupWizardScreen(workshop_name, number)
    await pilot.app.push_screen(screen)
    await pilot.pause()
    if step is not None:
        opened = screen.step.NUMBER if screen.step is not None else None
        assert opened == step, f"the journey opened on step {opened}, not {step}"
    return screen
