"""Lock and redraw: kept cards stay, discarded cards never come back, rules still hold."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fiction.cards.model import CARD_KINDS
from fiction.engine import DealRequest, deal, redraw, redraw_allowed, redraws_left
from fiction.errors import FictionError
from tests.engine.rules import check_hand, own_cards, spread
from tests.engine.strategies import decks, requests
from tests.profiles import examples

SETTINGS = settings(
    max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _kept(dealt, hand, keep):
    """What a redraw keeps: the locked cards, and a group's theme under "un thème par groupe"."""
    return set(keep) | (set(hand.themes) if dealt.request.theme_per_group else set())


def _check_redraw(deck, dealt, old, new, keep, discarded_before):
    keep = _kept(dealt, old, keep)
    discarded = (set(old.all_ids()) - set(keep)) | set(discarded_before)
    check_hand(deck, dealt.request.hand, new)
    for kind in CARD_KINDS:
        for before, after in zip(old.ids(kind), new.ids(kind), strict=True):
            if before in keep:
                assert after == before
            else:
                assert after not in discarded
    others = [h for h in dealt.rounds[old.round - 1] if h.group != old.group]
    for kind in ("themes", "figures"):
        in_play = [c.id for c in deck.cards(kind) if c.id not in discarded]
        assert spread([*others, new], kind, in_play) <= 1


@SETTINGS
@given(st.data())
def test_redraw_keeps_locked_cards_and_never_returns_a_discarded_one(data):
    deck = data.draw(decks())
    dealt = deal(deck, data.draw(requests(deck)))
    hand = data.draw(st.sampled_from(dealt.hands()))
    keep = set(
        data.draw(st.lists(st.sampled_from(hand.all_ids()), unique=True)) if hand.all_ids() else []
    )
    others = [c for kind in CARD_KINDS for c in (card.id for card in deck.cards(kind))]
    before = set(data.draw(st.lists(st.sampled_from(others), max_size=3, unique=True)))
    before -= set(hand.all_ids())
    try:
        new = redraw(deck, dealt, hand, keep, before)
    except FictionError as error:
        assert error.message.endswith("."), error.message
        return
    _check_redraw(deck, dealt, hand, new, keep, before)
    assert redraw(deck, dealt, hand, keep, before) == new


@SETTINGS
@given(st.data())
def test_successive_redraws_never_bring_back_any_card_of_the_round(data):
    deck = data.draw(decks())
    dealt = deal(deck, data.draw(requests(deck)))
    hand = data.draw(st.sampled_from(dealt.hands()))
    discarded: set[str] = set()
    for _ in range(data.draw(st.integers(1, 3))):
        keep = {c for c in hand.all_ids() if data.draw(st.booleans())}
        try:
            new = redraw(deck, dealt, hand, keep, discarded)
        except FictionError:
            return
        _check_redraw(deck, dealt, hand, new, keep, discarded)
        discarded |= set(hand.all_ids()) - _kept(dealt, hand, keep)
        assert not discarded & set(new.all_ids())
        hand = new


@pytest.mark.parametrize("groups", [1, 4, 7])
def test_redrawing_a_whole_builtin_hand_always_works(builtin_deck, groups):
    for seed in range(20):
        dealt = deal(builtin_deck, DealRequest(groups=groups, seed=seed))
        hand = dealt.hand(1)
        new = redraw(builtin_deck, dealt, hand, keep=())
        _check_redraw(builtin_deck, dealt, hand, new, (), ())
        assert not set(new.all_ids()) & set(hand.all_ids())


def test_a_new_figure_brings_its_own_roles_and_vigilance(builtin_deck):
    dealt = deal(builtin_deck, DealRequest(groups=3, seed=11))
    hand = dealt.hand(2)
    keep = set(hand.themes) | set(hand.contexts) | set(hand.inspirations)
    new = redraw(builtin_deck, dealt, hand, keep)
    assert new.figures != hand.figures
    own_roles = own_cards(builtin_deck, new, "roles")
    assert sum(1 for r in new.roles if r in own_roles) >= 2
    assert set(new.vigilance) & own_cards(builtin_deck, new, "vigilance")


def test_a_figure_that_cannot_keep_the_locked_roles_is_refused_in_french(builtin_deck):
    dealt = deal(builtin_deck, DealRequest(groups=7, seed=3))
    hand = dealt.hand(2)
    with pytest.raises(FictionError, match="Aucune autre figure ne va avec"):
        redraw(builtin_deck, dealt, hand, keep=set(hand.all_ids()) - set(hand.figures))


def test_the_facilitator_choices_stay_through_a_redraw(builtin_deck):
    request = DealRequest(groups=2, seed=5, figure="radar", picks=((1, "isolement-ecrans"),))
    dealt = deal(builtin_deck, request)
    new = redraw(builtin_deck, dealt, dealt.hand(1), keep=())
    assert new.figures == ("radar",)
    assert "isolement-ecrans" in new.contexts


def test_redraw_refuses_a_card_that_is_not_in_the_hand(builtin_deck):
    dealt = deal(builtin_deck, DealRequest(groups=2, seed=5))
    with pytest.raises(FictionError, match="n'est pas dans la main du groupe 1"):
        redraw(builtin_deck, dealt, dealt.hand(1), keep={"carte-inconnue"})


def test_redraw_uses_the_rng_it_is_given(builtin_deck):
    dealt = deal(builtin_deck, DealRequest(groups=2, seed=5))
    hand = dealt.hand(1)
    results = {redraw(builtin_deck, dealt, hand, (), rng=random.Random(n)) for n in range(10)}
    assert len(results) > 1
    assert redraw(builtin_deck, dealt, hand, (), rng=random.Random(1)) == redraw(
        builtin_deck, dealt, hand, (), rng=random.Random(1)
    )


@pytest.mark.parametrize(
    ("limit", "used", "allowed", "left"),
    [(2, 0, True, 2), (2, 2, False, 0), (0, 0, False, 0), (3, 5, False, 0)],
)
def test_redraw_limit_helpers(builtin_deck, limit, used, allowed, left):
    dealt = deal(builtin_deck, DealRequest(groups=1, seed=1, redraw_limit=limit))
    assert redraw_allowed(dealt, used) is allowed
    assert redraws_left(dealt.request, used) == left
