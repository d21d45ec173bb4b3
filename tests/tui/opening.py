"""Reaching a screen in Pilot tests the way a user does."""

from __future__ import annotations

from fiction.tui.screens.dashboard import DashboardScreen


async def open_dashboard(pilot) -> DashboardScreen:
    """From the home screen, « r » then Entrée: the first workshop's dashboard."""
    await pilot.press("r", "enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, DashboardScreen)
    return screen
