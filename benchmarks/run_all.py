"""Run every benchmark in this folder: `python benchmarks/run_all.py [--quick]`.

Exits non-zero, naming them, when any benchmark failed. `--quick` runs each on
tiny sizes (FICTION_BENCH_QUICK=1): a check that they all still run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def benchmarks() -> list[Path]:
    return sorted(FOLDER.glob("bench_*.py"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: check they all run")
    options = parser.parse_args()
    environment = dict(os.environ)
    if options.quick:
        environment["FICTION_BENCH_QUICK"] = "1"
    failed = []
    for script in benchmarks():
        print(f"\n=== {script.name} ===", flush=True)
        if subprocess.run([sys.executable, str(script)], env=environment).returncode != 0:
            failed.append(script.name)
    if failed:
        print(f"\nÉchec : {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
