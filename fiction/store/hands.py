"""Locking a card and recording a redraw, on a hand as plain data.

The engine draws the new cards; the store keeps what must hold whoever
draws: a locked card stays, the redraw limit is kept, and every card given
back is remembered so the engine never deals it to that hand again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fiction.cards.model import CARD_KINDS
from fiction.errors import FictionError
from fiction.store import values as check


def held(hand: Mapping[str, Any]) -> list[str]:
    return [card for kind in CARD_KINDS for card in hand[kind]]


def with_lock(hand: dict[str, Any], card: str, locked: bool) -> dict[str, Any]:
    if card not in held(hand):
        raise FictionError(f"La carte « {card} » n'est pas dans cette main.")
    others = [other for other in hand["locked"] if other != card]
    return hand | {"locked": [*others, card] if locked else others}


def redrawn(hand: dict[str, Any], cards: Mapping[str, Sequence[str]], limit: int) -> dict[str, Any]:
    """The hand after a redraw that dealt `cards` (every kind, locked cards kept)."""
    if hand["redraws"] >= limit:
        raise FictionError(
            f"Plus de nouveau tirage possible pour cette main : la limite de {limit} est atteinte."
        )
    unknown = set(cards) - set(CARD_KINDS)
    if unknown:
        raise FictionError(f"Type de carte inconnu : {', '.join(sorted(unknown))}.")
    new = {kind: list(check.card_ids(cards.get(kind, ()), kind)) for kind in CARD_KINDS}
    new_held = held(new)
    lost = [card for card in hand["locked"] if card not in new_held]
    if lost:
        raise FictionError(
            f"Un nouveau tirage doit garder les cartes verrouillées : {', '.join(lost)}."
        )
    given_back = [card for card in held(hand) if card not in new_held]
    return (
        {"round": hand["round"]}
        | new
        | {
            "locked": hand["locked"],
            "discarded": [*hand["discarded"], *given_back],
            "redraws": hand["redraws"] + 1,
        }
    )
