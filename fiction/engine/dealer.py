"""Deal hands that keep the round balanced and cover the deck's combinations early.

Each round first chooses every group's themes and figures together. Balance
(no card twice in a round while another is left, see `matching.water_fill`)
and "never the same figure twice for a group" are hard rules; within them the
dealer builds several candidate rounds, AETG-style, and keeps the one that puts
the most new theme × figure pairs on the table (ties go to the seeded RNG).
Contexts then go where they make new figure × context pairs; the other kinds
come from a shuffled shoe, least-dealt cards first, so a deal goes through the
whole deck before repeating a card.

Should a whole deal end up breaking a rule (a greedy choice in an early round
can leave a later round without a solution), it is dealt again from the same
RNG stream, a bounded number of times, and the best attempt is kept: the
result stays a pure function of deck, request, history and seed.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from fiction.cards.model import CARD_KINDS, Deck
from fiction.engine.coverage import card_usage, figure_context_pairs, theme_figure_pairs
from fiction.engine.index import DeckIndex, deck_index
from fiction.engine.matching import SlotMatcher, water_fill
from fiction.engine.model import Deal, DealRequest, Hand
from fiction.engine.request import Plan, prepare

CANDIDATES = 12
ATTEMPTS = 6
_SHOE_KINDS = ("contexts", "roles", "vigilance", "inspirations")

Draft = dict[int, dict[str, list[str]]]


def deal(deck: Deck, request: DealRequest, history: Sequence[Hand] = ()) -> Deal:
    """Deal `request` from `deck`; `history` (earlier sessions' hands) steers coverage.

    Raises `FictionError` (in French) for an impossible or conflicting request.
    """
    from fiction.engine.codes import encode

    normal, plan = prepare(deck, request)
    assert normal.seed is not None
    rng = random.Random(normal.seed)
    best: tuple[tuple[int, int], tuple[tuple[Hand, ...], ...]] | None = None
    for _ in range(ATTEMPTS):
        dealer = _Dealer(deck_index(deck), normal, plan, history, rng)
        rounds = dealer.run()
        score = (-dealer.violations, dealer.covered)
        if best is None or score > best[0]:
            best = (score, rounds)
        if dealer.violations == 0:
            break
    assert best is not None
    return Deal(request=normal, seed=normal.seed, code=encode(deck, normal), rounds=best[1])


class _Shoe:
    """A kind's cards in dealing order: a drawn card goes to the back."""

    def __init__(self, ids: Iterable[str], rng: random.Random, usage: Counter[str]) -> None:
        order = list(ids)
        rng.shuffle(order)
        order.sort(key=lambda card_id: usage[card_id])
        self.order = order

    def draw(self, accept: Callable[[str], bool]) -> str | None:
        for position, card_id in enumerate(self.order):
            if accept(card_id):
                del self.order[position]
                self.order.append(card_id)
                return card_id
        return None


class _Dealer:
    """One attempt at a whole deal, with the coverage state it builds up."""

    def __init__(
        self,
        index: DeckIndex,
        request: DealRequest,
        plan: Plan,
        history: Sequence[Hand],
        rng: random.Random,
    ) -> None:
        self.index = index
        self.request = request
        self.plan = plan
        self.rng = rng
        self.groups = list(range(1, request.groups + 1))
        self.theme_figure = theme_figure_pairs(history)
        self.figure_context = figure_context_pairs(history)
        usage = card_usage(history)
        self.shoes = {kind: _Shoe(plan.pools[kind], rng, usage) for kind in _SHOE_KINDS}
        self.met: dict[int, set[str]] = {group: set() for group in self.groups}
        self.dealt: Counter[str] = Counter()
        self.violations = 0
        self.covered = 0

    def run(self) -> tuple[tuple[Hand, ...], ...]:
        rounds: list[tuple[Hand, ...]] = []
        for number in range(1, self.request.rounds + 1):
            rounds.append(self._round(number, rounds[0] if rounds else None))
        return tuple(rounds)

    def _round(self, number: int, first: tuple[Hand, ...] | None) -> tuple[Hand, ...]:
        draft: Draft = {
            group: {kind: list(ids) for kind, ids in self.plan.fixed[group].items()}
            for group in self.groups
        }
        if self.request.theme_per_group and first is not None:
            for group in self.groups:
                draft[group]["themes"] = list(first[group - 1].themes)
        self._choose_themes_and_figures(draft)
        for group in self.groups:
            self._fill_hand(draft[group])
        return tuple(
            Hand(group, number, **{kind: tuple(draft[group][kind]) for kind in CARD_KINDS})
            for group in self.groups
        )

    # --- themes and figures: candidates, keep the best ---------------------------

    def _choose_themes_and_figures(self, draft: Draft) -> None:
        hand = self.plan.hand
        themes, figures = self.plan.pools["themes"], self.plan.pools["figures"]
        uncovered = [(t, f) for t in themes for f in figures if (t, f) not in self.theme_figure]
        pressure = Counter(t for t, _ in uncovered) + Counter(f for _, f in uncovered)
        bound = min(len(uncovered), len(self.groups) * hand.themes * hand.figures)
        best: tuple[tuple[int, int], Draft] | None = None
        for _ in range(CANDIDATES):
            candidate: Draft = {
                group: {kind: list(draft[group][kind]) for kind in ("themes", "figures")}
                for group in self.groups
            }
            broken = self._place(candidate, "figures", pressure)
            broken += self._place(candidate, "themes", pressure)
            new = len(self._pairs(candidate) - self.theme_figure)
            score = (-broken, new)
            if best is None or score > best[0]:
                best = (score, candidate)
            if broken == 0 and new >= bound:
                break
        assert best is not None
        (broken, new), chosen = best
        self.violations -= broken
        self.covered += new
        for group in self.groups:
            draft[group]["themes"] = chosen[group]["themes"]
            draft[group]["figures"] = chosen[group]["figures"]
            self.met[group].update(chosen[group]["figures"])
            self.dealt.update(chosen[group]["themes"] + chosen[group]["figures"])
        self.theme_figure |= self._pairs(chosen)

    def _pairs(self, draft: Draft) -> set[tuple[str, str]]:
        return {
            (theme, figure)
            for cards in draft.values()
            for theme in cards["themes"]
            for figure in cards["figures"]
        }

    def _place(self, draft: Draft, kind: str, pressure: Counter[str]) -> int:
        """Give each group its `kind` cards, level by level; return the rules broken."""
        wanted = self.plan.hand.count(kind)
        rank = {card_id: self.rng.random() for card_id in self.plan.pools[kind]}
        broken = 0
        while needing := [g for g in self.groups if len(draft[g][kind]) < wanted]:
            self.rng.shuffle(needing)
            broken += self._place_level(draft, kind, needing, rank, pressure)
        return broken

    def _place_level(
        self,
        draft: Draft,
        kind: str,
        needing: list[int],
        rank: dict[str, float],
        pressure: Counter[str],
    ) -> int:
        """One more `kind` card for each group in `needing`: balance, then new pairs."""
        usage = Counter(card_id for g in self.groups for card_id in draft[g][kind])
        must, optional = water_fill(usage, self.plan.pools[kind], len(needing))
        matcher = SlotMatcher(needing, must + optional, len(must))
        allowed, good = self._edges(draft, kind, matcher)

        def strict(group: int, card_id: str) -> bool:
            return allowed(group, card_id) and good(group, card_id)

        # Balance within the round is the slots' business; among allowed slots a
        # group prefers a new pair, then the card least dealt over the whole deal
        # and with the most pairs left to cover, which keeps later rounds solvable.
        cards = set(matcher.slots)
        standing = {c: (self.dealt[c] - pressure[c], rank[c]) for c in cards}
        orders = {}
        pairing = False
        for group in needing:
            useful = {c: good(group, c) for c in cards}
            pairing = pairing or any(useful.values())
            keys = [(not useful[card], standing[card]) for card in matcher.slots]
            orders[group] = sorted(range(len(matcher.slots)), key=keys.__getitem__)
        if pairing:  # otherwise the strict phases cannot match anything: skip them
            matcher.match_must(strict)
        matcher.match_must(allowed)
        if pairing:
            matcher.match_groups(strict, orders.__getitem__)
        matcher.match_groups(allowed, orders.__getitem__, free_first=True)
        chosen = matcher.result()
        for group, card_id in chosen.items():
            draft[group][kind].append(card_id)
        unserved = [group for group in needing if group not in chosen]
        for group in unserved:
            draft[group][kind].append(self._fallback(draft, group, kind, allowed, rank))
        unused_must = sum(1 for owner in matcher.owner[: len(must)] if owner is None)
        return len(unserved) + unused_must

    def _edges(
        self, draft: Draft, kind: str, matcher: SlotMatcher
    ) -> tuple[Callable[[int, str], bool], Callable[[int, str], bool]]:
        """`allowed`: the hard rules for a group and a card; `good`: it makes a new pair."""
        other = "themes" if kind == "figures" else "figures"
        covered = self.theme_figure
        met = self.met

        def allowed(group: int, card_id: str) -> bool:
            if card_id in draft[group][kind]:
                return False
            return kind != "figures" or card_id not in met[group]

        held_by: dict[str, list[int]] = {}
        for holder in self.groups:
            for card_id in draft[holder][kind]:
                held_by.setdefault(card_id, []).append(holder)

        def good(group: int, card_id: str) -> bool:
            partners = draft[group][other]
            if not partners:
                return False
            rivals = held_by.get(card_id, []) + matcher.holders(card_id)
            for partner in partners:
                pair = (card_id, partner) if kind == "themes" else (partner, card_id)
                if pair in covered:
                    continue
                if not any(h != group and partner in draft[h][other] for h in rivals):
                    return True
            return False

        return allowed, good

    def _fallback(
        self,
        draft: Draft,
        group: int,
        kind: str,
        allowed: Callable[[int, str], bool],
        rank: dict[str, float],
    ) -> str:
        """A card for a group the matching could not serve: least dealt, rules relaxed."""
        usage = Counter(card_id for g in self.groups for card_id in draft[g][kind])
        pool = self.plan.pools[kind]
        choices = [c for c in pool if allowed(group, c)] or [
            c for c in pool if c not in draft[group][kind]
        ]
        return min(choices, key=lambda c: (usage[c], rank[c]))

    # --- the rest of the hand ------------------------------------------------------

    def _fill_hand(self, cards: dict[str, list[str]]) -> None:
        hand = self.plan.hand
        figures = cards["figures"]
        contexts = cards["contexts"]
        while len(contexts) < hand.contexts:
            drawn = self.shoes["contexts"].draw(
                lambda c: (
                    c not in contexts and any((f, c) not in self.figure_context for f in figures)
                )
            ) or self._draw("contexts", contexts)
            contexts.append(drawn)
        self.figure_context.update((f, c) for f in figures for c in contexts)
        for kind, own_of, own_count in (
            ("roles", self.index.own_roles, hand.own_roles),
            ("vigilance", self.index.own_vigilance, hand.own_vigilance),
        ):
            held = cards[kind]
            own = {card_id for f in figures for card_id in own_of[f]}
            missing = own_count - sum(1 for card_id in held if card_id in own)
            for _ in range(min(missing, hand.count(kind) - len(held))):
                wanted = own.difference(held)
                held.append(self.shoes[kind].draw(wanted.__contains__) or self._draw(kind, held))
            while len(held) < hand.count(kind):
                held.append(self._draw(kind, held))
        while len(cards["inspirations"]) < hand.inspirations:
            cards["inspirations"].append(self._draw("inspirations", cards["inspirations"]))

    def _draw(self, kind: str, held: list[str]) -> str:
        drawn = self.shoes[kind].draw(lambda c: c not in held)
        assert drawn is not None, "request.prepare guarantees enough cards of each kind"
        return drawn
