"""The group wizard: one step at a time, under a header that stays put.

The header says who is writing, shows the shared countdown, the progress
through the journey and whether another screen has the group open too; the
footer teaches the keys. The step the group is on is saved in the store, so
reopening the group lands there.

Everything that changes what is shown goes through this screen's message
queue, one thing at a time: a key or a button asks to move (`_Move`), the
watcher's reading arrives (`WorkshopChanged`), and neither can run in the
middle of the other. A step gets newer readings as messages of its own,
queued behind its own handlers. Each step is built on its first visit and
kept, hidden, afterwards: moving back and forth shows it again with the
latest reading instead of building it anew.

On a touch screen (a tablet, a phone) the footer gives way to buttons (Retour,
Aide beside Précédent and Suivant) and nothing names a key. Under
`PHONE_COLUMNS` everything stands in one column; on any resize (an on-screen
keyboard that opens) the focused field is scrolled back into view.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, ProgressBar, Static, TextArea

from fiction.errors import FictionError
from fiction.store.drafts import DraftBox
from fiction.store.labels import field_label
from fiction.store.model import FINISHED_STEP, WIZARD_STEPS, Workshop
from fiction.tui.access import fiction_app
from fiction.tui.screens.confirm import ConfirmScreen
from fiction.tui.screens.group.cards import CardsStep
from fiction.tui.screens.group.conflict import BOTH, MINE, THEIRS, ConflictScreen, both
from fiction.tui.screens.group.question import QuestionStep
from fiction.tui.screens.group.report import ReportStep
from fiction.tui.screens.group.review import ReviewStep
from fiction.tui.screens.group.saving import STATE_TEXTS, Conflict, FieldSaver
from fiction.tui.screens.group.scenario import ScenarioStep
from fiction.tui.screens.group.session import GroupSession
from fiction.tui.screens.group.step import Step
from fiction.tui.screens.group.vigilance import VigilanceStep
from fiction.tui.watcher import WorkshopChanged, WorkshopUnreadable, WorkshopWatcher
from fiction.tui.widgets import card, list_editor
from fiction.tui.widgets.countdown import Countdown
from fiction.tui.widgets.footer import Footer

STEPS: tuple[type[Step], ...] = (
    CardsStep, QuestionStep, ScenarioStep, VigilanceStep, ReportStep, ReviewStep
)  # fmt: skip
"""The journey, in order."""

TRAIL_MARGIN = 14
"""The cells beside the trail on its line: the progress bar, its margin, the padding."""

POLL_SECONDS = 2.0
"""How often the wizard looks for edits made elsewhere (two cheap queries)."""

PHONE_COLUMNS = 50
"""Narrower than this (a phone, about 40 columns): one column, the keys left out of labels."""

WIZARD_HELP = """\
# Le parcours du groupe

Six étapes, des cartes au scénario relu : la barre du haut montre où vous en
êtes. Tout ce que vous écrivez est enregistré au fur et à mesure (une demi-seconde
après la dernière frappe) : fermer la fenêtre ne perd rien, et en revenant, le
groupe retrouve l'étape où il s'était arrêté.

Si un autre écran a ce groupe ouvert (l'animation, un autre onglet), le haut de
l'écran le signale ; un texte modifié des deux côtés n'est jamais écrasé : fiction
montre les deux versions et vous laisse choisir.

**F3** (ou le bouton « Suivant ») passe à l'étape suivante, **F2** revient à la
précédente, **Échap** quitte le parcours. **Ctrl+P** ouvre la palette de commandes.
**F6** ouvre « La salle » : la météo, les votes et le bilan du groupe.
"""

TOUCH_KEYS = """\
**Suivant** passe à l'étape suivante, **Précédent** revient à la précédente,
**Retour** quitte le parcours, **La salle** ouvre la météo, les votes et le bilan du
groupe. Faites glisser le doigt pour faire défiler l'écran.
"""


def wizard_help(touch: bool) -> str:
    """The journey's help, naming keys or buttons."""
    if not touch:
        return WIZARD_HELP
    return WIZARD_HELP[: WIZARD_HELP.index("**F3**")] + TOUCH_KEYS


def step_at(number: int) -> type[Step]:
    """The step to open for a saved step number: that one, or the next that exists."""
    for step in STEPS:
        if number <= step.NUMBER:
            return step
    return STEPS[-1]


def trail(current: int, wide: bool, numbers: bool = True) -> Content:
    """`Étape 3 sur 6 · Le scénario 2050`, or every step named when there is room;
    `numbers=False`, for a phone: the current step alone."""
    if not numbers:
        title = next(step.TITLE for step in STEPS if current == step.NUMBER)
        return Content(f"Étape {current} sur {WIZARD_STEPS} · ").append(
            Content(title).stylize("bold")
        )
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


def others_text(screens: int) -> str:
    """« aussi ouvert sur 1 autre écran » when someone else has the group open."""
    others = screens - 1
    if others <= 0:
        return ""
    return f"⚠ aussi ouvert sur {others} autre{'s' if others > 1 else ''} écran{'s' * (others > 1)}"


@dataclass
class _Move(Message):
    """Open step `number` (after saving what was typed)."""

    number: int


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
        Binding("f6", "open_room", "La salle", show=False),
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    HELP = WIZARD_HELP

    def __init__(self, workshop_name: str, group_number: int) -> None:
        super().__init__()
        self.workshop_name = workshop_name
        self.group_number = group_number
        self.session: GroupSession | None = None
        self.step: Step | None = None
        self.saver = FieldSaver(
            self, self._values, self._write, self._refused, self._show_status, self._conflict
        )
        self.watcher = WorkshopWatcher(self, workshop_name, POLL_SECONDS, group=group_number)
        # Kept by reference: a late resize or reading never looks up a widget that is gone.
        self._who = Static("", id="wizard-who", markup=False)
        self._others = Static("", id="wizard-others", markup=False)
        self._countdown = Countdown(compact=True, id="wizard-countdown")
        self._bar = ProgressBar(
            total=WIZARD_STEPS, show_percentage=False, show_eta=False, id="wizard-bar"
        )
        self._trail = Static("", id="wizard-trail")
        self._body = Container(id="wizard-body")
        self._previous = Button("← Précédent (F2)", id="wizard-previous", compact=True)
        self._status_line = Static("", id="wizard-status")
        self._next = Button("Suivant (F3) →", id="wizard-next", compact=True)
        self._phone = False
        self._leaving = False
        self._built: dict[type[Step], Step] = {}
        """The steps visited so far, kept mounted (only the current one shows)."""

    @property
    def drafts(self) -> DraftBox:
        return DraftBox(fiction_app(self).store.path)

    @property
    def touch(self) -> bool:
        return fiction_app(self).touch

    def help_text(self) -> str:
        """F1's text: the journey's help, then the open step's."""
        journey = wizard_help(self.touch)
        return f"{journey}\n\n{self.step.HELP}" if self.step is not None else journey

    # --- layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="wizard-top"):
            yield self._who
            yield Static(f"atelier « {self.workshop_name} »", id="wizard-workshop", markup=False)
            yield self._others
            yield self._countdown
        with Horizontal(id="wizard-progress"):
            yield self._bar
            yield self._trail
        yield self._body
        with Horizontal(id="wizard-nav"):
            yield self._previous
            yield self._status_line
            yield self._next
        # Échap and F1 as buttons, in the footer's place on a touch screen or a phone
        # (where the footer's keys do not fit; F1 lists them).
        self.set_class(self.touch, "-touch")
        self.set_class(fiction_app(self).for_group, "-group")
        self._set_phone(self.app.size.width)  # from the first frame, not after a resize
        with Horizontal(id="wizard-touch"):
            yield Button("Retour", id="wizard-back", compact=True)
            yield Button("Aide", id="wizard-help", compact=True)
            yield Button("La salle", id="wizard-room", compact=True)
        if not self.touch:
            # No room at 80 columns for the palette's key: F1 lists it.
            yield Footer(compact=True, show_command_palette=False)

    async def on_mount(self) -> None:
        store = fiction_app(self).store
        try:
            revision = store.revision(self.workshop_name)
            workshop = store.load(self.workshop_name)
            workshop.group(self.group_number)  # refused in French if it has no such group
            deck = fiction_app(self).deck_for(workshop)
        except FictionError as error:
            self._who.update("Impossible d'ouvrir ce groupe.")
            fiction_app(self).show_error(error, "Impossible d'ouvrir ce groupe")
            return
        self.session = GroupSession(
            lambda: fiction_app(self).store, workshop, self.group_number, deck
        )
        group = workshop.group(self.group_number)
        self._who.update(f"{group.pseudonym} · groupe {group.number}")
        self._countdown.show(workshop)
        await self._open(step_at(group.step), workshop)
        self.watcher.start(workshop, revision)
        self._offer_draft()

    def _set_phone(self, width: int) -> None:
        self._phone = width < PHONE_COLUMNS
        self.set_class(self._phone, "-phone")

    def on_resize(self) -> None:
        self._set_phone(self.size.width)
        self._show_progress()
        # A shorter screen (an on-screen keyboard opening): the field typed in stays in view.
        self.call_after_refresh(self._keep_focus_in_view)

    def _keep_focus_in_view(self) -> None:
        focused = self.focused
        if focused is not None and focused.is_attached:
            focused.scroll_visible(animate=False)

    # --- moving through the steps -----------------------------------------------

    async def _open(self, step_class: type[Step], workshop: Workshop) -> None:
        """Show a step: built on its first visit, then kept and shown again with the
        latest reading (a step change is then a redraw, not a rebuild)."""
        assert self.session is not None
        step = self._built.get(step_class)
        if step is not None and step.hand != workshop.group(self.group_number).hands[-1]:
            # Its cards were redrawn since: what it shows (roles, vigilance points, the
            # proposed question) comes from the hand, so it is built anew.
            await step.remove()
            step = None
        if step is None:
            step = self._built[step_class] = step_class(self.session, workshop, self.saver)
            await self._body.mount(step)
        else:
            step.post_message(Step.Snapshot(workshop))
        if self.step is not None and self.step is not step:
            self.step.display = False
        step.display = True
        self.step = step
        self.saver.start(self.step.values())
        self.step.focus_start()
        self._show_progress()
        # A step opened with the screen has no size yet: its progress and the field in
        # focus are drawn again once laid out, as after a step change.
        self.call_after_refresh(self._show_progress)
        self.call_after_refresh(self._keep_focus_in_view)
        stored = workshop.group(self.group_number).step  # a kept step's reading may be old
        reopened_finished = stored == FINISHED_STEP and step_class is STEPS[-1]
        if stored != step_class.NUMBER and not reopened_finished:
            self._save_step(step_class.NUMBER)
        self.refresh_bindings()

    def _save_step(self, number: int) -> None:
        assert self.session is not None
        try:
            self.session.set_field("step", number)
        except FictionError as error:
            fiction_app(self).show_error(error, "Enregistrement impossible")

    def go_to(self, number: int) -> None:
        """Ask to open step `number`: saved first, then opened, in this screen's turn."""
        self.post_message(_Move(number))

    async def on__move(self, message: _Move) -> None:
        if self.session is None or self.step is None or not self.is_attached:
            return
        if message.number == self.step.NUMBER or not self._saved():
            return
        try:
            workshop = self.session.load()
        except FictionError as error:
            fiction_app(self).show_error(error)
            return
        await self._open(step_at(message.number), workshop)

    def _neighbour(self, offset: int) -> type[Step] | None:
        if self.step is None:
            return None
        index = STEPS.index(type(self.step)) + offset
        return STEPS[index] if 0 <= index < len(STEPS) else None

    def action_next(self) -> None:
        following = self._neighbour(1)
        if following is not None:
            self.go_to(following.NUMBER)

    def action_previous(self) -> None:
        preceding = self._neighbour(-1)
        if preceding is not None:
            self.go_to(preceding.NUMBER)

    def action_leave(self) -> None:
        """Échap: back to the previous screen, asking first if typed text was refused."""
        if self._leaving:
            return  # a second Échap, or a second question, before the first was answered
        warning = self.unsaved_warning()
        if warning is None:
            self._leave()
            return

        def answered(leave: bool | None) -> None:
            self._leaving = False
            if leave:
                self._leave()

        self._leaving = True
        self.app.push_screen(ConfirmScreen(warning, "Quitter le parcours"), answered)

    def _leave(self) -> None:
        self._leaving = True  # dismissed once: Textual refuses a second time
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return self._neighbour(1) is not None or None
        if action == "previous":
            return self._neighbour(-1) is not None or None
        return True

    @on(Button.Pressed, "#wizard-previous")
    def _previous_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_previous()

    @on(Button.Pressed, "#wizard-next")
    def _next_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_next()

    @on(Button.Pressed, "#wizard-back")
    def _back_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_leave()

    @on(Button.Pressed, "#wizard-room")
    def _room_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_open_room()

    def action_open_room(self) -> None:
        """« La salle »: the group's météo, votes and bilan (what was typed saved first)."""
        from fiction.tui.screens.group.room import RoomScreen

        if self.session is not None and self._saved():
            self.app.push_screen(RoomScreen(self.workshop_name, self.group_number))

    @on(Button.Pressed, "#wizard-help")
    def _help_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        fiction_app(self).action_help()

    @on(ReviewStep.Finished)
    def _finished(self, event: ReviewStep.Finished) -> None:
        event.stop()
        if self._saved():
            self._save_step(FINISHED_STEP)
            self.notify(
                "Votre parcours est marqué terminé sur le tableau de bord de l'animation. "
                "Vous pouvez encore revenir corriger.",
                title="Parcours terminé",
            )

    def _show_progress(self) -> None:
        if self.step is None or not self.is_attached:
            return
        number = self.step.NUMBER
        if self._bar.size.width:  # Textual rounds the bar to its cells only once it has some
            self._bar.update(progress=number)
        if self._phone:
            line = trail(number, wide=False, numbers=False)
        else:
            line = trail(number, wide=True)
            if line.cell_length > self.size.width - TRAIL_MARGIN:  # every title does not fit
                line = trail(number, wide=False)
        self._trail.update(line)
        preceding, following = self._neighbour(-1), self._neighbour(1)
        self._previous.disabled = preceding is None
        self._next.disabled = following is None
        # Keys named only where there are keys, and the next title only where it fits.
        keys = not (self.touch or self._phone)
        self._previous.label = "← Précédent (F2)" if keys else "← Précédent"
        suivant = "Suivant (F3)" if keys else "Suivant"
        if following is not None and not self._phone:
            self._next.label = f"{suivant} : {following.TITLE} →"
        else:
            self._next.label = f"{suivant} →"
        self._previous.refresh(layout=True)  # a Button's label does not resize it by itself
        self._next.refresh(layout=True)

    # --- saving -------------------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(list_editor.ListEditor.Changed)
    def _typed(self) -> None:
        self.saver.touch()

    def _values(self) -> dict[str, Any]:
        return self.step.values() if self.step is not None else {}

    def _write(self, field: str, value: Any, expected: Any) -> None:
        assert self.session is not None
        self.session.set_field(field, value, expected=expected)

    def _show_status(self, state: str) -> None:
        self._status_line.update(STATE_TEXTS[state])

    def _saved(self) -> bool:
        """Save what was typed before leaving the step; say so if the store refuses.
        A field changed elsewhere holds the step until the person chose what to keep."""
        error = self.saver.save()
        if error is not None:
            self._refused(error)
        return error is None and not self.saver.waiting

    def _refused(self, error: FictionError) -> None:
        fiction_app(self).show_error(
            f"{error}\n\nVotre texte reste affiché ; fiction réessaie de l'enregistrer "
            "toutes les quelques secondes. Si vous quittez avant, il est gardé comme "
            "brouillon et vous sera proposé à la réouverture du groupe.",
            "Enregistrement impossible",
        )

    def unsaved_warning(self) -> str | None:
        """Why quitting now would leave typed text unsaved (None: everything is saved).

        Asked by the app before it quits and by Échap before leaving the journey.
        """
        if self.session is None or self.step is None:
            return None
        unsaved = self.saver.last_try()
        if unsaved is None:
            return None
        return (
            f"{unsaved}\n\n"
            "Si vous quittez, il est gardé comme brouillon sur cet ordinateur et vous sera "
            "proposé à la réouverture du groupe."
        )

    def on_unmount(self) -> None:
        # The last chance: the app or the screen is closing. What the store still
        # refuses becomes a draft, offered back when the group reopens.
        self.watcher.stop()
        if self.session is None:
            return
        self.saver.save(retry=False)
        unsaved = self.saver.unsaved()
        if unsaved:
            # Nowhere to write it: the confirmation before quitting said what was at stake.
            with suppress(FictionError):
                self.drafts.keep(self.workshop_name, self.group_number, unsaved)

    # --- drafts -------------------------------------------------------------------

    def _offer_draft(self) -> None:
        """A draft kept when this group was last closed with text unsaved: offer it back."""
        draft = self.drafts.read(self.workshop_name, self.group_number)
        if draft is None:
            return
        names = ", ".join(f"« {field_label(field)} »" for field in draft.fields)
        question = (
            f"Un brouillon non enregistré a été gardé pour {names} lors de la dernière "
            "fermeture de ce groupe. Le reprendre ? (Non : il est effacé.)"
        )

        def answered(take: bool | None) -> None:
            if take:
                self.call_later(self._restore_draft, draft.fields)
            else:
                self.drafts.discard(self.workshop_name, self.group_number)

        self.app.push_screen(ConfirmScreen(question, "Reprendre le brouillon"), answered)

    async def _restore_draft(self, fields: dict[str, Any]) -> None:
        """Open the step of the draft's first field and put the drafts in their fields;
        the saver then saves them as if typed (or says again why it cannot)."""
        if self.session is None or self.step is None:
            return
        first = next(iter(fields))
        owner = next((step for step in STEPS if step.owns(first)), None)
        if owner is not None and not isinstance(self.step, owner):
            if not self._saved():
                return
            await self._open(owner, self.session.load())
        restored = {field: value for field, value in fields.items() if self.step.owns(field)}
        for field, value in restored.items():
            await self.step.show_draft(field, value)
        self.drafts.discard(self.workshop_name, self.group_number, frozenset(restored))
        self.saver.touch()

    # --- two screens on one group ----------------------------------------------------

    def _conflict(self, conflict: Conflict) -> None:
        """Another screen saved a field this one changed: ask which to keep."""

        def answered(choice: str | None) -> None:
            self.call_later(self._settle, conflict, choice or BOTH)

        label = field_label(conflict.field)
        self.app.push_screen(ConflictScreen(conflict, label), answered)

    async def _settle(self, conflict: Conflict, choice: str) -> None:
        step = self.step
        field = conflict.field
        if step is None or not step.live or field not in step.fields:
            # The step changed meanwhile: nothing of the other version is lost (it is
            # stored); this screen's own text is kept as a draft to offer back.
            self.saver.waiting.pop(field, None)
            if choice != THEIRS:
                self.drafts.keep(self.workshop_name, self.group_number, {field: conflict.mine})
            return
        if conflict.theirs is None:  # the segment was removed elsewhere
            self.saver.waiting.pop(field, None)
            if choice != THEIRS:
                await step.show_removed_text(field, conflict.mine)
            return
        if choice == THEIRS:
            await step.set_value(field, conflict.theirs)
        elif choice == BOTH:
            merged = both(conflict.mine, conflict.theirs, multiline=step.multiline(field))
            await step.set_value(field, merged)
        assert choice in (MINE, THEIRS, BOTH)
        self.saver.settle(field, conflict.theirs)

    # --- edits made elsewhere ---------------------------------------------------

    def on_workshop_changed(self, message: WorkshopChanged) -> None:
        if self.session is None or self.step is None:
            return
        screens = message.open_screens.get(self.group_number, 0)
        self._others.update(others_text(screens))
        self._countdown.show(message.workshop)
        if message.revision < self.session.last_seq:
            return  # read before this screen's own latest edit: a newer one will come
        self.step.post_message(Step.Snapshot(message.workshop))

    def on_workshop_unreadable(self, message: WorkshopUnreadable) -> None:
        self._countdown.unavailable(message.problem)

    # --- palette --------------------------------------------------------------------

    def commands(self) -> Iterable[SystemCommand]:
        following, preceding = self._neighbour(1), self._neighbour(-1)
        if following is not None:
            yield SystemCommand("Étape suivante", following.TITLE, self.action_next)
        if preceding is not None:
            yield SystemCommand("Étape précédente", preceding.TITLE, self.action_previous)
        for step in STEPS:
            yield SystemCommand(
                f"Aller à l'étape {step.NUMBER}",
                step.TITLE,
                lambda number=step.NUMBER: self.go_to(number),
            )
        yield SystemCommand("Quitter le parcours", "Revenir à l'écran précédent", self.action_leave)
        yield SystemCommand(
            "La salle", "Météo, votes, bilan, prochain petit pas (F6)", self.action_open_room
        )
        if self.step is not None:
            yield from self.step.commands()
