"""The JSON Schema kept in the repository is the one the model generates, and it works."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from fiction.cards.loader import deck_files
from fiction.cards.schema import deck_file_schema, schema_text
from fiction.resources import builtin_deck_path, scaffold_deck_path, schema_path


def test_checked_in_schema_is_up_to_date():
    assert schema_path().read_text(encoding="utf-8") == schema_text(), (
        "regenerate it: fiction deck schema > decks/deck.schema.json"
    )


@pytest.mark.parametrize(
    "deck_path", [builtin_deck_path(), scaffold_deck_path()], ids=["ccas2050", "modele"]
)
def test_every_deck_file_validates_against_the_schema(deck_path):
    validator = jsonschema.Draft202012Validator(deck_file_schema())
    for path in deck_files(deck_path):
        errors = list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
        assert not errors, (path, [error.message for error in errors])


def test_schema_catches_a_typo_and_a_too_long_text():
    validator = jsonschema.Draft202012Validator(deck_file_schema())
    typo = {"roles": [{"id": "r", "titel": "x", "mission": "m", "source": "s"}]}
    assert any("titel" in error.message for error in validator.iter_errors(typo))
    too_long = {"roles": [{"id": "r", "title": "x" * 61, "mission": "m", "source": "s"}]}
    assert list(validator.iter_errors(too_long))


def test_derived_fields_are_not_offered_to_authors():
    role = deck_file_schema()["$defs"]["Role"]["properties"]
    assert "figures" not in role
    assert json.dumps(deck_file_schema(), ensure_ascii=False).count("calculé") == 0
