"""A screen's one look at the store, for the edits other processes make.

Groups and the facilitator work from other terminals and browser tabs on the
same store, so a screen never trusts what it read last. Each screen that
follows a workshop has one `WorkshopWatcher`: on a timer it asks the store,
off the UI thread, for the workshop's revision and who has which group open
(two cheap queries), reloads the workshop only when the revision moved, and
posts `WorkshopChanged` to its screen. The screen hands the data down to its
widgets; no widget reads the store. A message posted after the screen closed
is dropped by Textual, so a late reading never reaches a widget that is gone.
"""

from __future__ import annotations

import uuid
from contextlib import suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

from fiction.errors import FictionError
from fiction.store.model import Workshop
from fiction.tui.access import fiction_app

if TYPE_CHECKING:
    from textual.screen import Screen

    from fiction.store.store import Store


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

    def start(self, workshop: Workshop, revision: int) -> None:
        """Begin polling, from the reading the screen opened with."""
        self._workshop, self.revision = workshop, revision
        self.poll()
        self._screen.set_interval(self.every, self.poll, name=f"lecture de « {self.name} »")

    def poll(self) -> None:
        self._screen.run_worker(
            self._read, thread=True, exclusive=True, group="lecture", exit_on_error=False
        )

    def stop(self) -> None:
        """The screen is closing: its group is no longer open here."""
        if self.group is None:
            return
        with suppress(FictionError):  # else it stops counting after presence.TIMEOUT
            self._store().screen_gone(self.name, self.group, self.screen_id)

    def _store(self) -> Store:
        return fiction_app(self._screen).store

    def _read(self) -> None:
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
