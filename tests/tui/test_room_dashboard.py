"""The room from the facilitator's dashboard: what the wall shows, the votes revealed,
the restitution stepped group by group, the room's settings, the facilitator's own
météo and bilan; each in the help and the palette."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from fiction.store.store import Store
from fiction.tui.screens.dashboard import DashboardScreen
from fiction.tui.screens.group.room import RoomScreen
from fiction.tui.screens.room_settings import RoomSettingsScreen
from tests.tui.opening import push_dashboard
from tests.tui.waiting import wait_for

NAME = "Atelier du Mans"


def workshop_of(store_path: Path):
    with Store(store_path) as store:
        return store.load(NAME)


def last_notice(pilot) -> str:
    return list(pilot.app._notifications)[-1].message


def room_line(screen: DashboardScreen) -> str:
    return str(screen.query_one("#dashboard-room", Static).render())


async def test_every_room_action_is_offered_and_votes_are_revealed_and_the_wall_cycled(
    app, dealt_workshop, store_path: Path
):
    with Store(store_path) as store:
        store.set_field(NAME, 2, "votes", [1, 3], "groupe 2")
    async with app().run_test(size=(80, 24)) as pilot:
        screen = await push_dashboard(pilot, NAME)
        # Every room action is in the help and the palette.
        for key in ("**a**", "**v**", "**]**", "**[**", "**g**", "**m**"):
            assert key in screen.HELP
        titles = {command.title for command in pilot.app.get_system_commands(screen)}
        assert {
            "Affichage de la salle",
            "Révéler les votes",
            "Groupe suivant (restitution)",
            "Groupe précédent (restitution)",
            "Réglages de la salle",
            "Météo et bilan de l'animation",
            "Écran de salle : Bilan",
        } <= titles

        assert "votes masqués (2 votes donnés)" in room_line(screen)

        await pilot.press("v")
        await pilot.pause()
        assert workshop_of(store_path).votes_revealed is True
        assert last_notice(pilot) == "Votes révélés sur l'écran de salle (2 votes donnés)."
        await pilot.press("v")
        await pilot.pause()
        assert workshop_of(store_path).votes_revealed is False

        seen = []
        for _ in range(6):
            await pilot.press("a")
            await pilot.pause()
            seen.append(workshop_of(store_path).wall)
        assert seen == ["weather", "weather_end", "votes", "restitution", "review", "progress"]
        assert "Avancement des groupes" in last_notice(pilot)


async def test_the_restitution_steps_through_the_groups_with_their_timer(
    app, dealt_workshop, store_path: Path, fixed_clock
):
    async with app().run_test(size=(80, 24)) as pilot:
        screen = await push_dashboard(pilot, NAME)
        await pilot.press("left_square_bracket")  # nobody presents yet: nothing to go back to
        await pilot.pause()
        assert workshop_of(store_path).presenting is None
        assert "fait présenter le groupe 1" in last_notice(pilot)

        await pilot.press("right_square_bracket")  # the first press: group 1
        await pilot.pause()
        workshop = workshop_of(store_path)
        assert (workshop.presenting, workshop.presenting_since) == (1, fixed_clock.now)
        assert "Groupe 1 présente — 5:00" in room_line(screen)

        fixed_clock.advance(48)  # shown at the dashboard's next second-by-second tick
        await wait_for(pilot, lambda: "Groupe 1 présente — 4:12" in room_line(screen))

        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert workshop_of(store_path).presenting == 3
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert workshop_of(store_path).presenting == 2

        await pilot.press("escape")  # back home, and again to the dashboard: it goes on
        await pilot.pause()
        assert not isinstance(pilot.app.screen, DashboardScreen)
        screen = await push_dashboard(pilot, NAME)
        assert "Groupe 2 présente" in room_line(screen)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert workshop_of(store_path).presenting == 4
        await pilot.press("right_square_bracket")  # past the last: the restitution ends
        await pilot.pause()
        assert workshop_of(store_path).presenting is None
        assert last_notice(pilot) == "Restitution terminée."


async def test_the_room_settings_are_set_in_a_small_modal(app, dealt_workshop, store_path: Path):
    async with app().run_test(size=(80, 24)) as pilot:
        await push_dashboard(pilot, NAME)
        await pilot.press("g")
        await pilot.pause()
        modal = pilot.app.screen
        assert isinstance(modal, RoomSettingsScreen)
        modal.query_one("#settings-votes", Input).value = "40"
        modal.query_one("#settings-minutes", Input).value = "7"
        await pilot.press("enter")
        await pilot.pause()
        problem = str(modal.query_one("#settings-problem", Static).render())
        assert "Votes par groupe : un nombre entier de 1 à 10" in problem
        modal.query_one("#settings-votes", Input).value = "4"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DashboardScreen)
        workshop = workshop_of(store_path)
        assert (workshop.votes_per_group, workshop.presentation_minutes) == (4, 7)

        await pilot.press("g", "escape")  # Échap changes nothing
        await pilot.pause()
        assert isinstance(pilot.app.screen, DashboardScreen)
        assert workshop_of(store_path).votes_per_group == 4


async def test_the_facilitator_gives_its_own_météo_and_bilan(app, dealt_workshop, store_path: Path):
    async with app().run_test(size=(80, 24)) as pilot:
        await push_dashboard(pilot, NAME)
        await pilot.press("m")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, RoomScreen) and screen.group_number is None
        assert screen.votes is None and "next_step" not in screen.fields
        await pilot.press(*"belle énergie", "enter")
        await pilot.pause()
        screen.fields["review/maintain"].query(Input).last().focus()
        await pilot.press(*"Les binômes")
        await wait_for(pilot, lambda: workshop_of(store_path).review.maintain == ("Les binômes",))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DashboardScreen)
    workshop = workshop_of(store_path)
    assert workshop.weather == ("belle énergie",)
    assert workshop.review.maintain == ("Les binômes",)
    assert all(group.review.maintain == () for group in workshop.groups)
