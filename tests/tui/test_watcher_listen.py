"""A screen's watcher on PostgreSQL (issue 19): it waits for the workshop's edits to be
announced, so an edit another process (another `fiction serve`) commits reaches the
screen within a second even when its poll interval is long; on SQLite it polls as before."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time

from textual.app import App
from textual.screen import Screen

from fiction.store.store import Store
from fiction.tui.watcher import WorkshopChanged, WorkshopWatcher
from tests.workshops import small_workshop

NAME = "Atelier du Mans"
EDITOR = """
import sys, time
from fiction.store.store import Store
with Store(sys.argv[1]) as store:
    store.set_field(sys.argv[2], 1, "title", "Écrit sur l'autre serveur", "autre serveur")
    print(time.monotonic(), flush=True)
"""


class Following(Screen[None]):
    """A screen that only follows the workshop, recording when each reading came."""

    def __init__(self, every: float) -> None:
        super().__init__()
        self.every = every
        self.readings: list[tuple[float, int, str]] = []

    def on_mount(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        self.watcher = WorkshopWatcher(self, NAME, self.every)
        self.watcher.start(store.load(NAME), store.revision(NAME))

    def on_workshop_changed(self, message: WorkshopChanged) -> None:
        title = message.workshop.groups[0].title
        self.readings.append((time.monotonic(), message.revision, title))


class Host(App[None]):
    """What a watcher needs of `FictionApp`: its store, closed when the app ends."""

    def __init__(self, location: str, every: float) -> None:
        super().__init__()
        self.store = Store(location)
        self.following = Following(every)

    def on_mount(self) -> None:
        self.push_screen(self.following)

    def on_unmount(self) -> None:
        self.store.close()


async def until(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "never happened"
        await asyncio.sleep(0.02)


async def test_a_screen_learns_another_servers_edit_from_its_announcement(postgres_url: str):
    with Store(postgres_url) as store:
        store.add(small_workshop())
    app = Host(postgres_url, every=30.0)  # no poll within the test
    async with app.run_test() as pilot:
        screen = app.following
        await until(lambda: screen.readings, 10)  # the reading it opened with
        await pilot.pause(0.3)  # the listener is waiting
        editor = subprocess.run(
            [sys.executable, "-c", EDITOR, postgres_url, NAME],
            capture_output=True,
            text=True,
            check=True,
        )
        committed = float(editor.stdout)
        await until(lambda: screen.readings[-1][2] == "Écrit sur l'autre serveur", 10)
        learned, revision, _ = screen.readings[-1]
        assert revision == 1
        assert learned - committed < 1.0  # the announcement, not the 30 s poll
        screen.watcher.stop()


async def test_a_screen_on_sqlite_still_polls(tmp_path):
    path = tmp_path / "ateliers.sqlite3"
    with Store(path) as store:
        store.add(small_workshop())
    app = Host(str(path), every=0.2)
    async with app.run_test():
        screen = app.following
        await until(lambda: screen.readings, 10)
        with Store(path) as store:
            store.set_field(NAME, 1, "title", "Écrit dans le fichier", "autre onglet")
        await until(lambda: screen.readings[-1][2] == "Écrit dans le fichier", 10)
        assert not app.store.announces_edits
