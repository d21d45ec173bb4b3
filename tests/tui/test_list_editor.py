"""The list editor: items added, reordered and removed from the keyboard and the mouse."""

from __future__ import annotations

from textual.app import App, ComposeResult

from fiction.tui.widgets.list_editor import STYLES, ListEditor


class ListApp(App[None]):
    CSS_PATH = STYLES

    def __init__(self, items: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.items = items
        self.announced: list[tuple[str, ...]] = []

    def compose(self) -> ComposeResult:
        yield ListEditor(self.items)

    def on_list_editor_changed(self, event: ListEditor.Changed) -> None:
        self.announced.append(event.items)


async def test_items_are_added_moved_and_removed_from_the_keyboard():
    app = ListApp()
    async with app.run_test() as pilot:
        editor = app.query_one(ListEditor)
        await pilot.press(*"un", "enter", *"deux", "enter", *"trois", "enter")
        assert editor.items == ("un", "deux", "trois")
        await pilot.press("shift+tab", "ctrl+up", "ctrl+up")  # « trois » to the top
        assert editor.items == ("trois", "un", "deux")
        await pilot.press("tab", "enter", *"demi")  # a new item under « un »
        assert editor.items == ("trois", "un", "demi", "deux")
        await pilot.press("tab", *["backspace"] * 4)  # « deux » is emptied…
        assert editor.items == ("trois", "un", "demi")
        await pilot.press("backspace")  # …then its empty line goes
        assert len(editor.query(".list-item")) == 3
        assert editor.items == ("trois", "un", "demi")
    assert app.announced[-1] == ("trois", "un", "demi")


async def test_the_mouse_moves_and_removes_items_with_the_row_buttons():
    app = ListApp(("a", "b", "c"))
    async with app.run_test() as pilot:
        editor = app.query_one(ListEditor)
        await pilot.click("#down-0")
        assert editor.items == ("b", "a", "c")
        await pilot.click("#remove-2")
        assert editor.items == ("b", "a")
        assert app.query_one("#up-0").disabled and app.query_one("#down-1").disabled


async def test_empty_lines_are_not_items():
    app = ListApp(("a",))
    async with app.run_test() as pilot:
        await pilot.press("enter")  # an empty line under « a », focused first
        editor = app.query_one(ListEditor)
        assert len(editor.query(".list-item")) == 2
        assert editor.items == ("a",)
