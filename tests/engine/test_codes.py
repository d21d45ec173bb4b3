"""Replay codes: short, round-trip every request, and catch mistyped characters."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fiction.cards.model import HandSpec
from fiction.engine import DealRequest, deal, decode, normalise_code, replay
from fiction.engine.codes import ALPHABET, encode
from fiction.errors import FictionError
from tests.engine.strategies import decks, requests
from tests.profiles import examples

SETTINGS = settings(
    max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{1,4})+$")


@st.composite
def requests_with_choices(draw):
    deck = draw(decks())
    request = draw(requests(deck))
    hand = deck.manifest.hand
    if draw(st.booleans()):
        hand = HandSpec(
            **{kind: draw(st.integers(0, hand.count(kind))) for kind in dataclasses.asdict(hand)}
        )
    themes = ()
    if hand.themes and draw(st.booleans()):
        themes = ((draw(st.integers(1, request.groups)), draw(st.sampled_from(deck.themes)).id),)
    figure = (
        draw(st.sampled_from(deck.figures)).id if hand.figures and draw(st.booleans()) else None
    )
    contexts = [c.id for c in deck.contexts]
    excluded = ()
    if len(contexts) > hand.contexts + 1 and draw(st.booleans()):
        excluded = (contexts[-1],)
    request = dataclasses.replace(
        request,
        hand=hand,
        themes=themes,
        figure=figure,
        excluded=excluded,
        theme_per_group=draw(st.booleans()),
    )
    return deck, request


@SETTINGS
@given(requests_with_choices())
def test_a_code_gives_back_the_request_and_the_deal(case):
    deck, request = case
    dealt = deal(deck, request)
    assert CODE.match(dealt.code), dealt.code
    assert decode(deck, dealt.code) == dealt.request
    assert replay(deck, dealt.code) == dealt


def test_a_plain_deal_has_an_eight_character_code(builtin_deck):
    dealt = deal(builtin_deck, DealRequest(groups=12, rounds=5, seed=2**25 - 1))
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}", dealt.code)
    assert replay(builtin_deck, dealt.code) == dealt


def test_card_choices_make_the_code_longer_but_exact(builtin_deck):
    request = DealRequest(
        groups=3, seed=7, figure="radar", themes=((2, "bonheur"),), excluded=("veilleur",)
    )
    dealt = deal(builtin_deck, request)
    assert len(dealt.code.replace("-", "")) > 8
    again = replay(builtin_deck, dealt.code)
    assert again.request.figure == "radar"
    assert again.request.themes == ((2, "bonheur"),)
    assert again == dealt


@settings(max_examples=examples(60), deadline=None)
@given(st.integers(0, 2**25 - 1), st.integers(1, 32), st.data())
def test_any_single_mistyped_character_is_caught(builtin_deck, seed, groups, data):
    deck = builtin_deck
    # The code `deal` gives this request (its normalised form: the deck's hand filled
    # in), without dealing the hands: `deal` writes its code with `encode`, and
    # test_a_code_gives_back_the_request_and_the_deal checks the codes `deal` gives.
    code = encode(deck, DealRequest(groups=groups, rounds=1, seed=seed, hand=deck.manifest.hand))
    symbols = code.replace("-", "")
    position = data.draw(st.integers(0, len(symbols) - 1))
    wrong = data.draw(st.sampled_from([s for s in ALPHABET if s != symbols[position]]))
    typo = symbols[:position] + wrong + symbols[position + 1 :]
    with pytest.raises(FictionError, match="erroné"):
        decode(deck, typo)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("K7F3", "trop court"),
        ("K7F3-92QU", "« U » n'est pas un caractère de code"),
        ("K7F3-92Q*", "« \\* » n'est pas un caractère de code"),
    ],
)
def test_malformed_codes_are_refused_in_french(builtin_deck, code, message):
    with pytest.raises(FictionError, match=message):
        decode(builtin_deck, code)


def test_look_alike_letters_read_as_digits(builtin_deck):
    code = deal(builtin_deck, DealRequest(groups=2, seed=1)).code
    assert "0" in code or "1" in code
    typed = code.replace("0", "o").replace("1", "l").lower()
    assert normalise_code(typed) == code
    assert decode(builtin_deck, typed) == decode(builtin_deck, code)


def test_a_code_made_with_another_deck_is_refused(builtin_deck, model_deck_dir):
    from fiction.cards.loader import load_deck

    request = DealRequest(groups=2, seed=1, excluded=(builtin_deck.inspirations[-1].id,))
    code = deal(builtin_deck, request).code
    with pytest.raises(FictionError, match="autre jeu de cartes"):
        decode(load_deck(model_deck_dir), code)
