"""One card of a hand, compact: its kind and colour, title, a short text, a lock mark.

The colour comes from the deck (`manifest.colours`), so a card reads at a glance
as a figure or a role whatever the theme; the card only says what happened to
it (opened, lock asked) and lets its screen decide.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

STYLES = Path(__file__).with_suffix(".tcss")
"""The card's stylesheet, for the screens that show cards (listed in their CSS_PATH)."""

KIND_NAMES = {
    "themes": "Thème",
    "figures": "Figure",
    "contexts": "Contexte",
    "roles": "Rôle",
    "vigilance": "Point de vigilance",
    "inspirations": "Inspiration",
}
"""A card's kind as printed on its top edge (singular)."""

FILL = 0.8
"""Share of a card's text area that word-wrapped French fills, to cut the text in time."""


def card_text(card: Any, kind: str) -> str:
    """The text that says most about a card in a few words, by kind."""
    if kind == "contexts":
        return f"En 2050, dans un contexte {card.phrase}"
    if kind == "roles":
        return card.mission
    if kind == "vigilance":
        return card.text
    if kind == "inspirations":
        return f"{card.city}, {card.year} — {card.summary}"
    return card.summary


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary with an ellipsis, so a compact card stays compact."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:—-")
    return cut + "…"


class CardView(Widget, can_focus=True):
    """A compact card; Entrée or a click opens it, Espace asks to (un)lock it."""

    BINDINGS = [
        Binding("enter", "open", "Lire"),
        Binding("space", "toggle_lock", "Verrouiller"),
    ]

    locked: reactive[bool] = reactive(False)

    class Opened(Message):
        """The group wants to read the whole card."""

        def __init__(self, card_id: str) -> None:
            super().__init__()
            self.card_id = card_id

    class LockToggled(Message):
        """The group wants this card locked (kept at the next redraw) or unlocked."""

        def __init__(self, card_id: str) -> None:
            super().__init__()
            self.card_id = card_id

    def __init__(
        self,
        card: Any,
        kind: str,
        colour: str,
        *,
        locked: bool = False,
        lockable: bool = True,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.card = card
        self.kind = kind
        self.colour = colour
        self.lockable = lockable
        self.set_reactive(CardView.locked, locked)

    def compose(self) -> ComposeResult:
        yield Static(self.card.title, classes="card-title", markup=False)
        yield Static("", classes="card-text", markup=False)

    def on_mount(self) -> None:
        self.border_title = KIND_NAMES[self.kind]
        self.styles.border_title_background = self.colour
        self.styles.border_title_color = "white"
        self._paint()

    def on_resize(self) -> None:
        """Cut the text to what the card has room for; Entrée shows the whole card."""
        width, height = self.content_size
        if width <= 0:
            return
        title_lines = min(2, -(-len(self.card.title) // width))
        lines = max(1, height - title_lines)
        text = shorten(card_text(self.card, self.kind), int(width * lines * FILL))
        self.query_one(".card-text", Static).update(text)

    def watch_locked(self) -> None:
        self._paint()

    def on_focus(self) -> None:
        self._paint(focused=True)  # `has_focus` is set after this handler

    def on_blur(self) -> None:
        self._paint(focused=False)

    def _paint(self, focused: bool | None = None) -> None:
        """The kind's colour on the edge; heavier when focused; the lock on the bottom edge."""
        focused = self.has_focus if focused is None else focused
        self.styles.border = ("heavy" if focused else "round", self.colour)
        self.border_subtitle = "■ verrouillée" if self.locked else ""
        self.set_class(self.locked, "-locked")

    def on_click(self) -> None:
        self.focus()
        self.post_message(self.Opened(self.card.id))

    def action_open(self) -> None:
        self.post_message(self.Opened(self.card.id))

    def action_toggle_lock(self) -> None:
        if self.lockable:
            self.post_message(self.LockToggled(self.card.id))
