"""Names and places typed by facilitators are plain text on « Reprendre un atelier »:
Rich markup in them (`[/]`, `[link=…]`) neither crashes the screen nor becomes a link."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from textual.widgets import DataTable
from textual.widgets._data_table import default_cell_formatter

from fiction.store.store import Store
from fiction.tui.screens.workshops import WorkshopsScreen
from tests.tui.waiting import wait_for
from tests.workshops import small_workshop

SLY_NAMES = ["Atelier [/]", "Atelier [link=file:///etc/passwd]x[/link]", "[bold]A"]


async def test_names_with_markup_are_listed_and_offered_in_the_palette_as_typed(
    app, store_path: Path
):
    """The three sly workshops side by side: one app, one list, one palette, where a
    name's markup could break its own row or a neighbour's."""
    from textual.command import CommandList, CommandPalette

    with Store(store_path) as store:
        for name in SLY_NAMES:
            store.add(dataclasses.replace(small_workshop(), name=name, place=name))

    fiction = app()
    async with fiction.run_test(size=(120, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()

        assert isinstance(fiction.screen, WorkshopsScreen)
        table = fiction.screen.query_one(DataTable)
        listed = {}
        for index in range(table.row_count):
            row = table.get_row_at(index)
            shown = [default_cell_formatter(row[column]) for column in (0, 2)]
            listed[shown[0].plain] = shown
        assert sorted(listed) == sorted(SLY_NAMES)
        for name, shown in listed.items():
            assert [text.plain for text in shown] == [name, name], name
            assert not any("link" in str(text.spans) for text in shown), name
        fiction.export_screenshot()  # the whole screen renders

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"ouvrir")
        assert isinstance(fiction.screen, CommandPalette)
        hits = fiction.screen.query_one(CommandList)  # searched in the background
        await wait_for(pilot, lambda: hits.option_count == len(SLY_NAMES))
        await pilot.pause()

        fiction.export_screenshot()  # the hits render
    assert fiction._crash is None
