"""How long one edit takes in the workshop store, alone and with 10 concurrent writers.

Every edit is its own durable transaction (WAL, synchronous=FULL: one fsync of
the log per edit), so the floor is the disk's fsync. The baseline, measured in
the same run on the same disk, is a bare sqlite3 INSERT + COMMIT per edit with
the same journal mode and synchronous setting: the store's own cost is the
difference (reading the old value, checking it, the history row).

    .venv/bin/python benchmarks/bench_store.py [--edits 400] [--writers 10] [--dir DOSSIER]
"""

from __future__ import annotations

import argparse
import multiprocessing
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import percentile, sized

NAME = "Atelier de mesure"
FIELDS = ("title", "narrative", "question", "purpose")


def create_store(path: Path, groups: int) -> None:
    from fiction.cards.loader import load_deck
    from fiction.engine import DealRequest, deal
    from fiction.resources import builtin_deck_path
    from fiction.store.creation import new_workshop
    from fiction.store.store import Store

    deck = load_deck(builtin_deck_path())
    dealt = deal(deck, DealRequest(groups=groups, seed=1))
    with Store(path) as store:
        store.add(new_workshop(NAME, deck, dealt, now=time.time()))


def create_baseline(path: Path) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE IF NOT EXISTS edits (writer INTEGER, n INTEGER, value TEXT)")
    db.close()


def store_edits(path: Path, writer: int, edits: int) -> Callable[[int], None]:
    """One edit per call: the writer's group's field, as the app saves a keystroke."""
    from fiction.store.store import Store

    store = Store(path)
    group = writer % 10 + 1
    author = f"écrivain {writer}"

    def edit(number: int) -> None:
        field = FIELDS[number % len(FIELDS)]
        store.set_field(NAME, group, field, f"texte {writer}-{number}", author)

    return edit


def baseline_edits(path: Path, writer: int, edits: int) -> Callable[[int], None]:
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    db.execute("PRAGMA synchronous = FULL")

    def edit(number: int) -> None:
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO edits VALUES (?, ?, ?)", (writer, number, f"texte {number}"))
        db.execute("COMMIT")

    return edit


KINDS = {"store": store_edits, "baseline": baseline_edits}


def timed(kind: str, path: Path, writer: int, edits: int, barrier=None) -> list[float]:
    edit = KINDS[kind](path, writer, edits)
    edit(-1)  # warm up: connection, caches
    if barrier is not None:
        barrier.wait()
    times = []
    for number in range(edits):
        start = time.perf_counter()
        edit(number)
        times.append(time.perf_counter() - start)
    return times


def _worker(kind, path, writer, edits, barrier, results) -> None:
    results.put(timed(kind, path, writer, edits, barrier))


def concurrent(kind: str, path: Path, writers: int, edits: int) -> list[float]:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(writers)
    results = context.Queue()
    processes = [
        context.Process(target=_worker, args=(kind, path, n, edits, barrier, results))
        for n in range(writers)
    ]
    for process in processes:
        process.start()
    times = [t for _ in processes for t in results.get(timeout=600)]
    for process in processes:
        process.join()
    return times


def summary(times: list[float]) -> tuple[float, float]:
    """Median and 99th percentile, in milliseconds."""
    return statistics.median(times) * 1000, percentile(times, 0.99) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=sized(400, 8), help="edits per writer")
    parser.add_argument("--writers", type=int, default=sized(10, 2))
    parser.add_argument("--dir", type=Path, default=None, help="folder on the disk to measure")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(dir=options.dir) as folder:
        store_path = Path(folder) / "ateliers.sqlite3"
        baseline_path = Path(folder) / "baseline.sqlite3"
        create_store(store_path, groups=10)
        create_baseline(baseline_path)
        rows = []
        for label, writers in (("seul", 1), (f"{options.writers} écrivains", options.writers)):
            measured = {}
            for kind, path in (("baseline", baseline_path), ("store", store_path)):
                if writers == 1:
                    times = timed(kind, path, 0, options.edits)
                else:
                    times = concurrent(kind, path, writers, options.edits // 4)
                measured[kind] = (len(times), *summary(times))
            rows.append((label, measured))

    python = sys.version.split()[0]
    print(f"\nUne modification du magasin d'ateliers (python {python}, dans {folder})")
    print(f"  {'':14} {'mesure':12} {'n':>6} {'médiane':>10} {'p99':>10} {'× base':>8}")
    for label, measured in rows:
        base_median = measured["baseline"][1]
        for kind, name in (("baseline", "référence"), ("store", "magasin")):
            count, median, p99 = measured[kind]
            print(
                f"  {label:14} {name:12} {count:6d} {median:8.3f}ms {p99:8.3f}ms"
                f" {median / base_median:8.2f}"
            )
    print("  référence : sqlite3 nu, INSERT + COMMIT par modification (WAL, synchronous=FULL)")


if __name__ == "__main__":
    main()
