"""What every step of the group wizard is: a pane with a number, a title and a help.

A step shows one snapshot of the workshop and names the widget of each typed
field it edits (`field`); the wizard saves their values and brings newer
snapshots down (`refresh_from`). The widgets are kept by name, not looked up,
so the last save still reads them while the screen is being taken down.
Adding a step is writing one of these and adding it to `wizard.STEPS`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from textual.app import SystemCommand
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, TextArea

from fiction.store.model import Group, HandState, Workshop
from fiction.tui.screens.group.session import GroupSession
from fiction.tui.widgets.list_editor import ListEditor

FieldWidget = TypeVar("FieldWidget", Input, TextArea, ListEditor)


class Step(Vertical):
    """One step of the journey; subclasses set the class attributes below."""

    NUMBER: ClassVar[int]
    """Its place in the journey, 1 to 6 (the store's `step` field)."""
    TITLE: ClassVar[str]
    """Its French name, in the progress bar and on the buttons."""
    HELP: ClassVar[str]
    """French Markdown shown by F1 under the wizard's own help."""
    STYLES: ClassVar[Path]
    """Its stylesheet, beside its module."""

    def __init__(self, session: GroupSession, workshop: Workshop) -> None:
        super().__init__(classes=f"step step-{self.NUMBER}")
        self.session = session
        self.workshop = workshop
        self.fields: dict[str, Input | TextArea | ListEditor] = {}

    @property
    def group(self) -> Group:
        return self.workshop.group(self.session.number)

    @property
    def hand(self) -> HandState:
        """The hand the group works with: its latest round's."""
        return self.group.hands[-1]

    def field(self, name: str, widget: FieldWidget) -> FieldWidget:
        """Declare `widget` as where the group types the store field `name`."""
        self.fields[name] = widget
        return widget

    def values(self) -> dict[str, Any]:
        """The typed fields of this step as they stand in its widgets (store field → value)."""
        return {name: _read(widget) for name, widget in self.fields.items()}

    async def refresh_from(self, workshop: Workshop, fields: dict[str, Any]) -> None:
        """A newer snapshot; `fields` are the typed fields someone else changed meanwhile."""
        self.workshop = workshop
        for field, value in fields.items():
            await self.set_value(field, value)

    async def set_value(self, field: str, value: Any) -> None:
        """Show a value another screen saved."""
        widget = self.fields.get(field)
        if isinstance(widget, Input):
            widget.value = value
        elif isinstance(widget, TextArea):
            widget.text = value
        elif isinstance(widget, ListEditor):
            await widget.set_items(value)

    def focus_start(self) -> None:
        """Put the focus where the group starts on this step: its first field, at the end
        of what is already written (the default: its first focusable widget)."""
        if not self.fields:
            for widget in self.query("*"):
                if widget.focusable:
                    widget.focus()
                    return
            return
        first = next(iter(self.fields.values()))
        first.focus()
        if isinstance(first, TextArea):
            first.move_cursor(first.document.end)

    def commands(self) -> Iterable[SystemCommand]:
        """This step's entries for the command palette."""
        return ()


def _read(widget: Widget) -> Any:
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    assert isinstance(widget, ListEditor)
    return widget.items
