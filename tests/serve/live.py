"""The real `WorkshopServer` on 127.0.0.1, in the test's event loop, with stand-in apps.

The server is the one `fiction serve` runs (gate, caps, shutdown); only the
app each tab starts is replaced by `STAND_IN`, a few lines of Python speaking
textual-serve's protocol: it starts in milliseconds instead of seconds, shows
the terminal size it was given, echoes keys, and notes in a log file each
"quit" it receives before leaving, so a test can tell that every tab was
asked to save. `--deaf` makes it ignore "quit" and SIGTERM, as a stuck app.
Every socket stays on 127.0.0.x and every wait is bounded.
"""

from __future__ import annotations

import asyncio
import base64
import os
import socket
import struct
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

from fiction.serve.limits import Limits
from fiction.serve.server import ServeSettings, WorkshopServer
from fiction.serve.throttle import Throttle

STAND_IN = r"""
import json, os, signal, sys, time
log, name, deaf = sys.argv[1], sys.argv[2], sys.argv[3] == "--deaf"
if deaf:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
out = sys.stdout.buffer
def send(kind, payload):
    out.write(kind + len(payload).to_bytes(4, "big") + payload)
    out.flush()
out.write(b"__GANGLION__\n")
send(b"D", f"taille {os.environ['COLUMNS']}x{os.environ['ROWS']}\n".encode())
stdin = sys.stdin.buffer
while True:
    head = stdin.read(5)
    if len(head) < 5:
        break
    payload = stdin.read(int.from_bytes(head[1:], "big"))
    if head[:1] == b"D":
        send(b"D", payload)
        continue
    meta = json.loads(payload)
    if meta["type"] == "resize":
        send(b"D", f"taille {meta['width']}x{meta['height']}\n".encode())
    elif meta["type"] == "quit":
        with open(log, "a") as file:
            file.write(f"quit {name}\n")
        if deaf:
            continue
        send(b"M", json.dumps({"type": "exit"}).encode())
        break
if deaf:
    time.sleep(60)
"""


@dataclass(frozen=True)
class StandInSettings(ServeSettings):
    """Settings whose tabs run `STAND_IN` instead of the workshop app."""

    log: Path = Path(os.devnull)
    deaf: bool = False

    def app_argv(
        self, workshop: str | None = None, *, facilitator: bool = False, touch: bool = False
    ) -> list[str]:
        mode = "--deaf" if self.deaf else "--polite"
        name = ("animation" if facilitator else workshop or "-") + ("+touch" if touch else "")
        return [sys.executable, "-c", STAND_IN, str(self.log), name, mode]


class Live:
    """A running server: its port, what it said, the stand-in apps it started."""

    def __init__(self, server: WorkshopServer, settings: StandInSettings) -> None:
        self.server = server
        self.settings = settings
        self.port = 0
        self.said: list[str] = []

    @property
    def url(self) -> str:
        return f"http://{self.settings.host}:{self.port}"

    def quits(self) -> list[str]:
        log = self.settings.log
        return log.read_text().splitlines() if log.exists() else []

    def pids(self) -> list[int]:
        """Process ids of the stand-in apps still running (read from /proc)."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                argv = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if str(self.settings.log).encode() in argv and b"-c" in argv:
                found.append(int(entry.name))
        return found

    async def tab(self, query: str = "", **options: Any) -> aiohttp.ClientWebSocketResponse:
        """A well-behaved tab: a websocket from a page of this server."""
        session = aiohttp.ClientSession()
        self._sessions.append(session)
        return await session.ws_connect(
            f"{self.url}/ws{query}", headers={"Origin": self.url}, **options
        )

    _sessions: list[aiohttp.ClientSession]


@asynccontextmanager
async def live_server(
    tmp_path: Path,
    *,
    host: str = "127.0.0.1",
    limits: Limits | None = None,
    deaf: bool = False,
    quit_timeout: float | None = None,
    facilitator_code: str | None = None,
) -> AsyncIterator[Live]:
    """Serve on `host` (a loopback address; 127.0.0.2 asks for codes) until the block ends."""
    settings = StandInSettings(
        host,
        0,
        tmp_path / "ateliers.sqlite3",
        facilitator_code=facilitator_code,
        log=tmp_path / "quits.log",
    )

    async def lookup(typed: str) -> str | None:
        return "Atelier du Mans" if typed == "K7PQ4X" else None

    said: list[str] = []
    options: dict[str, Any] = {} if limits is None else {"limits": limits}
    if quit_timeout is not None:
        options["quit_timeout"] = quit_timeout
    server = WorkshopServer(
        settings,
        lookup=lookup,
        say=said.append,
        secret=b"k" * 32,
        throttle=Throttle(lambda: 0.0),
        **options,
    )
    live = Live(server, settings)
    live.said = said
    live._sessions = []
    listening = asyncio.Event()
    stop = asyncio.Event()

    def announce(port: int) -> None:
        live.port = port
        listening.set()

    running = asyncio.create_task(server.run(announce, stop))
    await asyncio.wait_for(listening.wait(), 20)
    try:
        yield live
    finally:
        stop.set()
        await asyncio.wait_for(running, 60)
        for session in live._sessions:
            await session.close()


async def wait_until(condition: Any, timeout: float = 20.0, what: str = "it") -> None:
    """Poll `condition` in the event loop until it is true; fail naming `what` after `timeout`."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"gave up after {timeout:.0f} s waiting for {what}")
        await asyncio.sleep(0.05)


async def aborted_tab(
    port: int, *, after: float = 0.0, handshake: bool = True, host: str = "127.0.0.1"
) -> None:
    """A tab whose connection is reset (RST, no closing handshake), `after` s once upgraded."""
    loop = asyncio.get_running_loop()
    raw = socket.socket()
    raw.setblocking(False)
    try:
        await loop.sock_connect(raw, (host, port))
        key = base64.b64encode(os.urandom(16)).decode()
        origin = f"http://{host}:{port}"
        await loop.sock_sendall(
            raw,
            (
                f"GET /ws?width=80&height=24 HTTP/1.1\r\nHost: {host}:{port}\r\n"
                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                f"Origin: {origin}\r\n\r\n"
            ).encode(),
        )
        if handshake:
            answer = await asyncio.wait_for(loop.sock_recv(raw, 4096), 10)
            assert answer.startswith(b"HTTP/1.1 101"), answer[:80]
            await asyncio.sleep(after)
    finally:
        raw.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        raw.close()
