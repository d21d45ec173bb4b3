"""Groups and the facilitator get different apps: `/` the groups', `/animation` the facilitator's.

The real server with stand-in apps (see live.py), which note under which role
they were started when they are asked to quit: `animation`, the workshop of a
group pass, `-` for a group tab with no pass (on this computer), and `+touch`
when the page said it is on a touch screen.
"""

from __future__ import annotations

import asyncio
import html
from pathlib import Path

import aiohttp
import pytest

from fiction.serve.gate import FACILITATOR_ONLY
from fiction.serve.launch import announcement, draw_facilitator_code
from fiction.serve.passes import Passes
from fiction.serve.server import ServeSettings
from fiction.store.store import Store
from tests.serve.live import live_server, wait_until

FACILITATOR_CODE = "Q7RS2-TUVW3"
SIZE = "?width=80&height=24"


async def page_socket(session: aiohttp.ClientSession, url: str) -> str:
    """The websocket address the app page at `url` opens."""
    async with session.get(url) as response:
        assert response.status == 200
        text = await response.text()
    return text.split('data-session-websocket-url="')[1].split('"')[0]


async def open_tab(
    session: aiohttp.ClientSession, base: str, path: str
) -> aiohttp.ClientWebSocketResponse:
    return await session.ws_connect(f"{base}{path}", headers={"Origin": base})


def test_on_this_computer_the_groups_page_runs_a_group_app_and_animation_the_whole_app(
    tmp_path: Path,
):
    async def scenario() -> None:
        async with live_server(tmp_path) as live, aiohttp.ClientSession() as session:
            assert (await page_socket(session, f"{live.url}/")).endswith(f":{live.port}/ws")
            facilitator_page = await page_socket(session, f"{live.url}/animation")
            assert facilitator_page.endswith("/ws/animation")
            tabs = [
                await open_tab(session, live.url, f"/ws{SIZE}"),
                await open_tab(session, live.url, f"/ws{SIZE}&touch=1"),
                await open_tab(session, live.url, f"/ws/animation{SIZE}"),
            ]
            await wait_until(lambda: len(live.server.sessions) == 3, what=f"apps: {live.said}")
            assert len(tabs) == 3
        assert sorted(live.quits()) == ["quit -", "quit -+touch", "quit animation"]

    asyncio.run(scenario())


def test_behind_the_gate_only_the_facilitators_code_opens_the_facilitators_screens(
    tmp_path: Path,
):
    async def scenario() -> None:
        async with live_server(
            tmp_path, host="127.0.0.2", facilitator_code=FACILITATOR_CODE
        ) as live:
            jar = aiohttp.CookieJar(unsafe=True)
            async with aiohttp.ClientSession(cookie_jar=jar) as session:
                async with session.get(f"{live.url}/animation") as refused:
                    assert refused.status == 403
                    assert FACILITATOR_ONLY in html.unescape(await refused.text())
                # A group's join code: the groups' app, never the facilitator's.
                async with session.post(
                    f"{live.url}/entree", data={"code": "K7PQ4X"}, allow_redirects=False
                ) as entered:
                    assert entered.headers["Location"] == "/"
                async with session.get(f"{live.url}/animation") as still_refused:
                    assert still_refused.status == 403
                with pytest.raises(aiohttp.WSServerHandshakeError) as no_socket:
                    await open_tab(session, live.url, f"/ws/animation{SIZE}")
                assert no_socket.value.status == 403
                group = await open_tab(session, live.url, f"/ws{SIZE}")
                # The facilitator's code, typed as join codes are (case, spaces, dashes aside).
                async with session.post(
                    f"{live.url}/entree", data={"code": "q7rs2 tuvw3"}, allow_redirects=False
                ) as facilitator:
                    assert facilitator.headers["Location"] == "/animation"
                assert (await page_socket(session, f"{live.url}/animation")).endswith(
                    "/ws/animation"
                )
                facilitator_tab = await open_tab(session, live.url, f"/ws/animation{SIZE}")
                await wait_until(lambda: len(live.server.sessions) == 2, what="two apps")
                assert not group.closed and not facilitator_tab.closed
            assert "est entré avec le code de l'animation" in "\n".join(live.said)
        assert sorted(live.quits()) == ["quit Atelier du Mans", "quit animation"]

    asyncio.run(scenario())


def test_a_facilitators_pass_opens_every_workshop_and_a_group_pass_one():
    passes = Passes(b"s" * 32, lambda: 1000.0)
    facilitator, group = passes.issue(None), passes.issue("Atelier du Mans")
    assert passes.is_facilitator(facilitator) and passes.check(facilitator) is None
    assert not passes.is_facilitator(group) and passes.check(group) == "Atelier du Mans"
    assert passes.holds_one(facilitator) and passes.holds_one(group)
    forged = facilitator[:-1] + ("1" if facilitator.endswith("0") else "0")
    assert not passes.holds_one(forged) and not passes.is_facilitator(forged)


def test_the_facilitators_code_is_drawn_at_start_and_printed_with_the_facilitators_address(
    tmp_path: Path,
):
    import random

    code = draw_facilitator_code(random.Random(1))
    assert len(code) == 11 and code[5] == "-"
    settings = ServeSettings("127.0.0.2", 8000, tmp_path / "a.sqlite3", facilitator_code=code)
    with Store(settings.store_path) as store:
        text = announcement(settings, 8000, store)
    assert f"Code de l'animation : {code}" in text
    assert "http://127.0.0.2:8000/animation" in text
    local = ServeSettings("127.0.0.1", 8000, tmp_path / "a.sqlite3")
    with Store(local.store_path) as store:
        text = announcement(local, 8000, store)
    assert "Code de l'animation" not in text and "http://127.0.0.1:8000/animation" in text
