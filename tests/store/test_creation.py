"""A new workshop from the engine's deal, and the deck fingerprint it keeps."""

from __future__ import annotations

import dataclasses

from fiction.engine import DealRequest, deal
from fiction.store.creation import deck_hash, new_workshop
from fiction.store.model import DEFAULT_AGENDA
from fiction.store.store import Store


def test_a_new_workshop_holds_the_deal_hands_and_no_writing(builtin_deck):
    dealt = deal(builtin_deck, DealRequest(groups=5, rounds=2, seed=11, redraw_limit=3))

    workshop = new_workshop("Atelier", builtin_deck, dealt, now=10.0, date="2025-03-12")

    assert (workshop.deal.seed, workshop.deal.code) == (dealt.seed, dealt.code)
    assert (workshop.deal.rounds, workshop.deal.redraw_limit) == (2, 3)
    assert workshop.deal.parameters["groups"] == 5
    assert workshop.deck.id == builtin_deck.manifest.id
    assert workshop.agenda == DEFAULT_AGENDA
    for group in workshop.groups:
        for hand in group.hands:
            assert hand.all_ids() == dealt.hand(group.number, hand.round).all_ids()
            assert (hand.locked, hand.discarded, hand.redraws) == ((), (), 0)
        assert group.progress() == (0, 11)


def test_a_new_workshop_saves_and_loads_unchanged(builtin_deck, store: Store):
    workshop = new_workshop(
        "Atelier", builtin_deck, deal(builtin_deck, DealRequest(groups=3)), now=10.0
    )

    store.add(workshop)

    assert store.load("Atelier") == workshop


def test_pseudonyms_follow_the_deal_seed(builtin_deck):
    first = new_workshop("A", builtin_deck, deal(builtin_deck, DealRequest(3, seed=5)), now=0.0)
    again = new_workshop("B", builtin_deck, deal(builtin_deck, DealRequest(3, seed=5)), now=0.0)

    assert [g.pseudonym for g in first.groups] == [g.pseudonym for g in again.groups]


def test_the_deck_hash_changes_with_any_card_text(builtin_deck):
    figure = builtin_deck.figures[0]
    changed = dataclasses.replace(
        builtin_deck,
        figures=(
            dataclasses.replace(figure, summary=figure.summary + "!"),
            *builtin_deck.figures[1:],
        ),
    )

    assert deck_hash(builtin_deck) == deck_hash(dataclasses.replace(builtin_deck))
    assert deck_hash(changed) != deck_hash(builtin_deck)
    assert len(deck_hash(builtin_deck)) == 64
