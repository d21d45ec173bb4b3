"""The HTTP gate, in process: no pass, no app; wrong codes slowed; passes outlive a code change.

These tests talk HTTP to the real aiohttp application of `fiction serve`
(on 127.0.0.1, an ephemeral port) with a fake store lookup, a clock the test
moves and a sleep that records instead of waiting. Starting an app process
is replaced by a recorder: the point is to prove it is never reached.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from fiction.serve.gate import COOKIE
from fiction.serve.process import AppProcess
from fiction.serve.server import ServeSettings, WorkshopServer
from fiction.serve.throttle import Throttle

CODES = {"K7PQ4X": "Atelier du Mans"}


class Clock:
    now = 1_741_780_800.0

    def __call__(self) -> float:
        return self.now


class Harness:
    """A served application with everything the gate depends on in the test's hands."""

    def __init__(self, host: str) -> None:
        self.codes = dict(CODES)
        self.looked_up: list[str] = []
        self.slept: list[float] = []
        self.clock = Clock()
        self.said: list[str] = []
        self.server = WorkshopServer(
            ServeSettings(host, 0, Path("ateliers.sqlite3")),
            lookup=self.lookup,
            say=self.said.append,
            secret=b"k" * 32,
            clock=self.clock,
            throttle=Throttle(self.clock),
        )
        if self.server.gate is not None:
            self.server.gate.sleep = self.sleep

    async def lookup(self, typed: str) -> str | None:
        self.looked_up.append(typed)
        return self.codes.get(typed.strip().upper())

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


@pytest.fixture
def started(monkeypatch) -> list[Any]:
    """Every app process the server tries to start (none should, in these tests)."""
    calls: list[Any] = []

    async def record(self: AppProcess, width: int, height: int) -> None:
        calls.append(self)
        raise RuntimeError("no app process in the gate tests")

    monkeypatch.setattr(AppProcess, "start", record)
    return calls


Scenario = Callable[[TestClient, Harness], Awaitable[None]]


def serve(host: str, scenario: Scenario) -> Harness:
    harness = Harness(host)

    async def main() -> None:
        app = await harness.server._make_app()
        jar = aiohttp.CookieJar(unsafe=True)  # cookies for an IP address, as browsers keep them
        async with TestClient(TestServer(app, host="127.0.0.1"), cookie_jar=jar) as client:
            await asyncio.wait_for(scenario(client, harness), timeout=20)

    asyncio.run(main())
    return harness


async def enter(client: TestClient, code: str) -> aiohttp.ClientResponse:
    response = await client.post("/entree", data={"code": code}, allow_redirects=False)
    await response.read()
    return response


def test_without_a_pass_nothing_of_the_app_is_served_and_no_process_starts(started):
    async def scenario(client: TestClient, harness: Harness) -> None:
        home = await client.get("/", allow_redirects=False)
        assert (home.status, home.headers["Location"]) == (303, "/entree")
        form = await client.get("/entree")
        assert "Tapez le code d'entrée de l'atelier" in await form.text()
        for path in ("/static/js/textual.js", "/download/x", "/ws"):
            assert (await client.get(path)).status == 403
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect("/ws")
        assert refused.value.status == 403

    serve("0.0.0.0", scenario)
    assert started == []


def test_a_wrong_code_is_refused_and_each_miss_waits_twice_as_long(started):
    async def scenario(client: TestClient, harness: Harness) -> None:
        first = await enter(client, "AAAAAA")
        assert first.status == 403
        assert COOKIE not in first.cookies
        harness.clock.now += 1.0
        second = await enter(client, "BBBBBB")
        assert second.status == 403
        assert "Ce code ne correspond à aucun atelier" in await second.text()

    harness = serve("0.0.0.0", scenario)
    assert harness.slept == [1.0, 2.0]
    assert started == []


def test_a_try_during_the_wait_is_turned_away_without_looking_at_the_code(started):
    async def scenario(client: TestClient, harness: Harness) -> None:
        await enter(client, "AAAAAA")
        hurried = await enter(client, "K7PQ4X")
        assert hurried.status == 429
        assert "réessayez dans 1 s" in await hurried.text()
        harness.clock.now += 1.0
        assert (await enter(client, "K7PQ4X")).status == 303

    harness = serve("0.0.0.0", scenario)
    assert harness.looked_up == ["AAAAAA", "K7PQ4X"]


def test_a_right_code_earns_a_pass_that_opens_the_app_page(started):
    async def scenario(client: TestClient, harness: Harness) -> None:
        entered = await enter(client, "k7pq4x")
        assert (entered.status, entered.headers["Location"]) == (303, "/")
        cookie = entered.cookies[COOKIE]
        assert cookie["httponly"] and cookie["samesite"] == "Strict"
        page = await client.get("/")
        host = f"{client.server.host}:{client.server.port}"
        assert f'data-session-websocket-url="ws://{host}/ws"' in await page.text()
        assert (await client.get("/static/js/textual.js")).status == 200
        again = await client.get("/entree", allow_redirects=False)
        assert again.status == 303

    harness = serve("0.0.0.0", scenario)
    assert harness.said == [
        "Un appareil (127.0.0.1) est entré avec le code de « Atelier du Mans »."
    ]


def test_changing_the_code_keeps_everyone_already_in_and_refuses_the_old_one(started):
    async def scenario(client: TestClient, harness: Harness) -> None:
        await enter(client, "K7PQ4X")
        harness.codes = {"NEWCODE": "Atelier du Mans"}
        assert (await client.get("/", allow_redirects=False)).status == 200
        client.session.cookie_jar.clear()
        assert (await enter(client, "K7PQ4X")).status == 403
        harness.clock.now += 1.0
        assert (await enter(client, "NEWCODE")).status == 303

    serve("0.0.0.0", scenario)


def test_another_loopback_address_than_127_0_0_1_asks_for_the_code():
    assert Harness("127.0.0.2").server.gate is not None
    for host in ("127.0.0.1", "localhost", "::1", "[::1]"):
        assert Harness(host).server.gate is None


def test_on_this_computer_only_a_page_naming_another_host_is_refused(started):
    async def scenario(client: TestClient, harness: Harness) -> None:
        assert (await client.get("/")).status == 200
        renamed = await client.get("/", headers={"Host": f"attaquant.example:{client.port}"})
        assert renamed.status == 403
        entry = await client.get("/entree", allow_redirects=False)
        assert (entry.status, entry.headers["Location"]) == (303, "/")

    serve("127.0.0.1", scenario)
    assert started == []


def test_a_websocket_opened_by_a_page_of_another_origin_is_refused(started):
    async def scenario(client: TestClient, harness: Harness) -> None:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect("/ws", headers={"Origin": "http://attaquant.example"})
        assert refused.value.status == 403

    serve("127.0.0.1", scenario)
    assert started == []
