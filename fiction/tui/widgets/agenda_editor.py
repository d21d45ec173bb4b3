"""The agenda as editable lines: a title, minutes, day and instructions each, lines
inserted, moved, removed, or all replaced by a ready-made format.

The editor only holds what is typed; it posts `AgendaEditor.Changed` and the
screen reads `rows()`, checks them and hands back each line's start time
with `show_start_times()` (messages up, values down). It knows no deck:
« + Activité » posts `AgendaEditor.ActivityWanted` and the screen, which has
the deck, answers with `insert_phase(phase)`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from fiction.store.model import Phase
from fiction.tui.workshop_form import AgendaLine


class AgendaRow(Vertical):
    """One block of the agenda: its start time (computed), title, minutes, day, the
    move and remove buttons, and under them its instructions."""

    def __init__(self, phase: Phase | None, number: int, day: int = 1) -> None:
        super().__init__(classes="agenda-row", id=f"agenda-row-{number}")
        self.phase = phase
        self.day = phase.day if phase else day

    def compose(self) -> ComposeResult:
        title = self.phase.title if self.phase else ""
        minutes = str(self.phase.minutes) if self.phase else ""
        instructions = self.phase.instructions if self.phase else ""
        with Horizontal(classes="agenda-line"):
            yield Static("", classes="agenda-start")
            yield Input(
                title, placeholder="Titre de la phase", classes="agenda-title", compact=True
            )
            yield Input(
                minutes,
                placeholder="min",
                restrict=r"\d{0,3}",
                classes="agenda-minutes",
                compact=True,
            )
            yield Static("min", classes="agenda-unit")
            yield Static("jour", classes="agenda-day-label")
            yield Input(
                str(self.day),
                restrict=r"\d?",
                classes="agenda-day",
                tooltip="Jour de la phase (1 à 5), pour un atelier sur plusieurs jours",
                compact=True,
            )
            yield Button(
                "↑", classes="agenda-up", tooltip="Monter cette phase (Ctrl+↑)", compact=True
            )
            yield Button(
                "↓", classes="agenda-down", tooltip="Descendre cette phase (Ctrl+↓)", compact=True
            )
            yield Button("✕", classes="agenda-remove", tooltip="Retirer cette phase", compact=True)
        yield Input(
            instructions,
            placeholder="Consignes lues à la salle (facultatif)",
            classes="agenda-instructions",
            compact=True,
        )


class AgendaEditor(Widget):
    """Every line of the agenda, editable, with « Ajouter une phase » at the end."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")
    # Not in the footer (no room at 80 columns): the help and the ↑ ↓ buttons' tooltips say them.
    BINDINGS = [
        Binding("ctrl+up", "move(-1)", "Monter la phase", show=False),
        Binding("ctrl+down", "move(1)", "Descendre la phase", show=False),
    ]

    class Changed(Message):
        """A line was typed in, added or removed."""

        def __init__(self, editor: AgendaEditor) -> None:
            super().__init__()
            self.editor = editor

        @property
        def control(self) -> AgendaEditor:
            return self.editor

    def __init__(self, phases: Sequence[Phase], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._initial = tuple(phases)
        self._made = 0

    class ActivityWanted(Message):
        """« + Activité » was pressed: the screen offers its deck's activities."""

    def compose(self) -> ComposeResult:
        with Vertical(id="agenda-rows"):
            for phase in self._initial:
                yield self._new_row(phase)
        with Horizontal(id="agenda-footer"):
            yield Button("+ Ajouter une phase", id="agenda-add", compact=True)
            yield Button(
                "+ Activité",
                id="agenda-activity",
                tooltip="Insérer une activité d'animation du jeu (Ctrl+T)",
                compact=True,
            )
            yield Static("", id="agenda-total")

    def _new_row(self, phase: Phase | None, day: int = 1) -> AgendaRow:
        self._made += 1
        return AgendaRow(phase, self._made, day)

    def rows(self) -> list[AgendaLine]:
        """Each line as typed: title, minutes, day, instructions."""
        return [
            AgendaLine(
                row.query_one(".agenda-title", Input).value,
                row.query_one(".agenda-minutes", Input).value,
                row.query_one(".agenda-day", Input).value,
                row.query_one(".agenda-instructions", Input).value,
            )
            for row in self.query(AgendaRow)
        ]

    async def set_phases(self, phases: Sequence[Phase]) -> None:
        """Every line replaced by `phases` (a ready-made format chosen)."""
        container = self.query_one("#agenda-rows")
        await container.remove_children()
        await container.mount_all([self._new_row(phase) for phase in phases])
        self.post_message(self.Changed(self))

    def show_start_times(self, starts: Sequence[str], total: str) -> None:
        """Write each line's start time (empty when unknown) and the total length."""
        for index, row in enumerate(self.query(AgendaRow)):
            row.query_one(".agenda-start", Static).update(
                starts[index] if index < len(starts) else ""
            )
        self.query_one("#agenda-total", Static).update(total)

    def current_row(self) -> AgendaRow | None:
        """The line holding the focus, if any."""
        focused = self.screen.focused
        if focused is None:
            return None
        return next((node for node in focused.ancestors if isinstance(node, AgendaRow)), None)

    async def add_phase(self, position: int | None = None, phase: Phase | None = None) -> None:
        """A new line at `position` (0 is the first; None: at the end), focused: empty,
        or `phase`; either way on the day of the line above it."""
        rows = list(self.query(AgendaRow))
        index = len(rows) if position is None else min(position, len(rows))
        day = _typed_day(rows[index - 1]) if index > 0 else 1
        if phase is not None:
            phase = dataclasses.replace(phase, day=day)
        row = self._new_row(phase, day)
        container = self.query_one("#agenda-rows")
        if position is None or position >= len(rows):
            await container.mount(row)
        else:
            await container.mount(row, before=rows[max(0, position)])
        row.query_one(".agenda-title", Input).focus()
        self.post_message(self.Changed(self))

    async def insert_phase(self, phase: Phase | None = None) -> None:
        """A new line (empty, or `phase`) under the one holding the focus (at the end
        when none does)."""
        current = self.current_row()
        rows = list(self.query(AgendaRow))
        await self.add_phase(rows.index(current) + 1 if current in rows else None, phase)

    def action_move(self, offset: int) -> None:
        """Move the focused line up (-1) or down (+1); the focus stays on the same field."""
        current = self.current_row()
        if current is not None:
            self.move_row(current, offset)

    def move_row(self, row: AgendaRow, offset: int) -> None:
        rows = list(self.query(AgendaRow))
        target = rows.index(row) + offset
        if not 0 <= target < len(rows) or target == rows.index(row):
            return
        container = self.query_one("#agenda-rows")
        if offset < 0:
            container.move_child(row, before=rows[target])
        else:
            container.move_child(row, after=rows[target])
        self.post_message(self.Changed(self))

    @on(Button.Pressed, "#agenda-add")
    async def _add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.add_phase()

    @on(Button.Pressed, "#agenda-activity")
    def _activity_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.ActivityWanted())

    @on(Button.Pressed, ".agenda-up, .agenda-down")
    def _move_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        row = next(node for node in event.button.ancestors if isinstance(node, AgendaRow))
        self.move_row(row, -1 if event.button.has_class("agenda-up") else 1)

    @on(Button.Pressed, ".agenda-remove")
    async def _remove_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        row = next(node for node in event.button.ancestors if isinstance(node, AgendaRow))
        rows = list(self.query(AgendaRow))
        following = rows[rows.index(row) + 1] if row is not rows[-1] else None
        await row.remove()
        target = following.query_one(".agenda-title", Input) if following else None
        (target or self.query_one("#agenda-add", Button)).focus()
        self.post_message(self.Changed(self))

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self))


def _typed_day(row: AgendaRow) -> int:
    """The day typed on `row` (1 when it is empty)."""
    text = row.query_one(".agenda-day", Input).value
    return int(text) if text.isdigit() and int(text) >= 1 else 1
