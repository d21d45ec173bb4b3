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

    def __init__(self, host: str, throttle_options: dict[str, Any] | None = None) -> None:
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
            throttle=Throttle(self.clock, **(throttle_options or {})),
        )
        if self.server.gate is not None:
            self.server.gate.sleep = self.sleep

    async def lookup(self, typed: str) -> str | None:
        self.looked_up.append(typed)
        await asyncio.sleep(0.01)  # as the store's thread takes a moment
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


def serve(host: str, scenario: Scenario, throttle_options: dict[str, Any] | None = None) -> Harness:
    harness = Harness(host, throttle_options)

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


# --- the throttle cannot be gone around --------------------------------------------


def test_twenty_wrong_codes_sent_at_once_are_checked_once(started):
    async def scenario(client: TestClient, harness: Harness) -> None:
        answers = await asyncio.gather(*(enter(client, f"AAAA{n:02d}") for n in range(20)))
        statuses = sorted(answer.status for answer in answers)
        assert statuses == [403] + [429] * 19

    harness = serve("0.0.0.0", scenario)
    assert len(harness.looked_up) == 1


def test_the_right_code_of_another_workshop_does_not_reset_the_misses(started):
    async def scenario(client: TestClient, harness: Harness) -> None:
        harness.codes["ZZ22ZZ"] = "Atelier de Brest"
        for typed in ("AAAAAA", "BBBBBB"):
            assert (await enter(client, typed)).status == 403
            harness.clock.now += 10.0
        assert (await enter(client, "ZZ22ZZ")).status == 303
        assert (await enter(client, "CCCCCC")).status == 403

    harness = serve("0.0.0.0", scenario)
    assert harness.slept == [1.0, 2.0, 4.0]


def test_wrong_codes_from_many_addresses_are_limited_for_the_whole_room(started):
    async def from_address(client: TestClient, source: str, code: str) -> aiohttp.ClientResponse:
        connector = aiohttp.TCPConnector(local_addr=(source, 0))
        async with aiohttp.ClientSession(connector=connector) as session:
            response = await session.post(
                client.make_url("/entree"), data={"code": code}, allow_redirects=False
            )
            await response.read()
            return response

    async def scenario(client: TestClient, harness: Harness) -> None:
        for number in range(3):
            refused = await from_address(client, f"127.0.0.{10 + number}", "AAAAAA")
            assert refused.status == 403
        late = await from_address(client, "127.0.0.20", "K7PQ4X")
        assert late.status == 429
        assert "Trop de codes erronés" in await late.text()
        assert "réessayez dans 60 s" in await late.text()
        assert late.headers["Retry-After"] == "60"

    harness = serve("0.0.0.0", scenario, throttle_options={"room_misses": 3})
    assert harness.looked_up == ["AAAAAA"] * 3


def test_a_code_too_long_to_be_one_is_a_miss_without_a_lookup(started):
    async def scenario(client: TestClient, harness: Harness) -> None:
        assert (await enter(client, "A" * 10_000)).status == 403

    harness = serve("0.0.0.0", scenario)
    assert harness.looked_up == []
    assert harness.slept == [1.0]


# --- a malformed request is a 400, never a 500 --------------------------------------


async def raw_get(port: int | None, path: str, host: str) -> tuple[int, bytes]:
    """GET `path` byte for byte as written (no client normalises it); status and body."""
    assert port is not None
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(), 10)
    writer.close()
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


@pytest.mark.parametrize("host", ["127.0.0.1", "0.0.0.0"])
def test_a_malformed_host_header_is_a_bad_request_without_a_traceback(host, started, caplog):
    async def scenario(client: TestClient, harness: Harness) -> None:
        for path in ("/", "/ws", "/entree", "/static/js/textual.js"):
            status, body = await raw_get(client.port, path, f"127.0.0.1:{client.port}, evil")
            assert status == 400
            assert "en-tête Host" in body.decode("utf-8")

    serve(host, scenario)
    assert [record for record in caplog.records if record.levelname == "ERROR"] == []
    assert started == []


# --- held: keep them held ------------------------------------------------------------


def test_a_websocket_naming_another_host_with_a_matching_origin_is_refused(started):
    async def scenario(client: TestClient, harness: Harness) -> None:
        renamed = f"attaquant.example:{client.port}"
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect("/ws", headers={"Host": renamed, "Origin": f"http://{renamed}"})
        assert refused.value.status == 403

    serve("127.0.0.1", scenario)
    assert started == []


def test_with_a_pass_a_websocket_of_another_origin_is_still_refused(started):
    async def scenario(client: TestClient, harness: Harness) -> None:
        await enter(client, "K7PQ4X")
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect("/ws", headers={"Origin": "http://attaquant.example"})
        assert refused.value.status == 403

    serve("0.0.0.0", scenario)
    assert started == []


def test_a_forged_pass_opens_nothing(started):
    from fiction.serve.passes import Passes

    forged = Passes(b"x" * 32, Clock()).issue("Atelier du Mans")

    async def scenario(client: TestClient, harness: Harness) -> None:
        client.session.cookie_jar.update_cookies({COOKIE: forged})
        home = await client.get("/", allow_redirects=False)
        assert (home.status, home.headers["Location"]) == (303, "/entree")
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect("/ws")
        assert refused.value.status == 403

    serve("0.0.0.0", scenario)
    assert started == []


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../textual_serve/server.py",
        "/static/%2e%2e/%2e%2e/textual_serve/server.py",
        "/static/..%2f..%2ftextual_serve%2fserver.py",
        "/static/..%5c..%5ctextual_serve%5cserver.py",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/download/..%2f..%2fetc%2fpasswd",
    ],
)
def test_no_path_leads_out_of_the_static_folder(path, started):
    async def scenario(client: TestClient, harness: Harness) -> None:
        status, body = await raw_get(client.port, path, f"127.0.0.1:{client.port}")
        assert status in (400, 403, 404)
        assert b"class Server" not in body and b"root:" not in body

    serve("127.0.0.1", scenario)


def test_a_tab_with_a_pass_runs_the_app_of_that_workshop_only(started):
    async def scenario(client: TestClient, harness: Harness) -> None:
        await enter(client, "K7PQ4X")
        websocket = await client.ws_connect("/ws")
        await websocket.receive()
        await websocket.close()

    serve("0.0.0.0", scenario)
    assert [process.argv[-2:] for process in started] == [("--workshop", "Atelier du Mans")]


def test_on_this_computer_a_tab_runs_the_whole_app(started):
    async def scenario(client: TestClient, harness: Harness) -> None:
        websocket = await client.ws_connect("/ws")
        await websocket.receive()
        await websocket.close()

    serve("127.0.0.1", scenario)
    assert len(started) == 1
    assert "--workshop" not in started[0].argv
