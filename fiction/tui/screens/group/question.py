"""Step 2, « Et si demain… »: the question the cards propose, and the group's own.

The deck's templates compose a question and a scenario starter from the
hand; they are there to spark ideas. The group's own question starts empty:
it is theirs to write.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Collapsible, Static

from fiction.errors import FictionError
from fiction.tui.screens.group.step import Step
from fiction.tui.widgets.text_area import FieldTextArea


class QuestionStep(Step):
    NUMBER = 2
    TITLE = "Et si demain…"
    STYLES = Path(__file__).with_suffix(".tcss")
    HELP = """\
## Étape 2 : et si demain…

Vos cartes proposent une question « Et si demain… » et un début de scénario :
ce sont des pistes, pas une consigne. Écrivez **votre** question dans le cadre :
elle est enregistrée au fur et à mesure.
"""

    @classmethod
    def owns(cls, field: str) -> bool:
        return field == "question"

    def compose(self) -> ComposeResult:
        try:
            prompt = self.session.prompt(self.hand)
            proposed, starter = prompt.question, prompt.starter
        except FictionError as error:
            proposed, starter = f"(Question indisponible : {error})", ""
        with VerticalScroll(id="question-scroll", can_focus=False):
            yield Static("La question que vos cartes proposent", classes="field-label")
            yield Static(proposed, id="question-proposed", classes="inspiration", markup=False)
            if starter:
                with Collapsible(
                    title="Un début de scénario pour se lancer", id="question-starter"
                ):
                    yield Static(starter, classes="inspiration", markup=False)
            yield Static("Votre question « Et si demain… »", classes="field-label")
            yield self.field(
                "question",
                FieldTextArea(
                    self.group.question,
                    id="field-question",
                    placeholder="Et si demain… (écrivez ici votre propre question)",
                ),
            )
