"""A card read in full, in a modal: everything the printed card and its booklet say.

Opened from a compact card (Entrée or a click). It can lock or unlock the card
too, for people who use the mouse; the answer goes back to the screen that
opened it, which does the locking.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Markdown, Static

from fiction.cards.model import Deck
from fiction.tui.widgets.card import KIND_NAMES
from fiction.tui.widgets.footer import Footer


def card_markdown(card: Any, kind: str, deck: Deck | None = None) -> str:
    """The whole card as French Markdown, by kind (titles of linked cards when `deck`)."""
    parts = [_BODIES[kind](card, deck)]
    if card.source:
        parts.append(f"*Source : {card.source}*")
    return "\n\n".join(part for part in parts if part)


def _theme(card: Any, deck: Deck | None) -> str:
    questions = "\n".join(f"- {question}" for question in card.questions)
    return f"{card.summary}\n\n## Questions pour explorer\n\n{questions}"


def _figure(card: Any, deck: Deck | None) -> str:
    parts = [
        f"**{card.summary}**",
        f"## Le constat\n\n{card.evidence.text}\n\n*{card.evidence.source}*",
        f"## Et si demain…\n\n{card.question}",
        f"## Description\n\n{card.description}",
        f"## Finalité\n\n{card.purpose}",
        "## Actions\n\n" + "\n".join(f"- {action}" for action in card.actions),
    ]
    for number, scenario in enumerate(card.scenarios, start=1):
        parts.append(
            f"## Scénario 2050 n° {number} : {scenario.title}\n\n"
            f"*{scenario.place}*\n\n{scenario.narrative}"
        )
    if deck is not None:
        for heading, ids in (
            ("Nouveaux rôles", card.roles),
            ("Points de vigilance", card.vigilance),
        ):
            titles = "\n".join(f"- {_title(deck, card_id)}" for card_id in ids)
            parts.append(f"## {heading}\n\n{titles}")
    parts.append(f"## Monologue\n\n> {card.monologue}")
    return "\n\n".join(parts)


def _context(card: Any, deck: Deck | None) -> str:
    return f"**En 2050, dans un contexte {card.phrase}…**\n\n{card.text}\n\n*Type : {card.kind}*"


def _role(card: Any, deck: Deck | None) -> str:
    text = f"## Sa mission\n\n{card.mission}"
    if deck is not None and card.figures:
        figures = ", ".join(_title(deck, figure) for figure in card.figures)
        text += f"\n\n*Nouveau rôle de la figure : {figures}.*"
    return text


def _vigilance(card: Any, deck: Deck | None) -> str:
    text = f"{card.text}\n\n## La question à se poser\n\n{card.question}"
    if deck is not None and card.figure:
        text += f"\n\n*Point de vigilance de la figure : {_title(deck, card.figure)}.*"
    return text


def _inspiration(card: Any, deck: Deck | None) -> str:
    origin = "scénario augmenté de 2050" if card.kind == "scenario-2050" else "atelier"
    return f"**{card.city}, {card.year}** ({origin})\n\n{card.summary}"


def _title(deck: Deck, card_id: str) -> str:
    try:
        return deck.card(card_id).title
    except KeyError:
        return card_id


_BODIES = {
    "themes": _theme,
    "figures": _figure,
    "contexts": _context,
    "roles": _role,
    "vigilance": _vigilance,
    "inspirations": _inspiration,
}


class CardDetailScreen(ModalScreen[bool]):
    """Shows one card in full; dismisses with True when the group asked to (un)lock it."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    HELP = """\
# Une carte en entier

Tout ce que dit la carte, et pour une figure : son constat, sa question
« Et si demain… », sa finalité, ses actions, ses deux scénarios de 2050, ses
nouveaux acteurs, ses points de vigilance et son monologue.

Les flèches font défiler le texte. **Espace** (ou le bouton) verrouille ou
déverrouille la carte ; **Échap** revient à la main.
"""
    BINDINGS = [
        Binding("escape", "dismiss(False)", "Fermer"),
        Binding("space", "toggle_lock", "(Dé)verrouiller"),
    ]

    def __init__(
        self,
        card: Any,
        kind: str,
        *,
        colour: str,
        locked: bool,
        deck: Deck | None = None,
        lockable: bool = True,
    ) -> None:
        super().__init__()
        self.card = card
        self.kind = kind
        self.colour = colour
        self.locked = locked
        self.deck = deck
        self.lockable = lockable

    def compose(self) -> ComposeResult:
        with Vertical(id="card-detail-box") as box:
            box.border_title = KIND_NAMES[self.kind]
            box.border_subtitle = "verrouillée" if self.locked else ""
            yield Static(self.card.title, id="card-detail-title", markup=False)
            with VerticalScroll(id="card-detail-body"):
                yield Markdown(card_markdown(self.card, self.kind, self.deck))
            with Horizontal(id="card-detail-buttons"):
                if self.lockable:
                    label = "Déverrouiller" if self.locked else "Verrouiller"
                    yield Button(label, id="card-detail-lock")
                yield Button("Fermer", variant="primary", id="card-detail-close")
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#card-detail-box")
        box.styles.border = ("heavy", self.colour)
        box.styles.border_title_background = self.colour
        box.styles.border_title_color = "white"
        self.query_one("#card-detail-body").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "card-detail-lock")

    def action_toggle_lock(self) -> None:
        if self.lockable:
            self.dismiss(True)
