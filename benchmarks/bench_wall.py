"""The wall screen (`/salle`) watched by a room: what N viewers cost the server.

N viewers (40: a room's worth of laptops and phones, far more than the one
projector it is for) load the page and follow its event stream while the
store changes every half second (a group's step, the countdown), as during a
workshop. Measured over the same window: the server's memory (RSS) and CPU,
against the same server with no viewer at all (the baseline, same run, same
edits), and beside them what one tab of the app costs (its own process).
Every viewer shares one store poll: the readings each viewer is sent are
counted too, one per edit at most however many viewers there are.

    .venv/bin/python benchmarks/bench_wall.py [--viewers 40] [--seconds 10] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))
if "--quick" in sys.argv:  # as `run_all.py --quick`: before _timing reads it
    os.environ["FICTION_BENCH_QUICK"] = "1"

from _timing import QUICK, sized
from bench_serve import MARKERS, app_memory, open_tab, start_server
from bench_store import NAME, create_store

EDIT_EVERY = 0.5
TICKS = os.sysconf("SC_CLK_TCK")


def rss(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
    return int(found.group(1)) * 1024 if found else 0


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


async def edit_while(store: Path, seconds: float) -> int:
    """Change a group's step every EDIT_EVERY s for `seconds`; the number of edits."""
    from fiction.store.store import Store

    edits = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        step = 1 + edits % 6
        with Store(store) as opened:
            await asyncio.to_thread(opened.set_field, NAME, 1, "step", step, "mesure")
        edits += 1
        await asyncio.sleep(EDIT_EVERY)
    return edits


async def viewer(client: aiohttp.ClientSession, url: str, received: list[int]) -> None:
    """One wall screen: the page, then its stream, counting the readings it is sent."""
    page = f"{url}salle/{quote(NAME, safe='')}"
    async with client.get(page) as response:
        await response.read()
    async with client.get(page + "/flux") as stream:
        async for line in stream.content:
            if line.startswith(b"event: atelier"):
                received[0] += 1


def measure(store: Path, viewers: int, seconds: float) -> dict[str, float]:
    process, url = start_server("fiction", store)
    try:

        async def scenario() -> dict[str, float]:
            connector = aiohttp.TCPConnector(limit=0)
            async with aiohttp.ClientSession(connector=connector) as client:
                received = [0]
                tasks = [asyncio.create_task(viewer(client, url, received)) for _ in range(viewers)]
                await asyncio.sleep(sized(2, 1) if viewers else 0)  # every viewer connected
                cpu_before, wall_before = cpu_seconds(process.pid), time.monotonic()
                edits = await edit_while(store, seconds)
                cpu = cpu_seconds(process.pid) - cpu_before
                window = time.monotonic() - wall_before
                memory = rss(process.pid)
                app: dict[str, float] = {}
                if not viewers:  # beside the baseline: one tab of the app, its own process
                    _, tab = await open_tab(client, url, MARKERS["fiction"])
                    await asyncio.sleep(sized(1, 0))
                    found = app_memory(store, "fiction")
                    app = {"app_rss": float(found[0][0]) if found else 0.0}
                    await tab.close()
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
            return {
                "rss": float(memory),
                "cpu": 100 * cpu / window,
                "edits": float(edits),
                "received": float(received[0]),
                **app,
            }

        return asyncio.run(scenario())
    finally:
        process.send_signal(2)
        process.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, default=sized(40, 3))
    parser.add_argument("--seconds", type=float, default=sized(10, 1))
    parser.add_argument("--quick", action="store_true", help="tiny sizes: does it still run?")
    options = parser.parse_args()
    n = options.viewers
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "ateliers.sqlite3"
        create_store(store, groups=6)
        base = measure(store, 0, options.seconds)
        wall = measure(store, n, options.seconds)
    mib = 1 / 2**20
    print(f"\nfiction serve, écran de salle : {n} écrans sur /salle, {options.seconds:.0f} s")
    print(f"  {'mesure':<44} {'0 écran (base)':>16} {f'{n} écrans':>12} {'× base':>8}")
    rows = [
        ("mémoire du serveur (RSS, Mio)", "rss", mib),
        ("CPU du serveur (% d'un cœur)", "cpu", 1.0),
    ]
    for label, key, scale in rows:
        ratio = f"{wall[key] / base[key]:.2f}" if base[key] else "—"
        print(f"  {label:<44} {base[key] * scale:>16.1f} {wall[key] * scale:>12.1f} {ratio:>8}")
    extra = (wall["rss"] - base["rss"]) * mib
    print(f"  mémoire en plus par écran de salle : {extra / max(1, n) * 1024:.0f} Kio")
    app = base["app_rss"] * mib
    print(f"  à comparer : un onglet de l'application = un processus de {app:.0f} Mio")
    per_viewer = wall["received"] / max(1, n)
    print(
        f"  {wall['edits']:.0f} modifications ; chaque écran a reçu {per_viewer:.1f} lectures "
        "(au plus une lecture, partagée, par changement)"
    )
    if QUICK:
        print("  (mode rapide : chiffres sans valeur, vérifie seulement que la mesure tourne)")


if __name__ == "__main__":
    main()
