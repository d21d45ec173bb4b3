"""Lock and redraw: a group keeps some cards and gets new ones for the others.

A redraw follows the same rules as the deal: the figure's own roles and
vigilance point (those of the *new* figure when the figure itself is redrawn),
the round's balance against the other groups' hands, and a group never meets
a figure it met in another round while another is left. On top of that, a card
just put back — or put back earlier in the round, given `discarded_before` — is
never dealt again: it is out of play for the round, and the balance counts the
cards still in play (so with seven groups and seven figures, a group that puts
its figure back shares one with another group rather than being refused).
Cards the facilitator chose (imposed figure, picks, assigned themes, and the
theme of a group under "un thème par groupe") always stay.

The RNG is derived from the deal's seed and the hand's state unless one is
given, so the same redraw of the same hand gives the same cards anywhere.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import cast

from fiction.cards.model import CARD_KINDS, KIND_LABELS, Deck
from fiction.engine.index import DeckIndex, deck_index
from fiction.engine.model import Deal, DealRequest, Hand
from fiction.engine.request import Plan, prepare
from fiction.errors import FictionError

_BALANCED = ("themes", "figures")


def redraw_allowed(deal: Deal | DealRequest, used: int) -> bool:
    """Whether a group that has used `used` redraws this round may redraw again."""
    return redraws_left(deal, used) > 0


def redraws_left(deal: Deal | DealRequest, used: int) -> int:
    """How many redraws a group has left this round (the store counts `used`)."""
    request = deal.request if isinstance(deal, Deal) else deal
    return max(0, request.redraw_limit - used)


def redraw(
    deck: Deck,
    deal: Deal,
    hand: Hand,
    keep: Iterable[str],
    discarded_before: Iterable[str] = frozenset(),
    *,
    others: Sequence[Hand] | None = None,
    rng: random.Random | None = None,
) -> Hand:
    """`hand` with every card not in `keep` replaced by another card of the same kind.

    `others` are the other groups' hands of the round as they stand now
    (default: as dealt). Raises `FictionError` when no card can follow the rules.
    """
    request = deal.request
    if not (1 <= hand.group <= request.groups and 1 <= hand.round <= request.rounds):
        raise FictionError(
            f"Cette main (groupe {hand.group}, tour {hand.round}) n'appartient pas à ce tirage."
        )
    keep = frozenset(keep)
    held = hand.all_ids()
    strangers = sorted(keep - set(held))
    if strangers:
        raise FictionError(f"« {strangers[0]} » n'est pas dans la main du groupe {hand.group}.")
    _, plan = prepare(deck, request)
    kept = set(keep) | _facilitator_cards(plan, request, hand)
    discarded = (set(held) - kept) | set(discarded_before)
    if others is None:
        others = [h for h in deal.rounds[hand.round - 1] if h.group != hand.group]
    if rng is None:
        state = "|".join(
            [",".join(sorted(held)), ",".join(sorted(kept)), ",".join(sorted(discarded))]
        )
        rng = random.Random(f"redraw:{deal.seed}:{hand.round}:{hand.group}:{state}")
    met = {
        figure
        for round_hands in deal.rounds
        for other in round_hands
        if other.group == hand.group and other.round != hand.round
        for figure in other.figures
    }
    drawer = _Redrawer(deck, deck_index(deck), plan, others, discarded, met, rng)
    cards = {kind: [c if c in kept else None for c in hand.ids(kind)] for kind in CARD_KINDS}
    for kind in CARD_KINDS:
        drawer.fill(kind, cards)
    # `fill` drew a card for every empty slot (or raised): no None is left.
    filled = cast("dict[str, list[str]]", cards)
    return Hand(hand.group, hand.round, **{kind: tuple(filled[kind]) for kind in CARD_KINDS})


def _facilitator_cards(plan: Plan, request: DealRequest, hand: Hand) -> set[str]:
    chosen = {card_id for ids in plan.fixed[hand.group].values() for card_id in ids}
    if request.theme_per_group:
        chosen.update(hand.themes)
    return chosen


class _Redrawer:
    """Chooses the replacement cards of one redraw, kind after kind."""

    def __init__(
        self,
        deck: Deck,
        index: DeckIndex,
        plan: Plan,
        others: Sequence[Hand],
        discarded: set[str],
        met: set[str],
        rng: random.Random,
    ) -> None:
        self.deck = deck
        self.index = index
        self.plan = plan
        self.discarded = discarded
        self.met = met
        self.rng = rng
        self.usage = Counter(card_id for other in others for card_id in other.all_ids())

    def fill(self, kind: str, cards: dict[str, list[str | None]]) -> None:
        slots = cards[kind]
        free = [position for position, card_id in enumerate(slots) if card_id is None]
        if not free:
            return
        own = self._own_need(kind, cards, len(free))
        for count, position in enumerate(free):
            held = {card_id for card_id in slots if card_id is not None}
            candidates = [
                c for c in self.plan.pools[kind] if c not in held and c not in self.discarded
            ]
            if own is not None and count < own[1]:
                candidates = [c for c in candidates if c in own[0]]
            if kind in _BALANCED:
                candidates = self._balanced(kind, candidates, slots)
            if not candidates:
                raise self._stuck(kind, own is not None and count < own[1], cards)
            if kind == "figures":
                candidates = self._figures_keeping_own_cards(candidates, cards)
                if not candidates:
                    raise FictionError(
                        "Aucune autre figure ne va avec les rôles et points de vigilance gardés : "
                        "déverrouillez-en pour que la nouvelle figure reçoive les siens."
                    )
            slots[position] = self._least_used(candidates, kind)

    def _balanced(self, kind: str, candidates: list[str], slots: list[str | None]) -> list[str]:
        """Only cards as little dealt as any still in play, so the round stays balanced."""
        usage = self.usage + Counter(c for c in slots if c is not None)
        in_play = [c for c in self.plan.pools[kind] if c not in self.discarded]
        lowest = min((usage[c] for c in in_play), default=0)
        return [c for c in candidates if usage[c] == lowest]

    def _figures_keeping_own_cards(
        self, candidates: list[str], cards: dict[str, list[str | None]]
    ) -> list[str]:
        """Figures whose own roles and vigilance can still be dealt beside the kept cards."""
        hand = self.plan.hand

        def fits(figure: str) -> bool:
            for kind, own_of, wanted in (
                ("roles", self.index.own_roles, hand.own_roles),
                ("vigilance", self.index.own_vigilance, hand.own_vigilance),
            ):
                own = set(own_of[figure])
                kept = [c for c in cards[kind] if c is not None]
                missing = wanted - sum(1 for c in kept if c in own)
                free = len(cards[kind]) - len(kept)
                available = own - set(kept) - self.discarded
                if missing > min(free, len(available & set(self.plan.pools[kind]))):
                    return False
            return True

        fitting = [c for c in candidates if fits(c)]
        fresh = [c for c in fitting if c not in self.met]
        return fresh or fitting

    def _own_need(
        self, kind: str, cards: dict[str, list[str | None]], free: int
    ) -> tuple[set[str], int] | None:
        """For roles and vigilance: the figure's own cards, and how many must be drawn."""
        if kind not in ("roles", "vigilance"):
            return None
        own_of = self.index.own_roles if kind == "roles" else self.index.own_vigilance
        wanted = self.plan.hand.own_roles if kind == "roles" else self.plan.hand.own_vigilance
        own = {c for figure in cards["figures"] if figure for c in own_of[figure]}
        missing = wanted - sum(1 for c in cards[kind] if c in own)
        return (own, max(0, min(missing, free)))

    def _least_used(self, candidates: list[str], kind: str) -> str:
        lowest = min(self.usage[c] for c in candidates)
        return self.rng.choice([c for c in candidates if self.usage[c] == lowest])

    def _stuck(self, kind: str, own: bool, cards: dict[str, list[str | None]]) -> FictionError:
        label = KIND_LABELS[kind]
        if own:
            figure = self.deck.card(next(f for f in cards["figures"] if f)).title
            return FictionError(
                f"La figure « {figure} » n'a plus d'autre carte {label} propre à tirer : "
                f"gardez une des siennes pour tirer les autres."
            )
        if kind in _BALANCED:
            return FictionError(
                f"Impossible de tirer une autre carte {label} : les autres sont déjà dans les "
                f"mains des autres groupes pour ce tour, ou viennent d'être écartées. "
                f"Gardez celle-ci (verrouillez-la)."
            )
        return FictionError(
            f"Plus aucune carte {label} à tirer pour ce groupe dans ce tour : "
            "toutes ont déjà été écartées ou distribuées."
        )
