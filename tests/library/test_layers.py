"""The library is domain code: searching imports no interface, no printing, no UI library."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from fiction.library import scenarios, search, grid
from tests.workshops import small_workshop
search([small_workshop()], "convivialité")
grid(scenarios([small_workshop()]))
print(" ".join(sorted(sys.modules)))
"""


def test_searching_imports_neither_textual_nor_weasyprint_nor_render_nor_tui():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=True
    )
    loaded = set(result.stdout.split())
    forbidden = (
        "textual",
        "weasyprint",
        "jinja2",
        "fiction.render",
        "fiction.tui",
        "fiction.serve",
    )
    assert not {
        name
        for name in loaded
        if name.split(".")[0] in forbidden
        or any(name == f or name.startswith(f + ".") for f in forbidden)
    }
