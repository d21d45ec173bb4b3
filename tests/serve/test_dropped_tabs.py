"""Tabs that vanish leave nothing behind, and stopping the server always ends every tab cleanly.

The real server runs on 127.0.0.1 with stand-in apps (see `live`); a dropped
tab is a socket reset with no closing handshake, at every moment of its life.
"""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

import aiohttp
import pytest

from fiction.serve import process as process_module
from tests.serve.live import aborted_tab, live_server, wait_until

GOING_AWAY = 1001


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]


@pytest.mark.parametrize("after", [None, 0.0, 0.3])
def test_a_tab_that_resets_its_connection_leaves_no_session_no_app_and_no_traceback(
    after: float | None, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    async def scenario() -> None:
        async with live_server(tmp_path) as live:
            await asyncio.gather(
                *(
                    aborted_tab(live.port, after=after or 0.0, handshake=after is not None)
                    for _ in range(4)
                )
            )
            await wait_until(lambda: not live.server.sessions, what="no session left")
            await wait_until(lambda: not live.pids(), what="no stand-in app left")
            assert live.server.seats.taken == 0
            healthy = await live.tab()
            await asyncio.wait_for(healthy.receive(), 20)
            assert len(live.server.sessions) == 1
        assert not any("interrompue" in line for line in live.said)
        assert live.said[-1] == "Session fermée : aucune session en cours."

    asyncio.run(scenario())
    assert errors(caplog) == []


def test_stopping_asks_every_app_to_save_and_closes_healthy_tabs_as_going_away(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    async def scenario() -> None:
        async with live_server(tmp_path) as live:
            tabs = [await live.tab() for _ in range(2)]
            for tab in tabs:
                await asyncio.wait_for(tab.receive(), 20)
            dropping = asyncio.ensure_future(aborted_tab(live.port, after=0.2))
            await wait_until(lambda: len(live.server.sessions) == 3, what="three sessions")
        await dropping
        for tab in tabs:
            message = await asyncio.wait_for(tab.receive(), 20)
            while message.type == aiohttp.WSMsgType.BINARY:
                message = await asyncio.wait_for(tab.receive(), 20)
            assert message.type == aiohttp.WSMsgType.CLOSE
            assert (message.data, message.extra) == (GOING_AWAY, "fiction s'arrête")
        assert len(live.quits()) >= 2
        assert live.pids() == []
        assert live.server.sessions == set()

    asyncio.run(scenario())
    assert errors(caplog) == []


def test_an_app_deaf_to_quit_is_killed_and_stopping_still_ends_in_bounded_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(process_module, "SIGNAL_TIMEOUT", 0.5)

    async def scenario() -> float:
        async with live_server(tmp_path, deaf=True, quit_timeout=0.5) as live:
            tab = await live.tab()
            await asyncio.wait_for(tab.receive(), 20)
            started = time.monotonic()
        elapsed = time.monotonic() - started
        message = await asyncio.wait_for(tab.receive(), 20)
        assert (message.type, message.data) == (aiohttp.WSMsgType.CLOSE, GOING_AWAY)
        assert live.quits() == ["quit -"]
        assert live.pids() == []
        return elapsed

    assert asyncio.run(scenario()) < 15


def test_a_tab_opened_while_the_server_stops_starts_no_app(tmp_path: Path):
    async def scenario() -> None:
        async with live_server(tmp_path) as live:
            live.server.stopping = True
            tab = await live.tab()
            message = await asyncio.wait_for(tab.receive(), 20)
            assert message.type == aiohttp.WSMsgType.CLOSE
            assert live.pids() == []

    asyncio.run(scenario())
