"""What every step of the group wizard is: a pane with a number, a title and a help.

A step shows one snapshot of the workshop and names the widget of each typed
field it edits (`field`); the wizard saves their values and brings newer
snapshots down (`refresh_from`), only while the step is mounted. The widgets
are kept by reference, never looked up: the last save still reads them while
the screen is being taken down, and a handler that runs late (a resize, a
timer) finds its widgets or returns (`live`), never a missing one.
Adding a step is writing one of these and adding it to `wizard.STEPS`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from textual.app import SystemCommand
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, TextArea

from fiction.store.model import Group, HandState, Workshop
from fiction.tui.screens.group.saving import FieldSaver
from fiction.tui.screens.group.session import GroupSession, stored_value
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

    def __init__(self, session: GroupSession, workshop: Workshop, saver: FieldSaver) -> None:
        super().__init__(classes=f"step step-{self.NUMBER}")
        self.session = session
        self.workshop = workshop
        self.saver = saver
        """The wizard's saver: a step that changes the list of its fields (step 5) flushes
        and tracks through it."""
        self.fields: dict[str, Input | TextArea | ListEditor] = {}

    @classmethod
    def owns(cls, field: str) -> bool:
        """Whether `field` (a store path) is typed on this step (to offer a draft back)."""
        return False

    @property
    def live(self) -> bool:
        """Mounted and still on its screen: its widgets may be touched."""
        return self.is_mounted and self.is_attached

    def multiline(self, field: str) -> bool:
        """Whether the field is typed on several lines (two versions join by a blank line)."""
        return isinstance(self.fields.get(field), TextArea)

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

    class Snapshot(Message):
        """A newer reading of the workshop, handed down by the wizard.

        It is a message, not a call, so that it waits in this step's queue
        behind the step's own handlers (a redraw, a segment added) and is
        dropped if the step was closed meanwhile.
        """

        def __init__(self, workshop: Workshop) -> None:
            super().__init__()
            self.workshop = workshop

    async def on_step_snapshot(self, message: Step.Snapshot) -> None:
        """Show what others saved in the fields this screen has not changed since; a
        field changed on both sides is left as typed (saving it asks the person)."""
        message.stop()
        if not self.live:
            return
        group = message.workshop.group(self.session.number)
        current = self.values()
        changed = {
            field: stored_value(group, field)
            for field, known in self.saver.known.items()
            if field in current
            and current[field] == known
            and stored_value(group, field) not in (known, None)
        }
        self.saver.track(changed)
        await self.refresh_from(message.workshop, changed)

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

    async def show_draft(self, field: str, value: Any) -> None:
        """Put back text kept as a draft (the saver then saves it as if typed)."""
        await self.set_value(field, value)

    async def show_removed_text(self, field: str, value: Any) -> None:
        """Text typed in something removed elsewhere (step 5's segments): keep it somewhere."""

    def focus_start(self) -> None:
        """Put the focus where the group starts on this step: its first field, at the end
        of what is already written (the default: its first focusable widget).

        Nothing is scrolled here: the step may not be laid out yet, and scrolling to
        where the field seems to be would hide its label. The wizard brings the
        field into view once the step is drawn."""
        if not self.fields:
            for widget in self.query("*"):
                if widget.focusable:
                    widget.focus(scroll_visible=False)
                    return
            return
        first = next(iter(self.fields.values()))
        first.focus(scroll_visible=False)
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
