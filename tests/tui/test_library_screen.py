"""Bibliothèque des scénarios in the app: figures × themes across workshops, pseudonyms only."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from fiction.store.store import Store
from fiction.tui.app import GROUP
from fiction.tui.screens.home import HomeScreen
from fiction.tui.screens.library import LibraryScreen
from tests.library.conftest import AUTHOR, add_workshop
from tests.tui.waiting import wait_for


def two_workshops(store: Store) -> None:
    add_workshop(
        store,
        "Atelier du Mans",
        {1: {"title": "Les bienveilleuses du quartier"}, 2: {"title": "La Maison des liens"}},
        cards={2: ("radar", "bonheur")},
    )
    add_workshop(
        store,
        "Lyon 2024",
        {1: {"title": "Le jardin partagé"}},
        place="Lyon",
        date="2024-06-03",
        cards={1: ("radar", "bonheur")},
    )


def grid_of(app) -> DataTable:
    return app.screen.query_one("#library-grid", DataTable)


async def open_library(pilot) -> LibraryScreen:
    await pilot.press("b")
    screen = pilot.app.screen
    assert isinstance(screen, LibraryScreen)
    await wait_for(pilot, lambda: grid_of(pilot.app).row_count > 0)
    return screen


async def test_the_library_counts_scenarios_by_figure_and_theme_and_enter_lists_a_cell(
    app, store: Store, builtin_deck
):
    """The grid across workshops, then Entrée on a cell lists its scenarios by pseudonym,
    and Échap goes home: one library opened for both."""
    two_workshops(store)
    radar = next(card.title for card in builtin_deck.figures if card.id == "radar")
    bonheur = next(card.title for card in builtin_deck.themes if card.id == "bonheur")
    fiction = app()
    async with fiction.run_test(size=(120, 40)) as pilot:
        await open_library(pilot)
        table = grid_of(fiction)
        headings = [str(column.label) for column in table.columns.values()]
        assert bonheur in headings
        row = [str(cell) for cell in table.get_row("radar")]
        assert row[0] == radar
        assert row[headings.index(bonheur)] == "2"
        assert row[-1] == "2"
        assert str(table.get_cell("programmateur-convivialites", "vieillesses-heureuses")) == "1"
        summary = str(fiction.screen.query_one("#library-summary", Static).render())
        assert "3 scénarios dans 2 ateliers" in summary

        table.move_cursor(
            row=table.get_row_index("radar"), column=table.get_column_index("bonheur")
        )
        await pilot.press("enter")
        chosen = fiction.screen.query_one("#library-scenarios", DataTable)
        await wait_for(pilot, lambda: chosen.row_count == 2)
        rows = [[str(cell) for cell in chosen.get_row_at(index)] for index in range(2)]
        assert rows[0] == [
            "Atelier du Mans",
            "12/03/2025",
            "Le Mans",
            "Loutre Curieuse",
            "La Maison des liens",
        ]
        assert rows[1] == ["Lyon 2024", "03/06/2024", "Lyon", "Panda Zen", "Le jardin partagé"]
        shown = " ".join(" ".join(row) for row in rows)
        assert AUTHOR not in shown
        assert "2 scénarios" in str(fiction.screen.query_one("#library-cell", Static).render())
        await pilot.press("escape")
        assert isinstance(fiction.screen, HomeScreen)


async def test_the_library_is_offered_from_the_home_palette(app, store: Store):
    fiction = app()
    async with fiction.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [command.title for command in fiction.get_system_commands(fiction.screen)]
        assert "Bibliothèque des scénarios" in titles
        await pilot.press("b")
        assert isinstance(fiction.screen, LibraryScreen)
        await wait_for(
            pilot,
            lambda: (
                "Aucun scénario"
                in str(fiction.screen.query_one("#library-summary", Static).render())
            ),
        )


async def test_a_group_has_no_library(app, store: Store):
    two_workshops(store)
    fiction = app(role=GROUP)
    async with fiction.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [command.title for command in fiction.get_system_commands(fiction.screen)]
        assert "Bibliothèque des scénarios" not in titles
        await pilot.press("b")
        await pilot.pause()
        assert not isinstance(fiction.screen, LibraryScreen)
        # Even on the home screen, a group's tab has neither the key nor the command.
        home = HomeScreen()
        await fiction.push_screen(home)
        await pilot.pause()
        assert "Bibliothèque des scénarios" not in [
            command.title for command in fiction.get_system_commands(home)
        ]
        await pilot.press("b")
        await pilot.pause()
        assert fiction.screen is home
