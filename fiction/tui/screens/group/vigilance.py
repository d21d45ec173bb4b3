"""Step 4, « Points de vigilance »: how the scenario avoids each risk the cards name.

One answer per vigilance card of the hand, saved under `vigilance/<card id>`,
so an answer stays with its card whatever order the cards come in.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from fiction.tui.screens.group.step import Step
from fiction.tui.widgets.text_area import FieldTextArea


class VigilanceStep(Step):
    NUMBER = 4
    TITLE = "Points de vigilance"
    STYLES = Path(__file__).with_suffix(".tcss")
    HELP = """\
## Étape 4 : points de vigilance

Chaque point de vigilance de vos cartes nomme un risque de votre figure.
Relisez votre scénario et répondez, sous chaque point, à sa question :
comment votre scénario évite-t-il ce travers ?
"""

    @classmethod
    def owns(cls, field: str) -> bool:
        return field.startswith("vigilance/")

    def compose(self) -> ComposeResult:
        self.points = self.hand.vigilance
        deck = self.session.deck
        colour = deck.manifest.colours.vigilance
        with VerticalScroll(id="vigilance-scroll", can_focus=False):
            if not self.points:
                yield Static("Votre main n'a pas de carte « point de vigilance ».", classes="hint")
            for index, card_id in enumerate(self.points):
                card = deck.card(card_id)
                with Vertical(classes="vigilance-point") as box:
                    box.border_title = f"Point de vigilance {index + 1}"
                    box.styles.border = ("round", colour)
                    yield Static(card.title, classes="vigilance-title", markup=False)
                    yield Static(card.text, classes="vigilance-text", markup=False)
                    yield Static(card.question, classes="vigilance-question", markup=False)
                    yield self.field(
                        f"vigilance/{card_id}",
                        FieldTextArea(
                            self.group.answers.get(card_id, ""),
                            id=f"answer-{index}",
                            placeholder="Comment votre scénario l'évite-t-il ?",
                        ),
                    )
