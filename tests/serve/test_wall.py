"""The wall screen of `fiction serve` (`/salle`): one shared store poll for all its viewers,
a cap on viewers, the gate, the end of the server, and in Chromium the countdown and the
groups' progress following the store live."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from urllib.parse import quote

import aiohttp
import pytest

from fiction.serve.gate import COOKIE
from fiction.store.model import FINISHED_STEP
from fiction.store.store import Store
from tests.serve.live import live_server, wait_until
from tests.serve.served import ServedFiction, wait_for
from tests.workshops import small_workshop

pytestmark = pytest.mark.slow

NAME = "Atelier du Mans"
OTHER = "Atelier de Lyon"


def fill(store_path: Path) -> None:
    with Store(store_path) as store:
        store.add(small_workshop(NAME))
        store.add(small_workshop(OTHER))
        store.set_join_code(NAME, "K7PQ4X", "animation")


def stream_path(name: str = NAME) -> str:
    return f"/salle/{quote(name, safe='')}/flux"


async def next_event(response: aiohttp.ClientResponse) -> tuple[str, dict]:
    """The next server-sent event of a stream (keep-alive comments skipped)."""
    kind, data = "", ""
    while True:
        line = (await asyncio.wait_for(response.content.readline(), 20)).decode()
        if not line:
            raise AssertionError("the stream ended")
        line = line.rstrip("\n")
        if line.startswith("event: "):
            kind = line[len("event: ") :]
        elif line.startswith("data: "):
            data = line[len("data: ") :]
        elif not line and kind:
            return kind, json.loads(data)


def test_viewers_share_one_store_poll_and_a_viewer_past_the_cap_is_refused(tmp_path: Path):
    fill(tmp_path / "ateliers.sqlite3")

    async def scenario() -> None:
        async with live_server(tmp_path) as live, aiohttp.ClientSession() as session:
            wall = live.server.wall
            wall.max_viewers = 3
            streams = [await session.get(live.url + stream_path()) for _ in range(3)]
            firsts = [await next_event(stream) for stream in streams]
            assert all(kind == "atelier" for kind, _ in firsts)
            assert firsts[0][1]["join_code"] == "K7PQ4X"
            assert [g["step"] for g in firsts[0][1]["groups"]] == ["1 Les cartes"] * 3

            async with session.get(live.url + stream_path()) as refused:
                assert refused.status == 503
                assert "Trop d'écrans de salle ouverts (3)" in await refused.text()

            with Store(live.settings.store_path) as store:
                store.start_phase(NAME, 1, "animation")
                store.set_field(NAME, 2, "step", FINISHED_STEP, "Loutre")
            for stream in streams:
                while True:  # the two edits may arrive as one reading or two
                    _, data = await next_event(stream)
                    if data["groups"][1]["step"] == "✓ Terminé" and data["phase"]:
                        break
                assert data["phase"]["title"] == "Exploration"
                assert data["phase"]["running"] is True
                assert data["next"][0]["title"] == "Scénario"

            feed = wall.feeds[NAME]
            assert list(wall.feeds) == [NAME]  # one feed for the three viewers…
            assert feed.reads <= 3  # …reading the workshop once per change, not per viewer

            for stream in streams:
                stream.close()
            await wait_until(lambda: wall.viewers == 0 and not wall.feeds, 10, "viewers gone")
            async with session.get(live.url + stream_path()) as again:
                assert again.status == 200  # seats freed

    asyncio.run(scenario())


def test_walls_opened_all_at_once_are_counted_one_by_one_against_the_cap(tmp_path: Path):
    fill(tmp_path / "ateliers.sqlite3")

    async def scenario() -> list[int]:
        async with live_server(tmp_path) as live, aiohttp.ClientSession() as session:
            live.server.wall.max_viewers = 2
            streams = await asyncio.gather(
                *(session.get(live.url + stream_path()) for _ in range(6))
            )
            statuses = sorted(stream.status for stream in streams)
            for stream in streams:
                stream.close()
            return statuses

    assert asyncio.run(scenario()) == [200, 200, 503, 503, 503, 503]


def test_a_viewer_joining_later_gets_the_time_left_now_not_at_the_last_reading(tmp_path: Path):
    fill(tmp_path / "ateliers.sqlite3")
    with Store(tmp_path / "ateliers.sqlite3") as store:
        store.start_phase(NAME, 0, "animation")

    async def scenario() -> None:
        async with live_server(tmp_path) as live, aiohttp.ClientSession() as session:
            early = await session.get(live.url + stream_path())
            _, first = await next_event(early)
            await asyncio.sleep(1.5)  # time has to pass: that is what is tested
            late = await session.get(live.url + stream_path())
            _, second = await next_event(late)
            assert live.server.wall.feeds[NAME].reads == 1  # the same reading, shared…
            left = first["phase"]["remaining"] - second["phase"]["remaining"]
            assert left >= 1.4  # …but the time left as of each delivery
            early.close()
            late.close()

    asyncio.run(scenario())


def test_a_workshop_unreadable_meanwhile_is_said_on_the_wall_which_recovers(tmp_path: Path):
    fill(tmp_path / "ateliers.sqlite3")

    async def scenario() -> None:
        async with live_server(tmp_path) as live, aiohttp.ClientSession() as session:
            stream = await session.get(live.url + stream_path(OTHER))
            assert (await next_event(stream))[0] == "atelier"
            with Store(live.settings.store_path) as store:
                store.delete(OTHER)
            kind, data = await next_event(stream)
            assert kind == "erreur" and OTHER in data["message"]
            with Store(live.settings.store_path) as store:
                store.add(small_workshop(OTHER))
            kind, data = await next_event(stream)
            assert kind == "atelier" and data["name"] == OTHER
            stream.close()

    asyncio.run(scenario())


def test_behind_the_gate_a_device_sees_only_its_workshop_and_hears_the_server_stop(
    tmp_path: Path,
):
    fill(tmp_path / "ateliers.sqlite3")

    async def scenario() -> tuple[str, str]:
        jar = aiohttp.CookieJar(unsafe=True)
        async with aiohttp.ClientSession(cookie_jar=jar) as session:
            async with live_server(tmp_path, host="127.0.0.2") as live:
                async with session.get(live.url + "/salle") as before:
                    assert before.status == 403
                async with session.get(live.url + stream_path()) as before_stream:
                    assert before_stream.status == 403
                await session.post(live.url + "/entree", data={"code": "K7PQ4X"})
                assert any(cookie.key == COOKIE for cookie in jar)
                async with session.get(live.url + "/salle") as page:
                    assert page.status == 200 and page.url.path == f"/salle/{NAME}"
                    html = await page.text()
                    policy = page.headers["Content-Security-Policy"]
                async with session.get(live.url + stream_path(OTHER)) as other:
                    assert other.status == 403
                stream = await session.get(live.url + stream_path())
                assert (await next_event(stream))[0] == "atelier"
                # Leaving the block stops the server with this wall still open.
            kind, _ = await next_event(stream)
            stream.close()
        assert "default-src 'none'" in policy
        return html, kind

    html, last = asyncio.run(scenario())
    assert '<html lang="fr">' in html and "K7PQ4X" in html
    assert "http://127.0.0.2:" in html  # the join address, and its QR code scaled to its box
    assert "<svg viewBox=" in html
    assert "Pour rejoindre l'atelier" in html
    assert last == "fin"


COUNT = "return document.getElementById('compte')"
IN_CHROMIUM = pytest.mark.xdist_group("wall_chromium")
"""The Chromium tests run on one worker under pytest-xdist, sharing one Chromium (conftest.py)."""


def shown(driver, css: str) -> str:
    """The text of the element `css` as drawn now, read in one go: the page redraws its
    lists at each reading, so a reference found a moment before may be stale."""
    return driver.execute_script(
        "const found = document.querySelector(arguments[0]); return found ? found.innerText : '';",
        css,
    )


@IN_CHROMIUM
def test_in_chromium_the_wall_follows_the_countdown_and_the_groups_live(browser, store_path: Path):
    fill(store_path)
    server = ServedFiction(store_path)
    try:
        driver = browser()
        driver.get(f"{server.url}salle/{quote(NAME, safe='')}")
        text = lambda: shown(driver, "body")  # noqa: E731
        wait_for(lambda: "pas encore commencé" in text(), 20, "the wall before the start")
        assert "K7PQ4X" in text() and "Loutre Curieuse" in text()

        with Store(store_path) as store:
            store.start_phase(NAME, 2, "animation")  # Scénario, 45 min
        wait_for(lambda: "Scénario" in shown(driver, "#phase"), 15, "the phase")
        first = shown(driver, "#compte")
        assert first == "45:00" or first.startswith("44:")
        wait_for(lambda: shown(driver, "#compte") != first, 10, "a tick")
        upcoming = shown(driver, "#suite")
        assert "Journal télévisé" in upcoming and "Restitution" in upcoming
        assert "h" in upcoming.splitlines()[0][:5]  # a clock time such as « 15h42 »
        assert driver.execute_script(COUNT + ".className") == ""

        # 96 % of the phase gone: red; then paused, the time stands still.
        with Store(store_path, clock=lambda: time.time() - 0.96 * 45 * 60) as store:
            store.start_phase(NAME, 2, "animation")
        wait_for(lambda: "-rouge" in driver.execute_script(COUNT + ".className"), 15, "red")
        assert shown(driver, "#compte").startswith("01:")
        with Store(store_path, clock=lambda: time.time() - 0.85 * 45 * 60) as store:
            store.start_phase(NAME, 2, "animation")
        wait_for(lambda: "-orange" in driver.execute_script(COUNT + ".className"), 15, "orange")
        with Store(store_path) as store:
            store.pause_phase(NAME, "animation")
        wait_for(lambda: "En pause" in text(), 15, "the pause")
        paused = shown(driver, "#compte")
        time.sleep(1.5)  # a paused countdown must not move: nothing to wait for
        assert shown(driver, "#compte") == paused

        with Store(store_path) as store:
            store.set_field(NAME, 2, "step", FINISHED_STEP, "Loutre")
            store.set_field(NAME, 3, "title", "La maison des voisins", "Renard")
        card = lambda n: shown(driver, f'[data-groupe="{n}"]')  # noqa: E731
        wait_for(lambda: "✓ Terminé" in card(2), 15, "group 2 finished")
        wait_for(lambda: "1/" in card(3), 15, "group 3's written part")
        assert "Étape 1 Les cartes" in card(1)

        assert server.interrupt() == 0
        said = lambda: shown(driver, "#connexion")  # noqa: E731
        wait_for(lambda: "Le serveur fiction s'est arrêté" in said(), 15, "the end on the wall")
    finally:
        server.close()


def in_another_process(store_path: Path, code: str) -> None:
    """Run `code` with `store` open on the served store, in a process of its own."""
    import subprocess
    import sys

    script = (
        "from fiction.store.store import Store\n"
        f"with Store({str(store_path)!r}) as store:\n"
        + "".join(f"    {line}\n" for line in code.splitlines())
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


@IN_CHROMIUM
def test_in_chromium_the_results_follow_the_wall_mode_another_process_chooses(
    browser, store_path: Path
):
    fill(store_path)
    with Store(store_path) as store:
        store.set_field(NAME, 1, "weather", ["curieux", "fatigué"], "Panda")
        store.set_field(NAME, 2, "weather", ["Curieux"], "Loutre")
        store.set_field(NAME, 1, "votes", [2], "Panda")
        store.set_field(NAME, 3, "votes", [2], "Renard")
    server = ServedFiction(store_path)
    try:
        driver = browser()
        driver.get(f"{server.url}salle/{quote(NAME, safe='')}")
        results = lambda: driver.find_element("id", "resultats")  # noqa: E731
        wait_for(lambda: "Loutre Curieuse" in shown(driver, "#groupes"), 20, "groups")
        assert not results().is_displayed()

        in_another_process(store_path, f"store.set_field({NAME!r}, None, 'wall', 'weather', 'a')")
        wait_for(lambda: results().is_displayed(), 15, "the météo")
        cloud = driver.find_element("css selector", "#resultats .nuage svg")
        words = [text.text for text in cloud.find_elements("tag name", "text")]
        assert words[0] == "curieux" and "fatigué" in words  # most frequent first, folded
        assert "Météo du début" in shown(driver, "#resultats")
        assert not driver.find_element("id", "groupes").is_displayed()

        in_another_process(store_path, f"store.set_field({NAME!r}, None, 'wall', 'votes', 'a')")
        wait_for(lambda: "Votes masqués" in shown(driver, "#resultats"), 15, "hidden votes")
        assert "2 votes donnés" in shown(driver, "#resultats") and "Loutre" not in shown(
            driver, "#resultats"
        )
        in_another_process(
            store_path, f"store.set_field({NAME!r}, None, 'votes_revealed', True, 'a')"
        )
        wait_for(lambda: "2. Loutre Curieuse" in shown(driver, "#resultats"), 15, "the tally")
        assert shown(driver, "#resultats").splitlines()[1:3] == ["2. Loutre Curieuse", "2 votes"]

        in_another_process(store_path, f"store.set_field({NAME!r}, None, 'wall', 'progress', 'a')")
        wait_for(lambda: not results().is_displayed(), 15, "back to the groups")
        assert driver.find_element("id", "groupes").is_displayed()
    finally:
        server.close()
