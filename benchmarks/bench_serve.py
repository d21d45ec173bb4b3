"""`fiction serve` with a room full of tabs: time to the first screen and memory per session.

Twelve tabs open at once on one server, each a websocket client speaking
textual-serve's protocol (what the browser's page does): the time from
opening the websocket to the home screen being drawn, and the memory of each
tab's app process (RSS, and PSS, which shares the pages processes have in
common fairly between them). The baseline is a bare Textual app (one line of
text) served by the same server in the same run: the difference is fiction's
own cost (its imports, its screens, opening the store).

    .venv/bin/python benchmarks/bench_serve.py [--sessions 12]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import QUICK, percentile, sized

BARE_APP = Path(__file__).resolve().parent / "_bare_app.py"
MARKERS = {"fiction": "Rejoindre un groupe", "bare": "Bonjour"}
TIMEOUT = 60.0
SETTLE = 0.2 if QUICK else 1.0
_ESCAPES = re.compile(
    r"\x1b(\[[0-9;?<>=!]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|.)"
)


def serve_child(kind: str, store: str) -> None:
    """The server process: fiction's server, running fiction's app or the bare one."""
    from fiction.serve.launch import serve
    from fiction.serve.server import ServeSettings

    class BareSettings(ServeSettings):
        def app_argv(
            self, workshop: str | None = None, *, facilitator: bool = False, touch: bool = False
        ) -> list[str]:
            return [sys.executable, str(BARE_APP)]

    settings_type = ServeSettings if kind == "fiction" else BareSettings
    serve(settings_type("127.0.0.1", 0, Path(store)), lambda text: print(text, flush=True))


def start_server(kind: str, store: Path) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, __file__, "--serve-child", kind, str(store)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    deadline = time.monotonic() + TIMEOUT
    for line in process.stdout:
        found = re.search(r"Ouvrez dans le navigateur : (\S+)", line)
        if found:
            return process, found.group(1)
        if time.monotonic() > deadline:
            break
    process.kill()
    raise SystemExit(f"the {kind} server did not start")


async def open_tab(session: aiohttp.ClientSession, url: str, marker: str) -> tuple[float, object]:
    """Seconds from opening the websocket to `marker` drawn; the websocket stays open."""
    start = time.perf_counter()
    ws = await session.ws_connect(f"{url}ws?width=100&height=30", headers={"Origin": url[:-1]})
    await ws.send_json(["resize", {"width": 100, "height": 30}])
    stream = ""
    async with asyncio.timeout(TIMEOUT):
        async for message in ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                stream += message.data.decode("utf-8", "replace")
                if marker in _ESCAPES.sub("", stream):
                    return time.perf_counter() - start, ws
    raise SystemExit(f"a session closed before showing « {marker} »")


def app_memory(store: Path, kind: str) -> list[tuple[int, int]]:
    """(RSS, PSS) in bytes of every app process this server started."""
    needle = b"fiction.serve.session" if kind == "fiction" else str(BARE_APP).encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            if needle not in argv or (kind == "fiction" and str(store).encode() not in argv):
                continue
            rollup = (entry / "smaps_rollup").read_text()
        except OSError:
            continue
        values = dict(re.findall(r"^(Rss|Pss):\s+(\d+) kB", rollup, re.M))
        found.append((int(values["Rss"]) * 1024, int(values["Pss"]) * 1024))
    return found


def run(kind: str, sessions: int, folder: Path) -> dict[str, float]:
    store = folder / f"{kind}.sqlite3"
    process, url = start_server(kind, store)
    try:

        async def scenario() -> dict[str, float]:
            async with aiohttp.ClientSession() as client:
                alone, ws = await open_tab(client, url, MARKERS[kind])
                await ws.close()
                await asyncio.sleep(SETTLE)
                opened = await asyncio.gather(
                    *(open_tab(client, url, MARKERS[kind]) for _ in range(sessions))
                )
                times = [seconds for seconds, _ in opened]
                await asyncio.sleep(SETTLE)  # let every app settle before reading its memory
                memory = app_memory(store, kind)
                for _, tab in opened:
                    await tab.close()
            return {
                "alone": alone,
                "median": statistics.median(times),
                "p90": percentile(times, 0.9),
                "max": max(times),
                "processes": len(memory),
                "rss": statistics.mean(rss for rss, _ in memory),
                "pss": statistics.mean(pss for _, pss in memory),
            }

        return asyncio.run(scenario())
    finally:
        process.send_signal(2)
        process.wait(timeout=TIMEOUT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=sized(12, 1))
    parser.add_argument("--serve-child", nargs=2, metavar=("KIND", "STORE"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.serve_child:
        serve_child(*options.serve_child)
        return
    with tempfile.TemporaryDirectory() as folder:
        results = {kind: run(kind, options.sessions, Path(folder)) for kind in ("bare", "fiction")}
    n = options.sessions
    print(f"\nfiction serve, {n} onglets ouverts ensemble  (python {sys.version.split()[0]})")
    header = f"  {'mesure':<40} {'app Textual nue (base)':>24} {'fiction':>12} {'× base':>8}"
    print(header)
    rows = [
        ("premier écran, un onglet seul", "alone", 1000, "ms"),
        (f"premier écran, {n} ensemble : médiane", "median", 1000, "ms"),
        (f"premier écran, {n} ensemble : p90", "p90", 1000, "ms"),
        (f"premier écran, {n} ensemble : max", "max", 1000, "ms"),
        ("mémoire par session : RSS", "rss", 1 / 2**20, "Mio"),
        ("mémoire par session : PSS (partage compté)", "pss", 1 / 2**20, "Mio"),
    ]
    bare, fiction = results["bare"], results["fiction"]
    for label, key, scale, unit in rows:
        print(
            f"  {label:<40} {bare[key] * scale:>20.1f} {unit:<3} {fiction[key] * scale:>8.1f} "
            f"{unit:<3} {fiction[key] / bare[key]:>6.2f}"
        )
    counts = f"base {bare['processes']}, fiction {fiction['processes']}"
    print(f"  processus d'application mesurés : {counts}")


if __name__ == "__main__":
    main()
