"""« Réglages de la salle »: how many votes each group gives, how long each group presents."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from fiction.errors import FictionError
from fiction.store.model import PRESENTATION_RANGE, VOTES_RANGE
from fiction.tui.formats import parse_count
from fiction.tui.screens.form_dialog import FormDialog


@dataclass(frozen=True)
class RoomSettings:
    votes_per_group: int
    presentation_minutes: int


class RoomSettingsScreen(FormDialog[RoomSettings]):
    """Dismissed with the new settings, or None (Échap, « Annuler »)."""

    DEFAULT_CSS = """
    RoomSettingsScreen { align: center middle; }
    RoomSettingsScreen #settings-box {
        width: 64; max-width: 100%; height: auto; padding: 1 2;
        border: thick $primary; background: $surface;
    }
    RoomSettingsScreen #settings-title { text-style: bold; color: $primary; }
    RoomSettingsScreen .settings-label { margin-top: 1; }
    RoomSettingsScreen #settings-problem { color: $warning; height: auto; }
    RoomSettingsScreen #settings-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    RoomSettingsScreen Button { margin-left: 2; }
    """
    SAVE_BUTTON = "settings-save"

    def __init__(self, current: RoomSettings) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        low_v, high_v = VOTES_RANGE
        low_m, high_m = PRESENTATION_RANGE
        with Vertical(id="settings-box"):
            yield Static("Réglages de la salle", id="settings-title")
            yield Static(f"Votes par groupe ({low_v} à {high_v})", classes="settings-label")
            yield Input(
                str(self.current.votes_per_group), id="settings-votes", type="integer", compact=True
            )
            yield Static(
                f"Minutes de restitution par groupe ({low_m} à {high_m})", classes="settings-label"
            )
            yield Input(
                str(self.current.presentation_minutes),
                id="settings-minutes",
                type="integer",
                compact=True,
            )
            yield Static("", id="settings-problem", markup=False)
            with Horizontal(id="settings-buttons"):
                yield Button("Annuler", id="settings-cancel", compact=True)
                yield Button("Enregistrer", id="settings-save", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#settings-votes", Input).focus()

    def _save(self) -> None:
        try:
            votes = parse_count(
                self.query_one("#settings-votes", Input).value, "Votes par groupe", *VOTES_RANGE
            )
            minutes = parse_count(
                self.query_one("#settings-minutes", Input).value,
                "Minutes de restitution",
                *PRESENTATION_RANGE,
            )
        except FictionError as error:
            self.query_one("#settings-problem", Static).update(f"⚠ {error.message}")
            return
        self.dismiss(RoomSettings(votes, minutes))
