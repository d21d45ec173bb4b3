"""Two `fiction serve` on one PostgreSQL database (issue 19): each one's wall follows the
edits made anywhere else as they are announced, not at its next poll."""

from __future__ import annotations

import asyncio
import time
from urllib.parse import quote

import aiohttp
import pytest

from fiction.serve.wall import POLL_SECONDS
from fiction.store.store import Store
from tests.serve.served import ServedFiction
from tests.serve.test_wall import next_event
from tests.workshops import small_workshop

pytestmark = pytest.mark.slow

NAME = "Atelier du Mans"
STEPS = (2, 3, 4)


def test_two_servers_on_one_postgresql_database_see_each_others_edits_at_once(
    postgres_url: str,
):
    with Store(postgres_url) as store:
        store.add(small_workshop(NAME))
    servers = [ServedFiction(postgres_url), ServedFiction(postgres_url)]  # type: ignore[arg-type]

    async def follow() -> list[float]:
        delays = []
        async with aiohttp.ClientSession() as session:
            flux = f"/salle/{quote(NAME, safe='')}/flux"
            streams = [await session.get(server.url.rstrip("/") + flux) for server in servers]
            for stream in streams:
                assert (await next_event(stream))[0] == "atelier"
            with Store(postgres_url) as store:  # a third process, as another server
                for step in STEPS:
                    # Right after a reading: a wall that polled would wait a whole interval.
                    edited = time.monotonic()
                    store.set_field(NAME, 1, "step", step, "Panda Zen")
                    for stream in streams:
                        while True:
                            _, data = await next_event(stream)
                            if data["groups"][0]["step"].startswith(str(step)):
                                break
                        delays.append(time.monotonic() - edited)
            for stream in streams:
                stream.close()
        return delays

    try:
        delays = asyncio.run(follow())
    finally:
        for server in servers:
            server.close()
    assert len(delays) == len(STEPS) * 2
    assert max(delays) < POLL_SECONDS / 2, delays
