"""The app's first screen waits for nothing it does not show: start-up is part of the product.

The store, the YAML reader (the decks' titles) and the Markdown help are
imported once the home is drawn, or when first used; benchmarks/bench_tui.py
measures what this buys.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

LATER = (
    "yaml",
    "markdown_it",
    "fiction.store.store",
    "fiction.store.model",
    "fiction.cards.loader",
)

PROBE = """
import json, sys
from textual.app import App

original_run = App.run

def headless_run(app, *args, **kwargs):
    async def until_home(pilot):
        while not (type(app.screen).__name__ == "HomeScreen" and app.screen.is_mounted):
            await pilot.pause(0)
        print("MODULES=" + json.dumps(sorted(sys.modules)), file=sys.stderr)
        app.exit()

    original_run(app, headless=True, size=(80, 24), auto_pilot=until_home)

App.run = headless_run
from fiction.cli import main
try:
    main(["app", "--store", sys.argv[1]])
except SystemExit:
    pass
"""


def test_the_home_is_up_before_the_store_the_yaml_reader_and_the_help_are_imported(
    tmp_path: Path,
):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "ateliers.sqlite3")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES="))
    loaded = set(json.loads(line.removeprefix("MODULES=")))
    assert "fiction.tui.screens.home" in loaded
    assert not loaded & set(LATER), sorted(loaded & set(LATER))
