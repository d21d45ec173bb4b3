"""« La salle »: what a group gives the room besides its scenario (issue 15).

The météo at the start and at the end (answers of one to three words), its
votes for the other groups' scenarios, the bilan's five columns, « Mon
prochain petit pas » and a one-line « En un mot ». Opened from the group
wizard (F6, the palette); with no group, the same screen is the
facilitator's own météo and bilan (« Météo et bilan de l'animation »,
opened from the dashboard).

Every edit is saved at once. A météo answer or a vote is one action, written
when asked with the value it changes (`expected`): when another screen
changed the list meanwhile, the action is applied again to the list as it
now stands, so nobody's answer or vote is lost. The bilan and the two lines
are typed: they go through the wizard's `FieldSaver` (half a second after the
last key), and a field another screen saved meanwhile shows both versions
(`ConflictScreen`), never overwritten unseen. One `WorkshopWatcher` brings
the others' edits; the widgets are handed each reading and never open the
store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from fiction.errors import FictionError, StaleEdit
from fiction.store.labels import field_label
from fiction.store.model import MAX_FEEDBACK_CHARS, REVIEW_KINDS, REVIEW_LABELS, Workshop
from fiction.tui.access import fiction_app
from fiction.tui.screens.confirm import ConfirmScreen
from fiction.tui.screens.group.conflict import BOTH, THEIRS, ConflictScreen, both
from fiction.tui.screens.group.room_parts import VoteBoard, WeatherEditor
from fiction.tui.screens.group.saving import STATE_TEXTS, Conflict, FieldSaver
from fiction.tui.screens.group.session import author_of
from fiction.tui.watcher import WorkshopChanged, WorkshopUnreadable, WorkshopWatcher
from fiction.tui.widgets import list_editor
from fiction.tui.widgets.footer import Footer
from fiction.tui.widgets.list_editor import ListEditor

POLL_SECONDS = 2.0
"""How often the screen looks for the others' answers and votes."""

WEATHER_TITLES = {"weather": "Météo de début", "weather_end": "Météo de fin"}
REVIEW_HINTS = {
    "create": "Ce qui n'existe pas encore et qu'il faudrait inventer",
    "maintain": "Ce qui marche et qu'il faut garder",
    "amplify": "Ce qu'il faudrait faire plus, ou plus fort",
    "reduce": "Ce qu'il faudrait faire moins",
    "stop": "Ce qu'il faudrait cesser de faire",
}

GROUP_HELP = """\
# La salle

Ce que votre groupe donne à toute la salle, à côté de son scénario ; tout est
enregistré aussitôt et s'affiche sur l'écran de salle quand l'animation le choisit.

- **Météo de début** et **Météo de fin** : comment vous arrivez, comment vous
  repartez, en un à trois mots. Écrivez puis **Entrée** ; **✕** retire une réponse.
- **Votes** : pendant la restitution, donnez vos votes aux scénarios des autres
  groupes (**+1** / **−1**, ou le numéro du groupe au clavier, hors d'un champ).
  Un groupe ne vote jamais pour lui-même. Les résultats restent masqués jusqu'à ce
  que l'animation les révèle.
- **Bilan** : Créer, Maintenir, Amplifier, Réduire, Arrêter ; une ligne par idée,
  **Entrée** en ajoute une.
- **Mon prochain petit pas** et **En un mot** : une ligne chacun.

Si un autre écran modifie le même champ du bilan, fiction montre les deux versions
et vous laisse choisir. **Échap** revient au parcours.
"""

FACILITATOR_HELP = """\
# Météo et bilan de l'animation

Vos propres réponses, à côté de celles des groupes : la météo de début et de fin
(un à trois mots, **Entrée** pour ajouter, **✕** pour retirer) et les cinq
colonnes du bilan. Tout est enregistré aussitôt ; l'écran de salle les montre
signées « Animation ». **Échap** revient au tableau de bord.
"""


def stored_value(workshop: Workshop, group: int | None, field: str) -> Any:
    """What the store holds for one of this screen's fields (the group's or the workshop's)."""
    owner = workshop.group(group) if group is not None else workshop
    head, _, kind = field.partition("/")
    if head == "review":
        return owner.review.items(kind)
    return getattr(owner, field)


class RoomScreen(Screen[None]):
    """A group's « La salle » (`group` its number), or the facilitator's (`group` None)."""

    CSS_PATH = [Path(__file__).with_suffix(".tcss"), list_editor.STYLES]
    BINDINGS = [
        Binding("escape", "leave", "Retour"),
        *(
            Binding(str(n), f"vote({n})", f"Voter pour le groupe {n}", show=False)
            for n in range(1, 10)
        ),
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    def __init__(self, workshop_name: str, group: int | None) -> None:
        super().__init__()
        self.workshop_name = workshop_name
        self.group_number = group
        self.workshop: Workshop | None = None
        self.author = ""
        self.last_seq = 0
        """This screen's latest edit: a reading older than it is not shown."""
        self.watcher = WorkshopWatcher(self, workshop_name, POLL_SECONDS, group=group)
        self.saver = FieldSaver(
            self, self._values, self._write, self._refused, self._show_status, self._conflict
        )
        self._who = Static("", id="room-who", markup=False)
        self._status = Static("", id="room-status", markup=False)
        self.weather = {field: WeatherEditor(field, id=f"room-{field}") for field in WEATHER_TITLES}
        self.votes = VoteBoard(group, id="room-votes") if group is not None else None
        self.fields: dict[str, Input | ListEditor] = {}
        for kind in REVIEW_KINDS:
            editor = ListEditor(
                placeholder="Une idée, puis Entrée", id=f"room-review-{kind}", classes="room-review"
            )
            editor.border_title = REVIEW_LABELS[kind]
            editor.border_subtitle = REVIEW_HINTS[kind]
            self.fields[f"review/{kind}"] = editor
        if group is not None:
            self.fields["next_step"] = Input(
                id="room-next_step",
                placeholder="Ce que je ferai, dès lundi, de cet atelier",
                select_on_focus=False,
            )
            self.fields["feedback"] = Input(
                id="room-feedback",
                placeholder="L'atelier en une ligne",
                max_length=MAX_FEEDBACK_CHARS,
                select_on_focus=False,
            )
        self._leaving = False

    @property
    def for_group(self) -> bool:
        return self.group_number is not None

    def help_text(self) -> str:
        return GROUP_HELP if self.for_group else FACILITATOR_HELP

    # --- layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="room-top"):
            yield self._who
            yield self._status
        with VerticalScroll(id="room-body"):
            with Grid(id="room-weathers", classes="room-pair"):
                for field, editor in self.weather.items():
                    editor.border_title = WEATHER_TITLES[field]
                    yield editor
            if self.votes is not None:
                self.votes.border_title = "Votes"
                yield self.votes
            yield Static("Bilan", classes="room-heading")
            with Grid(id="room-review", classes="room-pair"):
                for kind in REVIEW_KINDS:
                    yield self.fields[f"review/{kind}"]
            if self.for_group:
                yield Static(field_label("next_step"), classes="room-heading")
                yield self.fields["next_step"]
                yield Static(field_label("feedback"), classes="room-heading")
                yield self.fields["feedback"]
        yield Footer(compact=True, show_command_palette=False)

    async def on_mount(self) -> None:
        store = fiction_app(self).store
        try:
            revision = store.revision(self.workshop_name)
            workshop = store.load(self.workshop_name)
            if self.group_number is not None:
                group = workshop.group(self.group_number)  # refused in French if none
                self.author = author_of(group)
                who = f"{group.pseudonym} · groupe {group.number} · La salle"
            else:
                self.author = fiction_app(self).author
                who = f"Météo et bilan de l'animation · « {workshop.name} »"
        except FictionError as error:
            self._who.update("Impossible d'ouvrir la salle.")
            fiction_app(self).show_error(error, "Impossible d'ouvrir la salle")
            return
        self._who.update(who)
        await self._show(workshop)
        for field in self.fields:
            await self._set_widget(field, stored_value(workshop, self.group_number, field))
        self.saver.start(self._values())
        self.weather["weather"].line.focus()
        self.watcher.start(workshop, revision)

    # --- readings ---------------------------------------------------------------

    async def _show(self, workshop: Workshop) -> None:
        """The answers and votes as the store holds them (they are saved when asked)."""
        self.workshop = workshop
        for field, editor in self.weather.items():
            await editor.show(stored_value(workshop, self.group_number, field))
        if self.votes is not None:
            await self.votes.show(workshop)

    async def on_workshop_changed(self, message: WorkshopChanged) -> None:
        if self.workshop is None or not self.is_attached or message.revision < self.last_seq:
            return
        await self._take(message.workshop)

    async def _take(self, workshop: Workshop) -> None:
        """A newer reading: what others saved shows in the fields not changed here since;
        a field changed on both sides stays as typed (saving it asks the person)."""
        await self._show(workshop)
        current = self._values()
        changed = {
            field: stored_value(workshop, self.group_number, field)
            for field, known in self.saver.known.items()
            if field in current
            and current[field] == known
            and stored_value(workshop, self.group_number, field) != known
        }
        self.saver.track(changed)
        for field, value in changed.items():
            await self._set_widget(field, value)

    def on_workshop_unreadable(self, message: WorkshopUnreadable) -> None:
        self._status.update(f"⚠ lecture impossible : {message.problem}")

    def _reload(self) -> Workshop | None:
        try:
            return fiction_app(self).store.load(self.workshop_name)
        except FictionError as error:
            fiction_app(self).show_error(error)
            return None

    # --- météo and votes: one action, saved when asked ----------------------------

    def _apply(self, field: str, change: Callable[[list[Any]], list[Any]]) -> FictionError | None:
        """Write `change` of the list `field`; if another screen changed it meanwhile,
        `change` again of the list as it now stands. The store's refusal, if any."""
        assert self.workshop is not None
        known = list(stored_value(self.workshop, self.group_number, field))
        try:
            self._write(field, change(known), known)
        except StaleEdit as stale:
            current = list(stale.current) if isinstance(stale.current, (list, tuple)) else []
            try:
                self._write(field, change(current), current)
            except FictionError as error:
                return error
        except FictionError as error:
            return error
        return None

    async def _after_action(self) -> None:
        workshop = self._reload()
        if workshop is not None:
            await self._take(workshop)

    async def on_weather_editor_add(self, message: WeatherEditor.Add) -> None:
        message.stop()
        text = message.text
        error = self._apply(message.editor.field, lambda answers: [*answers, text])
        if error is not None:
            message.editor.refuse(error.message)
            return
        message.editor.accepted()
        await self._after_action()

    async def on_weather_editor_remove(self, message: WeatherEditor.Remove) -> None:
        message.stop()
        text = message.text

        def without(answers: list[Any]) -> list[Any]:
            rest = list(answers)
            if text in rest:
                rest.remove(text)
            return rest

        error = self._apply(message.editor.field, without)
        message.editor.refuse(error.message if error is not None else "")
        await self._after_action()

    def action_vote(self, number: int) -> None:
        """A group number typed outside a field: one more vote for that group."""
        self.post_message(VoteBoard.Vote(number, 1))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "vote":
            return self.votes is not None
        return True

    async def on_vote_board_vote(self, message: VoteBoard.Vote) -> None:
        message.stop()
        board, workshop, own = self.votes, self.workshop, self.group_number
        if board is None or workshop is None or own is None:
            return
        number = message.number
        if message.delta > 0:
            problem = self._vote_problem(workshop, own, number)
            if problem:
                board.refuse(problem)
                self.notify(problem, title="Vote refusé", severity="warning")
                return
            error = self._apply("votes", lambda votes: [*votes, number])
        else:

            def one_less(votes: list[Any]) -> list[Any]:
                rest = list(votes)
                if number in rest:
                    rest.remove(number)
                return rest

            error = self._apply("votes", one_less)
        board.refuse(error.message if error is not None else "")
        if error is not None:
            self.notify(error.message, title="Vote refusé", severity="warning")
        await self._after_action()

    @staticmethod
    def _vote_problem(workshop: Workshop, own: int, number: int) -> str:
        """Why a vote for `number` cannot be given, in French ("" when it can)."""
        if number == own:
            return "Votre groupe ne vote pas pour son propre scénario : choisissez un autre groupe."
        if not 1 <= number <= len(workshop.groups):
            return f"L'atelier n'a pas de groupe {number} (groupes 1 à {len(workshop.groups)})."
        allowed = workshop.votes_per_group
        if len(workshop.group(own).votes) >= allowed:
            return (
                f"Vos {allowed} votes sont déjà donnés : retirez-en un (−1) pour voter "
                "pour un autre groupe."
            )
        return ""

    # --- typed fields: the wizard's saver ------------------------------------------

    @on(Input.Changed, "#room-next_step, #room-feedback")
    @on(ListEditor.Changed)
    def _typed(self) -> None:
        if self.workshop is not None:
            self.saver.touch()

    def _values(self) -> dict[str, Any]:
        return {
            field: widget.items if isinstance(widget, ListEditor) else widget.value
            for field, widget in self.fields.items()
        }

    def _write(self, field: str, value: Any, expected: Any) -> None:
        edit = fiction_app(self).store.set_field(
            self.workshop_name, self.group_number, field, value, self.author, expected=expected
        )
        if edit is not None:
            self.last_seq = max(self.last_seq, edit.seq)

    def _show_status(self, state: str) -> None:
        self._status.update(STATE_TEXTS[state])

    def _refused(self, error: FictionError) -> None:
        fiction_app(self).show_error(
            f"{error}\n\nVotre texte reste affiché ; fiction réessaie de l'enregistrer "
            "toutes les quelques secondes.",
            "Enregistrement impossible",
        )

    async def _set_widget(self, field: str, value: Any) -> None:
        widget = self.fields[field]
        if isinstance(widget, ListEditor):
            await widget.set_items(value)
        else:
            widget.value = value

    def _conflict(self, conflict: Conflict) -> None:
        def answered(choice: str | None) -> None:
            self.call_later(self._settle, conflict, choice or BOTH)

        self.app.push_screen(ConflictScreen(conflict, field_label(conflict.field)), answered)

    async def _settle(self, conflict: Conflict, choice: str) -> None:
        if not self.is_attached:
            return
        field = conflict.field
        if choice == THEIRS:
            await self._set_widget(field, conflict.theirs)
        elif choice == BOTH:
            multiline = False
            await self._set_widget(field, both(conflict.mine, conflict.theirs, multiline=multiline))
        self.saver.settle(field, conflict.theirs)

    # --- leaving --------------------------------------------------------------------

    def unsaved_warning(self) -> str | None:
        """Why closing now would leave typed text unsaved (None: all is saved)."""
        if self.workshop is None:
            return None
        unsaved = self.saver.last_try()
        return None if unsaved is None else f"{unsaved} Quitter quand même ?"

    def action_leave(self) -> None:
        if self._leaving:
            return
        warning = self.unsaved_warning()
        if warning is None:
            self._leaving = True
            self.dismiss()
            return

        def answered(leave: bool | None) -> None:
            self._leaving = False
            if leave:
                self._leaving = True
                self.dismiss()

        self._leaving = True
        self.app.push_screen(ConfirmScreen(warning, "Quitter"), answered)

    def on_unmount(self) -> None:
        self.watcher.stop()
        if self.workshop is not None:
            with suppress(FictionError):
                self.saver.save(retry=False)

    # --- palette --------------------------------------------------------------------

    def commands(self) -> Iterable[SystemCommand]:
        for field, editor in self.weather.items():
            yield SystemCommand(
                f"Ajouter à la {WEATHER_TITLES[field].lower()}",
                "Une réponse d'un à trois mots",
                editor.line.focus,
            )
        if self.votes is not None:
            yield SystemCommand(
                "Voter", "Donner ses votes aux scénarios des autres groupes", self._focus_votes
            )
        for kind in REVIEW_KINDS:
            column = self.fields[f"review/{kind}"]
            yield SystemCommand(
                f"Bilan : {REVIEW_LABELS[kind]}",
                REVIEW_HINTS[kind],
                lambda column=column: _focus_inside(column),
            )
        leave = "Revenir au parcours" if self.for_group else "Revenir au tableau de bord"
        yield SystemCommand("Quitter la salle", leave, self.action_leave)

    def _focus_votes(self) -> None:
        if self.votes is not None:
            buttons = [b for b in self.votes.query(".room-vote") if b.focusable]
            if buttons:
                buttons[0].focus()
            self.votes.scroll_visible()


def _focus_inside(widget: Input | ListEditor) -> None:
    """Focus a field, or a list's line that adds an item."""
    if isinstance(widget, ListEditor):
        lines = list(widget.query(Input))
        if lines:
            lines[-1].focus()
            lines[-1].scroll_visible()
        return
    widget.focus()
