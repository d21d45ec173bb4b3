"""The tablet prompter of `fiction serve` (`/prompteur`): its pages, its gate, and in Chromium
mirrored, scrolling at the group's speed and following an edit made meanwhile."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import aiohttp
import pytest

from fiction.store.store import Store
from tests.serve.served import ServedFiction, wait_for
from tests.workshops import small_workshop

pytestmark = pytest.mark.slow

NAME = "Atelier du Mans"
OTHER = "Atelier de Lyon"
TEXT = "return document.getElementById('text').textContent"
"""All the script in the page, the lines scrolled out of sight too."""
SOUND = " ".join(["Bonsoir, voici le journal de deux mille cinquante."] * 12)


def fill(store_path: Path) -> dict[int, int]:
    """Two workshops; groups 1 and 2 of the first each have a long segment read at 2 words a
    second (group 1's for the pages to change, group 2's for Chromium to play): the id of each
    group's closing segment."""
    with Store(store_path) as store:
        store.add(small_workshop(NAME))
        store.add(small_workshop(OTHER))
        store.set_join_code(NAME, "K7PQ4X", "animation")
        for group in (1, 2):
            store.add_segment(NAME, group, "report", "Loutre", sound=SOUND, speakers=["Voix off"])
            store.add_segment(NAME, group, "studio-close", "Loutre", sound="Merci, et à demain.")
            store.set_field(NAME, group, "reading_speed", 2.0, "Loutre")
        workshop = store.load(NAME)
        return {group: workshop.group(group).segments[1].id for group in (1, 2)}


SHARED = pytest.mark.xdist_group("prompter")
"""The tests sharing `served` run on one worker under pytest-xdist, so it starts once."""


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[tuple[Path, ServedFiction, dict[int, int]]]:
    """`fiction serve` on a filled store (`fill`), for the tests that each use their own group."""
    store_path = tmp_path_factory.mktemp("prompteur") / "ateliers.sqlite3"
    closing = fill(store_path)
    server = ServedFiction(store_path)
    try:
        yield store_path, server, closing
    finally:
        server.close()


def page_url(server: ServedFiction, name: str = NAME, group: int = 1) -> str:
    return f"{server.url}prompteur/{quote(name, safe='')}/{group}"


async def fetch(session: aiohttp.ClientSession, method: str, url: str, **kwargs) -> tuple:
    async with session.request(method, url, **kwargs) as response:
        return response.status, await response.text()


@SHARED
def test_the_prompter_serves_the_text_and_saves_a_new_speed_as_the_groups(served):
    store_path, server, _ = served
    origin = server.url.rstrip("/")

    async def visit() -> list[tuple]:
        async with aiohttp.ClientSession() as session:
            return [
                await fetch(session, "GET", f"{server.url}prompteur"),
                await fetch(session, "GET", page_url(server) + "/texte"),
                await fetch(
                    session,
                    "POST",
                    page_url(server) + "/vitesse",
                    json={"speed": 2.4},
                    headers={"Origin": origin},
                ),
                await fetch(session, "POST", page_url(server) + "/vitesse", json={"speed": 2.6}),
                await fetch(session, "GET", page_url(server, group=9)),
            ]

    listing, text, saved, foreign, missing = asyncio.run(visit())

    assert listing[0] == 200 and "Groupe 1 — " in listing[1] and OTHER in listing[1]
    assert text[0] == 200 and "Bonsoir, voici le journal" in text[1] and '"speed": 2.0' in text[1]
    assert saved[0] == 200
    assert foreign[0] == 403  # a page of another site cannot change the speed
    assert missing[0] == 404 and "n'a pas de groupe 9" in missing[1]
    with Store.for_reading(store_path) as store:
        assert store.load(NAME).group(1).reading_speed == 2.4
        assert store.history(NAME, 1)[-1].author == "prompteur"


def test_behind_the_gate_a_device_sees_only_its_own_workshop(store_path: Path):
    fill(store_path)
    server = ServedFiction(store_path, host="127.0.0.2")

    async def visit() -> list[tuple]:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
            before = await fetch(session, "GET", f"{server.url}prompteur")
            await fetch(session, "POST", f"{server.url}entree", data={"code": "K7PQ4X"})
            return [
                before,
                await fetch(session, "GET", f"{server.url}prompteur"),
                await fetch(session, "GET", page_url(server, OTHER)),
            ]

    try:
        before, listing, other = asyncio.run(visit())
    finally:
        server.close()

    assert before[0] == 403
    assert listing[0] == 200 and NAME in listing[1] and OTHER not in listing[1]
    assert other[0] == 403


@SHARED
def test_in_chromium_mirrored_scrolling_at_the_speed_and_following_an_edit(browser, served):
    store_path, server, closing = served
    driver = browser()
    driver.get(page_url(server, group=2) + "?miroir=1")
    wait_for(
        lambda: "Bonsoir, voici le journal" in driver.execute_script(TEXT),
        20,
        "the script in the page",
    )
    transform = driver.execute_script(
        "return getComputedStyle(document.getElementById('stage')).transform"
    )
    assert transform == "matrix(-1, 0, 0, 1, 0, 0)"  # flipped for a beam-splitter glass
    assert "2 mots/s" in driver.find_element("id", "speed").text

    driver.find_element("id", "play").click()
    start = driver.execute_script("return [prompter.state.position, performance.now()]")
    time.sleep(2.0)
    end = driver.execute_script("return [prompter.state.position, performance.now()]")
    rate = driver.execute_script("return prompter.pixelsPerSecond()")
    elapsed = (end[1] - start[1]) / 1000
    # Scrolled by the text's height per word times 2 words a second (give or take a
    # few late frames on a loaded machine).
    assert rate > 0
    assert end[0] - start[0] == pytest.approx(rate * elapsed, abs=rate * 0.3)

    with Store(store_path) as store:
        store.set_field(
            NAME, 2, f"segment/{closing[2]}/sound", "Voilà, c'était 2050. Bonne nuit.", "Loutre"
        )
    wait_for(
        lambda: "Bonne nuit." in driver.execute_script(TEXT),
        15,
        "the edit in the prompter",
    )
    assert driver.execute_script("return prompter.state.position") >= end[0]
