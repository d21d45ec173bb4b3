"""Waiting in Pilot tests for what the app does in its own time.

A screen's watcher reads the store each second, a printout takes seconds, and a
loaded CI machine is slower still: a test waits for the condition it needs,
up to a generous `timeout`, rather than pausing a fixed time and hoping.
"""

from __future__ import annotations

import time
from collections.abc import Callable


async def wait_for(pilot, condition: Callable[[], object], timeout: float = 20.0) -> None:
    """Let the app run until `condition()` holds; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition never met")
        await pilot.pause(0.05)
