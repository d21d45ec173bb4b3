"""Pick one of the deck's facilitation activities to place in the agenda.

Shows each activity's title and purpose; Entrée (or a click) places the one
highlighted, Échap gives up. Dismissed with the activity, or None.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from fiction.cards.model import Activity
from fiction.store.agendas import activity_minutes


class ActivityPicker(ModalScreen[Activity | None]):
    """The deck's activities, one option each: title, minutes, purpose."""

    CSS_PATH = "activity_picker.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", "Annuler")]

    def __init__(self, activities: Sequence[Activity]) -> None:
        super().__init__()
        self.activities = tuple(activities)

    def compose(self) -> ComposeResult:
        with Vertical(id="activity-box"):
            yield Static("Insérer une activité d'animation", id="activity-heading")
            if not self.activities:
                yield Static("Ce jeu ne propose aucune activité d'animation.", classes="hint")
            yield OptionList(
                *(
                    Option(
                        Text.assemble(
                            f"{activity.title} ({activity_minutes(activity)} min)\n",
                            (activity.purpose, "dim"),
                        ),
                        id=activity.id,
                    )
                    for activity in self.activities
                ),
                id="activity-list",
            )
            yield Static(
                "Entrée : insérer sous la ligne en cours · Échap : annuler", classes="hint"
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.activities[event.option_index])
