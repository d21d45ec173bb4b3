"""Fixtures shared by every test package."""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from fiction.resources import builtin_deck_path, scaffold_deck_path
from fiction.store.model import Workshop
from fiction.store.store import Store
from tests.profiles import CI_EXAMPLES
from tests.workshops import TickingClock, small_workshop

# HYPOTHESIS_PROFILE=dev runs a tenth of every property's examples (CONTRIBUTING.md);
# `ci`, the default, runs them all.
settings.register_profile("ci", max_examples=CI_EXAMPLES)
settings.register_profile("dev", max_examples=CI_EXAMPLES // 10)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# The slow tests (seconds each), which `-m "not slow"` leaves out: those using a
# real browser or a whole deck's PDF, and those of the modules below (other
# processes, long Pilot journeys, snapshots). `@pytest.mark.slow` marks any other.
SLOW_FIXTURES = frozenset({"browser", "chromium", "deck_sheets", "pdftoppm"})
SLOW_MODULES = (
    "serve/test_browser.py",
    "serve/test_serve_command.py",
    "store/test_processes.py",
    "tui/test_facilitator.py",
    "tui/test_group_journey.py",
    "tui/test_monkey.py",
    "tui/test_snapshots_*.py",
    "tui/test_wizard_robustness.py",
)
TESTS = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the xdist_group marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & SLOW_FIXTURES or _is_slow_module(item.path):
            item.add_marker(pytest.mark.slow)
        # Under pytest-xdist (`--dist loadgroup`) the tests reading the whole deck's
        # sheets share one worker, which renders them once instead of once per worker.
        if "deck_sheets" in fixtures:
            item.add_marker(pytest.mark.xdist_group("deck_sheets"))
    items[:] = spread_by_package(items)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Let Python's cycle collector leave alone what lives for the whole run.

    After collection each process holds every imported library (Textual,
    WeasyPrint, Hypothesis…) and every test's function: hundreds of thousands
    of objects that never die. With Python's default thresholds the collector
    runs every 700 allocations and the Pilot tests, which allocate fast,
    triggered it thousands of times a test, each older-generation pass walking
    that whole heap again. Frozen after collection, and collected less often,
    they cost nothing: on a sample of TUI, print and store tests the CPU time
    fell from 35-37 s to 29-30 s. Only the tests' processes change; the app
    keeps Python's defaults.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def _within_tests(path: Path) -> Path:
    return path.relative_to(TESTS) if path.is_relative_to(TESTS) else path


def _is_slow_module(path: Path) -> bool:
    return any(_within_tests(path).match(pattern) for pattern in SLOW_MODULES)


def spread_by_package(items: list[pytest.Item]) -> list[pytest.Item]:
    """The test modules reordered so that each package's modules are spread over the run.

    pytest-xdist hands the tests out in this order, so all workers are in the same
    part of the suite at once. In alphabetical order the Pilot tests (which spend
    half their time waiting for a screen, a timer or another process) all came
    last: the two cores were a third idle for the second half of the run while
    the PDF and store tests, which keep a core busy, were long done. Interleaving
    the packages module by module keeps both kinds running side by side. Within a
    package the `SLOW_MODULES` go first, so that no long journey starts in the
    last seconds while the other workers have nothing left to do. Each module's
    tests stay together and in order, so module fixtures are built once per
    worker as before.
    """
    modules: dict[Path, list[pytest.Item]] = {}
    for item in items:
        modules.setdefault(item.path, []).append(item)
    packages: dict[str, list[list[pytest.Item]]] = {}
    for path, tests in modules.items():
        where = _within_tests(path)
        packages.setdefault(where.parts[0] if len(where.parts) > 1 else "", []).append(tests)
    for modules_of_package in packages.values():
        modules_of_package.sort(key=lambda tests: not _is_slow_module(tests[0].path))
    taken = dict.fromkeys(packages, 0)
    spread: list[pytest.Item] = []
    while left := [package for package in packages if taken[package] < len(packages[package])]:
        # The package furthest behind its even share of the run goes next.
        package = min(left, key=lambda name: (taken[name] + 1) / len(packages[name]))
        spread += packages[package][taken[package]]
        taken[package] += 1
    return spread


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


# --- PostgreSQL (issue 19): one throwaway server per test process, one database per test


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server of this test process (each pytest-xdist worker has its own),
    started on first use (~0.7 s); skipped, with the reason, where none is installed."""
    from tests.postgres_server import find_binaries, running_server

    binaries = find_binaries()
    if isinstance(binaries, str):
        pytest.skip(binaries)
    # The port only names the socket file (in the server's own folder): any will do,
    # and one per process keeps two runs on one machine from looking alike.
    with running_server(binaries, port=20000 + os.getpid() % 30000) as server:
        yield server


@pytest.fixture
def postgres_url(postgres_server, request) -> str:
    """The URL of a new, empty database on the test server, dropped after the test."""
    import re

    import psycopg

    name = "t_" + re.sub(r"\W", "_", request.node.name.lower())[:40] + f"_{os.getpid()}"
    with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield postgres_server.url(name)
    with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
