"""The dealing rules, written once as plain checks the tests run on every deal."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from fiction.cards.model import CARD_KINDS, Deck, HandSpec
from fiction.engine import Deal, Hand


def own_cards(deck: Deck, hand: Hand, kind: str) -> set[str]:
    figures = [deck.card(figure_id) for figure_id in hand.figures]
    return {card_id for figure in figures for card_id in getattr(figure, kind)}


def check_hand(deck: Deck, spec: HandSpec, hand: Hand, excluded: Iterable[str] = ()) -> None:
    """Sizes, no card twice, right kinds, nothing excluded, the figure's own cards."""
    excluded = set(excluded)
    for kind in CARD_KINDS:
        ids = hand.ids(kind)
        assert len(ids) == spec.count(kind), (kind, hand)
        assert len(set(ids)) == len(ids), (kind, hand)
        assert {card_id for card_id in ids if card_id in excluded} == set()
        assert all(deck.card(card_id) in deck.cards(kind) for card_id in ids)
    for kind, wanted in (("roles", spec.own_roles), ("vigilance", spec.own_vigilance)):
        own = own_cards(deck, hand, kind)
        assert sum(1 for card_id in hand.ids(kind) if card_id in own) >= wanted, (kind, hand)


def spread(hands: Sequence[Hand], kind: str, pool: Iterable[str]) -> int:
    """Most-dealt minus least-dealt count of the kind's cards in these hands."""
    usage = Counter(card_id for hand in hands for card_id in hand.ids(kind))
    counts = [usage[card_id] for card_id in pool]
    return max(counts) - min(counts) if counts else 0


def check_deal(deck: Deck, dealt: Deal) -> None:
    """Every rule a deal without facilitator choices must follow."""
    request = dealt.request
    assert request.hand is not None
    pools = {
        kind: [c.id for c in deck.cards(kind) if c.id not in request.excluded]
        for kind in CARD_KINDS
    }
    assert len(dealt.rounds) == request.rounds
    for number, hands in enumerate(dealt.rounds, start=1):
        assert [(h.group, h.round) for h in hands] == [
            (g, number) for g in range(1, request.groups + 1)
        ]
        for hand in hands:
            check_hand(deck, request.hand, hand, request.excluded)
        for kind in ("themes", "figures"):
            assert spread(hands, kind, pools[kind]) <= 1, (kind, hands)
    if request.figure is None:
        for group in range(1, request.groups + 1):
            met = [f for hands in dealt.rounds for f in hands[group - 1].figures]
            assert len(met) == len(set(met)), (group, met)
    if request.theme_per_group:
        for group in range(1, request.groups + 1):
            assert len({hands[group - 1].themes for hands in dealt.rounds}) == 1
