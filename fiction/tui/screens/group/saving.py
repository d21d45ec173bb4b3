"""Typed text saved as it is typed: each field half a second after its last change.

A keystroke only restarts a timer; when it fires, every field whose text
differs from what the store last held is written, one `set_field` each, so a
field nobody touched is never written over another screen's edit. Leaving a
step, going back or forth and quitting flush at once. A process killed
outright loses at most the last half-second of typing.

When the store refuses (locked, removed), the text stays in its widget and
`known` keeps the old value, so the next change or the retry saves it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.timer import Timer
from textual.widget import Widget

from fiction.errors import FictionError

DELAY = 0.5
"""Seconds after the last keystroke before a field is saved."""
RETRY = 5.0
"""Seconds between two attempts while the store refuses."""
STATES = ("pending", "saved", "failed")
"""What the saver tells its screen: typed but not saved yet, all saved, refused."""


class FieldSaver:
    """Debounced saving of a step's fields through `write(field, value)`."""

    def __init__(
        self,
        owner: Widget,
        values: Callable[[], dict[str, Any]],
        write: Callable[[str, Any], None],
        failed: Callable[[FictionError], None],
        status: Callable[[str], None],
    ) -> None:
        self._owner = owner
        self._values = values
        self._write = write
        self._failed = failed
        self._status = status
        """Told `STATES` as they change, for the screen to show."""
        self._timer: Timer | None = None
        self.known: dict[str, Any] = {}
        """Each field's value as the store last held it, to this screen's knowledge."""
        self.failing = False

    def start(self, known: dict[str, Any]) -> None:
        """A new step: these are the stored values of its fields."""
        self._stop()
        self.known = dict(known)

    def touch(self) -> None:
        """A field may have changed: save in `DELAY` seconds unless it changes again
        before. Widgets also announce the value they were built with: that is no edit."""
        if any(value != self.known.get(field) for field, value in self._values().items()):
            self._schedule(DELAY)
            self._status("pending")

    def flush(self) -> None:
        """Save now (the timer's call); the first refusal of a series is reported."""
        error = self.save()
        if error is not None and not self.failing:
            self._failed(error)
        self.failing = error is not None

    def save(self, *, retry: bool = True) -> FictionError | None:
        """Write every changed field now; the store's refusal, if any (then retried
        in `RETRY` seconds unless `retry` is False: the screen is going away)."""
        self._stop()
        changed = {f: v for f, v in self._values().items() if v != self.known.get(f)}
        for field, value in changed.items():
            try:
                self._write(field, value)
            except FictionError as error:
                if retry:
                    self._schedule(RETRY)
                self._status("failed")
                return error
            self.known[field] = value
        if changed:
            self._status("saved")
        return None

    def _schedule(self, delay: float) -> None:
        self._stop()
        self._timer = self._owner.set_timer(delay, self.flush, name="enregistrement")

    def _stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
