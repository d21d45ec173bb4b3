"""« Modifié ailleurs »: a field this screen changed was saved meanwhile by another screen.

Two screens on one group (the group and the facilitator, two browser tabs)
never overwrite each other unseen: the person sees both versions and keeps
theirs, takes the other, or keeps both. Échap keeps both, so that no choice
made in a hurry loses a word.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from fiction.tui.access import fiction_app
from fiction.tui.screens.group.saving import Conflict

MINE, THEIRS, BOTH = "mine", "theirs", "both"
"""The person's choice, as the modal is dismissed with it."""

PREVIEW_CHARS = 600
"""How much of each version the modal shows (the whole text stays in the field)."""


def shown(value: Any) -> str:
    """A stored value as the person reads it: a list one item a line."""
    if value is None:
        return "(retiré)"
    if isinstance(value, (list, tuple)):
        return "\n".join(f"• {item}" for item in value) or "(vide)"
    text = str(value)
    if len(text) > PREVIEW_CHARS:
        return f"{text[:PREVIEW_CHARS]}… ({len(text)} caractères)"
    return text or "(vide)"


def both(mine: Any, theirs: Any, *, multiline: bool) -> Any:
    """Both versions in one value: the other's first, then what this screen adds."""
    if theirs is None:
        return mine
    if isinstance(mine, (list, tuple)):
        return (*theirs, *(item for item in mine if item not in theirs))
    if mine in theirs:
        return theirs
    if theirs in mine:
        return mine
    return f"{theirs}\n\n{mine}" if multiline else f"{theirs} / {mine}"


class ConflictScreen(ModalScreen[str]):
    """Dismissed with MINE, THEIRS or BOTH."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS = [
        Binding("escape", "choose('both')", "Garder les deux"),
        Binding("m", "choose('mine')", "Garder la mienne", show=False),
        Binding("a", "choose('theirs')", "Prendre l'autre", show=False),
        Binding("d", "choose('both')", "Garder les deux", show=False),
    ]

    def __init__(self, conflict: Conflict, label: str) -> None:
        super().__init__()
        self.conflict = conflict
        self.label = label

    def compose(self) -> ComposeResult:
        conflict = self.conflict
        removed = conflict.theirs is None
        what = "retiré cette séquence" if removed else f"modifié « {self.label} »"
        with Vertical(id="conflict-box"):
            yield Static("Modifié sur un autre écran", id="conflict-title")
            yield Static(
                f"{conflict.author} a {what} pendant que vous écriviez. "
                "Rien n'a été écrit par-dessus : choisissez ce qu'il faut garder.",
                id="conflict-explain",
                markup=False,
            )
            with Horizontal(id="conflict-versions"):
                with VerticalScroll(classes="conflict-version"):
                    yield Static("Votre version", classes="conflict-heading")
                    yield Static(shown(conflict.mine), markup=False)
                with VerticalScroll(classes="conflict-version"):
                    yield Static(f"Version de {conflict.author}", classes="conflict-heading")
                    yield Static(shown(conflict.theirs), markup=False)
            with Horizontal(id="conflict-buttons"):
                yield Static("Garder :", id="conflict-keep")
                app = fiction_app(self)
                yield Button(app.with_key("la mienne", "m"), id="conflict-mine", compact=True)
                yield Button(app.with_key("l'autre", "a"), id="conflict-theirs", compact=True)
                if not removed:
                    yield Button(
                        app.with_key("les deux", "d"),
                        id="conflict-both",
                        variant="primary",
                        compact=True,
                    )

    def on_mount(self) -> None:
        self.query_one("#conflict-buttons Button.-primary, #conflict-mine").focus()

    def action_choose(self, choice: str) -> None:
        if choice == BOTH and self.conflict.theirs is None:
            choice = MINE  # nothing to merge with: keeping one's own text loses nothing
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose((event.button.id or "").removeprefix("conflict-"))
