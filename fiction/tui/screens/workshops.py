"""Reprendre un atelier: the workshops in the store, newest first; one opens its dashboard,
or is deleted once the facilitator confirms."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Static

from fiction.errors import FictionError
from fiction.store.model import WorkshopSummary
from fiction.tui.access import fiction_app
from fiction.tui.formats import ago, date_text
from fiction.tui.screens.confirm import ConfirmScreen
from fiction.tui.widgets.footer import Footer
from fiction.tui.widgets.title_bar import TitleBar


class WorkshopsScreen(Screen[None]):
    """Every workshop of the store: name, date, place, groups and last change."""

    CSS_PATH = "workshops.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Retour"),
        # Priority: the table's own Enter would hide this one from the footer.
        Binding("enter", "open", "Ouvrir", priority=True),
        Binding("n", "new_workshop", "Nouvel atelier"),
        Binding("delete", "delete", "Effacer"),
    ]
    HELP = """\
# Reprendre un atelier

La liste des ateliers enregistrés dans la base, les plus récents en premier.

Choisissez un atelier avec les flèches puis **Entrée** pour ouvrir son tableau de
bord : les groupes, leur avancement, l'ordre du jour et le compte à rebours.

**Suppr** supprime l'atelier choisi, après confirmation : ses groupes, leurs
scénarios et son historique sont effacés de la base, sans retour possible
(les fichiers déjà imprimés ou exportés restent).

Pas encore d'atelier ? **n** en prépare un nouveau. **Échap** revient à l'accueil.
"""

    def __init__(self) -> None:
        super().__init__()
        self._names: list[str] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("Reprendre un atelier", classes="title", id="workshops-title")
        table: DataTable[str] = DataTable(
            id="workshops-table", cursor_type="row", zebra_stripes=True
        )
        table.add_columns("Atelier", "Date", "Lieu", "Groupes", "Modifié")
        yield table
        yield Static(id="workshops-empty", classes="hint")
        # No room at 80 columns for the palette's key beside F1: F1 lists it.
        yield Footer(compact=True, show_command_palette=False)

    def on_screen_resume(self) -> None:
        """On arrival and on each return: another window may have created a workshop since."""
        self.reload()

    def reload(self) -> None:
        table = self.query_one(DataTable)
        try:
            summaries = fiction_app(self).store.workshops()
        except FictionError as error:
            summaries = ()
            fiction_app(self).show_error(error, "La base d'ateliers est inutilisable")
        table.clear()
        self._names = [summary.name for summary in summaries]
        now = fiction_app(self).clock()
        for summary in summaries:
            table.add_row(*self._cells(summary, now), key=summary.name)
        empty = self.query_one("#workshops-empty", Static)
        empty.update(
            "" if summaries else "Aucun atelier pour l'instant : « n » en prépare un nouveau."
        )
        table.display = bool(summaries)
        table.focus()

    @staticmethod
    def _cells(summary: WorkshopSummary, now: float) -> tuple[str | Text, ...]:
        # Text, not str: a DataTable reads a str as markup, and names are typed by people.
        return (
            Text(summary.name),
            date_text(summary.date),
            Text(summary.place),
            str(summary.groups),
            ago(now - summary.updated_at) if summary.updated_at else "",
        )

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if not self._names:
            return
        self.open_workshop(self._names[table.cursor_row])

    @on(DataTable.RowSelected)
    def _row_clicked(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open_workshop(str(event.row_key.value))

    def open_workshop(self, name: str) -> None:
        from fiction.tui.screens.dashboard import DashboardScreen

        self.app.push_screen(DashboardScreen(name))

    def action_new_workshop(self) -> None:
        try:
            deck = fiction_app(self).deck
        except FictionError as error:
            fiction_app(self).show_error(error, "Ce jeu de cartes est inutilisable")
            return
        from fiction.tui.screens.new_workshop import NewWorkshopScreen

        self.app.switch_screen(NewWorkshopScreen(deck))

    def action_delete(self) -> None:
        table = self.query_one(DataTable)
        if self._names:
            self.delete_workshop(self._names[table.cursor_row])

    def delete_workshop(self, name: str) -> None:
        """Ask first; then delete the workshop from the store and the list."""

        def answered(confirmed: bool | None) -> None:
            if not confirmed:
                return
            try:
                fiction_app(self).store.delete(name)
            except FictionError as error:
                fiction_app(self).show_error(error, "Suppression impossible")
            else:
                self.notify(f"Atelier « {escape(name)} » supprimé.", title="Suppression")
            self.reload()

        question = (
            f"Supprimer l'atelier « {name} » ? Ses groupes, leurs scénarios et son historique "
            "seront effacés de la base, sans retour possible."
        )
        self.app.push_screen(ConfirmScreen(question, yes="Supprimer"), answered)

    def commands(self) -> Iterable[SystemCommand]:
        for name in self._names:
            yield SystemCommand(
                # The palette reads its titles as markup: a name is shown as typed.
                f"Ouvrir « {escape(name)} »",
                "Ouvrir le tableau de bord de cet atelier",
                lambda name=name: self.open_workshop(name),
            )
        for name in self._names:
            yield SystemCommand(
                f"Supprimer « {escape(name)} »",
                "Effacer cet atelier de la base, après confirmation (Suppr)",
                lambda name=name: self.delete_workshop(name),
            )
