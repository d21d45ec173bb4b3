"""Group pseudonyms: "Animal Adjectif", agreed in gender, unique, reproducible."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fiction.errors import FictionError
from fiction.store.pseudonyms import ADJECTIVES, ANIMALS, pseudonyms

GENDER = dict(ANIMALS)
MASCULINE = {masculine for masculine, _ in ADJECTIVES}
FEMININE = {feminine for _, feminine in ADJECTIVES}


@given(count=st.integers(0, len(ANIMALS)), seed=st.integers(0, 2**32))
def test_each_group_gets_its_own_animal_with_an_agreeing_adjective(count: int, seed: int):
    names = pseudonyms(count, random.Random(seed))

    animals = [name.split(" ", 1)[0] for name in names]
    assert len(names) == count
    assert len(set(animals)) == count
    for name in names:
        animal, adjective = name.split(" ", 1)
        assert adjective in (MASCULINE if GENDER[animal] == "m" else FEMININE)


def test_the_same_seed_gives_the_same_pseudonyms():
    assert pseudonyms(8, random.Random(42)) == pseudonyms(8, random.Random(42))


def test_feminine_animals_take_the_feminine_form():
    feminine_forms = {
        f"{animal} {feminine}"
        for animal, gender in ANIMALS
        if gender == "f"
        for _, feminine in ADJECTIVES
    }
    assert "Loutre Curieuse" in feminine_forms
    assert "Loutre Curieux" not in feminine_forms


def test_more_groups_than_animals_is_refused_in_french():
    with pytest.raises(FictionError, match="Impossible de nommer 33 groupes"):
        pseudonyms(33, random.Random(0))
