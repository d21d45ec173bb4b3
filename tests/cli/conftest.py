"""Fixtures for the CLI tests: a store a user has already filled."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.render.filled import fill_workshop


@pytest.fixture(scope="session")
def filled_store(tmp_path_factory, builtin_deck) -> Path:
    """A store holding a dealt 3-group workshop where every group wrote everything."""
    path = tmp_path_factory.mktemp("store") / "ateliers.sqlite3"
    fill_workshop(path, builtin_deck, groups=3)
    return path
