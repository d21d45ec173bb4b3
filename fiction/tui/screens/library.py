"""Bibliothèque des scénarios: figures × themes across every workshop of the store.

The store is read and the grid built in a thread; the result comes back as a
message, applied only while the screen is still mounted. Groups appear by
their pseudonym only: names of people never leave a workshop.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from fiction.errors import FictionError
from fiction.library import CardTitles, Grid, Scenario, grid, scenarios
from fiction.tui.access import fiction_app
from fiction.tui.formats import date_text
from fiction.tui.widgets.footer import Footer
from fiction.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from fiction.cards.model import Deck

UNTITLED = "Scénario sans titre"
FIGURE_COLUMN = "figure"
TOTAL_COLUMN = "total"


@dataclass
class _Library(Message):
    grid: Grid
    titles: CardTitles
    workshops: int


@dataclass
class _LibraryProblem(Message):
    error: FictionError


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"


class LibraryScreen(Screen[None]):
    """Counts of scenarios by figure (rows) and theme (columns); Entrée lists a cell's."""

    CSS_PATH = "library.tcss"
    BINDINGS = [Binding("escape", "app.pop_screen", "Retour")]
    HELP = """\
# Bibliothèque des scénarios

Les scénarios de tous les ateliers de la base, rangés par **figure du CCAS**
(les lignes) et par **thème** (les colonnes) : chaque case compte les scénarios
écrits avec cette figure et ce thème. Un groupe qui a reçu deux thèmes compte
dans les deux cases.

Choisissez une case avec les flèches puis **Entrée** : ses scénarios s'affichent
dessous (atelier, date, lieu, groupe, titre). Sur le nom d'une figure ou sur la
colonne « Total », **Entrée** liste tous les scénarios de la figure.

Chaque groupe n'y figure que par son pseudonyme : les noms des personnes ne
sortent jamais d'un atelier. **Échap** revient à l'accueil.
"""

    def __init__(self) -> None:
        super().__init__()
        self.grid: Grid | None = None
        self.titles = CardTitles()

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("Bibliothèque des scénarios", classes="title", id="library-title")
        yield Static("Lecture des ateliers…", id="library-summary", classes="hint", markup=False)
        grid_table: DataTable[str | Text] = DataTable(id="library-grid", cursor_type="cell")
        grid_table.display = False
        yield grid_table
        yield Static(id="library-cell", markup=False)
        chosen: DataTable[str | Text] = DataTable(
            id="library-scenarios", cursor_type="row", zebra_stripes=True
        )
        chosen.add_columns("Atelier", "Date", "Lieu", "Groupe", "Titre")
        chosen.display = False
        yield chosen
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.run_worker(
            self._read, thread=True, exclusive=True, group="bibliothèque", exit_on_error=False
        )

    # --- off the UI thread -----------------------------------------------------------

    def _read(self) -> None:
        app = fiction_app(self)
        try:
            store = app.store
            workshops = tuple(store.load(summary.name) for summary in store.workshops())
            decks: dict[str, Deck | None] = {}
            for workshop in workshops:
                if workshop.deck.id not in decks:
                    try:
                        decks[workshop.deck.id] = app.deck_for(workshop)
                    except FictionError:
                        decks[workshop.deck.id] = None  # cards then named by their ids
            titles = CardTitles.of_decks(deck for deck in decks.values() if deck is not None)
            found = grid(scenarios(workshops), titles)
        except FictionError as error:
            self.post_message(_LibraryProblem(error))
            return
        # A message, not a call: a screen closed meanwhile never applies it.
        self.post_message(_Library(found, titles, len(workshops)))

    # --- back on the UI thread ---------------------------------------------------------

    def on__library_problem(self, message: _LibraryProblem) -> None:
        if not self.is_mounted:
            return
        self.query_one("#library-summary", Static).update(
            f"Base d'ateliers inutilisable : {message.error.message}"
        )

    def on__library(self, message: _Library) -> None:
        if not self.is_mounted:
            return
        self.grid, self.titles = message.grid, message.titles
        found, titles = message.grid, message.titles
        summary = self.query_one("#library-summary", Static)
        if not found.scenarios:
            summary.update(
                f"Aucun scénario dans {plural(message.workshops, 'atelier')} : "
                "les scénarios écrits par les groupes apparaîtront ici."
            )
            return
        summary.update(
            f"{plural(len(found.scenarios), 'scénario')} dans "
            f"{plural(message.workshops, 'atelier')}, par figure et par thème. "
            "Entrée sur une case liste ses scénarios."
        )
        table = self.query_one("#library-grid", DataTable)
        table.clear(columns=True)
        table.add_column("Figure \\ thème", key=FIGURE_COLUMN)
        for theme in found.themes:
            table.add_column(Text(titles.theme(theme)), key=theme)
        table.add_column("Total", key=TOTAL_COLUMN)
        for figure in found.figures:
            counts = [found.count(figure, theme) for theme in found.themes]
            table.add_row(
                Text(titles.figure(figure)),
                *(Text(str(count) if count else "·", justify="right") for count in counts),
                Text(str(len(found.of(figure=figure))), justify="right"),
                key=figure,
            )
        table.display = True
        table.focus()

    @on(DataTable.CellSelected, "#library-grid")
    def _cell_chosen(self, event: DataTable.CellSelected) -> None:
        event.stop()
        figure = str(event.cell_key.row_key.value)
        column = str(event.cell_key.column_key.value)
        self.show_cell(figure, None if column in (FIGURE_COLUMN, TOTAL_COLUMN) else column)

    def show_cell(self, figure: str, theme: str | None) -> None:
        """List below the grid the scenarios of this figure (and theme, when given)."""
        if self.grid is None:
            return
        chosen = self.grid.of(figure, theme)
        said = self.titles.figure(figure)
        if theme is not None:
            said += f" × {self.titles.theme(theme)}"
        cell = self.query_one("#library-cell", Static)
        table = self.query_one("#library-scenarios", DataTable)
        table.clear()
        if not chosen:
            cell.update(f"Aucun scénario pour « {said} ».")
            table.display = False
            return
        cell.update(f"{said} : {plural(len(chosen), 'scénario')}")
        for scenario in chosen:
            table.add_row(*self._cells(scenario))
        table.display = True

    @staticmethod
    def _cells(scenario: Scenario) -> tuple[Text, ...]:
        # Text, not str: a DataTable reads a str as markup, and these were typed by people.
        return (
            Text(scenario.workshop),
            Text(date_text(scenario.date)),
            Text(scenario.place),
            Text(scenario.pseudonym),
            Text(scenario.title or UNTITLED),
        )
