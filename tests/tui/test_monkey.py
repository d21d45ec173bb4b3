"""The monkey test: random keys on every screen never crash the app nor lose saved text.

The engine is `tests/tui/monkey.py` (its docstring says what a storm does and
how the saved-text oracle stays sound while another process edits the same
workshop). Here it runs in its CI form: two short storms, one per terminal
size, each bounded in keys and in seconds so a loaded 2-core machine stays
near half a minute in all. More (the same engine, one command):

    .venv/bin/python -m tests.tui.monkey --seconds 600 --seed 7
    FICTION_MONKEY_SECONDS=600 .venv/bin/python -m pytest tests/tui/test_monkey.py -m slow

`FICTION_MONKEY_KEYS` and `FICTION_MONKEY_STORM_SECONDS` change the CI bounds.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.tui.monkey import SIZES, StormReport, storm

KEYS = int(os.environ.get("FICTION_MONKEY_KEYS", "400"))
STORM_SECONDS = float(os.environ.get("FICTION_MONKEY_STORM_SECONDS", "13"))
LONG_SECONDS = float(os.environ.get("FICTION_MONKEY_SECONDS", "0"))


def assert_held_up(report: StormReport) -> None:
    """No crash, no crash report, no lost text; and the storm did reach the wizard and
    saw something saved, or it proved nothing."""
    print(report.describe())  # seen with -s: what the storm did
    assert not report.failures, report.describe()
    assert any(name.startswith("wizard-") for name in report.coverage), report.describe()
    assert report.elsewhere > 0, report.describe()


@pytest.mark.parametrize(("seed", "size"), [(1, SIZES[0]), (2, SIZES[1])], ids=["80x24", "120x40"])
async def test_random_keys_never_crash_the_app_nor_lose_what_it_showed_saved(
    tmp_path: Path, seed: int, size: tuple[int, int]
):
    report = await storm(tmp_path, seed, size, keys=KEYS, seconds=STORM_SECONDS)
    assert_held_up(report)


@pytest.mark.slow
@pytest.mark.skipif(not LONG_SECONDS, reason="set FICTION_MONKEY_SECONDS for the long storm")
@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
async def test_a_long_storm_holds_up(tmp_path: Path, size: tuple[int, int]):
    seed = int(os.environ.get("FICTION_MONKEY_SEED", "7"))
    report = await storm(tmp_path, seed, size, seconds=LONG_SECONDS / len(SIZES))
    assert_held_up(report)
