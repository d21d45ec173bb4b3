"""Dealing speed and coverage of the engine, beside a naive `random.sample` dealer.

The baseline deals each hand with `random.sample` per card kind, ignoring every
rule (balance, own roles, figures met, coverage): the price of drawing cards,
with none of the engine's work. Both are measured in the same run.

Coverage counts the hands, in deal order, until all 35 theme × figure pairs of
the built-in deck have been dealt at least once; 35 is the lower bound (one new
pair per hand at best).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import sized

from fiction.cards.loader import load_deck
from fiction.cards.model import CARD_KINDS, Deck
from fiction.engine import DealRequest, Hand, deal, hands_to_cover
from fiction.resources import builtin_deck_path

GROUPS = 10
DEALS = sized(400, 3)
REPEAT = sized(5, 1)
SEEDS = sized(50, 2)
ALL_PAIRS = 35


def naive_hands(deck: Deck, groups: int, rng: random.Random) -> list[Hand]:
    """One round dealt with `random.sample`, no rule at all."""
    hand = deck.manifest.hand
    ids = {kind: [card.id for card in deck.cards(kind)] for kind in CARD_KINDS}
    return [
        Hand(g, 1, **{kind: tuple(rng.sample(ids[kind], hand.count(kind))) for kind in CARD_KINDS})
        for g in range(1, groups + 1)
    ]


def hands_per_second(function, hands_per_call: int) -> float:
    """Best of REPEAT batches of DEALS calls (the least disturbed by the machine)."""
    best = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        for seed in range(DEALS):
            function(seed)
        best = min(best, time.perf_counter() - start)
    return DEALS * hands_per_call / best


def naive_hands_to_cover(deck: Deck, seed: int) -> int:
    rng = random.Random(seed)
    hands: list[Hand] = []
    while True:
        hands += naive_hands(deck, GROUPS, rng)
        found = hands_to_cover(hands, ALL_PAIRS)
        if found is not None:
            return found


def main() -> None:
    deck = load_deck(builtin_deck_path())
    deal(deck, DealRequest(groups=GROUPS, seed=0))  # warm the deck index

    speeds = [
        (
            f"random.sample, {GROUPS} groupes (base)",
            hands_per_second(lambda s: naive_hands(deck, GROUPS, random.Random(s)), GROUPS),
        ),
        (
            f"moteur, {GROUPS} groupes, 1 tour",
            hands_per_second(lambda s: deal(deck, DealRequest(groups=GROUPS, seed=s)), GROUPS),
        ),
        (
            "moteur, 7 groupes, 5 tours (couverture)",
            hands_per_second(lambda s: deal(deck, DealRequest(groups=7, rounds=5, seed=s)), 35),
        ),
    ]
    base = speeds[0][1]
    python = sys.version.split()[0]
    print(f"Vitesse de distribution  (python {python}, meilleur de {REPEAT} × {DEALS} tirages)")
    print(f"  {'mesure':<44} {'mains/s':>10} {'× base':>8}")
    for name, speed in speeds:
        figure = f"{speed:,.0f}".replace(",", " ")
        print(f"  {name:<44} {figure:>10} {speed / base:>8.2f}")

    engine = [
        hands_to_cover(deal(deck, DealRequest(groups=7, rounds=7, seed=s)).hands(), ALL_PAIRS)
        for s in range(SEEDS)
    ]
    naive = [naive_hands_to_cover(deck, s) for s in range(SEEDS)]
    print(f"\nMains pour couvrir les {ALL_PAIRS} paires thème × figure  ({SEEDS} graines)")
    print(f"  {'donneur':<44} {'moyenne':>8} {'min':>6} {'max':>6}")
    for name, counts in (
        ("random.sample, 10 groupes par tour (base)", naive),
        ("moteur, 7 groupes par tour", engine),
    ):
        print(f"  {name:<44} {statistics.mean(counts):>8.1f} {min(counts):>6} {max(counts):>6}")
    print(f"  {'borne inférieure':<44} {ALL_PAIRS:>8}")


if __name__ == "__main__":
    main()
