"""The pieces of « La salle »: météo answers and the votes, shown from one reading.

Both are display-and-ask widgets: they show what the screen hands down
(`show`) and post what the person asks for (`Add`, `Remove`, `Vote`); the
screen writes to the store and hands the new reading down. A refusal comes
back as a French sentence (`refuse`) shown under the widget, the typed text
left in place.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Static

from fiction.report.room import valid_votes
from fiction.store.model import MAX_WEATHER_WORDS, Workshop


class _Rows(Vertical):
    """Rows rebuilt as a whole when what they show changes; the focused button, if any,
    keeps the focus through the rebuild."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.signature: object = None

    async def rebuild(self, signature: object) -> None:
        if signature == self.signature:
            return
        self.signature = signature
        focused = self.screen.focused if self.is_attached else None
        keep = focused.id if focused is not None and focused in self.query("*") else None
        await self.recompose()
        if keep is None:
            return
        found = [widget for widget in self.query(f"#{keep}") if widget.focusable]
        # A button now disabled (no vote left to give): the focus stays among the rows.
        found = found or [widget for widget in self.query("*") if widget.focusable]
        if found:
            found[0].focus()


class AnswerRows(_Rows):
    """Each météo answer with its ✕."""

    def __init__(self, field: str) -> None:
        super().__init__(classes="room-answers")
        self.field = field
        self.answers: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        if not self.answers:
            yield Static("Pas encore de réponse.", classes="room-empty")
        for index, answer in enumerate(self.answers):
            with Horizontal(classes="room-row"):
                yield Static(f"• {answer}", classes="room-answer", markup=False)
                yield Button(
                    "✕",
                    id=f"{self.field}-remove-{index}",
                    classes="room-remove",
                    compact=True,
                    tooltip="Retirer cette réponse",
                )

    async def show(self, answers: Sequence[str]) -> None:
        self.answers = tuple(answers)
        await self.rebuild(self.answers)


class WeatherEditor(Vertical):
    """One météo (`field`: weather or weather_end): its answers and a line to add one."""

    class Add(Message):
        def __init__(self, editor: WeatherEditor, text: str) -> None:
            super().__init__()
            self.editor = editor
            self.text = text

    class Remove(Message):
        def __init__(self, editor: WeatherEditor, text: str) -> None:
            super().__init__()
            self.editor = editor
            self.text = text

    def __init__(self, field: str, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="room-weather")
        self.field = field
        self.rows = AnswerRows(field)
        self.line = Input(
            placeholder=f"Un à {MAX_WEATHER_WORDS} mots, puis Entrée",
            id=f"{field}-new",
            classes="room-new",
            compact=True,
            select_on_focus=False,
        )
        self.problem = Static("", classes="room-problem", markup=False)
        self.problem.display = False

    def compose(self) -> ComposeResult:
        yield self.rows
        yield self.line
        yield self.problem

    async def show(self, answers: Sequence[str]) -> None:
        await self.rows.show(answers)

    def accepted(self) -> None:
        """The answer typed was saved: the line is free for the next one."""
        self.line.value = ""
        self.refuse("")

    def refuse(self, message: str) -> None:
        """Say why the store refused ("": nothing to say, the line takes no room)."""
        self.problem.update(f"⚠ {message}" if message else "")
        self.problem.display = bool(message)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.post_message(self.Add(self, event.value))

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()  # an answer is saved on Entrée, not as typed

    @on(Button.Pressed, ".room-remove")
    def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        index = int((event.button.id or "").rpartition("-")[2])
        if index < len(self.rows.answers):
            self.post_message(self.Remove(self, self.rows.answers[index]))


def votes_text(count: int) -> str:
    return f"{count} vote{'s' if count > 1 else ''}"


class VoteRows(_Rows):
    """The other groups' scenarios, each with the votes this group gave it."""

    def __init__(self) -> None:
        super().__init__(classes="room-vote-rows")
        self.rows: tuple[tuple[int, str, int, bool], ...] = ()
        """(number, label, votes given to it, room left to give one more)."""

    def compose(self) -> ComposeResult:
        if not self.rows:
            yield Static("Pas d'autre groupe dans cet atelier.", classes="room-empty")
        for number, label, given, room in self.rows:
            with Horizontal(classes="room-row"):
                yield Static(label, classes="room-vote-label", markup=False)
                yield Static("●" * given or "·", classes="room-vote-dots")
                yield Button(
                    "+1",
                    id=f"vote-add-{number}",
                    classes="room-vote",
                    compact=True,
                    disabled=not room,
                    tooltip=f"Un vote pour le groupe {number}",
                )
                yield Button(
                    "−1",
                    id=f"vote-remove-{number}",
                    classes="room-vote",
                    compact=True,
                    disabled=not given,
                    tooltip=f"Retirer un vote au groupe {number}",
                )


class VoteBoard(Vertical):
    """How many votes the group has left, and the other groups to give them to."""

    class Vote(Message):
        """Give one more vote to group `number` (`delta` 1) or take one back (-1)."""

        def __init__(self, number: int, delta: int) -> None:
            super().__init__()
            self.number = number
            self.delta = delta

    def __init__(self, number: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.number = number
        self.summary = Static("", id="room-votes-summary", markup=False)
        self.rows = VoteRows()
        self.problem = Static("", id="room-votes-problem", classes="room-problem", markup=False)
        self.problem.display = False

    def compose(self) -> ComposeResult:
        yield self.summary
        yield self.rows
        yield self.problem

    async def show(self, workshop: Workshop) -> None:
        mine = workshop.group(self.number).votes
        allowed = workshop.votes_per_group
        given = len(valid_votes(workshop, self.number))
        left = max(allowed - len(mine), 0)
        hidden = (
            "l'animation les a révélés sur l'écran de salle."
            if workshop.votes_revealed
            else "ils restent masqués jusqu'à ce que l'animation les révèle."
        )
        self.summary.update(
            f"{votes_text(allowed)} à donner aux scénarios des autres groupes : "
            f"{votes_text(given)} donné{'s' if given > 1 else ''}, "
            f"{left} restant{'s' if left > 1 else ''} ; {hidden}"
        )
        rows = []
        for group in workshop.groups:
            if group.number == self.number:
                continue
            title = f"« {group.title} »" if group.title.strip() else "(sans titre)"
            label = f"Groupe {group.number} · {group.pseudonym} — {title}"
            rows.append((group.number, label, mine.count(group.number), left > 0))
        self.rows.rows = tuple(rows)
        await self.rows.rebuild(self.rows.rows)

    def refuse(self, message: str) -> None:
        self.problem.update(f"⚠ {message}" if message else "")
        self.problem.display = bool(message)

    @on(Button.Pressed, ".room-vote")
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        what, _, number = (event.button.id or "").removeprefix("vote-").partition("-")
        self.post_message(self.Vote(int(number), 1 if what == "add" else -1))
