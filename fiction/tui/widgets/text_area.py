"""The multi-line field of the group's steps: Textual's TextArea, safe to draw early.

Textual 8.2's TextArea can be asked to draw before its component styles are
resolved (a step mounted while the screen redraws, as when a group moves
quickly between steps) and then raises `KeyError: No 'text-area--gutter' key
in COMPONENT_CLASSES` (Textualize/textual#6528), which would end the app.
This one draws blank for that frame and again once its styles are there.

TextArea also binds F6 to « select the line », which the journey's help gives
to « La salle » (and, on the news report, to « Vitesse et durée »): in these
fields F6 goes on to the journey.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea


class FieldTextArea(TextArea):
    """A TextArea that survives being drawn before its styles are resolved and leaves
    F6 to the screen."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select_line":
            return False  # a refused binding lets the key go on to the step and the screen
        return super().check_action(action, parameters)

    def render_lines(self, crop: Region) -> list[Strip]:
        try:
            return super().render_lines(crop)
        except KeyError as error:
            if "COMPONENT_CLASSES" not in str(error):
                raise
            self.call_after_refresh(self.refresh)
            return [Strip.blank(crop.width)] * crop.height
