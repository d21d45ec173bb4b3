"""The news report's running order as a table: one row per segment, IMAGE | SON, timed.

It shows a `TimedScript` and knows nothing of the store: the step gives it
the script as it stands (typing included) and reads the chosen row's key,
the segment id, from `DataTable.RowHighlighted`.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable

from fiction.report.script import ScriptLine, TimedScript, duration

COLUMNS = ("number", "kind", "image", "sound", "time")


class SegmentTable(DataTable[Any]):
    """Rows keyed by segment id; the text columns share the width there is."""

    def __init__(self, **options: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **options)

    def show(self, script: TimedScript, selected: int | None, width: int) -> None:
        """Rebuild every row, columns sized for `width` cells, the cursor on `selected`."""
        self.clear(columns=True)
        kind = 15 if width < 110 else 24
        text = max(10, (max(40, width - 4) - 2 - kind - 8 - 8) // 2)
        for key, label, size in (
            ("number", "", 2),
            ("kind", "Séquence", kind),
            ("image", "IMAGE", text),
            ("sound", "SON", text),
            ("time", "Durée", 8),
        ):
            self.add_column(label, key=key, width=size)
        for line in script.lines:
            self.add_row(*cells(line), key=str(line.segment.id))
        if selected is not None and script.lines:
            self.move_cursor(row=self.get_row_index(str(selected)), animate=False)

    def update_line(self, line: ScriptLine) -> None:
        """One row again, as its segment is being typed."""
        for column, value in zip(COLUMNS, cells(line), strict=True):
            self.update_cell(str(line.segment.id), column, value)


def cells(line: ScriptLine) -> tuple[Any, ...]:
    """Number, kind (and who speaks), the shots, the words, the duration (⚠ if unusual)."""
    segment = line.segment
    kind = line.label + (f" · {', '.join(segment.speakers)}" if segment.speakers else "")
    image = " / ".join((*line.shots, *line.captions))
    sound = " ".join(segment.sound.split())
    if line.flag is None:
        return (str(line.number), kind, image, sound, Text(duration(line.seconds)))
    return (str(line.number), kind, image, sound, Text(f"{duration(line.seconds)} ⚠", "bold"))
