"""Facilitation activities (issue 18): a kind of card the deck holds, shows and
prints, but never deals to a group."""

from __future__ import annotations

import dataclasses

from fiction.cards.kinds import CARD_KINDS, DECK_KINDS, UNDEALT_KINDS
from fiction.cards.loader import load_deck
from fiction.cards.model import HandSpec
from fiction.cards.serialize import deck_to_authored, dump_deck
from fiction.engine import DealRequest, deal
from fiction.engine.index import deck_index
from fiction.render.faces import deck_faces

FROM_THE_WORKING_LAB = {
    "carte-mentale-de-presentation",
    "meteo-nuage-de-mots",
    "nuage-de-difficultes",
    "marche-remue-meninges",
    "essaim-de-solutions",
    "tableau-d-idees-par-categorie",
    "formulaire-de-satisfaction",
}
FROM_THE_TRANSISTOR_DAY = {
    "confidences-et-petits-papiers",
    "frise-des-temps-forts",
    "creer-maintenir-amplifier-reduire-arreter",
    "accelerateur-de-projet",
    "dessine-moi",
    "entretiens-croises",
    "mon-prochain-petit-pas",
    "bilan-en-une-ligne",
}


def test_activities_are_a_deck_kind_but_not_a_dealt_one():
    assert UNDEALT_KINDS == ("activities",)
    assert "activities" in DECK_KINDS and "activities" not in CARD_KINDS
    assert not hasattr(HandSpec(), "activities")


def test_the_builtin_deck_carries_the_seeds_activities_each_citing_its_source(builtin_deck):
    by_id = {activity.id: activity for activity in builtin_deck.activities}
    assert set(by_id) == FROM_THE_WORKING_LAB | FROM_THE_TRANSISTOR_DAY
    for card_id in FROM_THE_WORKING_LAB:
        assert by_id[card_id].source.startswith("ACTAS La Réunion"), card_id
    for card_id in FROM_THE_TRANSISTOR_DAY:
        assert by_id[card_id].source.startswith("Agate, journée bilan du Transistor"), card_id
    for activity in builtin_deck.activities:
        assert activity.purpose and activity.duration and activity.group_size
        assert activity.material and activity.steps


def test_the_project_accelerator_keeps_the_sources_order(builtin_deck):
    steps = " ".join(builtin_deck.card("accelerateur-de-projet").steps)
    order = ["Exposé", "Compréhension", "reformulation", "Idéation", "plan d'action"]
    positions = [steps.index(word) for word in order]
    assert positions == sorted(positions)


def test_the_change_review_has_its_five_columns(builtin_deck):
    material = " ".join(builtin_deck.card("creer-maintenir-amplifier-reduire-arreter").material)
    for column in ("Créer", "Maintenir", "Amplifier", "Réduire", "Arrêter"):
        assert column in material


def test_no_hand_ever_holds_an_activity(builtin_deck):
    activity_ids = {activity.id for activity in builtin_deck.activities}
    result = deal(builtin_deck, DealRequest(groups=7, rounds=2, seed=3))
    dealt = {card for hand in result.hands() for card in hand.all_ids()}
    assert dealt and not dealt & activity_ids
    assert not set(deck_index(builtin_deck).code_order) & activity_ids


def test_activities_round_trip_through_yaml(builtin_deck, tmp_path):
    dump_deck(builtin_deck, tmp_path)
    reloaded = load_deck(tmp_path)
    assert reloaded.activities == builtin_deck.activities
    assert reloaded.manifest.colours.activities == builtin_deck.manifest.colours.activities


def test_a_deck_without_activities_is_written_as_before(builtin_deck):
    bare = dataclasses.replace(
        builtin_deck,
        activities=(),
        manifest=dataclasses.replace(
            builtin_deck.manifest,
            colours=dataclasses.replace(builtin_deck.manifest.colours, activities="#3b6e74"),
        ),
    )
    authored = deck_to_authored(bare)
    assert "activities" not in authored
    assert "activities" not in authored["deck"]["colours"]


def test_activities_have_their_own_colour_and_faces(builtin_deck):
    colours = dataclasses.asdict(builtin_deck.manifest.colours)
    assert len(set(colours.values())) == len(colours)
    faces = deck_faces(builtin_deck, ("activities",))
    assert len(faces) == len(builtin_deck.activities)
    first = faces[0]
    assert first.label == "activité d'animation" and first.subtitle.startswith("Durée : ")
    assert {block.name for block in first.blocks} == {"purpose", "material", "steps"}
