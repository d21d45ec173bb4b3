"""Light commands import nothing heavy: start-up is part of the product."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("textual", "weasyprint", "jinja2", "hypothesis")

PROBE = """
import json, sys
from fiction.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
loaded = sorted({name.split(".")[0] for name in sys.modules})
print("MODULES=" + json.dumps(loaded), file=sys.stderr)
"""


NEEDED = {("deck", "check"): {"jinja2"}}
"""What a light command needs all the same: `deck check` compiles and fills every
template of the deck (a broken or hostile one is caught there), which is Jinja2's work."""


@pytest.mark.parametrize(
    "args",
    [["--help"], ["deck", "check"], ["deck", "--help"], ["deal", "--help"], ["session", "--help"]],
)
def test_light_commands_import_nothing_heavy(args):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120
    )
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES="))
    loaded = set(json.loads(line.removeprefix("MODULES=")))
    heavy = set(HEAVY) - NEEDED.get(tuple(args), set())
    assert not loaded & heavy, sorted(loaded & heavy)


def test_deal_imports_jinja2_for_its_prompts_and_nothing_heavier():
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "deal", "--groups", "3", "--seed", "1", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES="))
    loaded = set(json.loads(line.removeprefix("MODULES=")))
    assert not loaded & {"textual", "weasyprint", "hypothesis"}


def test_help_does_not_even_import_rich_or_yaml():
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "--help"], capture_output=True, text=True, timeout=120
    )
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES="))
    loaded = set(json.loads(line.removeprefix("MODULES=")))
    assert "rich" not in loaded and "yaml" not in loaded
