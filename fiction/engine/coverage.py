"""Which combinations a set of hands has already put on the table.

The engine covers theme × figure pairs first (the heart of a scenario), then
figure × context pairs. These helpers are what the dealer, the tests and the
benchmark count with, so all three agree on what "covered" means.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from fiction.engine.model import Hand


def theme_figure_pairs(hands: Iterable[Hand]) -> set[tuple[str, str]]:
    """Every (theme id, figure id) pair some hand holds."""
    return {(theme, figure) for hand in hands for theme in hand.themes for figure in hand.figures}


def figure_context_pairs(hands: Iterable[Hand]) -> set[tuple[str, str]]:
    """Every (figure id, context id) pair some hand holds."""
    return {
        (figure, context) for hand in hands for figure in hand.figures for context in hand.contexts
    }


def card_usage(hands: Iterable[Hand]) -> Counter[str]:
    """How many times each card id was dealt."""
    return Counter(card_id for hand in hands for card_id in hand.all_ids())


def hands_to_cover(hands: Iterable[Hand], pairs_wanted: int) -> int | None:
    """How many hands, in order, until `pairs_wanted` theme × figure pairs are covered."""
    seen: set[tuple[str, str]] = set()
    for count, hand in enumerate(hands, start=1):
        seen |= theme_figure_pairs([hand])
        if len(seen) >= pairs_wanted:
            return count
    return None
