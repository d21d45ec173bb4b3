"""Small helpers shared by the benchmarks: repeat, take medians, print a table.

With FICTION_BENCH_QUICK=1 in the environment (`run_all.py --quick` sets it),
every benchmark runs its whole code path on tiny sizes, in a few seconds: the
figures mean nothing, but a benchmark that no longer runs is caught (the tests
run them all this way).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

QUICK = os.environ.get("FICTION_BENCH_QUICK", "") not in ("", "0")


def sized(full: int, quick: int) -> int:
    """`full`, or `quick` in quick mode."""
    return quick if QUICK else full


def time_call(function: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of `repeat` calls (one warm-up call first, but in quick mode)."""
    if not QUICK:
        function()
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return timings


def time_command(argv: Sequence[str], repeat: int) -> list[float]:
    """Wall-clock seconds of `repeat` runs of a command, output discarded."""
    return time_call(
        lambda: subprocess.run(
            argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        ),
        repeat,
    )


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def print_rows(title: str, rows: Sequence[tuple[str, Sequence[float]]], baseline: str) -> None:
    """Median and p90 in milliseconds for each row, and its ratio to the baseline row."""
    medians = {name: statistics.median(values) for name, values in rows}
    print(f"\n{title}  (python {sys.version.split()[0]}, {len(rows[0][1])} runs each)")
    print(f"  {'mesure':<44} {'médiane':>10} {'p90':>10} {'× base':>8}")
    for name, values in rows:
        ratio = medians[name] / medians[baseline]
        median_ms = medians[name] * 1000
        p90_ms = percentile(values, 0.9) * 1000
        print(f"  {name:<44} {median_ms:>8.1f}ms {p90_ms:>8.1f}ms {ratio:>8.2f}")
