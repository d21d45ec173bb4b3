"""Fixtures shared by every test package."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fiction.resources import builtin_deck_path, scaffold_deck_path


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
