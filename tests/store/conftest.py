"""The store's tests run on both backends: `store_location` is a SQLite file, then a
PostgreSQL database (skipped, with the reason, where PostgreSQL is not installed).

A test proving something about the SQLite file itself (its header, its locks,
its bytes) is marked `@pytest.mark.sqlite_only`: it runs once, on a file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fiction.store.location import ServerURL, StoreLocation
from fiction.store.store import Store

BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: a test of the SQLite file itself (not run on PostgreSQL)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    kept, dropped = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_server = callspec is not None and callspec.params.get("store_location") == "postgresql"
        (dropped if on_server and item.get_closest_marker("sqlite_only") else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(params=BACKENDS)
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> StoreLocation:
    """Where the test's store lives: a new SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "ateliers.sqlite3"
    return ServerURL(request.getfixturevalue("postgres_url"))


@pytest.fixture
def store(store_location: StoreLocation, clock):
    with Store(store_location, clock=clock) as opened:
        yield opened
