"""How fast the workshop app answers: time to the first screen, and from a key to the screen.

Both are measured headless, beside a bare Textual app (a Static and an Input)
measured the same way in the same run, so the ratio says what fiction adds to
Textual's own cost on this machine:

- first screen, from the command: from starting the process (`fiction app`,
  through the CLI, every import included; `python` for the bare app) to its
  first screen mounted, in a child process (`_first_screen.py`): what a
  facilitator waits for;
- first screen, in the process: the same without the interpreter and the
  imports (an app already run once in this process), with Textual's Pilot;
- keypress: from a key pressed to the screen having processed it (Pilot's
  `press` returns once every widget of the screen is idle again): typing in
  an Input (« Nouvel atelier ») and in a group's question, pressing Espace on
  the dashboard (pause/resume: one durable store write, then the dashboard and
  countdown read it back), and F3/F2 in a group's journey (the next step, then
  back: the step being left is saved, the other one built).

    .venv/bin/python benchmarks/bench_tui.py [--runs 10] [--keys 40]
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import QUICK, print_rows, sized
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


def process_first_screen(kind: str, store: Path) -> float:
    """Seconds from starting a process to its first screen (see `_first_screen.py`)."""
    script = Path(__file__).resolve().parent / "_first_screen.py"
    start = time.time()
    done = subprocess.run(
        [sys.executable, str(script), kind, str(store)], check=True, capture_output=True, text=True
    )
    return float(done.stdout.split()[-1]) - start


async def key_times(
    app: App[None], keys: int, open_screen: tuple[str, ...], key: str | tuple[str, ...]
) -> list[float]:
    """Seconds from each press of `key` (or of each key in turn) to the screen done with it
    (after `open_screen`; in quick mode, without the warm-up presses)."""
    cycle = (key,) if isinstance(key, str) else key
    timings = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*open_screen)
        await pilot.pause()
        if not QUICK:
            await pilot.press(*cycle)  # warm-up
        for index in range(keys):
            start = time.perf_counter()
            await pilot.press(cycle[index % len(cycle)])
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

    for kind in () if QUICK else ("bare", "fiction"):  # every file read once, into the disk cache
        process_first_screen(kind, store)
    commands = [("Textual seul : python, premier écran", []), ("fiction app : premier écran", [])]
    for _ in range(runs):  # in turn, so that both see the same load
        commands[0][1].append(process_first_screen("bare", store))
        commands[1][1].append(process_first_screen("fiction", store))
    print_rows("Du lancement au premier écran", commands, baseline=commands[0][0])

    if not QUICK:  # one app of each first, so that imports and caches are not measured
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
    print_rows("Premier écran, imports faits", starts, baseline=starts[0][0])

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
        (
            "fiction : une lettre (question d'un groupe)",
            await key_times(fiction(), keys, ("r", "enter", "enter", "f3"), "a"),
        ),
        (
            "fiction : F3 puis F2 (étapes d'un groupe)",
            await key_times(fiction(), keys, ("r", "enter", "enter"), ("f3", "f2")),
        ),
    ]
    print_rows("D'une touche à l'écran à jour", presses, baseline=presses[0][0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=sized(10, 1), help="démarrages mesurés par application"
    )
    # Quick: 2 keys, so that the F3/F2 case presses both without its warm-up.
    parser.add_argument("--keys", type=int, default=sized(40, 2), help="touches mesurées par cas")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(measure(options.runs, options.keys, Path(folder)))


if __name__ == "__main__":
    main()
