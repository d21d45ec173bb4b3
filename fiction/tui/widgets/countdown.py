"""The shared countdown of the agenda's current phase, as every screen shows it.

The countdown lives in the store (`Workshop.phase`), not in a process: the
facilitator's dashboard and every group's screen (other processes, other
browser tabs) read the same row and compute the same time left from their
clock. This widget only displays it: its screen's watcher hands each newer
reading down (`show`), and the widget's own timer only moves the clock.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Digits, Static

from fiction.report.wall import level
from fiction.store import phase as phases
from fiction.store.model import Phase, PhaseState, Workshop
from fiction.tui.access import fiction_app
from fiction.tui.formats import clock_text

INSTRUCTIONS_MIN_HEIGHT = 30
"""Screen rows below which the phase's instructions leave room to the rest."""


class Countdown(Widget):
    """Time left in the current phase of the workshop its screen shows, ticking every second.

    `compact=True` fits it on one line (the group screens); otherwise the time
    is drawn in large digits, readable from the back of the room.
    """

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")
    TICK_SECONDS = 1.0

    def __init__(
        self,
        *,
        compact: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.set_class(compact, "-compact")
        self._agenda: tuple[Phase, ...] = ()
        self._state = PhaseState()
        self._rung = False
        self._first_reading = True
        self._problem = ""
        self._phase = Static(id="countdown-phase", markup=False)
        self._time = Digits(id="countdown-time")
        self._plain_time = Static(id="countdown-plain", markup=False)
        """The time in ordinary characters, where the large digits do not fit."""
        self._status = Static(id="countdown-state", markup=False)
        self._instructions = Static(id="countdown-instructions", markup=False)
        """What the facilitator reads out for the phase, where the screen has room."""

    def compose(self) -> ComposeResult:
        yield self._phase
        yield self._time
        yield self._plain_time
        yield self._status
        yield self._instructions

    def on_mount(self) -> None:
        self._redraw()
        self.set_interval(self.TICK_SECONDS, self._redraw)

    def on_resize(self) -> None:
        self._redraw()  # large digits or plain text, for the new width

    def show(self, workshop: Workshop) -> None:
        """Redraw from a newer reading of the workshop."""
        self._agenda, self._state, self._problem = workshop.agenda, workshop.phase, ""
        self._redraw()

    def unavailable(self, problem: str) -> None:
        """The store could not be read: say why instead of a time that may be wrong."""
        self._problem = problem
        self._redraw()

    # --- drawing --------------------------------------------------------------------

    @property
    def remaining(self) -> float:
        """Seconds left in the current phase at the app's clock (negative once overrun)."""
        return phases.remaining(self._state, self._agenda, fiction_app(self).clock())

    def _redraw(self) -> None:
        if not self.is_mounted:
            return
        title, time, status, share = self._texts()
        self._phase.update(title)
        self._time.update(time)
        self._plain_time.update(time)
        self._status.update(status)
        instructions = self._current_instructions()
        self._instructions.update(instructions)
        self._instructions.display = bool(instructions)
        # Each large digit (and the colon) is 3 cells wide.
        self.set_class(self.content_region.width < 3 * len(time), "-narrow")
        colour = level(share)  # the wall's thresholds: every countdown turns together
        self.set_class(colour in ("warning", "danger"), "-warning")
        self.set_class(colour == "danger", "-danger")
        self._ring_at_the_end(share)

    def _texts(self) -> tuple[str, str, str, float | None]:
        """(phase line, time, state line, share of the phase left or None)."""
        if self._problem:
            return "Compte à rebours indisponible", "--:--", self._problem, None
        state, agenda = self._state, self._agenda
        if state.index is None or state.index >= len(agenda):
            return "En attente du départ", "--:--", "pas encore commencé", None
        current = agenda[state.index]
        title = f"{state.index + 1}/{len(agenda)} · {current.title}"
        left = self.remaining
        duration = phases.duration(state, agenda)
        extra = f" (+{state.extra_minutes} min)" if state.extra_minutes else ""
        if left <= 0:
            status = f"temps écoulé{extra}"
        elif state.paused:
            status = f"en pause{extra}"
        else:
            status = f"en cours{extra}"
        if self.has_class("-compact"):
            title = f"{title} · {clock_text(left)} · {status}"
        return title, clock_text(left), status, max(0.0, left) / duration

    def _current_instructions(self) -> str:
        """The running phase's instructions; none on one line, on a short screen
        (the large digits come first), or while the store cannot be read."""
        state, agenda = self._state, self._agenda
        if self._problem or self.has_class("-compact") or state.index is None:
            return ""
        if state.index >= len(agenda) or self.screen.size.height < INSTRUCTIONS_MIN_HEIGHT:
            return ""
        return agenda[state.index].instructions

    def _ring_at_the_end(self, share: float | None) -> None:
        """One bell when a running phase reaches its end; none for a phase seen already over.

        Adding time after the end, or starting a phase, arms the bell again.
        """
        if share is None:
            return
        if share <= 0 and self._state.running and not self._rung:
            if not self._first_reading:
                self.app.bell()
            self._rung = True
        elif share > 0:
            self._rung = False
        self._first_reading = False
