"""The dashboard's table of groups, its columns sized to the width of the screen.

Textual's DataTable sizes a column from the cells it held when it was added,
so « 0/11 » becoming « 10/11 » or « pas encore » becoming « il y a 3 min »
was cut. Here every column is wide enough for what it holds (and for what
it may hold next: `floors`), and when the table is too narrow for all of it
the long free texts (figure, theme) give way first, ending in « … ».
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from textual import events
from textual.widgets import DataTable

Rows = Mapping[str, Mapping[str, str]]
"""Each row's key, then each column's key and text."""

MIN_FLEXIBLE = 10


def shortened(text: str, width: int) -> str:
    """`text` in `width` cells at most, ending in « … » when cut."""
    return text if len(text) <= width else text[: max(0, width - 1)].rstrip() + "…"


def column_widths(
    labels: Mapping[str, str],
    rows: Rows,
    available: int,
    *,
    flexible: Collection[str] = (),
    floors: Mapping[str, int] | None = None,
) -> dict[str, int]:
    """Each column's width: its widest text, the `flexible` ones narrowed together
    (in proportion, never under MIN_FLEXIBLE) when the whole does not fit `available`."""
    floors = floors or {}
    wanted = {
        key: max(len(label), floors.get(key, 0), *(len(row.get(key, "")) for row in rows.values()))
        for key, label in labels.items()
    }
    fixed = sum(width for key, width in wanted.items() if key not in flexible)
    free = sum(width for key, width in wanted.items() if key in flexible)
    room = available - fixed
    if free <= room or not free:
        return wanted
    widths = dict(wanted)
    for key in flexible:
        share = wanted[key] * room // free
        widths[key] = min(wanted[key], max(MIN_FLEXIBLE, len(labels[key]), share))
    return widths


class GroupTable(DataTable[str]):
    """A table whose columns always show their texts whole (or end in « … »)."""

    def __init__(
        self,
        columns: Sequence[tuple[str, str]],
        *,
        flexible: Collection[str] = (),
        floors: Mapping[str, int] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.labels = dict(columns)
        self.flexible = tuple(flexible)
        self.floors = dict(floors or {})
        self._rows: dict[str, dict[str, str]] = {}
        self._widths: dict[str, int] = {}

    def on_mount(self) -> None:
        self._rebuild(self._fit())

    def show_rows(self, rows: Rows) -> None:
        """Show these rows (added or updated in place), resizing the columns if needed."""
        self._rows = {key: dict(row) for key, row in rows.items()}
        widths = self._fit()
        if widths != self._widths:
            self._rebuild(widths)
            return
        for key, row in self._rows.items():
            if key in self.rows:
                for column, text in row.items():
                    self.update_cell(key, column, self._text(column, text))
            else:
                self.add_row(*self._texts(row), key=key)

    def show_cell(self, row: str, column: str, text: str) -> None:
        """Change one cell (the time since an edit, every second)."""
        if row in self._rows:
            self._rows[row][column] = text
        if row in self.rows:
            self.update_cell(row, column, self._text(column, text))

    def on_resize(self, event: events.Resize) -> None:
        widths = self._fit()
        if widths != self._widths:
            self._rebuild(widths)

    def _fit(self) -> dict[str, int]:
        padding = 2 * self.cell_padding * len(self.labels)
        available = self.scrollable_content_region.width - padding
        return column_widths(
            self.labels, self._rows, available, flexible=self.flexible, floors=self.floors
        )

    def _rebuild(self, widths: dict[str, int]) -> None:
        cursor = self.cursor_row
        self._widths = widths
        self.clear(columns=True)
        for key, label in self.labels.items():
            self.add_column(label, width=widths[key], key=key)
        for key, row in self._rows.items():
            self.add_row(*self._texts(row), key=key)
        if self.row_count:
            self.move_cursor(row=min(cursor, self.row_count - 1))

    def _texts(self, row: Mapping[str, str]) -> list[str]:
        return [self._text(column, row.get(column, "")) for column in self.labels]

    def _text(self, column: str, text: str) -> str:
        width = self._widths.get(column)
        return shortened(text, width) if width and column in self.flexible else text
