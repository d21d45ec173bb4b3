"""The multi-line field of the group's steps: Textual's TextArea, safe to draw early.

Textual 8.2's TextArea can be asked to draw before its component styles are
resolved (a step mounted while the screen redraws, as when a group moves
quickly between steps) and then raises `KeyError: No 'text-area--gutter' key
in COMPONENT_CLASSES` (Textualize/textual#6528), which would end the app.
This one draws blank for that frame and again once its styles are there.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea


class FieldTextArea(TextArea):
    """A TextArea that survives being drawn before its styles are resolved."""

    def render_lines(self, crop: Region) -> list[Strip]:
        try:
            return super().render_lines(crop)
        except KeyError as error:
            if "COMPONENT_CLASSES" not in str(error):
                raise
            self.call_after_refresh(self.refresh)
            return [Strip.blank(crop.width)] * crop.height
