"""Child process of bench_tui.py: start an app headless and say when its first screen is up.

    python _first_screen.py bare
    python _first_screen.py fiction STORE

`fiction` goes through the real command (`fiction app --store STORE`), so its
imports are the ones a facilitator waits for. Prints the wall-clock time
(`time.time()`) at which the first screen was mounted and painted: the parent
subtracts the time it started this process, so the interpreter's start and
every import are measured too.
"""

from __future__ import annotations

import sys
import time
from contextlib import suppress

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input, Static

SIZE = (80, 24)


def main() -> None:
    kind = sys.argv[1]
    first_screen: list[float] = []

    def ready(app: App[None]) -> bool:
        screen = app.screen
        if kind == "fiction":
            return type(screen).__name__ == "HomeScreen" and screen.is_mounted
        return screen.is_mounted and bool(screen.query(Input))

    original_run = App.run

    def headless_run(app: App[None], *args: object, **kwargs: object) -> None:
        async def until_first_screen(pilot: Pilot[None]) -> None:
            while not ready(app):
                await pilot.pause(0)
            first_screen.append(time.time())
            app.exit()

        original_run(app, headless=True, size=SIZE, auto_pilot=until_first_screen)

    App.run = headless_run  # type: ignore[method-assign]
    if kind == "bare":

        class BareApp(App[None]):
            def compose(self) -> ComposeResult:  # the same app as bench_tui.BareApp
                yield Static("Textual seul")
                yield Input()

        BareApp().run()
    else:
        from fiction.cli import main as fiction_main

        with suppress(SystemExit):
            fiction_main(["app", "--store", sys.argv[2]])
    if not first_screen:
        sys.exit(f"{kind}: no first screen")
    print(repr(first_screen[0]))


if __name__ == "__main__":
    main()
