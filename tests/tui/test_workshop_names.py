"""Names and places typed by facilitators are plain text on « Reprendre un atelier »:
Rich markup in them (`[/]`, `[link=…]`) neither crashes the screen nor becomes a link."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.widgets import DataTable
from textual.widgets._data_table import default_cell_formatter

from fiction.store.store import Store
from fiction.tui.screens.workshops import WorkshopsScreen
from tests.workshops import small_workshop

SLY_NAMES = ["Atelier [/]", "Atelier [link=file:///etc/passwd]x[/link]", "[bold]A"]


@pytest.mark.parametrize("name", SLY_NAMES)
async def test_a_name_with_markup_is_listed_as_typed(app, store_path: Path, name):
    with Store(store_path) as store:
        store.add(dataclasses.replace(small_workshop(), name=name, place=name))

    fiction = app()
    async with fiction.run_test(size=(120, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()

        assert isinstance(fiction.screen, WorkshopsScreen)
        table = fiction.screen.query_one(DataTable)
        row = table.get_row_at(0)
        shown = [default_cell_formatter(row[column]) for column in (0, 2)]
        assert [text.plain for text in shown] == [name, name]
        assert not any("link" in str(text.spans) for text in shown)
        fiction.export_screenshot()  # the whole screen renders


@pytest.mark.parametrize("name", SLY_NAMES)
async def test_a_name_with_markup_is_offered_as_typed_in_the_command_palette(
    app, store_path: Path, name
):
    from textual.command import CommandPalette

    with Store(store_path) as store:
        store.add(dataclasses.replace(small_workshop(), name=name, place=name))

    fiction = app()
    async with fiction.run_test(size=(120, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"ouvrir")
        await pilot.pause(0.5)

        assert isinstance(fiction.screen, CommandPalette)
        fiction.export_screenshot()  # the hits render
    assert fiction._crash is None
