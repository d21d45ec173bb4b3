"""A pytest plugin for developers: what each test costs in CPU seconds.

The suite must stay under 3 minutes on two cores and is bound by CPU, so a
test's cost is its CPU time, not its wall time (which mostly measures the
neighbours under pytest-xdist). Each test's CPU time counts this process and
the child processes it waited for (a `fiction` command, a writer process);
servers and browsers it started are counted when they are reaped.

    .venv/bin/pytest -p tests.cpu_costs [-n 4] [tests/…]

At the end it prints the costliest tests and the total. Under pytest-xdist
the workers write their figures to a file the controller reads.
"""

from __future__ import annotations

import json
import os
import resource
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

SHOWN = 30
_FILE = "FICTION_CPU_COSTS_FILE"


def pytest_configure(config: pytest.Config) -> None:
    if _FILE not in os.environ:  # the controller (or a lone process): workers inherit it
        descriptor, name = tempfile.mkstemp(prefix="fiction-cpu-", suffix=".jsonl")
        os.close(descriptor)
        os.environ[_FILE] = name


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    cpu, wall = _cpu_seconds(), time.perf_counter()
    yield
    record = {
        "test": item.nodeid,
        "cpu": _cpu_seconds() - cpu,
        "wall": time.perf_counter() - wall,
    }
    with open(os.environ[_FILE], "a", encoding="utf-8") as costs:
        costs.write(json.dumps(record) + "\n")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    path = Path(os.environ[_FILE])
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    path.unlink(missing_ok=True)
    records = [json.loads(line) for line in lines]
    if not records:
        return
    terminalreporter.section("CPU seconds per test (tests/cpu_costs.py)")
    for record in sorted(records, key=lambda record: -record["cpu"])[:SHOWN]:
        terminalreporter.write_line(
            f"{record['cpu']:7.2f} cpu {record['wall']:7.2f} wall  {record['test']}"
        )
    terminalreporter.write_line(
        f"total: {sum(record['cpu'] for record in records):.1f} CPU seconds over "
        f"{len(records)} tests"
    )
