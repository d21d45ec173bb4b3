"""Properties of `deal` over generated decks and requests."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fiction.engine import DealRequest, Hand, deal, replay, theme_figure_pairs
from fiction.errors import FictionError
from tests.engine.rules import check_deal, check_hand, spread
from tests.engine.strategies import decks, requests
from tests.profiles import examples

SETTINGS = settings(
    max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(st.data())
def test_every_deal_follows_the_rules_and_its_seed_and_code_give_it_back(data):
    """Three properties of one drawn deck and request (drawing them costs more than
    dealing): the deal follows the rules; the same seed gives the same deal and its
    code gives it back, typed in any case and spacing; without a seed, the deal
    records the seed it drew, which gives the same deal again."""
    deck = data.draw(decks())
    request = data.draw(requests(deck))
    first = deal(deck, request)
    check_deal(deck, first)
    assert deal(deck, request) == first
    assert replay(deck, first.code) == first
    assert replay(deck, first.code.lower().replace("-", " ")) == first

    unseeded = dataclasses.replace(request, seed=None)
    dealt = deal(deck, unseeded)
    assert dealt.request.seed == dealt.seed
    assert deal(deck, dataclasses.replace(unseeded, seed=dealt.seed)) == dealt


@SETTINGS
@given(st.data())
def test_excluded_cards_are_never_dealt(data):
    deck = data.draw(decks())
    request = data.draw(requests(deck))
    contexts = [c.id for c in deck.contexts]
    room = len(contexts) - deck.manifest.hand.contexts
    excluded = tuple(data.draw(st.lists(st.sampled_from(contexts), max_size=room, unique=True)))
    dealt = deal(deck, dataclasses.replace(request, excluded=excluded))
    assert not set(excluded) & {c for hand in dealt.hands() for c in hand.all_ids()}
    check_deal(deck, dealt)


@SETTINGS
@given(st.data())
def test_facilitator_choices_are_in_every_round(data):
    deck = data.draw(decks())
    hand = deck.manifest.hand
    request = data.draw(requests(deck))
    themes = ()
    if hand.themes:
        theme = data.draw(st.sampled_from(deck.themes)).id
        themes = ((1, theme),)
    figure = data.draw(st.sampled_from(deck.figures)).id if hand.figures else None
    request = dataclasses.replace(request, themes=themes, figure=figure, theme_per_group=False)
    dealt = deal(deck, request)
    for hand_dealt in dealt.hands():
        check_hand(deck, hand, hand_dealt)
        if figure:
            assert figure in hand_dealt.figures
        if themes and hand_dealt.group == 1:
            assert themes[0][1] in hand_dealt.themes


@settings(max_examples=examples(200), deadline=None)
@given(
    st.data(),
    st.integers(-2, 40),
    st.integers(-1, 20),
    st.integers(-5, 2**26),
    st.lists(
        st.tuples(
            st.integers(-1, 14),
            st.sampled_from(["fig-0", "theme-0", "role-0", "ctx-0", "vig-0", "inconnue"]),
        )
    ),
    st.lists(st.sampled_from(["fig-0", "theme-0", "role-0", "ctx-0", "vig-0", "inconnue"])),
)
def test_any_request_deals_by_the_rules_or_refuses_in_french(
    data, groups, rounds, seed, picks, excluded
):
    deck = data.draw(decks(max_figures=3))
    request = DealRequest(
        groups=groups, rounds=rounds, seed=seed, picks=tuple(picks), excluded=tuple(excluded)
    )
    try:
        dealt = deal(deck, request)
    except FictionError as error:
        assert error.message.endswith((".", "?")), error.message
        return
    for hand in dealt.hands():
        check_hand(deck, dealt.request.hand, hand, excluded)
        for group, card_id in picks:
            if group == hand.group:
                assert card_id in hand.all_ids()


@SETTINGS
@given(st.data())
def test_a_round_covers_as_many_new_pairs_as_the_rules_allow(data):
    """Given earlier hands, the first round is as good as the best one found by brute force."""
    deck = data.draw(decks(max_figures=4).filter(lambda d: len(d.themes) <= 4))
    spec = dataclasses.replace(deck.manifest.hand, themes=1, figures=1)
    groups = data.draw(st.integers(1, 3))
    history = [
        Hand(0, 0, themes=(theme.id,), figures=(figure.id,))
        for theme in deck.themes
        for figure in deck.figures
        if data.draw(st.booleans())
    ]
    request = DealRequest(groups=groups, seed=data.draw(st.integers(0, 1000)), hand=spec)
    covered = theme_figure_pairs(history)
    dealt = deal(deck, request, history)
    got = len(theme_figure_pairs(dealt.rounds[0]) - covered)
    assert got == _best_new_pairs(deck, groups, covered)


def _best_new_pairs(deck, groups, covered):
    themes = [t.id for t in deck.themes]
    figures = [f.id for f in deck.figures]
    best = 0
    for choice in itertools.product(itertools.product(themes, figures), repeat=groups):
        hands = [Hand(g, 1, themes=(t,), figures=(f,)) for g, (t, f) in enumerate(choice, 1)]
        if spread(hands, "themes", themes) <= 1 and spread(hands, "figures", figures) <= 1:
            best = max(best, len(set(choice) - covered))
    return best


@pytest.mark.parametrize("rounds", [1, 3])
def test_rounds_beyond_the_figures_are_refused(builtin_deck, rounds):
    with pytest.raises(FictionError, match="deux fois la même figure"):
        deal(builtin_deck, DealRequest(groups=2, rounds=7 + rounds))
