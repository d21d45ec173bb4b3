"""One browser tab's app: `python -m fiction.serve.session --store FICHIER [--deck DOSSIER]
[--workshop NOM]` (the last for a tab that entered with that workshop's join code).

`fiction serve` starts this module once per browser tab (textual-serve's
environment selects Textual's web driver). It is the workshop app itself,
on the store the server names, so every tab shares it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fiction.store.location import store_location


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="fiction-session", add_help=False)
    parser.add_argument("--store", type=store_location, required=True)
    parser.add_argument("--deck", type=Path)
    parser.add_argument("--workshop")
    options = parser.parse_args(argv)
    from fiction.tui.app import FictionApp

    FictionApp(
        store_path=options.store, deck_path=options.deck, group_workshop=options.workshop
    ).run()


if __name__ == "__main__":
    main()
