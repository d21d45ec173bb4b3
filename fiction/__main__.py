"""Allow `python -m fiction`."""

from __future__ import annotations

from fiction.cli import main

main()
