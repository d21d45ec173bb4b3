"""One browser tab's app process, started and stopped so that no edit is lost.

textual-serve's `AppService` runs its command through a shell in the server's
process group. Two things change here. The app is started directly from an
argument list (a store path with spaces needs no quoting) in a session of its
own, so the Ctrl+C typed in the server's terminal reaches the server alone;
the server then asks each app to quit (the "quit" message of textual-serve's
protocol, which leaves the app the way Ctrl+Q does: screens save what is
typed on their way out). And stopping is bounded: an app that has not left
after `quit_timeout` gets SIGTERM (which Textual's web driver also turns into
a clean exit), then SIGKILL; the server never waits forever.

Two more things keep a tab from costing more than its share. The terminal
size the page asks for is clamped (`Limits.terminal_size`), at the start and
at every resize. And a tab that has gone does not stop the app: what the app
writes for it is dropped, and its output is still read to the end, so the
app can save and leave when asked to.
"""

from __future__ import annotations

import asyncio
import contextlib
import shlex
from collections.abc import Sequence
from typing import Any

from textual_serve.app_service import AppService

from fiction.serve.limits import Limits

QUIT_TIMEOUT = 10.0
"""Seconds an app gets to save and leave after "quit" (it needs well under one)."""
SIGNAL_TIMEOUT = 3.0


class AppProcess(AppService):
    """An `AppService` that runs `argv` in its own session and always stops, in bounded time."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        quit_timeout: float = QUIT_TIMEOUT,
        limits: Limits | None = None,
        **service_options: Any,
    ) -> None:
        super().__init__(shlex.join(argv), **service_options)
        self.argv = tuple(argv)
        self.quit_timeout = quit_timeout
        self.limits = limits or Limits()
        self._stopping: asyncio.Task[None] | None = None

    async def _open_app_process(
        self, width: int = 80, height: int = 24
    ) -> asyncio.subprocess.Process:
        pipe = asyncio.subprocess.PIPE
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=pipe,
            stdout=pipe,
            stderr=pipe,
            env=self._build_environment(width=width, height=height),
            start_new_session=True,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def start(self, width: int, height: int) -> None:
        await super().start(*self.limits.terminal_size(width, height))

    async def set_terminal_size(self, width: int, height: int) -> None:
        await super().set_terminal_size(*self.limits.terminal_size(width, height))

    async def on_data(self, payload: bytes) -> None:
        with contextlib.suppress(ConnectionError):  # the tab has gone: keep reading the app
            await super().on_data(payload)

    async def on_meta(self, data: bytes) -> None:
        with contextlib.suppress(ConnectionError):
            await super().on_meta(data)

    async def stop(self) -> None:
        """Ask the app to quit and wait until it has; safe to call from several places at once."""
        if self._task is None:
            return
        if self._stopping is None:
            self._stopping = asyncio.create_task(self._stop())
        await asyncio.shield(self._stopping)

    async def _stop(self) -> None:
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        process = self._process
        if process is not None and process.returncode is None:
            await self.send_meta({"type": "quit"})
            await _wait_or_signal(process, self.quit_timeout)
        if self._task is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._task, SIGNAL_TIMEOUT)
            self._task = None


async def _wait_or_signal(process: asyncio.subprocess.Process, grace: float) -> None:
    """Wait for `process` to end; after `grace` s terminate it (SIGTERM), then kill it."""
    for stop, timeout in (
        (None, grace),
        (process.terminate, SIGNAL_TIMEOUT),
        (process.kill, SIGNAL_TIMEOUT),
    ):
        if stop is not None:
            with contextlib.suppress(ProcessLookupError):
                stop()
        try:
            await asyncio.wait_for(process.wait(), timeout)
            return
        except TimeoutError:
            continue
