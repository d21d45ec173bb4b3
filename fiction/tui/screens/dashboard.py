"""The facilitator's dashboard: every group's progress, the agenda and the shared countdown.

Groups write from other processes (other terminals, other browser tabs), so
the dashboard never trusts what it read last: its watcher asks the store
every second, off the UI thread, for the workshop's revision and who has
which group open, and posts a newer reading when one of them changed; the
dashboard hands it down to the countdown and the table. The countdown's
controls write to the store too, so every group's screen follows them.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.markup import escape
from textual.widgets import DataTable, Static

from fiction.errors import FictionError
from fiction.render.markdown import french_date
from fiction.report.wall import step_text
from fiction.store.model import Group, Workshop
from fiction.store.phase import start_times
from fiction.store.store import Store
from fiction.tui.access import fiction_app
from fiction.tui.formats import ago, minutes_text
from fiction.tui.printing import SCRIPT, PrintingScreen
from fiction.tui.screens.confirm import ConfirmScreen
from fiction.tui.screens.room_controls import ROOM_HELP, RoomControls, room_status
from fiction.tui.watcher import WorkshopChanged, WorkshopUnreadable, WorkshopWatcher
from fiction.tui.widgets.countdown import Countdown
from fiction.tui.widgets.footer import Footer
from fiction.tui.widgets.group_table import GroupTable
from fiction.tui.widgets.title_bar import TitleBar

COLUMNS = (
    ("number", "N°"),
    ("pseudonym", "Groupe"),
    ("step", "Étape"),
    ("written", "Écrit"),
    ("edited", "Modifié"),
    ("figure", "Figure"),
    ("theme", "Thème"),
)
BAR_WIDTH = 6
MORE_TIME = Binding.Group("+1/+5 min")


def progress_bar(done: int, total: int) -> str:
    """« ███░░░ 6/12 »: how much of the scenario a group has written."""
    filled = round(BAR_WIDTH * done / total) if total else 0
    return f"{'█' * filled}{'░' * (BAR_WIDTH - filled)} {done}/{total}"


class DashboardScreen(PrintingScreen):
    """One workshop seen from the facilitator's seat, refreshed as the groups write."""

    CSS_PATH = "dashboard.tcss"
    POLL_SECONDS = 1.0
    BINDINGS = [
        Binding("space", "start_or_pause", "Chrono"),
        Binding("1", "extend(1)", "+1 min", group=MORE_TIME),
        Binding("5", "extend(5)", "+5 min", group=MORE_TIME),
        Binding("n", "next_phase", "Suivante"),
        Binding("p", "previous_phase", "Précédente"),
        Binding("r", "restart_phase", "Recommencer"),
        # Priority over the table's own Enter; the table's title shows this key.
        Binding("enter", "open_group", "Ouvrir le groupe", show=False, priority=True),
        Binding("escape", "app.pop_screen", "Retour"),
        Binding("s", "open_wall", "Écran de salle", show=False),
        Binding("a", "room('wall')", "Affichage de la salle", show=False),
        Binding("v", "room('votes')", "Révéler ou masquer les votes", show=False),
        Binding("right_square_bracket", "room('next')", "Groupe suivant présente", show=False),
        Binding("left_square_bracket", "room('previous')", "Groupe précédent", show=False),
        Binding("g", "room('settings')", "Réglages de la salle", show=False),
        Binding("m", "room('notes')", "Météo et bilan de l'animation", show=False),
        # No room in the footer at 80 columns: the help and the palette list them.
        Binding("l", "print_booklet", "Imprimer le livret", show=False),
        Binding("c", "print_cards", "Imprimer les cartes", show=False),
        Binding("j", "print_script", "Imprimer le journal du groupe", show=False),
    ]
    HELP = f"""\
# Tableau de bord

Tous les groupes de l'atelier, mis à jour toutes les secondes pendant qu'ils
écrivent (depuis d'autres fenêtres ou d'autres ordinateurs aussi) :
l'étape où chacun se trouve, ce qu'il a déjà écrit de son scénario, le temps
depuis sa dernière modification, sa figure et son thème.

## Le compte à rebours

Il est partagé : chaque groupe voit le même sur son écran.

- **Espace** : démarrer la première phase, puis mettre en pause ou reprendre ;
- **1** et **5** : une ou cinq minutes de plus pour la phase en cours ;
- **n** : passer à la phase suivante (elle démarre aussitôt) ;
- **p** : revenir à la phase précédente (elle redémarre au début, après confirmation) ;
- **r** : recommencer la phase en cours depuis le début (après confirmation).

Il passe à l'orange quand il reste un cinquième du temps, au rouge pour le
dernier vingtième, et sonne une fois à la fin.

## Les groupes

Choisissez un groupe avec les flèches puis **Entrée** pour ouvrir son parcours.
Le **code du tirage**, en haut, permet de refaire exactement la même
distribution (`fiction deal --replay CODE`).

Le **code d'entrée**, en haut quand l'atelier est ouvert aux navigateurs
(`fiction serve`), est celui que chaque appareil de la salle tape pour entrer.
La palette (Ctrl+P) en tire un nouveau : les appareils déjà entrés restent connectés.

## L'écran de salle

**s** l'ouvre en plein écran, pour le vidéoprojecteur : la phase en cours et son
grand compte à rebours, les phases suivantes avec leur heure, le code d'entrée
et son QR code, l'avancement de chaque groupe. **Échap** revient ici.

{ROOM_HELP}
## Imprimer

Les fichiers PDF sont écrits dans le dossier où fiction a été lancé, sous le
nom de l'atelier (`livret-atelier-du-mans.pdf`…) ; un message dit où quand
c'est fini (quelques secondes), et le tableau de bord reste utilisable pendant ce temps.

- **l** : le livret de l'atelier (sommaire, ordre du jour, un chapitre par groupe) ;
- **c** : les cartes distribuées, groupe par groupe, en planches A4 recto verso ;
- **j** : le journal télévisé du groupe choisi dans le tableau.

La palette (Ctrl+P) propose aussi « Imprimer le journal du groupe N » pour chaque groupe.
"""

    def __init__(self, workshop_name: str) -> None:
        super().__init__()
        self.workshop_name = workshop_name
        self.workshop: Workshop | None = None
        self.watcher = WorkshopWatcher(self, workshop_name, self.POLL_SECONDS)
        self._open_screens: dict[int, int] = {}
        self._card_titles: Callable[[str], str] = str
        self.room = RoomControls(self)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="dashboard-info", markup=False)
        yield Static(id="dashboard-room", markup=False)
        with Horizontal(id="dashboard-top"):
            yield Countdown(id="dashboard-countdown")
            yield Static(id="dashboard-agenda")
        yield GroupTable(
            COLUMNS,
            flexible=("figure", "theme"),
            # What a cell may grow to, so that no column is cut as the afternoon goes.
            floors={"written": len(progress_bar(99, 99)), "edited": len("il y a 23 h 59")},
            id="dashboard-groups",
        )
        # No room at 80 columns for the palette's key: F1 lists it.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#dashboard-countdown").border_title = "Compte à rebours"
        self.query_one("#dashboard-agenda").border_title = "Ordre du jour"
        self.query_one(DataTable).border_title = "Groupes · Entrée ouvre le parcours d'un groupe"
        self.query_one(DataTable).focus()
        try:
            self.refresh_now()
        except FictionError as error:
            self.app.pop_screen()
            fiction_app(self).show_error(error, "Impossible d'ouvrir l'atelier")
            return
        assert self.workshop is not None
        self.watcher.start(self.workshop, self.watcher.revision)
        self.set_interval(self.POLL_SECONDS, self._show_edit_times, name="il y a…")

    # --- reading the store --------------------------------------------------------

    def refresh_now(self) -> None:
        """Read the workshop now (after an action of this screen) and redraw."""
        store = fiction_app(self).store
        self.watcher.revision = store.revision(self.workshop_name)
        self._show(store.load(self.workshop_name))

    def on_workshop_changed(self, message: WorkshopChanged) -> None:
        """A group or another screen wrote, or a group was opened or closed somewhere."""
        self._open_screens = message.open_screens
        self._show(message.workshop)

    def on_workshop_unreadable(self, message: WorkshopUnreadable) -> None:
        self.query_one("#dashboard-info", Static).update(
            f"Lecture de l'atelier impossible pour l'instant : {message.problem}"
        )
        self.query_one(Countdown).unavailable(message.problem)

    # --- drawing ------------------------------------------------------------------

    def _show(self, workshop: Workshop) -> None:
        first = self.workshop is None or self.workshop.deck != workshop.deck
        self.workshop = workshop
        self.query_one(Countdown).show(workshop)
        if first:
            self._card_titles = self._titles_from_deck(workshop)
        self._show_info(workshop)
        self._show_agenda(workshop)
        self._show_groups(workshop)
        self._show_room()

    def _titles_from_deck(self, workshop: Workshop) -> Callable[[str], str]:
        try:
            deck = fiction_app(self).deck_for(workshop)
        except FictionError:
            return str
        return lambda card_id: deck.card(card_id).title

    def _show_info(self, workshop: Workshop) -> None:
        parts = [f"« {workshop.name} »", french_date(workshop.date), workshop.place]
        parts.append(f"code du tirage {workshop.deal.code}")
        if workshop.join_code:
            parts.append(f"code d'entrée {workshop.join_code}")
        self.query_one("#dashboard-info", Static).update(" · ".join(p for p in parts if p))

    def _show_agenda(self, workshop: Workshop) -> None:
        starts = start_times(workshop.start_time, workshop.agenda)
        current = workshop.phase.index
        lines = Text()
        for index, phase in enumerate(workshop.agenda):
            marker = "▶ " if index == current else "  "
            when = f"{starts[index]}  " if starts else ""
            style = "bold" if index == current else ("dim" if current and index < current else "")
            if index:
                lines.append("\n")
            lines.append(f"{marker}{when}{phase.title} ({minutes_text(phase.minutes)})", style)
        self.query_one("#dashboard-agenda", Static).update(lines)

    def _show_groups(self, workshop: Workshop) -> None:
        now = fiction_app(self).clock()
        self.query_one(GroupTable).show_rows(
            {str(group.number): self._cells(group, now) for group in workshop.groups}
        )

    def _show_room(self) -> None:
        if self.workshop is not None:
            now = fiction_app(self).clock()
            self.query_one("#dashboard-room", Static).update(room_status(self.workshop, now))

    def _show_edit_times(self) -> None:
        if self.workshop is None:
            return
        self._show_room()  # the presenting group's timer
        table = self.query_one(GroupTable)
        now = fiction_app(self).clock()
        for group in self.workshop.groups:
            table.show_cell(str(group.number), "edited", _edited(group, now))

    def _cells(self, group: Group, now: float) -> dict[str, str]:
        hand = group.hands[-1]
        titles = self._card_titles
        return {
            "number": str(group.number),
            "pseudonym": group.pseudonym,
            "step": step_text(group.step, self._open_screens.get(group.number, 0)),
            "written": progress_bar(*group.progress()),
            "edited": _edited(group, now),
            "figure": ", ".join(titles(card) for card in hand.figures),
            "theme": ", ".join(titles(card) for card in hand.themes),
        }

    # --- the facilitator's actions --------------------------------------------------

    def action_open_group(self) -> None:
        table = self.query_one(DataTable)
        if self.workshop is None or not table.row_count:
            return
        self.open_group(table.cursor_row + 1)

    @on(DataTable.RowSelected)
    def _row_clicked(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open_group(int(str(event.row_key.value)))

    def open_group(self, number: int) -> None:
        """The group's journey, as the group sees it (the facilitator may help there)."""
        from fiction.tui.screens.group.wizard import GroupWizardScreen

        self.app.push_screen(GroupWizardScreen(self.workshop_name, number))

    def action_start_or_pause(self) -> None:
        """Start the first phase, then pause and resume the current one."""

        def toggle(store: Store) -> object:
            state = store.load(self.workshop_name).phase
            if state.index is None:
                return store.next_phase(self.workshop_name, fiction_app(self).author)
            if state.running:
                return store.pause_phase(self.workshop_name, fiction_app(self).author)
            return store.resume_phase(self.workshop_name, fiction_app(self).author)

        self._change_countdown(toggle)

    def action_extend(self, minutes: int) -> None:
        self._change_countdown(
            lambda store: store.extend_phase(self.workshop_name, minutes, fiction_app(self).author)
        )

    def action_next_phase(self) -> None:
        self._change_countdown(
            lambda store: store.next_phase(self.workshop_name, fiction_app(self).author)
        )

    def action_previous_phase(self) -> None:
        """Back to the phase before, from its start, once confirmed: every group sees it."""

        def back(store: Store) -> object:
            return store.previous_phase(self.workshop_name, fiction_app(self).author)

        index = self.workshop.phase.index if self.workshop is not None else None
        if self.workshop is None or not index:
            self._change_countdown(back)  # nothing to go back to: the store says why
            return
        title = self.workshop.agenda[index - 1].title
        self._confirm_countdown(
            f"Revenir à la phase « {title} » ? Elle redémarre au début, pour tous les groupes.",
            "Revenir",
            back,
        )

    def action_restart_phase(self) -> None:
        """The current phase from its start again, once confirmed: its time is lost."""
        index = self.workshop.phase.index if self.workshop is not None else None
        if index is None or self.workshop is None:
            self.notify(
                "Aucune phase en cours : Espace démarre la première.",
                title="Compte à rebours",
                severity="warning",
            )
            return
        title = self.workshop.agenda[index].title
        self._confirm_countdown(
            f"Recommencer la phase « {title} » depuis le début ? "
            "Le temps déjà passé est remis à zéro, pour tous les groupes.",
            "Recommencer",
            lambda store: store.start_phase(self.workshop_name, index, fiction_app(self).author),
        )

    def _confirm_countdown(
        self, question: str, yes: str, change: Callable[[Store], object]
    ) -> None:
        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self._change_countdown(change)

        self.app.push_screen(ConfirmScreen(question, yes=yes), answered)

    def _change_countdown(self, change: Callable[[Store], object]) -> None:
        """Apply a countdown change in the store; a refusal is a warning, not an error."""
        try:
            change(fiction_app(self).store)
        except FictionError as error:
            self.notify(error.message, title="Compte à rebours", severity="warning")
            return
        self.refresh_now()

    def action_copy_code(self) -> None:
        if self.workshop is not None:
            self.app.copy_to_clipboard(self.workshop.deal.code)
            self.notify(f"Code du tirage copié : {self.workshop.deal.code}.")

    def action_new_join_code(self) -> None:
        """Draw a new code for browsers in the room; those already in stay in."""
        code = fiction_app(self).store.new_join_code(
            self.workshop_name, fiction_app(self).author, random.SystemRandom()
        )
        self.refresh_now()
        self.notify(f"Nouveau code d'entrée : {code}. Les appareils déjà entrés restent connectés.")

    # --- printing -------------------------------------------------------------------

    def action_print_script(self) -> None:
        """The script of the group the table's cursor is on."""
        table = self.query_one(DataTable)
        if self.workshop is not None and table.row_count:
            self.print_printout(SCRIPT, table.cursor_row + 1)

    def action_open_wall(self) -> None:
        """The wall screen, full screen for the projector, from this screen's last reading."""
        from fiction.tui.screens.wall import WallScreen

        if self.workshop is not None:
            self.app.push_screen(
                WallScreen(self.workshop_name, self.workshop, self.watcher.revision)
            )

    def action_room(self, what: str) -> None:
        """The room's controls (`RoomControls`): a, v, ], [, g, m."""
        self.room.do(what)

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Écran de salle",
            "Plein écran pour le vidéoprojecteur : compte à rebours, code d'entrée, groupes (s)",
            self.action_open_wall,
        )
        yield SystemCommand(
            "Démarrer, mettre en pause ou reprendre",
            "Le compte à rebours de la phase en cours (Espace)",
            self.action_start_or_pause,
        )
        yield SystemCommand(
            "Ajouter une minute", "À la phase en cours (1)", lambda: self.action_extend(1)
        )
        yield SystemCommand(
            "Ajouter cinq minutes", "À la phase en cours (5)", lambda: self.action_extend(5)
        )
        yield SystemCommand(
            "Phase suivante",
            "Passer à la phase suivante et la démarrer (n)",
            self.action_next_phase,
        )
        yield SystemCommand(
            "Phase précédente",
            "Revenir à la phase précédente et la redémarrer (p)",
            self.action_previous_phase,
        )
        yield SystemCommand(
            "Recommencer la phase",
            "Reprendre la phase en cours au début (r)",
            self.action_restart_phase,
        )
        yield SystemCommand(
            "Copier le code du tirage", "Pour refaire la même distribution", self.action_copy_code
        )
        yield SystemCommand(
            "Nouveau code d'entrée",
            "Le code que les navigateurs de la salle tapent (fiction serve)",
            self.action_new_join_code,
        )
        for group in self.workshop.groups if self.workshop else ():
            yield SystemCommand(
                f"Ouvrir le groupe {group.number} — {escape(group.pseudonym)}",
                "Son parcours : cartes, question, scénario",
                lambda number=group.number: self.open_group(number),
            )
        yield from self.print_commands(self.workshop.groups if self.workshop else ())
        yield from self.room.commands()


def _edited(group: Group, now: float) -> str:
    return ago(now - group.updated_at) if group.updated_at is not None else "pas encore"
