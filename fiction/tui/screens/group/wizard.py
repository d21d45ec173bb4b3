"""The group wizard: one step at a time, under a header that stays put.

The header says who is writing, shows the shared countdown and the progress
through the journey; the footer teaches the keys. The step the group is on
is saved in the store, so reopening the group lands there. Other screens
(other tabs, the facilitator) write to the same store: a worker polls its
revision and brings their edits down, never over what is being typed here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, ProgressBar, Static, TextArea

from fiction.errors import FictionError
from fiction.store.model import WIZARD_STEPS, Workshop
from fiction.tui.screens.group.cards import CardsStep
from fiction.tui.screens.group.question import QuestionStep
from fiction.tui.screens.group.report import ReportStep
from fiction.tui.screens.group.review import ReviewStep
from fiction.tui.screens.group.saving import FieldSaver
from fiction.tui.screens.group.scenario import ScenarioStep
from fiction.tui.screens.group.session import GroupSession, stored_value
from fiction.tui.screens.group.step import Step
from fiction.tui.screens.group.vigilance import VigilanceStep
from fiction.tui.widgets import card, list_editor
from fiction.tui.widgets.countdown import Countdown

STEPS: tuple[type[Step], ...] = (
    CardsStep, QuestionStep, ScenarioStep, VigilanceStep, ReportStep, ReviewStep
)  # fmt: skip
"""The journey, in order."""

SAVE_STATES = {
    "pending": "enregistrement…",
    "saved": "✓ enregistré",
    "failed": "⚠ non enregistré",
}

TRAIL_MARGIN = 14
"""The cells beside the trail on its line: the progress bar, its margin, the padding."""

POLL_SECONDS = 2.0
"""How often the wizard looks for edits made elsewhere (one cheap query)."""

WIZARD_HELP = """\
# Le parcours du groupe

Six étapes, des cartes au scénario relu : la barre du haut montre où vous en
êtes. Tout ce que vous écrivez est enregistré au fur et à mesure (une demi-seconde
après la dernière frappe) : fermer la fenêtre ne perd rien, et en revenant, le
groupe retrouve l'étape où il s'était arrêté.

**F3** (ou le bouton « Suivant ») passe à l'étape suivante, **F2** revient à la
précédente, **Échap** quitte le parcours. **Ctrl+P** ouvre la palette de commandes.
"""


def step_at(number: int) -> type[Step]:
    """The step to open for a saved step number: that one, or the next that exists."""
    for step in STEPS:
        if number <= step.NUMBER:
            return step
    return STEPS[-1]


def trail(current: int, wide: bool) -> Content:
    """`Étape 3 sur 6 · Le scénario 2050`, or every step named when there is room."""
    start = Content(f"Étape {current} sur {WIZARD_STEPS} ")
    parts = []
    for step in STEPS:
        label = Content(f" {step.NUMBER} {step.TITLE} " if wide else f" {step.NUMBER} ")
        parts.append(label.stylize("bold reverse") if current == step.NUMBER else label)
    if wide:
        return start.append(Content("›").join(parts))
    title = next(step.TITLE for step in STEPS if current == step.NUMBER)
    return (
        start.append(Content(title).stylize("bold")).append("   ").append(Content("").join(parts))
    )


@dataclass
class _Snapshot(Message):
    """A newer state of the workshop, read by the polling worker."""

    workshop: Workshop
    revision: int


class GroupWizardScreen(Screen[None]):
    """A group's journey through the steps; open it with the workshop and group number."""

    CSS_PATH = [
        "wizard.tcss",
        card.STYLES,
        list_editor.STYLES,
        *(step.STYLES for step in STEPS),
    ]
    BINDINGS = [
        Binding("escape", "leave", "Retour"),
        # The buttons at the bottom show these two keys: the footer keeps its room.
        Binding("f2", "previous", "Étape précédente", show=False),
        Binding("f3", "next", "Étape suivante", show=False),
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    def __init__(self, workshop_name: str, group_number: int) -> None:
        super().__init__()
        self.workshop_name = workshop_name
        self.group_number = group_number
        self.session: GroupSession | None = None
        self.step: Step | None = None
        self.saver = FieldSaver(self, self._values, self._write, self._refused, self._show_status)
        self._revision = 0
        self._status_line = Static("", id="wizard-status")

    @property
    def HELP(self) -> str:
        step_help = f"\n\n{self.step.HELP}" if self.step is not None else ""
        return WIZARD_HELP + step_help

    # --- layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="wizard-top"):
            yield Static("", id="wizard-who", markup=False)
            yield Static(f"atelier « {self.workshop_name} »", id="wizard-workshop", markup=False)
            yield Countdown(self.workshop_name, compact=True, id="wizard-countdown")
        with Horizontal(id="wizard-progress"):
            yield ProgressBar(
                total=WIZARD_STEPS, show_percentage=False, show_eta=False, id="wizard-bar"
            )
            yield Static("", id="wizard-trail")
        yield Container(id="wizard-body")
        with Horizontal(id="wizard-nav"):
            yield Button("← Précédent (F2)", id="wizard-previous", compact=True)
            yield self._status_line
            yield Button("Suivant (F3) →", id="wizard-next", compact=True)
        yield Footer()

    async def on_mount(self) -> None:
        try:
            workshop = self.app.store.load(self.workshop_name)
            if not 1 <= self.group_number <= len(workshop.groups):
                raise FictionError(
                    f"L'atelier « {workshop.name} » n'a pas de groupe {self.group_number} "
                    f"(groupes 1 à {len(workshop.groups)})."
                )
            deck = self.app.deck_for(workshop)
        except FictionError as error:
            self.query_one("#wizard-who", Static).update("Impossible d'ouvrir ce groupe.")
            self.app.show_error(error, "Impossible d'ouvrir ce groupe")
            return
        self.session = GroupSession(lambda: self.app.store, workshop, self.group_number, deck)
        group = workshop.group(self.group_number)
        self.query_one("#wizard-who", Static).update(f"{group.pseudonym} · groupe {group.number}")
        await self._open(step_at(group.step), workshop)
        self.set_interval(POLL_SECONDS, self._poll, name="lecture de l'atelier")

    def on_resize(self) -> None:
        self._show_progress()

    # --- moving through the steps -----------------------------------------------

    async def _open(self, step_class: type[Step], workshop: Workshop) -> None:
        assert self.session is not None
        body = self.query_one("#wizard-body")
        await body.remove_children()
        self.step = step_class(self.session, workshop)
        await body.mount(self.step)
        self.saver.start(self.step.values())
        self.step.focus_start()
        self._show_progress()
        if self.step.group.step != step_class.NUMBER:
            try:
                self.session.set_field("step", step_class.NUMBER)
            except FictionError as error:
                self.app.show_error(error, "Enregistrement impossible")
        self.refresh_bindings()

    async def go_to(self, number: int) -> bool:
        """Save what was typed, then open step `number`; stays put if saving failed."""
        if self.session is None or self.step is None:
            return False
        if not self._saved():
            return False
        try:
            workshop = self.session.load()
        except FictionError as error:
            self.app.show_error(error)
            return False
        await self._open(step_at(number), workshop)
        return True

    def _neighbour(self, offset: int) -> type[Step] | None:
        if self.step is None:
            return None
        index = STEPS.index(type(self.step)) + offset
        return STEPS[index] if 0 <= index < len(STEPS) else None

    async def action_next(self) -> None:
        following = self._neighbour(1)
        if following is not None:
            await self.go_to(following.NUMBER)

    async def action_previous(self) -> None:
        preceding = self._neighbour(-1)
        if preceding is not None:
            await self.go_to(preceding.NUMBER)

    def action_leave(self) -> None:
        if self.session is None or self._saved():
            self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return self._neighbour(1) is not None or None
        if action == "previous":
            return self._neighbour(-1) is not None or None
        return True

    @on(Button.Pressed, "#wizard-previous")
    async def _previous_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_previous()

    @on(Button.Pressed, "#wizard-next")
    async def _next_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_next()

    def _show_progress(self) -> None:
        if self.step is None:
            return
        number = self.step.NUMBER
        self.query_one("#wizard-bar", ProgressBar).update(progress=number)
        line = trail(number, wide=True)
        if line.cell_length > self.size.width - TRAIL_MARGIN:  # every title does not fit
            line = trail(number, wide=False)
        self.query_one("#wizard-trail", Static).update(line)
        preceding, following = self._neighbour(-1), self._neighbour(1)
        previous_button = self.query_one("#wizard-previous", Button)
        next_button = self.query_one("#wizard-next", Button)
        previous_button.disabled = preceding is None
        next_button.disabled = following is None
        next_button.label = f"Suivant (F3) : {following.TITLE} →" if following else "Suivant (F3) →"
        next_button.refresh(layout=True)  # a Button's label does not resize it by itself

    # --- saving -------------------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(list_editor.ListEditor.Changed)
    def _typed(self) -> None:
        self.saver.touch()

    def _values(self) -> dict[str, Any]:
        return self.step.values() if self.step is not None else {}

    def _write(self, field: str, value: Any) -> None:
        assert self.session is not None
        self.session.set_field(field, value)

    def _show_status(self, state: str) -> None:
        self._status_line.update(SAVE_STATES[state])

    def _saved(self) -> bool:
        """Save what was typed before leaving the step; say so if the store refuses."""
        error = self.saver.save()
        if error is not None:
            self._refused(error)
        return error is None

    def _refused(self, error: FictionError) -> None:
        self.app.show_error(
            f"{error}\n\nVotre texte reste affiché ; fiction réessaie de l'enregistrer "
            "toutes les quelques secondes. Ne fermez pas cet écran avant que ce soit fait.",
            "Enregistrement impossible",
        )

    def on_unmount(self) -> None:
        self.saver.save(retry=False)  # the last chance: the app or the screen is closing

    # --- edits made elsewhere ---------------------------------------------------

    def _poll(self) -> None:
        if self.session is not None:
            self._read_store()

    @work(thread=True, exclusive=True, group="lecture", exit_on_error=False)
    def _read_store(self) -> None:
        store = self.app.store
        try:
            revision = store.revision(self.workshop_name)
            if revision == self._revision:
                return
            workshop = store.load(self.workshop_name)
        except FictionError:
            return  # a busy or vanished store: the next poll tries again
        self.post_message(_Snapshot(workshop, revision))

    async def on__snapshot(self, message: _Snapshot) -> None:
        if self.session is None or self.step is None:
            return
        if message.revision < self.session.last_seq:
            return  # read before this screen's own latest edit: a newer one will come
        self._revision = message.revision
        group = message.workshop.group(self.group_number)
        current = self.step.values()
        changed = {}
        for field, known in self.saver.known.items():
            stored = stored_value(group, field)
            if stored != known and current.get(field) == known:
                changed[field] = stored
        self.saver.known.update(changed)
        await self.step.refresh_from(message.workshop, changed)

    # --- palette --------------------------------------------------------------------

    def commands(self) -> Iterable[SystemCommand]:
        # The palette runs a command on the app's queue: moving is queued on this
        # screen's, so it never interleaves with a snapshot being shown.
        following, preceding = self._neighbour(1), self._neighbour(-1)
        if following is not None:
            yield SystemCommand(
                "Étape suivante", following.TITLE, lambda: self.call_later(self.action_next)
            )
        if preceding is not None:
            yield SystemCommand(
                "Étape précédente", preceding.TITLE, lambda: self.call_later(self.action_previous)
            )
        for step in STEPS:
            yield SystemCommand(
                f"Aller à l'étape {step.NUMBER}",
                step.TITLE,
                lambda number=step.NUMBER: self.call_later(self.go_to, number),
            )
        yield SystemCommand("Quitter le parcours", "Revenir à l'écran précédent", self.action_leave)
        if self.step is not None:
            yield from self.step.commands()
