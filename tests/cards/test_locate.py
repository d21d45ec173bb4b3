"""Which deck a workshop was dealt from: the chosen one, the built-in one, or a refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from fiction.cards.loader import load_deck
from fiction.cards.locate import MissingDeckError, chosen_deck, deck_folder, workshop_deck
from fiction.errors import DeckError, FictionError
from fiction.resources import builtin_deck_path


def test_a_workshop_of_the_built_in_deck_gets_it_when_no_deck_is_chosen():
    assert workshop_deck("Atelier", "ccas2050").manifest.id == "ccas2050"


def test_the_chosen_deck_is_the_workshops_when_its_id_matches(model_deck_dir: Path):
    deck = workshop_deck("Atelier", "mon-jeu", model_deck_dir)

    assert deck.manifest.id == "mon-jeu"


def test_a_chosen_deck_of_another_id_is_passed_over_for_the_built_in_one(model_deck_dir: Path):
    deck = workshop_deck("Atelier", "ccas2050", model_deck_dir)

    assert deck.manifest.id == "ccas2050"


def test_a_deck_at_hand_nowhere_is_refused_naming_the_workshop_its_deck_and_the_option():
    with pytest.raises(MissingDeckError) as refused:
        workshop_deck("Atelier du Mans", "jeu-perdu")

    message = str(refused.value)
    assert "« Atelier du Mans »" in message and "« jeu-perdu »" in message
    assert "--deck" in message and "indiqué" not in message


def test_the_refusal_names_the_chosen_deck_when_it_is_not_the_workshops(model_deck_dir: Path):
    with pytest.raises(MissingDeckError, match="le jeu indiqué est « mon-jeu »"):
        workshop_deck("Atelier", "jeu-perdu", model_deck_dir)


def test_a_broken_chosen_deck_is_a_deck_error_not_a_missing_deck(model_deck_dir: Path):
    (model_deck_dir / "deck.yaml").write_text("deck: [\n", encoding="utf-8")

    with pytest.raises(DeckError):
        workshop_deck("Atelier", "ccas2050", model_deck_dir)


def test_decks_are_opened_through_the_loader_given_so_a_cache_serves_them():
    opened: list[Path] = []

    def load(folder: Path):
        opened.append(folder)
        return load_deck(folder)

    workshop_deck("Atelier", "ccas2050", load=load)

    assert opened == [builtin_deck_path()]


def test_the_deck_folder_is_the_chosen_one_its_manifests_folder_or_the_built_in_one(
    model_deck_dir: Path, tmp_path: Path
):
    assert deck_folder() == builtin_deck_path()
    assert deck_folder(model_deck_dir) == model_deck_dir
    assert deck_folder(model_deck_dir / "deck.yaml") == model_deck_dir
    with pytest.raises(FictionError, match="n'existe pas"):
        deck_folder(tmp_path / "absent")


def test_the_chosen_deck_defaults_to_the_built_in_one(model_deck_dir: Path):
    assert chosen_deck().manifest.id == "ccas2050"
    assert chosen_deck(model_deck_dir).manifest.id == "mon-jeu"
