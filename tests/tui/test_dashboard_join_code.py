"""The facilitator sees the workshop's join code and can draw a new one."""

from __future__ import annotations

from textual.widgets import Static

from fiction.store.store import Store
from tests.tui.opening import push_dashboard

NAME = "Atelier du Mans"


async def test_the_join_code_shows_and_a_new_one_is_drawn_from_the_dashboard(
    app, dealt_workshop, store_path, fixed_clock
):
    with Store(store_path, clock=fixed_clock) as store:
        store.set_join_code(NAME, "SALLE12", "animation")
    fiction = app()
    async with fiction.run_test(size=(120, 40)) as pilot:
        screen = await push_dashboard(pilot, NAME)
        info = screen.query_one("#dashboard-info", Static)
        assert "code d'entrée SALLE12" in str(info.render())

        screen.action_new_join_code()
        await pilot.pause()

        with Store(store_path, clock=fixed_clock) as store:
            new_code = store.join_code(NAME)
        assert new_code not in ("", "SALLE12")
        assert f"code d'entrée {new_code}" in str(info.render())
