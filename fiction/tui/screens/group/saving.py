"""Typed text saved as it is typed: each field half a second after its last change.

A keystroke only restarts a timer; when it fires, every field whose text
differs from what the store last held is written, one `set_field` each, so a
field nobody touched is never written over another screen's edit. Each write
names the value it replaces (`known`): when another screen saved that field
meanwhile, the store writes nothing and the saver hands both versions to its
screen (`conflict`), which asks the person; the field waits until they chose.
Leaving a step, going back or forth and quitting flush at once. A process
killed outright loses at most the last half-second of typing.

When the store refuses (locked, removed, a text too long), the text stays in
its widget and `known` keeps the old value, so the next change or the retry
saves it; `unsaved()` says what would be lost, for the screen to keep as a draft.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.timer import Timer
from textual.widget import Widget

from fiction.errors import FictionError, StaleEdit
from fiction.store.labels import field_label

DELAY = 0.5
"""Seconds after the last keystroke before a field is saved."""
RETRY = 5.0
"""Seconds between two attempts while the store refuses."""
STATES = ("pending", "saved", "failed", "conflict")
"""What the saver tells its screen: typed but not saved yet, all saved, refused,
changed elsewhere (waiting for the person's choice)."""
STATE_TEXTS = {
    "pending": "enregistrement…",
    "saved": "✓ enregistré",
    "failed": "⚠ non enregistré",
    "conflict": "⚠ modifié ailleurs",
}
"""Each state as a screen's status line says it."""


@dataclass(frozen=True)
class Conflict:
    """A field this screen changed that another screen saved meanwhile."""

    field: str
    mine: Any
    theirs: Any
    """What the store holds now (None: the segment was removed elsewhere)."""
    author: str


class FieldSaver:
    """Debounced saving of a step's fields through `write(field, value, expected)`."""

    def __init__(
        self,
        owner: Widget,
        values: Callable[[], dict[str, Any]],
        write: Callable[[str, Any, Any], None],
        failed: Callable[[FictionError], None],
        status: Callable[[str], None],
        conflict: Callable[[Conflict], None],
    ) -> None:
        self._owner = owner
        self._values = values
        self._write = write
        self._failed = failed
        self._status = status
        """Told `STATES` as they change, for the screen to show."""
        self._conflict = conflict
        self._timer: Timer | None = None
        self.known: dict[str, Any] = {}
        """Each field's value as the store last held it, to this screen's knowledge."""
        self.waiting: dict[str, Conflict] = {}
        """Fields changed elsewhere, not saved until the person chooses."""
        self.failing = False

    def start(self, known: dict[str, Any]) -> None:
        """A new step: these are the stored values of its fields."""
        self._stop()
        self.known = dict(known)
        self.waiting = {}

    def track(self, known: dict[str, Any]) -> None:
        """More fields shown as the store holds them (a step bound another segment)."""
        self.known.update(known)

    def changed(self) -> dict[str, Any]:
        """The fields whose typed value differs from the stored one."""
        return {f: v for f, v in self._values().items() if v != self.known.get(f)}

    def touch(self) -> None:
        """A field may have changed: save in `DELAY` seconds unless it changes again
        before. Widgets also announce the value they were built with: that is no edit."""
        if set(self.changed()) - set(self.waiting):
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
        in `RETRY` seconds unless `retry` is False: the screen is going away).

        A field changed elsewhere is no refusal: it waits for the person's choice.
        """
        self._stop()
        changed = self.changed()
        wrote = False
        for field, value in changed.items():
            if field in self.waiting:
                continue
            try:
                self._write(field, value, self.known.get(field))
            except StaleEdit as stale:
                found = Conflict(field, value, stale.current, stale.author)
                self.waiting[field] = found
                self._conflict(found)
                continue
            except FictionError as error:
                if retry:
                    self._schedule(RETRY)
                self._status("failed")
                return error
            self.known[field] = value
            wrote = True
        if self.waiting:
            self._status("conflict")
        elif wrote:
            self._status("saved")
        return None

    def settle(self, field: str, stored: Any) -> None:
        """The person chose for a field changed elsewhere: `stored` is what the store
        holds now; what the widget then shows is saved over it."""
        self.waiting.pop(field, None)
        self.known[field] = stored
        self.flush()

    def unsaved(self) -> dict[str, Any]:
        """What would be lost if the screen closed now (refused or waiting fields)."""
        return self.changed()

    def last_try(self) -> str | None:
        """Save once more before the screen closes; what is still unsaved and why, in
        a French sentence (None: everything is saved)."""
        error = self.save(retry=False)
        unsaved = self.unsaved()
        if not unsaved:
            return None
        names = ", ".join(f"« {field_label(field)} »" for field in unsaved)
        reason = f" ({error.message})" if error is not None else " (modifié sur un autre écran)"
        return f"Le texte de {names} n'est pas enregistré{reason}."

    def _schedule(self, delay: float) -> None:
        self._stop()
        self._timer = self._owner.set_timer(delay, self.flush, name="enregistrement")

    def _stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
