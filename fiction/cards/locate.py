"""Which deck to open: the one a user chose, or the built-in one.

Every command and screen that needs a deck asks here, so they all agree on
which deck a workshop was dealt from and say the same thing when it is not
open.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fiction.cards.loader import load_deck, resolve_deck_folder
from fiction.cards.model import Deck
from fiction.errors import FictionError
from fiction.resources import builtin_deck_path


class MissingDeckError(FictionError):
    """The deck a workshop was dealt from is neither the chosen deck nor the built-in one."""


def deck_folder(chosen: Path | None = None) -> Path:
    """The folder of the chosen deck (a folder or its manifest file), else the built-in one."""
    return builtin_deck_path() if chosen is None else resolve_deck_folder(chosen)


def chosen_deck(chosen: Path | None = None) -> Deck:
    """The chosen deck, else the built-in one (raises `DeckError` if it cannot be used)."""
    return load_deck(deck_folder(chosen))


def workshop_deck(
    workshop: str,
    deck_id: str,
    chosen: Path | None = None,
    *,
    load: Callable[[Path], Deck] = load_deck,
) -> Deck:
    """The deck workshop `workshop` was dealt from, whose manifest id is `deck_id`.

    The chosen deck is tried first, then the built-in one; the first whose id
    is `deck_id` is the workshop's deck. A chosen deck with another id is
    passed over, not refused: the app runs with one chosen deck and opens the
    workshops of the built-in deck as well, and a command handed the wrong
    deck still prints the right cards when the built-in deck is the right one.

    Raises `MissingDeckError` when neither deck is the workshop's (callers
    that can name cards by their ids catch it and go on without a deck), and
    `DeckError` when a deck tried cannot be read. `load` opens a deck folder;
    the app passes its cache.
    """
    tried = []
    for folder in (chosen, builtin_deck_path()):
        if folder is None:
            continue
        deck = load(folder)
        if deck.manifest.id == deck_id:
            return deck
        tried.append(deck.manifest.id)
    opened = ""
    if chosen is not None:
        opened = f" (le jeu indiqué est « {tried[0]} »)"
    raise MissingDeckError(
        f"L'atelier « {workshop} » a été distribué avec le jeu « {deck_id} »{opened} : "
        "indiquez le dossier de ce jeu avec --deck DOSSIER."
    )
