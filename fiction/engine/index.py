"""The facts about a deck the engine looks up on every card it deals, computed once.

A deck is a frozen dataclass whose hash walks every card, far too slow to key a
cache by on each deal; the index is cached by the deck's identity instead, and
dropped when the deck is.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from fiction.cards.model import CARD_KINDS, Deck


@dataclass(frozen=True)
class DeckIndex:
    """Card ids by kind (deck order), each id's kind, and each figure's own cards."""

    ids: dict[str, tuple[str, ...]]
    kind_of: dict[str, str]
    own_roles: dict[str, tuple[str, ...]]
    own_vigilance: dict[str, tuple[str, ...]]
    titles: dict[str, str]
    code_order: tuple[str, ...]  # every id, kind after kind: the numbering replay codes use


_CACHE: dict[int, DeckIndex] = {}


def deck_index(deck: Deck) -> DeckIndex:
    """The index of `deck`, built on first use and kept while the deck lives."""
    key = id(deck)
    found = _CACHE.get(key)
    if found is None:
        found = _build(deck)
        _CACHE[key] = found
        weakref.finalize(deck, _CACHE.pop, key, None)
    return found


def _build(deck: Deck) -> DeckIndex:
    ids = {kind: tuple(card.id for card in deck.cards(kind)) for kind in CARD_KINDS}
    kind_of = {card_id: kind for kind in CARD_KINDS for card_id in ids[kind]}
    return DeckIndex(
        ids=ids,
        kind_of=kind_of,
        own_roles={
            f.id: tuple(r for r in f.roles if kind_of.get(r) == "roles") for f in deck.figures
        },
        own_vigilance={
            f.id: tuple(v for v in f.vigilance if kind_of.get(v) == "vigilance")
            for f in deck.figures
        },
        titles={card.id: card.title for kind in CARD_KINDS for card in deck.cards(kind)},
        code_order=tuple(card_id for kind in CARD_KINDS for card_id in ids[kind]),
    )
