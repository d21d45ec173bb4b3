"""What the engine deals: hands, the request that determines a deal, and the deal.

Hands hold card ids, not cards: a hand is small, hashable and easy to store,
and the deck gives each id its card back. Everything here is frozen, so a deal
can be shared between the store, the app and the printer without copies.
"""

from __future__ import annotations

from dataclasses import dataclass

from fiction.cards.model import ByKind, HandSpec

# Limits of one deal. The replay code has room for exactly these (see codes.py).
MAX_GROUPS = 32
MAX_ROUNDS = 16
MAX_SEED = 2**25 - 1
MAX_PER_KIND = 15
MAX_REDRAWS = 15
DEFAULT_REDRAW_LIMIT = 2


@dataclass(frozen=True)
class Hand(ByKind):
    """The cards one group holds in one round (card ids, in deal order)."""

    group: int
    round: int
    themes: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    vigilance: tuple[str, ...] = ()
    inspirations: tuple[str, ...] = ()


@dataclass(frozen=True)
class DealRequest:
    """Everything that determines a deal (with the deck): encoded in the replay code.

    `themes` and `picks` hold for every round of the deal: a group keeps the theme
    the facilitator gave it, and a hand-picked card, like an imposed figure, is the
    facilitator's choice, exempt from the "never the same figure twice" rule.
    """

    groups: int
    rounds: int = 1
    seed: int | None = None
    hand: HandSpec | None = None
    theme_per_group: bool = False
    themes: tuple[tuple[int, str], ...] = ()
    figure: str | None = None
    picks: tuple[tuple[int, str], ...] = ()
    excluded: tuple[str, ...] = ()
    redraw_limit: int = DEFAULT_REDRAW_LIMIT


@dataclass(frozen=True)
class Deal:
    """A deal: its normalised request (seed and hand filled in), code, and hands.

    `rounds[r][g]` is the hand of group `g + 1` in round `r + 1`.
    """

    request: DealRequest
    seed: int
    code: str
    rounds: tuple[tuple[Hand, ...], ...]

    def hands(self) -> tuple[Hand, ...]:
        """Every hand of the deal, round after round."""
        return tuple(hand for round_hands in self.rounds for hand in round_hands)

    def hand(self, group: int, round_number: int = 1) -> Hand:
        """The hand of `group` in `round_number` (both 1-based)."""
        return self.rounds[round_number - 1][group - 1]


@dataclass(frozen=True)
class Prompt:
    """The texts composed from a hand: the "Et si demain…" question and a starter."""

    question: str
    starter: str
