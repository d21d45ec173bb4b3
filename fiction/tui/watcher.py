"""A screen's one look at the store, for the edits other processes make.

Groups and the facilitator work from other terminals and browser tabs on the
same store, so a screen never trusts what it read last. Each screen that
follows a workshop has one `WorkshopWatcher`: on a timer it asks the store,
off the UI thread, for the workshop's revision and who has which group open
(two cheap queries), reloads the workshop only when the revision moved, and
posts `WorkshopChanged` to its screen. On a PostgreSQL store, where every
edit is announced (LISTEN/NOTIFY), a second worker also waits for the
workshop's announcements and reads as soon as one comes: an edit made on
another `fiction serve` shows within a fraction of a second, not at the next
poll. The screen hands the data down to its widgets; no widget reads the
store. A message posted after the screen closed is dropped by Textual, so a
late reading never reaches a widget that is gone.
"""

from __future__ import annotations

import threading
import time
import uuid
from contextlib import suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message
from textual.worker import get_current_worker

from fiction.errors import FictionError
from fiction.store.model import Workshop
from fiction.tui.access import fiction_app

if TYPE_CHECKING:
    from textual.screen import Screen

    from fiction.store.store import Store


LISTEN_SECONDS = 10.0
"""The longest a listener waits for an announcement before reading the revision anyway."""


@dataclass
class WorkshopChanged(Message):
    """A newer reading of the workshop (or of who has its groups open)."""

    workshop: Workshop
    revision: int
    open_screens: dict[int, int] = field(default_factory=dict)
    """Group number → screens that have it open."""


@dataclass
class WorkshopUnreadable(Message):
    """The store could not be read this time (busy, removed): the reason, in French."""

    problem: str


class WorkshopWatcher:
    """Polls the store for one workshop and posts what changed to `screen`.

    A group screen passes `group`: the watcher then tells the store at each
    poll that this screen has the group open, and that it left when `stop`.
    """

    def __init__(
        self, screen: Screen, name: str, every: float, *, group: int | None = None
    ) -> None:
        self._screen = screen
        self.name = name
        self.every = every
        self.group = group
        self.screen_id = uuid.uuid4().hex
        self.revision = -1
        """The revision last posted; a screen that wrote sets it to skip its own edit."""
        self._open_screens: dict[int, int] | None = None
        self._workshop: Workshop | None = None
        self._reading = threading.Lock()
        """One reading at a time: the timer's and the listener's."""
        self._stopped = False

    def start(self, workshop: Workshop, revision: int) -> None:
        """Begin polling, from the reading the screen opened with (and listening, where
        the store announces its edits)."""
        self._workshop, self.revision = workshop, revision
        self.poll()
        self._screen.set_interval(self.every, self.poll, name=f"lecture de « {self.name} »")
        if self._store().announces_edits:
            self._screen.run_worker(self._listen, thread=True, group="écoute", exit_on_error=False)

    def poll(self) -> None:
        self._screen.run_worker(
            self._read, thread=True, exclusive=True, group="lecture", exit_on_error=False
        )

    def stop(self) -> None:
        """The screen is closing: its group is no longer open here."""
        self._stopped = True
        if self.group is None:
            return
        with suppress(FictionError):  # else it stops counting after presence.TIMEOUT
            self._store().screen_gone(self.name, self.group, self.screen_id)

    def _store(self) -> Store:
        return fiction_app(self._screen).store

    def _listen(self) -> None:
        """Wait for the workshop's edits as they are announced; read at once after each.

        A closed screen's listener ends at its next wake-up (`LISTEN_SECONDS` at
        most); closing the store (the app quits) wakes it at once.
        """
        worker = get_current_worker()
        store = self._store()
        wait = max(self.every, LISTEN_SECONDS)
        while not (self._stopped or worker.is_cancelled):
            try:
                revision = store.wait_for_change(self.name, self.revision, wait)
            except FictionError:
                time.sleep(self.every)  # the timer's readings say what is wrong
                continue
            if revision != self.revision and not (self._stopped or worker.is_cancelled):
                self._read()

    def _read(self) -> None:
        with self._reading:
            self._read_once()

    def _read_once(self) -> None:
        store = self._store()
        try:
            if self.group is not None:
                store.screen_seen(self.name, self.group, self.screen_id)
            revision = store.revision(self.name)
            screens = store.open_screens(self.name)
            if revision == self.revision and screens == self._open_screens:
                return
            if revision != self.revision or self._workshop is None:
                self._workshop = store.load(self.name)
        except FictionError as error:
            self._screen.post_message(WorkshopUnreadable(error.message))
            return
        self.revision, self._open_screens = revision, screens
        self._screen.post_message(WorkshopChanged(self._workshop, revision, screens))
