"""The kinds of card, as a plain tuple: cheap to import where only the names are needed.

The `fiction` command offers them as choices (`--kind TYPE`) when it starts,
before any deck is read, so they live apart from the model's dataclasses,
whose creation costs more than the whole command's other modules.
"""

from __future__ import annotations

CARD_KINDS: tuple[str, ...] = (
    "themes",
    "figures",
    "roles",
    "vigilance",
    "contexts",
    "inspirations",
)
"""The kinds of card a hand deals, in the order decks list them and hands deal them."""

UNDEALT_KINDS: tuple[str, ...] = ("activities",)
"""Kinds of card a deck holds for the facilitators, never dealt to a group: a
facilitation activity runs the room, it is not material for a scenario."""

DECK_KINDS: tuple[str, ...] = (*CARD_KINDS, *UNDEALT_KINDS)
"""Every kind of card a deck may hold: the dealt ones, then the others."""
