"""Card titles and questions for printed and exported text, from the workshop's deck.

A workshop can outlive its deck (or be exported without it): then a card is
named by its id rather than making the whole document fail.
"""

from __future__ import annotations

from typing import Any

from fiction.cards.model import Deck


class CardNames:
    """Card titles and questions from the deck, or ids when it is not at hand."""

    def __init__(self, deck: Deck | None) -> None:
        self.deck = deck

    def _card(self, card_id: str) -> Any:
        if self.deck is None:
            return None
        try:
            return self.deck.card(card_id)
        except KeyError:
            return None

    def title(self, card_id: str) -> str:
        card = self._card(card_id)
        return card.title if card is not None else card_id

    def question(self, card_id: str) -> str:
        return getattr(self._card(card_id), "question", "")
