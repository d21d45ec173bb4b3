"""Step 3, « Le scénario 2050 »: the group writes its scenario, field by field.

Short fields are one line, long ones multi-line; the actions and the
nouveaux acteurs are lists (the acteurs picked from the hand's role cards or
invented). The hints come from the group's own cards.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Select, Static

from fiction.tui.screens.group.step import Step
from fiction.tui.widgets.list_editor import ListEditor
from fiction.tui.widgets.text_area import FieldTextArea

TEXTS = {
    "context": ("Contexte", "En 2050, dans un contexte… (le monde où se passe votre scénario)"),
    "narrative": (
        "Récit",
        "Racontez : qui vient, qui accueille, ce qui a changé, une journée type…",
    ),
    "purpose": ("Finalité", "Pour quoi faire ? Ce que votre CCAS de 2050 cherche à changer."),
}
LINES = {"title": "Titre", "place_name": "Nom du lieu ou du service"}
LISTS = {"actions": "Actions", "new_actors": "Nouveaux rôles"}


class ScenarioStep(Step):
    NUMBER = 3
    TITLE = "Le scénario 2050"
    STYLES = Path(__file__).with_suffix(".tcss")
    HELP = """\
## Étape 3 : le scénario 2050

Écrivez votre scénario : un titre, le nom du lieu ou du service que vous
inventez, le contexte, le récit, la finalité, les actions et les nouveaux
acteurs. Tout est enregistré au fur et à mesure.

- **Tab** passe au champ suivant, **Maj+Tab** revient au précédent.
- Dans une liste : écrivez sur la dernière ligne puis **Entrée** pour ajouter ;
  **Ctrl+↑** / **Ctrl+↓** déplacent une ligne ; **✕** (ou **Retour arrière**
  sur une ligne vide) la retire.
- Les nouveaux rôles se choisissent parmi vos cartes rôle, ou s'inventent.
"""

    @classmethod
    def owns(cls, field: str) -> bool:
        return field in TEXTS or field in LINES or field in LISTS

    def compose(self) -> ComposeResult:
        group = self.group
        deck = self.session.deck
        figures = [deck.card(card_id) for card_id in self.hand.figures]
        contexts = [deck.card(card_id) for card_id in self.hand.contexts]
        with VerticalScroll(id="scenario-scroll", can_focus=False):
            for field, label in LINES.items():
                yield Static(label, classes="field-label")
                yield self.field(
                    field,
                    Input(
                        getattr(group, field),
                        id=f"field-{field}",
                        placeholder=label,
                        select_on_focus=False,  # a key typed on arrival must not wipe it
                    ),
                )
            if figures:
                places = " ; ".join(scenario.place for scenario in figures[0].scenarios)
                yield Static(f"Par exemple : {places}", classes="field-hint", markup=False)
            for field, (label, placeholder) in TEXTS.items():
                yield Static(label, classes="field-label")
                if field == "context" and contexts:
                    phrases = " ; ".join(f"« {card.phrase} »" for card in contexts)
                    yield Static(f"Vos contextes : {phrases}", classes="field-hint", markup=False)
                yield self.field(
                    field,
                    FieldTextArea(
                        getattr(group, field),
                        id=f"field-{field}",
                        placeholder=placeholder,
                        classes=f"text-{field}",
                    ),
                )
            yield Static(LISTS["actions"], classes="field-label")
            yield self.field(
                "actions",
                ListEditor(
                    group.actions, id="field-actions", placeholder="Ajouter une action, puis Entrée"
                ),
            )
            yield Static(LISTS["new_actors"], classes="field-label")
            roles = [
                (deck.card(card_id).title, deck.card(card_id).title) for card_id in self.hand.roles
            ]
            yield Select(roles, prompt="Choisir parmi vos cartes rôle…", id="scenario-roles")
            yield self.field(
                "new_actors",
                ListEditor(
                    group.new_actors,
                    id="field-new_actors",
                    placeholder="Inventer un rôle, puis Entrée",
                ),
            )

    @on(Select.Changed, "#scenario-roles")
    async def _role_picked(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.is_blank():
            return
        actors = self.fields["new_actors"]
        assert isinstance(actors, ListEditor)
        if event.value not in actors.items:
            await actors.add(str(event.value))
        event.select.clear()
