"""« La salle » of a group: météo words, votes for the others, the bilan, next step and
feedback, each saved at once; a bilan column changed elsewhere asks before overwriting;
the screen closes cleanly while another process writes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from textual.widgets import Input, Static

from fiction.store.store import Store
from fiction.tui.screens.group import room
from fiction.tui.screens.group.conflict import ConflictScreen
from fiction.tui.screens.group.room import RoomScreen
from fiction.tui.screens.group.wizard import GroupWizardScreen
from fiction.tui.widgets.list_editor import ListEditor
from tests.tui.opening import open_group_at
from tests.tui.waiting import wait_for

NAME = "Atelier du Mans"


def group_of(store_path: Path, number: int):
    with Store(store_path) as store:
        return store.load(NAME).group(number)


async def open_room(pilot, number: int = 2, *, from_journey: bool = False) -> RoomScreen:
    """« La salle » of group `number`; `from_journey`: as a group opens it, F6 from its
    journey, Échap leading back there. Otherwise pushed straight away: F6 from the
    journey is proven by the bilan test and by the test closing the room while
    another process writes."""
    if from_journey:
        await open_group_at(pilot, NAME, number)
        await pilot.press("f6")
        await pilot.pause()
    else:
        await pilot.app.push_screen(RoomScreen(NAME, number))
        await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, RoomScreen)
    return screen


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def type_in(pilot, widget: Input, text: str) -> None:
    widget.focus()
    await pilot.pause()
    await pilot.press(*text)


async def answer(pilot, weather, text: str) -> None:
    """A météo answer written on its line, then Entrée (it is saved on Entrée, not as
    typed: what the line holds matters, not how the keys came)."""
    weather.line.focus()
    weather.line.value = text
    await pilot.press("enter")
    await pilot.pause()


async def test_a_group_gives_its_météo_in_words_and_removes_its_own(
    app, dealt_workshop, store_path: Path
):
    async with app().run_test(size=(80, 24)) as pilot:
        screen = await open_room(pilot)
        start = screen.weather["weather"]
        await type_in(pilot, start.line, "grand soleil")  # typed once, key by key
        await pilot.press("enter")
        await pilot.pause()
        assert group_of(store_path, 2).weather == ("grand soleil",)
        assert start.line.value == ""

        await answer(pilot, start, "un ciel bien trop chargé")
        assert "un à 3 mots" in str(start.problem.render())  # refused, in French
        assert start.line.value == "un ciel bien trop chargé"  # the text stays
        assert group_of(store_path, 2).weather == ("grand soleil",)

        end = screen.weather["weather_end"]
        await answer(pilot, end, "éclaircies")
        assert group_of(store_path, 2).weather_end == ("éclaircies",)

        await pilot.click("#weather-remove-0")
        await pilot.pause()
        assert group_of(store_path, 2).weather == ()
        assert group_of(store_path, 2).weather_end == ("éclaircies",)


async def test_a_group_votes_for_others_never_itself_nor_beyond_its_votes(
    app, dealt_workshop, store_path: Path
):
    with Store(store_path) as store:
        store.set_field(NAME, None, "votes_per_group", 2, "animation")
    async with app().run_test(size=(120, 40)) as pilot:
        screen = await open_room(pilot, 2)
        assert screen.votes is not None
        assert not screen.query("#vote-add-2")  # its own scenario is not offered
        assert "2 votes à donner" in text_of(screen, "#room-votes-summary")

        await pilot.click("#vote-add-1")
        await pilot.pause()
        assert group_of(store_path, 2).votes == (1,)

        screen.query_one("#vote-add-3").focus()
        await pilot.press("2")  # its own number, typed outside a field: refused
        await pilot.pause()
        problem = text_of(screen, "#room-votes-problem")
        assert "propre scénario" in problem
        assert group_of(store_path, 2).votes == (1,)

        await pilot.press("4")
        await pilot.pause()
        assert group_of(store_path, 2).votes == (1, 4)
        assert "0 restant" in text_of(screen, "#room-votes-summary")

        await pilot.press("3")  # a third vote, with two to give: refused
        await pilot.pause()
        assert "déjà donnés" in text_of(screen, "#room-votes-problem")
        assert group_of(store_path, 2).votes == (1, 4)
        assert any("déjà donnés" in n.message for n in pilot.app._notifications)

        await pilot.click("#vote-remove-1")
        await pilot.pause()
        assert group_of(store_path, 2).votes == (4,)


async def test_a_group_fills_its_bilan_next_step_and_feedback(
    app, dealt_workshop, store_path: Path
):
    async with app().run_test(size=(80, 24)) as pilot:
        screen = await open_room(pilot, 3, from_journey=True)
        create = screen.fields["review/create"]
        assert isinstance(create, ListEditor)
        # Short texts: each key costs a redraw, and the words prove no more when longer.
        await type_in(pilot, create.query(Input).last(), "Maison des âges")
        await pilot.press("enter", *"Café")
        stop = screen.fields["review/stop"]
        await type_in(pilot, stop.query(Input).last(), "Guichets")
        next_step = screen.fields["next_step"]
        assert isinstance(next_step, Input)
        await type_in(pilot, next_step, "Appeler")
        feedback = screen.fields["feedback"]
        assert isinstance(feedback, Input)
        await type_in(pilot, feedback, "Court !")
        await pilot.pause(0.8)  # saved half a second after the last key
        assert "✓ enregistré" in text_of(screen, "#room-status")

        group = group_of(store_path, 3)
        assert group.review.create == ("Maison des âges", "Café")
        assert group.review.stop == ("Guichets",)
        assert (group.next_step, group.feedback) == ("Appeler", "Court !")

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GroupWizardScreen)


async def test_a_bilan_column_saved_elsewhere_meanwhile_shows_both_versions(
    app, dealt_workshop, store_path: Path, monkeypatch
):
    monkeypatch.setattr(room, "POLL_SECONDS", 60)  # no reading comes down in between
    async with app().run_test(size=(120, 40)) as pilot:
        screen = await open_room(pilot, 1)
        amplify = screen.fields["review/amplify"]
        assert isinstance(amplify, ListEditor)
        await type_in(pilot, amplify.query(Input).last(), "Les visites")
        with Store(store_path) as other:
            other.set_field(NAME, 1, "review/amplify", ["Le porte-à-porte"], "animation")
        # The half-second save meets the other screen's edit.
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConflictScreen))
        assert group_of(store_path, 1).review.amplify == ("Le porte-à-porte",)  # not overwritten
        await pilot.press("d")  # keep both
        await wait_for(pilot, lambda: amplify.items == ("Le porte-à-porte", "Les visites"))
    assert group_of(store_path, 1).review.amplify == ("Le porte-à-porte", "Les visites")


WRITER = textwrap.dedent(
    """
    import sys, time
    from fiction.store.store import Store
    with Store(sys.argv[1]) as store:
        n = 0
        while True:
            n += 1
            group = n % 4 + 1
            store.set_field(sys.argv[2], group, "weather", [f"pluie {n}"], "ailleurs")
            store.set_field(sys.argv[2], group, "review/create", [f"idée {n}"], "ailleurs")
            store.set_field(sys.argv[2], None, "weather_end", [f"vent {n}"], "ailleurs")
            time.sleep(0.02)
    """
)


async def test_closing_the_room_while_another_process_writes_never_crashes(
    app, dealt_workshop, store_path: Path, monkeypatch
):
    monkeypatch.setattr(room, "POLL_SECONDS", 0.05)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(store_path), NAME])
    try:
        fiction = app()
        async with fiction.run_test(size=(80, 24)) as pilot:
            await pilot.app.push_screen(GroupWizardScreen(NAME, 1))
            await pilot.pause()
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:
                await pilot.press("f6")
                await pilot.pause(0.15)
                if isinstance(pilot.app.screen, RoomScreen):
                    await pilot.press(*"ab")
                    await pilot.press("escape")
                await pilot.pause(0.05)
                while not isinstance(pilot.app.screen, GroupWizardScreen):
                    await pilot.press("escape")  # a question (keep whose text?) answered
                    await pilot.pause(0.05)
            assert fiction._crash is None
            assert writer.poll() is None  # it was writing all along
        assert fiction._crash is None
    finally:
        writer.kill()
        writer.wait()
