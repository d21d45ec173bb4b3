"""The footer of every screen: Textual's, rebuilt only when the keys it shows change.

Textual's footer rebuilds all its keys each time a screen says its bindings may
have changed: on every focus change, and several times when a screen swaps a
pane (five rebuilds for one F3 in the group wizard, most of a step change's
time). This one rebuilds at most once per refresh, and only when the keys, their
descriptions or their state differ from what it shows.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.dom import NoScreen
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    def __init__(self, *, compact: bool = False, show_command_palette: bool = True) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette)
        self._update_queued = False
        self._shown: tuple[object, ...] | None = None

    def bindings_changed(self, screen: Screen) -> None:
        # Textual's own, but with one update queued at a time.
        self._bindings_ready = True
        if not screen.app.app_focus or self._update_queued:
            return
        if self.is_attached and screen is self.screen:
            self._update_queued = True
            self.call_after_refresh(self._update_keys)

    async def _update_keys(self) -> None:
        self._update_queued = False
        try:
            keys = self._keys()
        except NoScreen:
            return  # the screen went away before this refresh came round
        if keys != self._shown:
            await self.recompose()

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys()
        yield from super().compose()

    def _keys(self) -> tuple[object, ...]:
        """What Textual's footer draws: the keys it shows, and the palette's key."""
        return tuple(
            (key, binding, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == self.app.COMMAND_PALETTE_BINDING
        )
