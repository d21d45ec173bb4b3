"""A readable French message in place of a traceback: a broken deck, a locked store."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from fiction.tui.widgets.footer import Footer


class ErrorScreen(ModalScreen[None]):
    """Explains what went wrong and what to do; nothing the user wrote is lost."""

    CSS_PATH = "error.tcss"
    BINDINGS = [Binding("escape", "dismiss", "Fermer")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="error-box"):
            yield Static(self.title_text, id="error-title")
            with VerticalScroll(id="error-message"):
                yield Static(self.message, markup=False)
            yield Button("Fermer", variant="primary", id="error-close")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss()
