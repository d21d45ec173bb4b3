"""Blank cards: a workshop's own cards are checked like the deck's and dealt like them."""

from __future__ import annotations

import dataclasses

import pytest

from fiction.cards.model import Context, Role
from fiction.engine import DealRequest, deal, replay, with_blank_cards
from fiction.errors import FictionError

COMMUNE = Context(
    id="notre-commune",
    title="Notre commune",
    kind="territoire",
    phrase="de commune de 12 000 habitants dont un quart a plus de 65 ans",
    text="Notre commune, 12 000 habitants, un quart de plus de 65 ans.",
    source="Atelier du CCAS",
)
LOCAL_ROLE = Role("facteur-solidaire", "Facteur solidaire", "Passe voir les aînés.", "Atelier")


def test_a_blank_context_can_be_picked_and_is_dealt_like_the_others(builtin_deck):
    deck = with_blank_cards(builtin_deck, [COMMUNE, LOCAL_ROLE])
    assert deck.card("notre-commune") == COMMUNE
    assert len(deck.contexts) == len(builtin_deck.contexts) + 1
    dealt = deal(deck, DealRequest(groups=3, seed=2, picks=((2, "notre-commune"),)))
    assert "notre-commune" in dealt.hand(2).contexts
    assert replay(deck, dealt.code) == dealt
    many = deal(deck, DealRequest(groups=12, rounds=5, seed=3))
    dealt_ids = {card_id for hand in many.hands() for card_id in hand.all_ids()}
    assert {"notre-commune", "facteur-solidaire"} <= dealt_ids


def test_blank_cards_keep_derived_fields_right(builtin_deck):
    deck = with_blank_cards(builtin_deck, [LOCAL_ROLE])
    assert deck.inspirations == builtin_deck.inspirations
    assert deck.card("veilleur").figures == builtin_deck.card("veilleur").figures


@pytest.mark.parametrize(
    ("card", "words"),
    [
        (dataclasses.replace(COMMUNE, id="Notre Commune"), "format attendu"),
        (dataclasses.replace(COMMUNE, id="isolement-ecrans"), "déjà utilisé"),
        (dataclasses.replace(COMMUNE, phrase="x" * 141), "141 caractères, 140 au plus"),
        (dataclasses.replace(COMMUNE, kind="ville"), "n'est pas permis"),
        (dataclasses.replace(COMMUNE, title="  "), "ne doit pas être vide"),
        ("une carte", "n'est pas une carte"),
    ],
)
def test_a_bad_blank_card_is_refused_in_french(builtin_deck, card, words):
    with pytest.raises(FictionError, match=words):
        with_blank_cards(builtin_deck, [card])


def test_a_blank_figure_must_cite_real_cards(builtin_deck):
    figure = dataclasses.replace(builtin_deck.figures[0], id="figure-locale", roles=("inconnu",))
    figure = dataclasses.replace(
        figure,
        scenarios=tuple(dataclasses.replace(s, id=f"{s.id}-bis") for s in figure.scenarios),
    )
    with pytest.raises(FictionError) as caught:
        with_blank_cards(builtin_deck, [figure])
    assert "« inconnu », qui n'est pas une carte rôle" in caught.value.message
    assert "appartient déjà à la figure" in caught.value.message
