"""An editable list of short texts: the scenario's actions, its nouveaux acteurs.

Each item is typed in place; the last line adds a new one (Entrée), an item
moves with Ctrl+↑ / Ctrl+↓ or its arrows, and goes away with its ✕ or with
Retour arrière once emptied. What is typed on the last line already counts
as an item, Entrée or not: leaving with Tab, F3 or Ctrl+Q keeps it. The
editor keeps no store: it posts `Changed` with the whole list, and its
screen saves it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input

STYLES = Path(__file__).with_suffix(".tcss")
"""The editor's stylesheet, for the screens that use it (listed in their CSS_PATH)."""

NEW_LINE = -1
"""Focus target of `ListEditor._rebuild`: the line that adds an item."""


class ItemInput(Input):
    """One item of the list, typed in place."""

    BINDINGS = [
        Binding("enter", "insert_below", "Nouvelle ligne"),
        Binding("ctrl+up", "move(-1)", "Monter"),
        Binding("ctrl+down", "move(1)", "Descendre"),
        Binding("backspace", "delete_or_remove", "Effacer", show=False),
    ]

    def __init__(self, value: str, index: int) -> None:
        # Not selected on focus: a Tab through the list must not let a key wipe an item.
        super().__init__(value, classes="list-item", compact=True, select_on_focus=False)
        self.index = index

    def action_insert_below(self) -> None:
        self.post_message(ListEditor.Request(self.index, "insert"))

    def action_move(self, offset: int) -> None:
        self.post_message(ListEditor.Request(self.index, "up" if offset < 0 else "down"))

    def action_delete_or_remove(self) -> None:
        if self.value:
            self.action_delete_left()
        else:
            self.post_message(ListEditor.Request(self.index, "remove"))


class RowButton(Button, can_focus=False):
    """An item's ↑, ↓ or ✕: for the mouse; the keyboard has Ctrl+↑, Ctrl+↓ and Retour arrière,
    so Tab goes from item to item."""


class ListEditor(Vertical):
    """A list of short texts the group writes, reorders and prunes."""

    class Changed(Message):
        """The list changed (an item typed, added, moved or removed)."""

        def __init__(self, list_editor: ListEditor, items: tuple[str, ...]) -> None:
            super().__init__()
            self.list_editor = list_editor
            self.items = items

        @property
        def control(self) -> ListEditor:
            return self.list_editor

    class Request(Message):
        """An item asks to be moved, removed, or to have a new one below it."""

        def __init__(self, index: int, what: str) -> None:
            super().__init__()
            self.index = index
            self.what = what

    def __init__(
        self,
        items: Iterable[str] = (),
        *,
        placeholder: str = "Ajouter une ligne, puis Entrée",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._items = list(items)
        self.placeholder = placeholder
        self._new_line = self._make_new_line()

    def _make_new_line(self) -> Input:
        # Not selected on focus: coming back with Maj+Tab, a key must not wipe the line.
        return Input(
            placeholder=self.placeholder, classes="list-new", compact=True, select_on_focus=False
        )

    @property
    def items(self) -> tuple[str, ...]:
        """The items as typed, the last line's included, without empty lines (what is saved)."""
        typed = (*self._items, self._new_line.value)
        return tuple(item for item in typed if item.strip())

    def compose(self) -> ComposeResult:
        last = len(self._items) - 1
        for index, item in enumerate(self._items):
            with Horizontal(classes="list-row"):
                yield ItemInput(item, index)
                for symbol, what, tip, off in (
                    ("↑", "up", "Monter", index == 0),
                    ("↓", "down", "Descendre", index == last),
                    ("✕", "remove", "Retirer", False),
                ):
                    yield RowButton(
                        symbol,
                        id=f"{what}-{index}",
                        classes="list-button",
                        compact=True,
                        disabled=off,
                        tooltip=tip,
                    )
        self._new_line = self._make_new_line()
        yield self._new_line

    async def set_items(self, items: Iterable[str]) -> None:
        """Show `items` (another screen changed the list); keeps nothing half-typed."""
        self._items = list(items)
        await self.recompose()

    async def add(self, text: str) -> None:
        """Append an item (a role picked from the cards, say) and announce the change."""
        if not text.strip():
            return
        self._items.append(text)
        await self._rebuild(focus=None)

    @on(Input.Changed, ".list-item")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        assert isinstance(event.input, ItemInput)
        self._items[event.input.index] = event.value
        self._announce()

    @on(Input.Changed, ".list-new")
    def _typing_new(self, event: Input.Changed) -> None:
        event.stop()
        self._announce()  # already an item: saved as typed, like the others

    @on(Input.Submitted, ".list-new")
    async def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self._items.append(event.value)
            self._new_line.value = ""
            await self._rebuild(focus=NEW_LINE)

    @on(Button.Pressed, ".list-button")
    async def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        what, _, index = (event.button.id or "").partition("-")
        await self._apply(int(index), what)

    async def on_list_editor_request(self, event: ListEditor.Request) -> None:
        event.stop()
        await self._apply(event.index, event.what)

    async def _apply(self, index: int, what: str) -> None:
        items = self._items
        if what == "insert":
            items.insert(index + 1, "")
            await self._rebuild(focus=index + 1)
        elif what == "remove":
            del items[index]
            await self._rebuild(focus=max(index - 1, 0))
        elif what in ("up", "down"):
            target = index - 1 if what == "up" else index + 1
            if 0 <= target < len(items):
                items[index], items[target] = items[target], items[index]
                await self._rebuild(focus=target)

    async def _rebuild(self, focus: int | None) -> None:
        """Show the list again after a change of shape, focus on the item `focus`
        (`NEW_LINE`, or past the end: the line that adds one; None: leave the focus)."""
        await self.recompose()
        self._announce()
        if focus is None:
            return
        inputs = list(self.query(ItemInput))
        if 0 <= focus < len(inputs):
            inputs[focus].focus()
        else:
            self._new_line.focus()

    def _announce(self) -> None:
        self.post_message(self.Changed(self, self.items))
