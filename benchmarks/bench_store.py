"""Edits per second and p99 latency of the workshop store with 1, 10 and 50 concurrent
writer processes, on SQLite and on PostgreSQL side by side, in one run.

Each writer is its own process editing its group's fields as the app saves a
keystroke; every edit is its own durable transaction (SQLite: WAL,
synchronous=FULL; PostgreSQL: a commit flushed to its log). Each figure is
printed beside its baseline, measured in the same run on the same database
with the same writers: a bare INSERT + COMMIT per edit (sqlite3, psycopg).
The store's own cost is the difference (reading the old value, checking it,
the history row, the workshop's write lock).

PostgreSQL is a throwaway cluster started for the run (Debian's binaries, as
the tests do, but with fsync on), or the database `--postgresql URL` names
(the benchmark's workshop and table are removed from it afterwards). Without
PostgreSQL binaries, the PostgreSQL column is skipped and the reason printed.

    .venv/bin/python benchmarks/bench_store.py [--writers 1 10 50] [--edits 1000]
        [--postgresql URL] [--dir DOSSIER]
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import QUICK, percentile, sized

ROOT = Path(__file__).resolve().parent.parent

NAME = "Atelier de mesure"
FIELDS = ("title", "narrative", "question", "purpose")
GROUPS = 10
BASELINE_TABLE = "fiction_bench_edits"


def create_store(path: Path | str, groups: int) -> None:
    """A store at `path` (a file or a database URL) holding the benchmark's workshop."""
    from fiction.cards.loader import load_deck
    from fiction.engine import DealRequest, deal
    from fiction.resources import builtin_deck_path
    from fiction.store.creation import new_workshop
    from fiction.store.store import Store

    deck = load_deck(builtin_deck_path())
    dealt = deal(deck, DealRequest(groups=groups, seed=1))
    with Store(path) as store:
        if store.exists(NAME):
            store.delete(NAME)
        store.add(new_workshop(NAME, deck, dealt, now=time.time()))


def remove_store_workshop(location: str) -> None:
    from fiction.store.store import Store

    with Store(location) as store:
        if store.exists(NAME):
            store.delete(NAME)


# --- one edit, four ways ---------------------------------------------------------


def store_edits(location: str, writer: int) -> Callable[[int], None]:
    """One edit per call: the writer's group's field, as the app saves a keystroke."""
    from fiction.store.store import Store

    store = Store(location if "://" in location else Path(location))
    group = writer % GROUPS + 1
    author = f"écrivain {writer}"

    def edit(number: int) -> None:
        field = FIELDS[number % len(FIELDS)]
        store.set_field(NAME, group, field, f"texte {writer}-{number}", author)

    return edit


def sqlite_baseline_edits(location: str, writer: int) -> Callable[[int], None]:
    db = sqlite3.connect(location, timeout=60, isolation_level=None)
    db.execute("PRAGMA synchronous = FULL")

    def edit(number: int) -> None:
        db.execute("BEGIN IMMEDIATE")
        db.execute(
            f"INSERT INTO {BASELINE_TABLE} VALUES (?, ?, ?)", (writer, number, f"texte {number}")
        )
        db.execute("COMMIT")

    return edit


def postgresql_baseline_edits(location: str, writer: int) -> Callable[[int], None]:
    import psycopg

    db = psycopg.connect(location)

    def edit(number: int) -> None:
        db.execute(
            f"INSERT INTO {BASELINE_TABLE} VALUES (%s, %s, %s)", (writer, number, f"texte {number}")
        )
        db.commit()

    return edit


def create_baseline(backend: str, location: str) -> None:
    columns = "writer INTEGER, n INTEGER, value TEXT"
    if backend == "sqlite":
        db = sqlite3.connect(location, isolation_level=None)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute(f"CREATE TABLE IF NOT EXISTS {BASELINE_TABLE} ({columns})")
        db.close()
        return
    import psycopg

    with psycopg.connect(location, autocommit=True) as db:
        db.execute(f"DROP TABLE IF EXISTS {BASELINE_TABLE}")
        db.execute(f"CREATE TABLE {BASELINE_TABLE} ({columns})")


def drop_baseline(location: str) -> None:
    import psycopg

    with psycopg.connect(location, autocommit=True) as db:
        db.execute(f"DROP TABLE IF EXISTS {BASELINE_TABLE}")


EDITORS: dict[tuple[str, str], Callable[[str, int], Callable[[int], None]]] = {
    ("sqlite", "baseline"): sqlite_baseline_edits,
    ("sqlite", "store"): store_edits,
    ("postgresql", "baseline"): postgresql_baseline_edits,
    ("postgresql", "store"): store_edits,
}


# --- writers in their own processes ----------------------------------------------


@dataclass(frozen=True)
class Measure:
    edits: int
    seconds: float
    """From the writers' common start to the last one's last edit."""
    p50: float
    p99: float

    @property
    def per_second(self) -> float:
        return self.edits / self.seconds


def _writer(backend, kind, location, writer, edits, barrier, results) -> None:
    edit = EDITORS[backend, kind](location, writer)
    edit(-1)  # warm up: connection, caches
    barrier.wait(timeout=300)
    start = time.monotonic()
    times = []
    for number in range(edits):
        began = time.perf_counter()
        edit(number)
        times.append(time.perf_counter() - began)
    results.put((start, time.monotonic(), times))


def measure(backend: str, kind: str, location: str, writers: int, edits: int) -> Measure:
    """`writers` processes making `edits` edits each, all starting together."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(writers)
    results = context.Queue()
    processes = [
        context.Process(target=_writer, args=(backend, kind, location, n, edits, barrier, results))
        for n in range(writers)
    ]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=900) for _ in processes]
    for process in processes:
        process.join()
    times = [t for _, _, each in outcomes for t in each]
    seconds = max(end for _, end, _ in outcomes) - min(start for start, _, _ in outcomes)
    return Measure(len(times), seconds, statistics.median(times), percentile(times, 0.99))


# --- PostgreSQL ------------------------------------------------------------------


@contextlib.contextmanager
def throwaway_postgresql(folder: Path | None) -> Iterator[str]:
    """A fresh cluster (fsync on, unlike the tests' server) on a Unix socket; its URL.

    Raises RuntimeError saying why when none can be started (no binaries).
    """
    sys.path.insert(0, str(ROOT))
    from tests.postgres_server import find_binaries, running_server

    binaries = find_binaries()
    if isinstance(binaries, str):
        raise RuntimeError(binaries)
    with running_server(binaries, port=5433, durable=True, folder=folder) as server:
        yield server.url()


# --- the run ---------------------------------------------------------------------


def run_backend(
    backend: str, store: str, baseline: str, levels: list[int], total: int
) -> dict[int, dict[str, Measure]]:
    create_store(store, groups=GROUPS)
    create_baseline(backend, baseline)
    measured: dict[int, dict[str, Measure]] = {}
    for writers in levels:
        edits = max(sized(20, 1), total // writers)
        measured[writers] = {
            kind: measure(backend, kind, location, writers, edits)
            for kind, location in (("baseline", baseline), ("store", store))
        }
        print(f"  {backend} : {writers} écrivain(s) mesuré(s)", file=sys.stderr, flush=True)
    return measured


def cells(measure: Measure | None, base: Measure | None) -> str:
    if measure is None or base is None:
        return f"{'—':>10} {'—':>9} {'—':>9} {'—':>7}"
    ratio = base.per_second / measure.per_second
    return (
        f"{measure.per_second:10.0f} {measure.p50 * 1000:7.2f}ms {measure.p99 * 1000:7.2f}ms"
        f" {ratio:7.2f}"
    )


def report(
    results: dict[str, dict[int, dict[str, Measure]]], levels: list[int], skipped: str
) -> None:
    python = sys.version.split()[0]
    print(f"\nModifications du magasin d'ateliers, SQLite et PostgreSQL (python {python})")
    head = f"{'modif./s':>10} {'médiane':>9} {'p99':>9} {'× base':>7}"
    print(f"  {'':22} {'SQLite':^37}   {'PostgreSQL':^37}")
    print(f"  {'écrivains':10} {'mesure':11} {head}   {head}")
    for writers in levels:
        for kind, name in (("baseline", "référence"), ("store", "magasin")):
            row = []
            for backend in ("sqlite", "postgresql"):
                by_kind = results.get(backend, {}).get(writers, {})
                row.append(cells(by_kind.get(kind), by_kind.get("baseline")))
            print(f"  {writers:<10d} {name:11} {row[0]}   {row[1]}")
    print("  × base : combien de fois moins de modifications par seconde que la référence")
    print("  référence : INSERT + COMMIT nu par modification, mêmes écrivains, même base")
    print("  (SQLite : WAL, synchronous=FULL ; PostgreSQL : fsync et synchronous_commit)")
    if skipped:
        print(f"  PostgreSQL : colonne sautée — {skipped}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--writers",
        type=int,
        nargs="+",
        # Quick: one level, with two processes (the barrier, the merged timings).
        default=[2] if QUICK else [1, 10, 50],
        help="concurrent writer processes, one measure each",
    )
    parser.add_argument(
        "--edits", type=int, default=sized(1000, 2), help="edits per measure (all writers)"
    )
    parser.add_argument("--postgresql", metavar="URL", help="a PostgreSQL database to measure")
    parser.add_argument("--dir", type=Path, default=None, help="folder on the disk to measure")
    options = parser.parse_args()

    results: dict[str, dict[int, dict[str, Measure]]] = {}
    skipped = ""
    with tempfile.TemporaryDirectory(dir=options.dir) as folder:
        store_file = str(Path(folder) / "ateliers.sqlite3")
        baseline_file = str(Path(folder) / "baseline.sqlite3")
        results["sqlite"] = run_backend(
            "sqlite", store_file, baseline_file, options.writers, options.edits
        )
        with contextlib.ExitStack() as stack:
            url = options.postgresql
            try:
                import psycopg  # noqa: F401

                if url is None:
                    url = stack.enter_context(throwaway_postgresql(options.dir))
            except ImportError:
                skipped = "psycopg n'est pas installé (pip install -e '.[postgresql]')"
            except RuntimeError as missing:
                skipped = str(missing)
            if url is not None:
                try:
                    results["postgresql"] = run_backend(
                        "postgresql", url, url, options.writers, options.edits
                    )
                finally:
                    remove_store_workshop(url)
                    drop_baseline(url)
    report(results, options.writers, skipped)


if __name__ == "__main__":
    main()
