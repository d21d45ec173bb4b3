"""Fixtures shared by every test package."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fiction.resources import builtin_deck_path, scaffold_deck_path
from fiction.store.model import Workshop
from fiction.store.store import Store
from tests.workshops import TickingClock, small_workshop


@pytest.fixture(scope="session")
def builtin_deck():
    from fiction.cards.loader import load_deck

    return load_deck(builtin_deck_path())


@pytest.fixture
def model_deck_dir(tmp_path: Path) -> Path:
    """A writable copy of the small model deck, to break in each test."""
    target = tmp_path / "jeu"
    shutil.copytree(scaffold_deck_path(), target)
    return target


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "ateliers.sqlite3"


@pytest.fixture
def clock() -> TickingClock:
    return TickingClock()


@pytest.fixture
def store(store_path: Path, clock: TickingClock):
    with Store(store_path, clock=clock) as opened:
        yield opened


@pytest.fixture
def workshop(store: Store) -> Workshop:
    """A small workshop already saved in `store`."""
    created = small_workshop()
    store.add(created)
    return created
