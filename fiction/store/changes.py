"""Edits announced across processes on PostgreSQL: NOTIFY as each edit commits, LISTEN
in the processes that follow a workshop.

Every edit's transaction sends `NOTIFY fiction_edits, '<workshop name>'`;
PostgreSQL delivers it when (and only if) the edit commits, to every
connection listening, whichever server or process it is on. `Listener` is
one such connection per `Store` that waits (opened on first use): a thread
reads its notifications and wakes the callers of `Store.wait_for_change`
waiting for that workshop. On SQLite nothing is announced: watchers poll.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any

from fiction.store.location import ServerURL

if TYPE_CHECKING:
    from fiction.store.database import Database

CHANNEL = "fiction_edits"
READ_EVERY = 0.25
"""Seconds the listening thread blocks at a time: how soon it ends once closed."""


def announce(db: Database, workshop_id: int) -> None:
    """Say, as this transaction commits, that the workshop `workshop_id` changed."""
    db.execute(f"SELECT pg_notify('{CHANNEL}', name) FROM workshops WHERE id = ?", (workshop_id,))


class Listener:
    """A connection listening on `CHANNEL`; counts the announcements of each workshop."""

    def __init__(self, location: ServerURL, *, connect_timeout: float) -> None:
        import psycopg

        self._connection: Any = psycopg.connect(
            location.url, autocommit=True, connect_timeout=max(2, round(connect_timeout))
        )
        self._connection.execute(f"LISTEN {CHANNEL}")
        self._counts: dict[str, int] = {}
        self._changed = threading.Condition()
        self._closing = False
        self.alive = True
        """False once the connection failed (or closed): open another one."""
        self._thread = threading.Thread(target=self._run, name="fiction: LISTEN", daemon=True)
        self._thread.start()

    def count(self, name: str) -> int:
        """How many announcements of `name` so far (to wait for the next one)."""
        with self._changed:
            return self._counts.get(name, 0)

    def wait(self, name: str, seen: int, timeout: float) -> bool:
        """Until `name` is announced once more than `seen`, or `timeout`: whether it was."""
        with self._changed:
            return (
                self._changed.wait_for(
                    lambda: self._counts.get(name, 0) != seen or not self.alive, timeout
                )
                and self._counts.get(name, 0) != seen
            )

    def close(self) -> None:
        """Stop listening and wake every waiter; the thread closes the connection
        (within `READ_EVERY`)."""
        self._closing = True
        with self._changed:
            self.alive = False
            self._changed.notify_all()

    def _run(self) -> None:
        try:
            while not self._closing:
                for notice in self._connection.notifies(timeout=READ_EVERY):
                    with self._changed:
                        self._counts[notice.payload] = self._counts.get(notice.payload, 0) + 1
                        self._changed.notify_all()
        except Exception:  # the server went away: the waiters poll until a new listener
            pass
        finally:
            with self._changed:
                self.alive = False
                self._changed.notify_all()
            with contextlib.suppress(Exception):
                self._connection.close()
