"""The terminal wall screen (« écran de salle »): opened from the dashboard (s, the palette),
it shows the phase, a big countdown turning orange then red, the join code and its QR code,
each group's progress, follows the store, and closes (Échap) whenever the store changes."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text
from textual.widgets import Digits, Static

from fiction.store.model import FINISHED_STEP
from fiction.store.store import Store
from fiction.tui.screens.dashboard import DashboardScreen
from fiction.tui.screens.wall import WallClock, WallScreen
from tests.tui.opening import push_dashboard
from tests.tui.waiting import wait_for

NAME = "Atelier du Mans"


@pytest.fixture(autouse=True)
def wall_reads_often(monkeypatch: pytest.MonkeyPatch) -> None:
    """The wall reads the store and ticks every 0.2 s instead of every second: no test here
    is about the interval, and each waits for what a reading or a tick shows (a test's
    waiting loop costs more CPU than the readings it waits for)."""
    monkeypatch.setattr(WallScreen, "POLL_SECONDS", 0.2)
    monkeypatch.setattr(WallScreen, "TICK_SECONDS", 0.2)


def text(screen, selector: str) -> str:
    """What a Static shows, as plain text (a Rich table drawn at the projector's width)."""
    content = screen.query_one(selector, Static).content
    if isinstance(content, str | Text):
        return str(content)
    console = Console(width=150, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text()


async def open_wall(pilot) -> WallScreen:
    """« s » on the dashboard (pushed straight away: see tests/tui/opening.py)."""
    await push_dashboard(pilot, NAME)
    await pilot.press("s")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, WallScreen)
    return screen


async def test_the_wall_opens_with_s_and_shows_phase_countdown_code_qr_and_groups(
    app, dealt_workshop, store_path: Path, fixed_clock
):
    with Store(store_path, clock=fixed_clock) as store:
        store.set_join_code(NAME, "K7PQ4X", "animation")
        store.start_phase(NAME, 2, "animation")  # Scénario, 45 min
    fiction = app()
    async with fiction.run_test(size=(120, 40)) as pilot:
        wall = await open_wall(pilot)
        assert text(wall, "#wall-phase") == "3/6 · Scénario"
        assert wall.query_one("#wall-time", Digits).value == "45:00"
        assert wall.query_one("#wall-time", Digits).display  # the large digits fit
        assert text(wall, "#wall-state") == "En cours"
        instructions = dealt_workshop.agenda[2].instructions
        assert text(wall, "#wall-instructions") == instructions
        assert wall.query_one("#wall-instructions").display == bool(instructions)
        upcoming = text(wall, "#wall-next").splitlines()
        assert upcoming[0].endswith("Journal télévisé (40 min)") and upcoming[0][2] == "h"
        assert "K 7 P Q 4 X" in text(wall, "#wall-code")
        groups = text(wall, "#wall-results")
        pseudonyms = [group.pseudonym for group in dealt_workshop.groups]
        assert all(pseudonym in groups for pseudonym in pseudonyms)
        assert "1 Les cartes" in groups
        # The QR code's address is looked up off the UI thread.
        await wait_for(pilot, lambda: "▄" in text(wall, "#wall-qr"))
        assert text(wall, "#wall-url").startswith("http://")
        assert text(wall, "#wall-url").endswith(":8000/")

        fixed_clock.advance(65)  # the countdown ticks by itself
        await wait_for(pilot, lambda: wall.query_one("#wall-time", Digits).value == "43:55")

        with Store(store_path, clock=fixed_clock) as store:  # another process writes
            store.set_field(NAME, 2, "step", FINISHED_STEP, dealt_workshop.groups[1].pseudonym)
            store.next_phase(NAME, "animation")
        await wait_for(pilot, lambda: "✓ Terminé" in text(wall, "#wall-results"))
        await wait_for(pilot, lambda: text(wall, "#wall-phase") == "4/6 · Journal télévisé")

        await pilot.press("escape")
        assert isinstance(fiction.screen, DashboardScreen)


async def test_the_palette_opens_the_wall_whose_countdown_turns_orange_then_red(
    app, dealt_workshop, store_path: Path, fixed_clock
):
    """The palette and the help name the wall screen; the wall opened from the palette
    turns orange at a fifth of the phase left and red at a twentieth."""
    with Store(store_path, clock=fixed_clock) as store:
        store.start_phase(NAME, 1, "animation")  # Exploration, 20 min
    fiction = app()
    async with fiction.run_test(size=(80, 24)) as pilot:
        await push_dashboard(pilot, NAME)
        titles = [command.title for command in fiction.get_system_commands(fiction.screen)]
        assert "Écran de salle" in titles
        assert "**s** l'ouvre en plein écran" in DashboardScreen.HELP
        await pilot.press("ctrl+p")
        await pilot.press(*"Écran de salle")
        await pilot.pause(0.3)  # the palette searches in the background
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(fiction.screen, WallScreen))

        wall = fiction.screen
        clock = wall.query_one(WallClock)
        assert not clock.has_class("-warning") and not clock.has_class("-danger")
        # 80 × 24 is short: the join panel gives way, the code goes in the title.
        assert not wall.query_one("#wall-join").display
        fixed_clock.advance(0.81 * 20 * 60)
        await wait_for(pilot, lambda: clock.has_class("-warning"))
        assert not clock.has_class("-danger")
        fixed_clock.advance(0.15 * 20 * 60)
        await wait_for(pilot, lambda: clock.has_class("-danger"))
        assert not clock.has_class("-warning")


async def test_plain_time_where_the_large_digits_do_not_fit(app, dealt_workshop, store_path):
    with Store(store_path) as store:
        store.start_phase(NAME, 1, "animation")
    fiction = app()
    async with fiction.run_test(size=(20, 24)) as pilot:
        wall = await open_wall(pilot)
        await wait_for(pilot, lambda: wall.query_one(WallClock).has_class("-narrow"))
        assert not wall.query_one("#wall-time", Digits).display
        assert text(wall, "#wall-plain") == "20:00"


async def test_the_wall_closes_and_opens_again_while_the_store_keeps_changing(
    app, dealt_workshop, store_path: Path
):
    stop = threading.Event()

    def edits() -> None:
        step = 0
        with Store(store_path) as store:
            while not stop.is_set():
                step += 1
                store.set_field(NAME, 1 + step % 4, "step", 1 + step % 6, "Loutre")
                if step % 5 == 0:
                    store.next_phase(NAME, "animation") if step % 10 else store.start_phase(
                        NAME, 0, "animation"
                    )
                time.sleep(0.02)

    fiction = app()
    writer = threading.Thread(target=edits, daemon=True)
    async with fiction.run_test(size=(120, 40)) as pilot:
        await open_wall(pilot)
        writer.start()
        try:
            for round_number in range(12):
                await pilot.pause(0.05 * (round_number % 4))
                await pilot.press("escape")
                assert isinstance(fiction.screen, DashboardScreen)
                await pilot.press("s")
                assert isinstance(fiction.screen, WallScreen)
            # Readings and ticks (five of each at 0.2 s) and the address arrive on whichever
            # is open.
            await pilot.pause(1.0)
            await pilot.press("escape")
            await pilot.pause(1.0)
        finally:
            stop.set()
            writer.join(10)
        assert isinstance(fiction.screen, DashboardScreen)
    assert fiction.return_code in (None, 0)


async def test_each_wall_mode_shows_the_rooms_live_results(
    app, dealt_workshop, store_path: Path, fixed_clock
):
    groups = dealt_workshop.groups
    with Store(store_path, clock=fixed_clock) as store:
        store.set_field(NAME, 1, "weather", ["curieux", "fatigué"], "a")
        store.set_field(NAME, 2, "weather", ["Curieux"], "a")
        store.set_field(NAME, 1, "votes", [2], "a")
        store.set_field(NAME, 2, "title", "La maison des voisins", "a")
        store.set_field(NAME, 2, "question", "Et si demain le CCAS ouvrait un café ?", "a")
        store.set_field(NAME, 2, "narrative", "En 2050, chaque quartier a son café.", "a")
        store.set_field(NAME, 3, "review/stop", ["Les formulaires papier"], "a")

    def change(field: str, value: object) -> None:
        with Store(store_path, clock=fixed_clock) as store:
            store.set_field(NAME, None, field, value, "animation")

    fiction = app()
    async with fiction.run_test(size=(160, 45)) as pilot:
        wall = await open_wall(pilot)
        shown = lambda: text(wall, "#wall-results")  # noqa: E731
        assert groups[0].pseudonym in shown()

        change("wall", "weather")
        await wait_for(pilot, lambda: "C U R I E U X" in shown())  # the most frequent, largest
        assert shown().index("C U R I E U X") < shown().index("FATIGUÉ")
        assert wall.query_one("#wall-results").border_title == "Météo du début"

        change("wall", "votes")
        await wait_for(pilot, lambda: "Votes masqués" in shown())
        assert "1 vote donné pour l'instant" in shown() and "La maison" not in shown()
        change("votes_revealed", True)
        await wait_for(pilot, lambda: "2. La maison des voisins" in shown())
        assert "█" in shown() and "1 vote" in shown()
        assert "0 vote" in shown() and "0 votes" not in shown()  # French: zero is singular

        change("wall", "restitution")
        await wait_for(pilot, lambda: "Aucun groupe ne présente" in shown())
        with Store(store_path, clock=fixed_clock) as store:
            store.present(NAME, 2, "animation")
        await wait_for(pilot, lambda: "Temps de parole 05:00" in shown())
        assert "Et si demain le CCAS ouvrait un café ?" in shown()
        assert "chaque quartier a son café" in shown()
        fixed_clock.advance(90)  # its own timer ticks by itself
        await wait_for(pilot, lambda: "Temps de parole 03:30" in shown())

        change("wall", "review")
        await wait_for(pilot, lambda: "Arrêter" in shown())
        for label in ("Créer", "Maintenir", "Amplifier", "Réduire"):
            assert label in shown()
        assert "Les formulaires papier" in shown() and groups[2].pseudonym in shown()

        change("wall", "progress")
        await wait_for(pilot, lambda: groups[0].pseudonym in shown())
        await pilot.press("escape")
        assert isinstance(fiction.screen, DashboardScreen)
