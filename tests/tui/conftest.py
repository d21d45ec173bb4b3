"""Fixtures for the app's tests: an app factory on a temporary store, a clock tests move.

The app reads the time only through its clock, so a test that moves
`fixed_clock` moves the countdowns, the "il y a 2 min" and today's date,
and two runs of the same test draw the same screens.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fiction.store.model import Workshop
from fiction.store.store import Store
from fiction.tui.app import FictionApp

NOON_12_MARCH_2025 = 1_741_780_800.0
"""12 March 2025 at noon UTC: the 12th in every time zone from UTC-11 to UTC+11,
so "today" never depends on where the tests run."""


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests (Pilot needs a loop) without an async plugin for pytest."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


class FixedClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, now: float = NOON_12_MARCH_2025) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def fixed_clock() -> FixedClock:
    return FixedClock()


@pytest.fixture(autouse=True)
def builtin_deck_read_once(monkeypatch: pytest.MonkeyPatch, builtin_deck) -> None:
    """Every app of the test run gets the built-in deck read once for the session.

    An app reads its deck when it first needs it (about 25 ms of YAML), and nearly
    every test starts an app on the built-in deck, which no test changes. Any other
    folder (a broken copy, a user's deck) is read from its files as always.
    """
    from fiction.cards import loader
    from fiction.resources import builtin_deck_path

    read = loader.load_deck
    builtin = builtin_deck_path().resolve()

    def load_deck(path: Path | str):
        return builtin_deck if Path(path).resolve() == builtin else read(path)

    monkeypatch.setattr(loader, "load_deck", load_deck)


@pytest.fixture
def app(store_path: Path, fixed_clock: FixedClock) -> Callable[..., FictionApp]:
    """A factory: `app()` is a new FictionApp on this test's store and fixed clock.

    Keyword arguments go to FictionApp (`deck_path=`, `author=`, another `clock=`…).
    """

    def make(**options: Any) -> FictionApp:
        options.setdefault("store_path", store_path)
        options.setdefault("clock", fixed_clock)
        return FictionApp(**options)

    return make


def stored_workshop(
    deck, store_path: Path, clock: FixedClock, groups: int, name: str = "Atelier du Mans"
) -> Workshop:
    """A workshop of `groups` groups really dealt from `deck` (seed 2019), saved,
    starting at 14:00 on 12 March 2025 in Le Mans."""
    from fiction.engine import DealRequest, deal
    from fiction.store.creation import new_workshop

    dealt = deal(deck, DealRequest(groups=groups, seed=2019))
    workshop = new_workshop(
        name, deck, dealt, now=clock(), date="2025-03-12", place="Le Mans", start_time="14:00"
    )
    with Store(store_path, clock=clock) as store:
        store.add(workshop)
    return workshop


@pytest.fixture
def dealt_workshop(builtin_deck, store_path: Path, fixed_clock: FixedClock) -> Workshop:
    """A workshop of 4 groups really dealt from the built-in deck (seed 2019), saved,
    starting at 14:00 on 12 March 2025."""
    return stored_workshop(builtin_deck, store_path, fixed_clock, groups=4)
