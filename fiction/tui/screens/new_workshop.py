"""Nouvel atelier: the facilitator's form, then « Distribuer » deals and saves the workshop.

Rules live in `fiction.tui.workshop_form`; this screen lays the fields out,
shows each French message next to its field, keeps the agenda's start times
up to date as lines are typed, and on « Distribuer » deals with the engine,
saves the workshop in the store and opens its dashboard.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from fiction.cards.model import CARD_KINDS, Activity, Deck
from fiction.engine.model import DEFAULT_REDRAW_LIMIT
from fiction.errors import FictionError
from fiction.store.agendas import AGENDA_FORMATS, DEFAULT_FORMAT, activity_phase
from fiction.tui.access import fiction_app
from fiction.tui.formats import date_text, minutes_text, parse_clock, parse_count
from fiction.tui.screens.confirm import ConfirmScreen
from fiction.tui.widgets.agenda_editor import AgendaEditor
from fiction.tui.widgets.footer import Footer
from fiction.tui.widgets.title_bar import TitleBar
from fiction.tui.workshop_form import (
    KIND_FIELDS,
    MAX_GROUPS,
    THEME_MODES,
    agenda_starts,
    read_form,
)

DEFAULT_START = "14:00"
DEFAULT_GROUPS = "4"
TEXT_FIELDS = ("name", "date", "place", "start", "groups", "rounds", "redraws", "seed")


def _field(key: str, label: str, value: str, placeholder: str, *, narrow: bool = False) -> Widget:
    """A labelled one-line input with the line for its error message under it."""
    return Vertical(
        Horizontal(
            Label(label, classes="field-label"),
            Input(
                value,
                placeholder=placeholder,
                id=f"input-{key}",
                classes="-narrow" if narrow else "",
                compact=True,
            ),
            classes="field-line",
        ),
        Static(id=f"error-{key}", classes="field-error", markup=False),
        classes="field",
    )


class NewWorkshopScreen(Screen[None]):
    """Everything the workshop needs before the cards are dealt."""

    CSS_PATH = "new_workshop.tcss"
    # Focused from the start: Textual's default (the first focusable widget) is the
    # form's scroll, which restyles the whole form when it gains and loses the focus
    # (a tenth of a second to open the form).
    AUTO_FOCUS = "#input-name"
    BINDINGS = [
        Binding("escape", "leave", "Retour"),
        Binding("ctrl+s", "deal", "Distribuer", priority=True),
        Binding("ctrl+n", "add_phase", "Ajouter une phase"),
        Binding("ctrl+t", "insert_activity", "Activité"),
    ]
    HELP = """\
# Nouvel atelier

Préparez l'atelier, puis **Distribuer** (`Ctrl+S`) tire les cartes de chaque
groupe, enregistre l'atelier et ouvre son tableau de bord.

- **Nom**, **date** (12/03/2025 ou 12 mars 2025), **lieu** et **heure de début**
  (14:00 ou 14h) : l'heure de début donne l'horaire de chaque phase.
- **Groupes** : de 1 à 12. **Tours de cartes** : combien de mains chaque groupe
  reçoit. **Nouveaux tirages** : combien de fois par tour un groupe peut
  remplacer ses cartes non verrouillées.
- **Graine** (facultatif) : laissez vide pour un tirage au hasard ; la graine
  d'un atelier passé redonne le même tirage.
- **Composition d'une main** : le nombre de cartes de chaque type (celle du jeu
  par défaut).
- **Thèmes** : tirés au sort, gardés d'un tour à l'autre, ou choisis par
  l'animation pour chaque groupe (« Au hasard » laisse le sort décider).
- **Ordre du jour** : choisissez un format (l'après-midi de 2 h 45, une
  journée, ou les deux jours des ateliers d'origine : explorer et imaginer le
  premier jour, tourner le journal télévisé le second) ; il remplit les lignes.
  Chaque ligne se modifie (titre, minutes : de 1 à 240, jour : de 1 à 5,
  consignes lues à la salle) ; chaque jour commence à l'heure de début.
  `Ctrl+N` insère une phase sous la ligne où vous êtes, `Ctrl+T` une activité
  d'animation du jeu (brise-glace, météo, entretiens croisés…),
  `Ctrl+↑` / `Ctrl+↓` (ou ↑ ↓) la déplacent, ✕ la retire.

Une erreur s'affiche en rouge sous le champ concerné. **Échap** revient sans
rien créer (après confirmation si vous avez commencé à remplir le formulaire).
"""

    def __init__(self, deck: Deck) -> None:
        super().__init__()
        self.deck = deck
        self._chosen: dict[int, str] = {}
        self._format = DEFAULT_FORMAT

    def compose(self) -> ComposeResult:
        today = datetime.date.fromtimestamp(fiction_app(self).clock()).isoformat()
        hand = self.deck.manifest.hand
        yield TitleBar()
        with VerticalScroll(id="form"):
            yield Static(f"Nouvel atelier — jeu « {self.deck.manifest.title} »", classes="title")
            yield Static("L'atelier", classes="section")
            yield _field("name", "Nom de l'atelier", "", "par exemple : Atelier du Mans")
            yield _field("date", "Date", date_text(today), "JJ/MM/AAAA", narrow=True)
            yield _field("place", "Lieu", "", "par exemple : salle du conseil municipal")
            yield _field("start", "Heure de début", DEFAULT_START, "HH:MM", narrow=True)
            yield Static("Les cartes", classes="section")
            yield _field("groups", f"Groupes (1 à {MAX_GROUPS})", DEFAULT_GROUPS, "", narrow=True)
            yield _field("rounds", "Tours de cartes", "1", "", narrow=True)
            yield _field(
                "redraws", "Nouveaux tirages par tour", str(DEFAULT_REDRAW_LIMIT), "", narrow=True
            )
            yield _field("seed", "Graine (facultatif)", "", "au hasard", narrow=True)
            with Vertical(classes="field"):
                yield Label("Composition d'une main", classes="field-label hand-title")
                with Horizontal(id="hand", classes="field-line"):
                    for kind in CARD_KINDS:
                        yield Label(KIND_FIELDS[kind], classes="hand-label")
                        yield Input(str(hand.count(kind)), id=f"input-hand-{kind}", compact=True)
                yield Static(id="error-hand", classes="field-error", markup=False)
            with Horizontal(classes="field-line"):
                yield Label("Thèmes", classes="field-label")
                yield Select(
                    [(label, mode) for mode, label in THEME_MODES.items()],
                    value="dealt",
                    allow_blank=False,
                    id="theme-mode",
                    compact=True,
                )
            yield Vertical(id="themes-chosen")
            yield Static("L'ordre du jour", classes="section")
            with Horizontal(classes="field-line"):
                yield Label("Format", classes="field-label")
                yield Select(
                    [(agenda.label, key) for key, agenda in AGENDA_FORMATS.items()],
                    value=DEFAULT_FORMAT,
                    allow_blank=False,
                    id="agenda-format",
                    compact=True,
                )
            yield AgendaEditor(AGENDA_FORMATS[DEFAULT_FORMAT].phases, id="agenda")
            yield Static(id="error-agenda", classes="field-error", markup=False)
            yield Static(id="error-form", classes="field-error", markup=False)
            yield Button("Distribuer les cartes", variant="primary", id="deal")
        # No room at 80 columns for the palette's key beside F1: F1 lists it.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._update_agenda_times()
        self._blank = self._typed()

    def _typed(self) -> tuple[object, ...]:
        """Everything the facilitator can change, to tell a filled form from a fresh one."""
        inputs = tuple(field.value for field in self.query(Input))
        selects = tuple(select.value for select in self.query(Select))
        return inputs, selects, tuple(self.query_one(AgendaEditor).rows())

    def action_leave(self) -> None:
        """Back to the home; a form already filled in is given up only once confirmed."""
        if self._typed() == self._blank:
            self.dismiss()
            return

        def answered(give_up: bool | None) -> None:
            if give_up:
                self.dismiss()

        self.app.push_screen(
            ConfirmScreen(
                "Abandonner ce nouvel atelier ? Ce qui a été saisi ne sera pas gardé.",
                yes="Abandonner",
            ),
            answered,
        )

    # --- live feedback ------------------------------------------------------------

    @on(AgendaEditor.Changed)
    @on(Input.Changed, "#input-start")
    def _update_agenda_times(self) -> None:
        """Each line's start time and the total, kept up to date as they are typed."""
        editor = self.query_one(AgendaEditor)
        try:
            start = parse_clock(self.query_one("#input-start", Input).value)
        except FictionError:
            start = ""
        lines = editor.rows()
        times = agenda_starts(start, [line.minutes for line in lines], [line.day for line in lines])
        parts = [f"Total : {minutes_text(times.total)}" if times.total else ""]
        parts.append(f"fin vers {times.end}" if times.end else times.problem)
        editor.show_start_times(times.starts, " — ".join(part for part in parts if part))

    @on(Select.Changed, "#agenda-format")
    async def _format_chosen(self, event: Select.Changed) -> None:
        """A ready-made agenda replaces the lines (each stays editable)."""
        key = str(event.value)
        if key == self._format or key not in AGENDA_FORMATS:
            return
        self._format = key
        await self.query_one(AgendaEditor).set_phases(AGENDA_FORMATS[key].phases)

    @on(Select.Changed, "#theme-mode")
    @on(Input.Changed, "#input-groups")
    async def _update_theme_choices(self) -> None:
        box = self.query_one("#themes-chosen", Vertical)
        await box.remove_children()
        if self.query_one("#theme-mode", Select).value != "chosen":
            return
        try:
            groups = parse_count(self.query_one("#input-groups", Input).value, "", 1, MAX_GROUPS)
        except FictionError:
            await box.mount(Static("Indiquez d'abord le nombre de groupes.", classes="hint"))
            return
        themes = [(card.title, card.id) for card in self.deck.themes]
        for number in range(1, groups + 1):
            chosen = self._chosen.get(number)
            await box.mount(
                Horizontal(
                    Label(f"Groupe {number}", classes="field-label"),
                    Select(
                        themes,
                        prompt="Au hasard",
                        value=chosen if chosen else Select.NULL,
                        id=f"theme-{number}",
                        compact=True,
                    ),
                    classes="field-line",
                )
            )

    @on(Select.Changed, "#themes-chosen Select")
    def _theme_chosen(self, event: Select.Changed) -> None:
        number = int(str(event.select.id).removeprefix("theme-"))
        if event.value is Select.NULL:
            self._chosen.pop(number, None)
        else:
            self._chosen[number] = str(event.value)

    @on(Input.Changed, ".field Input")
    def _clear_error(self, event: Input.Changed) -> None:
        key = str(event.input.id).removeprefix("input-")
        slot = "hand" if key.startswith("hand-") else key
        self._show_error(slot, "")

    # --- dealing ------------------------------------------------------------------

    @on(Button.Pressed, "#deal")
    def action_deal(self) -> None:
        """Check the form, deal, save the workshop and open its dashboard."""
        fields = {key: self.query_one(f"#input-{key}", Input).value for key in TEXT_FIELDS}
        for kind in CARD_KINDS:
            fields[f"hand-{kind}"] = self.query_one(f"#input-hand-{kind}", Input).value
        mode = str(self.query_one("#theme-mode", Select).value)
        plan, errors = read_form(fields, self.query_one(AgendaEditor).rows(), mode, self._chosen)
        if plan is not None and fiction_app(self).store.exists(plan.name):
            errors["name"] = f"Un atelier s'appelle déjà « {plan.name} » : choisissez un autre nom."
        for slot in (*TEXT_FIELDS, "hand", "agenda", "form"):
            self._show_error(slot, "")
        for key, message in errors.items():
            slot = "hand" if key.startswith("hand-") else key
            self._show_error(slot, message)
        if plan is None or errors:
            self._focus_field(next(iter(errors)))
            return
        from fiction.engine import deal
        from fiction.store.creation import new_workshop
        from fiction.tui.screens.dashboard import DashboardScreen

        try:
            dealt = deal(self.deck, plan.request)
            workshop = new_workshop(
                plan.name,
                self.deck,
                dealt,
                now=fiction_app(self).clock(),
                date=plan.date,
                place=plan.place,
                start_time=plan.start_time,
                agenda=plan.agenda,
            )
            fiction_app(self).store.add(workshop)
        except FictionError as error:
            self._show_error("form", f"Impossible de distribuer : {error.message}")
            self.query_one("#error-form").scroll_visible()
            return
        self.app.switch_screen(DashboardScreen(plan.name))
        count = len(workshop.groups)
        self.app.notify(
            f"{count} groupe{'s' if count > 1 else ''} ; code du tirage {dealt.code}.",
            title=f"Atelier « {plan.name} » créé",
        )

    def _show_error(self, slot: str, message: str) -> None:
        error = self.query_one(f"#error-{slot}", Static)
        if error.display or message:  # an update lays the whole form out again: skip idle ones
            error.update(message)
            error.display = bool(message)

    def _focus_field(self, key: str) -> None:
        if key == "agenda":
            self.query_one(".agenda-title", Input).focus()
        else:
            self.query_one(f"#input-{key}", Input).focus()

    async def action_add_phase(self) -> None:
        await self.query_one(AgendaEditor).insert_phase()

    @on(AgendaEditor.ActivityWanted)
    def action_insert_activity(self) -> None:
        """Pick one of the deck's activities; it goes under the line being edited."""
        from fiction.tui.screens.activity_picker import ActivityPicker

        async def picked(activity: Activity | None) -> None:
            if activity is not None:
                await self.query_one(AgendaEditor).insert_phase(activity_phase(activity))

        self.app.push_screen(ActivityPicker(self.deck.activities), picked)

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Distribuer les cartes", "Créer l'atelier et son tableau de bord", self.action_deal
        )
        yield SystemCommand(
            "Ajouter une phase",
            "Une ligne de plus à l'ordre du jour, sous celle où vous êtes (Ctrl+N)",
            self.action_add_phase,
        )
        yield SystemCommand(
            "Insérer une activité d'animation",
            "Brise-glace, météo, entretiens croisés… du jeu, sous la ligne où vous êtes (Ctrl+T)",
            self.action_insert_activity,
        )
