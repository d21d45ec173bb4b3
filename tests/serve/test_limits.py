"""What the room may take of the machine: a bounded terminal, a bounded number of app sessions.

The real server runs on 127.0.0.x with stand-in apps (see `live`); a refused
tab must cost no app process at all.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fiction.serve.limits import Limits
from tests.serve.live import Live, live_server, wait_until

TRY_AGAIN_LATER = 1013


@given(
    width=st.one_of(st.integers(), st.floats(), st.text(), st.none(), st.booleans()),
    height=st.one_of(st.integers(), st.floats(), st.text(), st.none(), st.booleans()),
)
def test_any_size_asked_for_becomes_a_size_within_the_bounds(width: object, height: object):
    limits = Limits()

    columns, rows = limits.terminal_size(width, height)

    assert limits.min_width <= columns <= limits.max_width
    assert limits.min_height <= rows <= limits.max_height


def test_a_reasonable_size_is_kept_and_a_huge_one_clamped():
    limits = Limits(max_width=400, max_height=200)

    assert limits.terminal_size(120, 40) == (120, 40)
    assert limits.terminal_size(20000, 20000) == (400, 200)
    assert limits.terminal_size(1, 1) == (limits.min_width, limits.min_height)


async def screen(websocket: aiohttp.ClientWebSocketResponse, text: str) -> None:
    """Read the tab's frames until `text` has been shown."""
    seen = ""
    while text not in seen:
        message = await asyncio.wait_for(websocket.receive(), 20)
        assert message.type == aiohttp.WSMsgType.BINARY, message
        seen += message.data.decode()


def test_the_app_gets_a_clamped_terminal_at_start_and_on_every_resize(tmp_path: Path):
    async def scenario() -> None:
        async with live_server(tmp_path) as live:
            tab = await live.tab("?width=20000&height=20000")
            await screen(tab, "taille 400x200")
            await tab.send_json(["resize", {"width": 99999, "height": 3}])
            await screen(tab, f"taille 400x{Limits().min_height}")
            await tab.send_json(["resize", {"width": "x", "height": [1]}])
            await screen(tab, "taille 80x24")
            await tab.close()

    asyncio.run(scenario())


async def refused(live: Live, query: str = "", **options: object) -> str:
    """Open a tab that must be refused: the French reason it is closed with."""
    tab = await live.tab(query, **options)
    message = await asyncio.wait_for(tab.receive(), 20)
    assert message.type == aiohttp.WSMsgType.CLOSE, message
    assert message.data == TRY_AGAIN_LATER
    return str(message.extra)


def test_past_the_cap_per_address_a_tab_is_refused_in_french_and_starts_nothing(
    tmp_path: Path,
):
    async def scenario() -> None:
        limits = Limits(per_address=2, overall=10)
        async with live_server(tmp_path, limits=limits) as live:
            tabs = [await live.tab() for _ in range(2)]
            for tab in tabs:
                await screen(tab, "taille")
            reason = await refused(live)
            assert "Cet appareil a déjà 2 sessions ouvertes" in reason
            assert len(live.pids()) == 2
            async with aiohttp.ClientSession() as session:
                page = await session.get(f"{live.url}/")
                assert page.status == 503
                assert "Cet appareil a déjà 2 sessions ouvertes" in await page.text()
            await tabs[0].close()
            await wait_until(lambda: len(live.server.sessions) == 1, what="a seat freed")
            again = await live.tab()
            await screen(again, "taille")  # a closed tab gave its seat back

    asyncio.run(scenario())


def test_tabs_opened_all_at_once_start_no_more_apps_than_the_cap(tmp_path: Path):
    async def scenario() -> None:
        async with live_server(tmp_path, limits=Limits(per_address=3, overall=10)) as live:
            tabs = await asyncio.gather(*(live.tab() for _ in range(8)))
            first = await asyncio.gather(*(asyncio.wait_for(tab.receive(), 20) for tab in tabs))
            kinds = sorted(message.type.name for message in first)
            assert kinds == ["BINARY"] * 3 + ["CLOSE"] * 5
            assert len(live.pids()) == 3

    asyncio.run(scenario())


def test_past_the_overall_cap_every_address_is_refused(tmp_path: Path):
    async def scenario() -> None:
        async with live_server(tmp_path, limits=Limits(per_address=5, overall=2)) as live:
            tabs = [await live.tab() for _ in range(2)]
            for tab in tabs:
                await screen(tab, "taille")
            reason = await refused(live)
            assert "L'atelier est complet" in reason
            assert len(live.pids()) == 2

    asyncio.run(scenario())


def test_past_the_cap_per_pass_one_browser_is_refused_and_another_one_is_not(tmp_path: Path):
    async def enter(live: Live) -> aiohttp.ClientSession:
        browser = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        live._sessions.append(browser)
        entered = await browser.post(
            f"{live.url}/entree", data={"code": "K7PQ4X"}, allow_redirects=False
        )
        assert entered.status == 303
        return browser

    async def open_tab(live: Live, browser: aiohttp.ClientSession):
        return await browser.ws_connect(f"{live.url}/ws", headers={"Origin": live.url})

    async def scenario() -> None:
        limits = Limits(per_pass=1, per_address=5, overall=10)
        async with live_server(tmp_path, host="127.0.0.2", limits=limits) as live:
            first = await enter(live)
            first_tab = await open_tab(live, first)
            await screen(first_tab, "taille")
            second_tab = await open_tab(live, first)
            message = await asyncio.wait_for(second_tab.receive(), 20)
            assert (message.type, message.data) == (aiohttp.WSMsgType.CLOSE, TRY_AGAIN_LATER)
            assert "Ce navigateur a déjà 1 onglet ouvert" in message.extra
            other_tab = await open_tab(live, await enter(live))  # in the same second
            await screen(other_tab, "taille")
            assert len(live.pids()) == 2

    asyncio.run(scenario())


@pytest.mark.parametrize("count", [1, 2, 40, 999])
def test_every_refusal_fits_in_a_websocket_close_frame(count: int):
    from fiction.serve.server import refusal

    for cap in ("pass", "address", "overall", "stopping"):
        assert len(refusal(cap, count).encode("utf-8")) <= 123


def test_the_app_page_shows_the_reason_its_tab_was_closed_with_as_plain_text(tmp_path: Path):
    async def scenario() -> str:
        async with live_server(tmp_path) as live, aiohttp.ClientSession() as session:
            page = await session.get(f"{live.url}/")
            return await page.text()

    html = asyncio.run(scenario())
    assert 'id="raison"' in html
    assert ".textContent = event.reason" in html
    assert "innerHTML" not in html
    assert html.index("event.reason") < html.index("js/textual.js")  # before the socket opens
