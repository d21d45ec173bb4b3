"""Where the files that ship with fiction live, installed or in a checkout.

A wheel carries the built-in decks and the print templates inside the package
(`fiction/_data/`); an editable install or a checkout reads them from the top
of the repository, where deck authors find them.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """`decks` or `templates`, wherever this copy of fiction keeps them."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"fiction data folder {name!r} is missing from this installation")


BUILTIN_DECK = "ccas2050"
SCAFFOLD_DECK = "modele"


def builtin_deck_path() -> Path:
    return data_dir("decks") / BUILTIN_DECK


def scaffold_deck_path() -> Path:
    return data_dir("decks") / SCAFFOLD_DECK


def schema_path() -> Path:
    return data_dir("decks") / "deck.schema.json"
