"""Edits announced across processes (issue 19): on PostgreSQL, `wait_for_change` wakes
as soon as another process's edit commits; on SQLite it sleeps, then reads."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

from fiction.store.location import StoreLocation, location_argument
from fiction.store.store import Store
from tests.workshops import small_workshop

NAME = "Atelier du Mans"
OTHER = "Atelier de Lyon"
LONG = 30.0
"""A wait that long only ends early on an announcement."""

EDITOR = """
import sys, time
from fiction.store.store import Store
with Store(sys.argv[1]) as store:
    time.sleep(float(sys.argv[3]))
    store.set_field(sys.argv[2], 1, "title", "Écrit ailleurs", "autre serveur")
    print(time.monotonic(), flush=True)
"""


def edit_elsewhere(location: StoreLocation, name: str, delay: float = 0.5) -> subprocess.Popen:
    """Another process edits `name` after `delay` seconds and prints when it committed."""
    return subprocess.Popen(
        [sys.executable, "-c", EDITOR, location_argument(location), name, str(delay)],
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_wait_wakes_on_another_processs_edit_on_postgresql_and_polls_on_sqlite(
    store_location: StoreLocation,
):
    with Store(store_location) as store:
        store.add(small_workshop())
        before = store.revision(NAME)
        editor = edit_elsewhere(store_location, NAME)
        timeout = LONG if store.announces_edits else 0.3
        started = time.monotonic()
        revision = store.wait_for_change(NAME, before, timeout)
        woke = time.monotonic()
        committed = float(editor.communicate(timeout=60)[0])
        if store.announces_edits:
            assert revision == before + 1
            assert woke - committed < 1.0  # the announcement, not the 30 s timeout
        else:
            assert woke - started >= 0.3  # a poll interval, as before
            assert revision == (before + 1 if committed < woke else before)


def test_a_wait_is_not_woken_by_another_workshops_edit(store_location: StoreLocation):
    with Store(store_location) as store:
        store.add(small_workshop())
        store.add(small_workshop(OTHER))
        before = store.revision(NAME)
        editor = edit_elsewhere(store_location, OTHER, delay=0.0)
        started = time.monotonic()
        assert store.wait_for_change(NAME, before, 2.0) == before
        assert time.monotonic() - started >= 2.0
        editor.communicate(timeout=60)


def test_a_wait_returns_at_once_when_the_revision_already_moved(store_location: StoreLocation):
    with Store(store_location) as store:
        store.add(small_workshop())
        store.set_field(NAME, 1, "title", "Déjà écrit", "ici")
        if not store.announces_edits:
            return  # SQLite sleeps its poll interval whatever the revision
        started = time.monotonic()
        assert store.wait_for_change(NAME, 0, LONG) == 1
        assert time.monotonic() - started < 1.0


def test_closing_the_store_wakes_a_wait_at_once(store_location: StoreLocation):
    store = Store(store_location)
    store.add(small_workshop())
    if not store.announces_edits:
        store.close()
        return
    store.wait_for_change(NAME, 0, 0.01)  # the listener is open
    returned: list[int] = []
    waiting = threading.Thread(target=lambda: returned.append(store.wait_for_change(NAME, 0, LONG)))
    waiting.start()
    time.sleep(0.3)
    started = time.monotonic()
    store.close()
    waiting.join(timeout=5)
    assert returned == [0]
    assert time.monotonic() - started < 2.0
