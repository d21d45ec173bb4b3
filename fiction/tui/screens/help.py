"""F1: the help of the screen the user is on, as a readable modal page."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from fiction.tui.widgets.footer import Footer


class HelpScreen(ModalScreen[None]):
    """Shows a screen's `HELP` (French Markdown) and the keys it answers to."""

    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape", "dismiss", "Fermer"),
        Binding("f1", "dismiss", "Fermer", show=False),
        Binding("q", "dismiss", "Fermer", show=False),
    ]

    def __init__(self, help_text: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.help_text = help_text
        self.keys = keys

    def compose(self) -> ComposeResult:
        keys = "\n".join(f"| `{key}` | {description} |" for key, description in self.keys)
        table = f"\n\n## Touches\n\n| touche | action |\n|---|---|\n{keys}" if keys else ""
        with VerticalScroll(id="help-body"):
            yield Markdown(self.help_text + table)
        yield Footer()
