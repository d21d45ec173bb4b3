"""The `fiction` command: one module per command group, `main` as the entry point.

`root` holds the group itself and `main`; `deck`, `deal`, `session`, `serve`
and `printing` each hold one command group; `options` the options several
commands share; `french` the French wording of Click's own messages. Every
module imports only Click at the top, so `fiction --help` starts fast.
"""

from __future__ import annotations

from fiction.cli.root import cli, main

__all__ = ["cli", "main"]
