"""How fast the workshop app answers: time to the first screen, and from a key to the screen.

Both are measured headless with Textual's Pilot, beside a bare Textual app (a
Static and an Input) measured the same way in the same run, so the ratio says
what fiction adds to Textual's own cost on this machine:

- first screen: from starting the app to its first screen mounted (the home);
- keypress: from a key pressed to the screen having processed it (Pilot's
  `press` returns once every widget of the screen is idle again), typing in
  an Input, and pressing Espace on the dashboard (pause/resume: one durable
  store write, then the dashboard and countdown read it back).

    .venv/bin/python benchmarks/bench_tui.py [--runs 10] [--keys 40]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import print_rows, sized
from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from fiction.tui.app import FictionApp
from fiction.tui.screens.home import HomeScreen

NAME = "Atelier de mesure"
SIZE = (80, 24)


class BareApp(App[None]):
    """The baseline: the smallest app with an Input to type in."""

    def compose(self) -> ComposeResult:
        yield Static("Textual seul")
        yield Input()


async def first_screen(make: Callable[[], App[None]], ready: Callable[[App[None]], bool]) -> float:
    app = make()
    start = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        while not ready(app):
            await pilot.pause(0)
        return time.perf_counter() - start


async def key_times(
    app: App[None], keys: int, open_screen: tuple[str, ...], key: str
) -> list[float]:
    """Seconds from each press of `key` to the screen done with it (after `open_screen`)."""
    timings = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*open_screen)
        await pilot.pause()
        await pilot.press(key)  # warm-up
        for _ in range(keys):
            start = time.perf_counter()
            await pilot.press(key)
            timings.append(time.perf_counter() - start)
    return timings


def dealt_store(folder: Path) -> Path:
    from fiction.cards.loader import load_deck
    from fiction.engine import DealRequest, deal
    from fiction.resources import builtin_deck_path
    from fiction.store.creation import new_workshop
    from fiction.store.store import Store

    deck = load_deck(builtin_deck_path())
    path = folder / "ateliers.sqlite3"
    with Store(path) as store:
        store.add(new_workshop(NAME, deck, deal(deck, DealRequest(groups=12, seed=1)), now=0.0))
        store.start_phase(NAME, 0, "animation")
    return path


async def measure(runs: int, keys: int, folder: Path) -> None:
    store = dealt_store(folder)

    def fiction() -> FictionApp:
        return FictionApp(store_path=store)

    def at_home(app: App[None]) -> bool:
        return isinstance(app.screen, HomeScreen) and app.screen.is_mounted

    def bare_ready(app: App[None]) -> bool:
        return bool(app.screen.query(Input)) and app.screen.is_mounted

    # One app of each first, so that imports and caches are not measured.
    await first_screen(BareApp, bare_ready)
    await first_screen(fiction, at_home)
    starts = [
        (
            "Textual seul : premier écran",
            [await first_screen(BareApp, bare_ready) for _ in range(runs)],
        ),
        (
            "fiction : premier écran (accueil)",
            [await first_screen(fiction, at_home) for _ in range(runs)],
        ),
    ]
    print_rows("Temps jusqu'au premier écran", starts, baseline=starts[0][0])

    presses = [
        ("Textual seul : une lettre dans un champ", await key_times(BareApp(), keys, (), "a")),
        (
            "fiction : une lettre (Nouvel atelier)",
            await key_times(fiction(), keys, ("n",), "a"),
        ),
        (
            "fiction : Espace (tableau de bord)",
            await key_times(fiction(), keys, ("r", "enter"), "space"),
        ),
    ]
    print_rows("D'une touche à l'écran à jour", presses, baseline=presses[0][0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=sized(10, 1), help="démarrages mesurés par application"
    )
    parser.add_argument("--keys", type=int, default=sized(40, 3), help="touches mesurées par cas")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(measure(options.runs, options.keys, Path(folder)))


if __name__ == "__main__":
    main()
