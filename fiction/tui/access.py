"""Typed access to the app from a screen or a widget.

Textual types `node.app` as a plain `App`; fiction's screens need what
`FictionApp` shares (the store, the deck, the clock). `fiction_app(self)`
says so once, for the type checker, without importing the app at run time
(the app module imports the screens).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.dom import DOMNode

if TYPE_CHECKING:
    from fiction.tui.app import FictionApp


def fiction_app(node: DOMNode) -> FictionApp:
    """The running `FictionApp` of `node`."""
    return cast("FictionApp", node.app)
