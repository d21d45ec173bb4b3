"""Hands in the store: locks that hold, a redraw limit, discarded cards remembered."""

from __future__ import annotations

import pytest

from fiction.errors import FictionError
from fiction.store.store import Store

NAME = "Atelier du Mans"
NEW_CARDS = {
    "themes": ["bonheur"],
    "figures": ["programmateur-convivialites"],
    "contexts": ["isolement-ecrans", "vieillissement-population"],
    "roles": ["animateur-de-territoires", "generateur-de-projet", "e-apiculteur"],
    "vigilance": ["deconvivialiser-les-lieux", "renforcer-l-individualisation"],
    "inspirations": ["bienveilleurs-2019"],
}


def test_locking_and_unlocking_a_card(store: Store, workshop):
    store.set_locked(NAME, 1, 1, "programmateur-convivialites", True, "Panda Zen")
    store.set_locked(NAME, 1, 1, "isolement-ecrans", True, "Panda Zen")
    store.set_locked(NAME, 1, 1, "programmateur-convivialites", False, "Panda Zen")

    assert store.load(NAME).group(1).hand(1).locked == ("isolement-ecrans",)


def test_a_card_outside_the_hand_cannot_be_locked(store: Store, workshop):
    with pytest.raises(FictionError, match="La carte « radar » n'est pas dans cette main"):
        store.set_locked(NAME, 1, 1, "radar", True, "Panda Zen")


def test_a_redraw_replaces_the_hand_counts_and_remembers_what_was_given_back(
    store: Store, workshop
):
    store.record_redraw(NAME, 1, 1, NEW_CARDS, "Panda Zen")

    hand = store.load(NAME).group(1).hand(1)
    assert hand.themes == ("bonheur",)
    assert hand.redraws == 1
    assert hand.discarded == (  # in the deck's kind order
        "vieillesses-heureuses",
        "agent-du-ccas-bar",
        "convivialite-comme-fin-en-soi",
        "besoins-invisibles",
        "ccas-bar-2019",
    )


def test_a_redraw_must_keep_the_locked_cards(store: Store, workshop):
    store.set_locked(NAME, 1, 1, "besoins-invisibles", True, "Panda Zen")

    with pytest.raises(FictionError, match="garder les cartes verrouillées : besoins-invisibles"):
        store.record_redraw(NAME, 1, 1, NEW_CARDS, "Panda Zen")


def test_redraws_stop_at_the_deals_limit(store: Store, workshop):
    store.record_redraw(NAME, 1, 1, NEW_CARDS, "Panda Zen")
    store.record_redraw(NAME, 1, 1, NEW_CARDS | {"themes": ["bonnes-santes"]}, "Panda Zen")

    with pytest.raises(FictionError, match="la limite de 2 est atteinte"):
        store.record_redraw(NAME, 1, 1, NEW_CARDS | {"themes": ["bonheur"]}, "Panda Zen")
    assert store.load(NAME).group(1).hand(1).redraws == 2


def test_a_hand_of_a_round_that_was_not_dealt_is_refused(store: Store, workshop):
    with pytest.raises(FictionError, match="pas de main pour le tour 2"):
        store.set_locked(NAME, 1, 2, "radar", True, "Panda Zen")
