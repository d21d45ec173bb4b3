"""`fiction serve` run as a user runs it, and a websocket client speaking textual-serve's protocol.

The server runs in its own process (so Ctrl+C, the app processes and their
shutdown are real) on a port the system picks (`--port 0`); its address is
read from what it prints. Every wait is bounded.
"""

from __future__ import annotations

import asyncio
import base64
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp

ENTRY = "import sys\nfrom fiction.cli import main\nmain(sys.argv[1:])\n"
START_TIMEOUT = 30.0
STOP_TIMEOUT = 40.0
_ADDRESS = re.compile(r"Ouvrez dans le navigateur : (\S+)")
_ESCAPES = re.compile(
    r"\x1b(\[[0-9;?<>=!]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|.)"
)
"""Escape sequences (CSI, OSC, charset and two-character ones): what is left is the text."""


def screen_text(stream: str) -> str:
    """What a terminal stream writes, without its escape sequences."""
    return _ESCAPES.sub("", stream)


def wait_for(condition: Callable[[], Any], timeout: float, what: str, step: float = 0.1) -> Any:
    """Poll `condition` until it returns something true; fail naming `what` after `timeout` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(step)
    raise AssertionError(f"gave up after {timeout:.0f} s waiting for {what}")


class ServedFiction:
    """`fiction serve --port 0 --store STORE [--host HOST]` in a process of its own."""

    def __init__(self, store: Path, host: str = "127.0.0.1", extra: Sequence[str] = ()) -> None:
        environment = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "120"}
        command = [sys.executable, "-c", ENTRY, "serve", "--host", host, "--port", "0"]
        self.process = subprocess.Popen(
            [*command, "--store", str(store), *extra],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=environment,
        )
        self._lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        found = wait_for(
            lambda: _ADDRESS.search(self.output()) or self.process.poll() is not None,
            START_TIMEOUT,
            "the server's address",
        )
        if not isinstance(found, re.Match):
            raise AssertionError(f"fiction serve did not start:\n{self.output()}")
        self.url = found.group(1)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.append(line)

    def output(self) -> str:
        return "".join(self._lines)

    def interrupt(self) -> int:
        """Ctrl+C, as typed in the server's terminal; the exit code, after a bounded wait."""
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=STOP_TIMEOUT)
        self._reader.join(timeout=5)
        return code

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def app_processes(store: Path) -> list[int]:
    """Process ids of the app processes started on `store` (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"fiction.serve.session" in argv and str(store).encode() in argv:
            found.append(int(entry.name))
    return found


def reset_tab(url: str, after: float = 0.0) -> None:
    """A tab whose connection is reset (RST, no closing handshake) `after` s into its life."""
    parts = urlsplit(url)
    assert parts.hostname is not None and parts.port is not None
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as raw:
        key = base64.b64encode(os.urandom(16)).decode()
        raw.sendall(
            (
                f"GET /ws?width=80&height=24 HTTP/1.1\r\nHost: {parts.netloc}\r\n"
                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                f"Origin: {parts.scheme}://{parts.netloc}\r\n\r\n"
            ).encode()
        )
        if after:
            raw.recv(4096)
            time.sleep(after)
        raw.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


class Terminal:
    """One browser tab, without the browser: textual-serve's websocket protocol by hand.

    Frames from the server are the app's terminal output; keys go up as
    `["stdin", text]`. Runs its own event loop in a thread so tests stay plain.
    """

    def __init__(self, url: str, width: int = 100, height: int = 30) -> None:
        self.stream = ""
        self.first_frame_at: float | None = None
        self.opened_at = time.monotonic()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._ws: Any = None
        self._session: Any = None
        self._closed = threading.Event()
        self.close_code: int | None = None
        """How the server closed this tab (1001: the server stops), once it has."""
        self._call(self._open(url, width, height))

    def _call(self, coroutine: Any, timeout: float = 20.0) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    async def _open(self, url: str, width: int, height: int) -> None:
        self._session = aiohttp.ClientSession()
        origin = url.rstrip("/")
        self._ws = await self._session.ws_connect(
            f"{url}ws?width={width}&height={height}", headers={"Origin": origin}
        )
        await self._ws.send_json(["resize", {"width": width, "height": height}])
        self._loop.create_task(self._receive())

    async def _receive(self) -> None:
        async for message in self._ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                if self.first_frame_at is None:
                    self.first_frame_at = time.monotonic()
                self.stream += message.data.decode("utf-8", "replace")
        self.close_code = self._ws.close_code
        self._closed.set()

    def text(self) -> str:
        return screen_text(self.stream)

    def wait_for_text(self, text: str, timeout: float = 20.0, since: int = 0) -> None:
        wait_for(lambda: text in self.text()[since:], timeout, f"« {text} » on the screen")

    def press(self, *keys: str) -> None:
        for key in keys:
            self._call(self._ws.send_json(["stdin", key]))

    def closed(self, timeout: float) -> bool:
        return self._closed.wait(timeout)

    def close(self) -> None:
        async def shut() -> None:
            if self._ws is not None:
                await self._ws.close()
            if self._session is not None:
                await self._session.close()

        self._call(shut())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
