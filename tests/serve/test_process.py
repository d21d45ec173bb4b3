"""A tab's app process: in a session of its own, and always stopped in bounded time."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time

from textual_serve.download_manager import DownloadManager

from fiction.serve import process as process_module
from fiction.serve.process import AppProcess

STUBBORN = """
import signal, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
sys.stdout.write("__GANGLION__\\n")
sys.stdout.flush()
time.sleep(60)
"""


def stubborn_app() -> AppProcess:
    async def ignore(data: object) -> None:
        return None

    async def close() -> None:
        return None

    return AppProcess(
        [sys.executable, "-c", STUBBORN],
        quit_timeout=0.5,
        write_bytes=ignore,
        write_str=ignore,
        close=close,
        download_manager=DownloadManager(),
    )


def test_an_app_deaf_to_quit_and_sigterm_is_killed_and_stop_returns(monkeypatch):
    monkeypatch.setattr(process_module, "SIGNAL_TIMEOUT", 0.5)

    async def scenario() -> tuple[bool, int | None, float]:
        app = stubborn_app()
        await app.start(80, 24)
        await asyncio.sleep(0.3)
        assert app._process is not None
        own_session = os.getsid(app._process.pid) == app._process.pid
        started = time.monotonic()
        await asyncio.gather(app.stop(), app.stop())  # the server and the tab, at once
        return own_session, app._process.returncode, time.monotonic() - started

    own_session, returncode, elapsed = asyncio.run(scenario())

    assert returncode == -signal.SIGKILL
    assert elapsed < 5
    assert own_session  # so the Ctrl+C typed in the server's terminal reaches the server alone
