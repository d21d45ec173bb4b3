"""The engine on the built-in CCAS 2050 deck: coverage, reproducibility across machines."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from fiction.engine import (
    DealRequest,
    deal,
    figure_context_pairs,
    hands_to_cover,
    theme_figure_pairs,
)
from tests.engine.rules import check_deal

ALL_PAIRS = 35  # 5 themes × 7 figures


@pytest.mark.parametrize("seed", range(0, 400, 20))
def test_seven_groups_over_five_rounds_cover_all_35_pairs_in_35_hands(builtin_deck, seed):
    dealt = deal(builtin_deck, DealRequest(groups=7, rounds=5, seed=seed))
    check_deal(builtin_deck, dealt)
    assert hands_to_cover(dealt.hands(), ALL_PAIRS) == ALL_PAIRS


@pytest.mark.parametrize("groups", [5, 7])
def test_sessions_given_their_history_cover_all_pairs_at_the_bound(builtin_deck, groups):
    """Five sessions of one round each, each told the earlier ones, reach the bound too."""
    history = []
    for session in range(ALL_PAIRS // groups):
        dealt = deal(builtin_deck, DealRequest(groups=groups, seed=100 + session), history)
        history += dealt.hands()
        assert len(theme_figure_pairs(history)) == len(history)
    assert len(theme_figure_pairs(history)) == ALL_PAIRS


def test_contexts_spread_over_figures_before_repeating(builtin_deck):
    dealt = deal(builtin_deck, DealRequest(groups=7, rounds=5, seed=4))
    pairs = figure_context_pairs(dealt.hands())
    assert len(pairs) == 7 * 5 * 2  # 70 hands' worth of context cards, no pair twice


def test_ten_groups_share_seven_figures_evenly(builtin_deck):
    dealt = deal(builtin_deck, DealRequest(groups=10, rounds=2, seed=9))
    check_deal(builtin_deck, dealt)
    assert len(theme_figure_pairs(dealt.hands())) == 20


def _deal_in_subprocess(hash_seed: str) -> str:
    script = (
        "import json;"
        "from fiction.cards.loader import load_deck;"
        "from fiction.resources import builtin_deck_path;"
        "from fiction.engine import DealRequest, deal;"
        "d = deal(load_deck(builtin_deck_path()), DealRequest(groups=9, rounds=3, seed=123456, "
        "theme_per_group=True, excluded=('radar',)));"
        "print(json.dumps([d.code, [[h.all_ids() for h in r] for r in d.rounds]]))"
    )
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True
    ).stdout


def test_the_same_seed_deals_the_same_hands_in_another_process(builtin_deck):
    first, second = _deal_in_subprocess("1"), _deal_in_subprocess("4242")
    assert first == second
    code, rounds = json.loads(first)
    here = deal(
        builtin_deck,
        DealRequest(groups=9, rounds=3, seed=123456, theme_per_group=True, excluded=("radar",)),
    )
    assert here.code == code
    assert [[list(h.all_ids()) for h in r] for r in here.rounds] == rounds
