"""The wall's shared feed on PostgreSQL (issue 19): it waits for the workshop's edits to
be announced instead of sleeping, so an edit made through another server reaches the
walls within a second even when the poll interval is long."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time

from fiction.serve.wall import Feed
from fiction.store.location import ServerURL
from fiction.store.store import Store
from tests.workshops import small_workshop

NAME = "Atelier du Mans"
EDITOR = """
import sys, time
from fiction.store.store import Store
with Store(sys.argv[1]) as store:
    store.set_field(sys.argv[2], 1, "title", "Écrit sur l'autre serveur", "autre serveur")
    print(time.monotonic(), flush=True)
"""


def test_the_feed_learns_another_servers_edit_from_its_announcement(postgres_url: str):
    with Store(postgres_url) as store:
        store.add(small_workshop())

    async def follow() -> tuple[float, float, str]:
        feed = Feed(ServerURL(postgres_url), NAME, poll=30.0)  # no poll within the test
        queue = feed.join()
        first = await asyncio.wait_for(queue.get(), 10)
        assert not isinstance(first, str) and first.groups[0].title == ""
        await asyncio.sleep(0.3)  # the feed is waiting for an announcement
        editor = await asyncio.create_subprocess_exec(
            sys.executable, "-c", EDITOR, postgres_url, NAME, stdout=subprocess.PIPE
        )
        reading = await asyncio.wait_for(queue.get(), 10)
        learned = time.monotonic()
        committed = float((await editor.communicate())[0])
        feed.leave(queue)
        assert not isinstance(reading, str)
        return learned, committed, reading.groups[0].title

    learned, committed, title = asyncio.run(follow())

    assert title == "Écrit sur l'autre serveur"
    assert learned - committed < 1.0  # the announcement, not the 30 s poll


def test_the_feed_still_polls_a_sqlite_store(tmp_path):
    path = tmp_path / "ateliers.sqlite3"
    with Store(path) as store:
        store.add(small_workshop())

    async def follow() -> str:
        feed = Feed(path, NAME, poll=0.2)
        queue = feed.join()
        await asyncio.wait_for(queue.get(), 10)
        with Store(path) as store:
            store.set_field(NAME, 1, "title", "Écrit dans le fichier", "autre onglet")
        reading = await asyncio.wait_for(queue.get(), 10)
        feed.leave(queue)
        assert feed._listening is None  # nothing to listen to: it sleeps and reads
        assert not isinstance(reading, str)
        return reading.groups[0].title

    assert asyncio.run(follow()) == "Écrit dans le fichier"
