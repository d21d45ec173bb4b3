"""The group's reading speed and target length, asked in a small window of step 5."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from fiction.store.model import READING_SPEEDS, TARGET_RANGE
from fiction.tui.screens.form_dialog import FormDialog

_MINUTES = re.compile(r"^\s*(\d{1,2})\s*(?:[:h]|min)?\s*(\d{1,2})?\s*(?:s)?\s*$")


class PaceScreen(FormDialog[tuple[float, int]]):
    """Dismissed with (words per second, target seconds), or None for « Annuler » or Échap."""

    DEFAULT_CSS = """
    PaceScreen { align: center middle; }
    PaceScreen #pace-box {
        width: 64; max-width: 100%; height: auto; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    PaceScreen .pace-label { margin-top: 1; }
    PaceScreen #pace-error { color: $error; height: auto; }
    PaceScreen #pace-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    PaceScreen Button { margin-left: 2; }
    """
    SAVE_BUTTON = "pace-save"

    def __init__(self, words_per_second: float, target_seconds: int) -> None:
        super().__init__()
        self.speed = Input(_decimal(words_per_second), id="pace-speed", compact=True)
        minutes, seconds = divmod(target_seconds, 60)
        self.target = Input(f"{minutes}:{seconds:02d}", id="pace-target", compact=True)
        self.error = Static("", id="pace-error", markup=False)

    def compose(self) -> ComposeResult:
        with Vertical(id="pace-box"):
            yield Static("Vitesse de lecture et durée visée du journal", markup=False)
            yield Static(
                "Vitesse de lecture, en mots par seconde (3 = 180 mots par minute) :",
                classes="pace-label",
                markup=False,
            )
            yield self.speed
            yield Static(
                "Durée visée, en minutes (par exemple 3 ou 2:30) :",
                classes="pace-label",
                markup=False,
            )
            yield self.target
            yield self.error
            with Horizontal(id="pace-buttons"):
                yield Button("Annuler", id="pace-cancel", compact=True)
                yield Button("Enregistrer", id="pace-save", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.speed.focus()

    def _save(self) -> None:
        chosen = read_pace(self.speed.value, self.target.value)
        if isinstance(chosen, str):
            self.error.update(chosen)
            return
        self.dismiss(chosen)


def read_pace(speed: str, target: str) -> tuple[float, int] | str:
    """(words per second, seconds) from what was typed, or what is wrong with it, in French."""
    low, high = READING_SPEEDS
    try:
        words = float(speed.strip().replace(",", "."))
    except ValueError:
        words = -1.0
    if not low <= words <= high:
        return f"Vitesse : un nombre de mots par seconde entre {_decimal(low)} et {_decimal(high)}."
    match = _MINUTES.match(target)
    seconds = int(match.group(1)) * 60 + int(match.group(2) or 0) if match else -1
    shortest, longest = TARGET_RANGE
    if not shortest <= seconds <= longest:
        return "Durée visée : en minutes, par exemple 3 ou 2:30 (entre 0:10 et 60:00)."
    return words, seconds


def _decimal(value: float) -> str:
    return f"{value:g}".replace(".", ",")
