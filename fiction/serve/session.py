"""One browser tab's app: `python -m fiction.serve.session --store FICHIER [--deck DOSSIER]
[--role groupe|animation] [--workshop NOM] [--touch]`.

`fiction serve` starts this module once per browser tab (textual-serve's
environment selects Textual's web driver). It is the workshop app itself,
on the store the server names, so every tab shares it. A group's tab
(`--role groupe`, the default) gets the groups' screens only, and with
`--workshop` (it entered with that workshop's join code) that workshop's
groups only; the facilitator's tab (`--role animation`) gets the whole app.
`--touch`: the page is on a touch screen, so screens show buttons where they
would name keys.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fiction.store.location import store_location


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="fiction-session", add_help=False)
    parser.add_argument("--store", type=store_location, required=True)
    parser.add_argument("--deck", type=Path)
    parser.add_argument("--role", choices=("groupe", "animation"), default="groupe")
    parser.add_argument("--workshop")
    parser.add_argument("--touch", action="store_true")
    options = parser.parse_args(argv)
    from fiction.tui.app import FictionApp

    FictionApp(
        store_path=options.store,
        deck_path=options.deck,
        role=options.role,
        group_workshop=options.workshop,
        touch=options.touch,
    ).run()


if __name__ == "__main__":
    main()
