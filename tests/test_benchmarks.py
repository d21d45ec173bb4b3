"""Every benchmark still runs (in its quick mode) and prints its same-run baseline;
`run_all.py` fails when one of them crashes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = sorted((ROOT / "benchmarks").glob("bench_*.py"))
# Quick mode takes a few seconds; much more means a benchmark lost its quick sizes.
QUICK_TIMEOUT = 90.0


def quick(*argv: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *map(str, argv)],
        env={**os.environ, "FICTION_BENCH_QUICK": "1"},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=QUICK_TIMEOUT,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda path: path.stem)
def test_benchmark_runs_in_quick_mode_and_prints_its_baseline(script: Path):
    result = quick(script)

    assert result.returncode == 0, result.stderr[-3000:]
    assert re.search(r"× (base|plancher)", result.stdout), result.stdout


def test_run_all_fails_and_names_the_benchmark_that_crashed(tmp_path: Path):
    shutil.copy(ROOT / "benchmarks" / "run_all.py", tmp_path)
    (tmp_path / "bench_fine.py").write_text("print('× base')\n", encoding="utf-8")
    (tmp_path / "bench_broken.py").write_text("raise TypeError('cassé')\n", encoding="utf-8")

    result = quick(tmp_path / "run_all.py", "--quick", cwd=tmp_path)

    assert result.returncode == 1
    assert "=== bench_fine.py ===" in result.stdout
    assert "bench_broken.py" in result.stderr.splitlines()[-1]
    assert "bench_fine.py" not in result.stderr
