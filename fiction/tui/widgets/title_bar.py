"""The title line at the top of the facilitator's screens.

Textual's `Header` watches the app's and the screen's titles and queries its
own child at each change; under load that query can land while the header
is being taken down (« HeaderTitle » not found) and end the app. This line
shows the same title once, and has nothing to watch.
"""

from __future__ import annotations

from textual.widgets import Static


class TitleBar(Static):
    """The app's title, docked at the top."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        text-align: center;
        text-style: bold;
    }
    """

    def __init__(self) -> None:
        super().__init__(markup=False)

    def on_mount(self) -> None:
        self.update(self.app.title)
