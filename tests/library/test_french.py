"""The normaliser: one form per word, whatever its case, accents, gender or inclusive form."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fiction.library.french import forms, normalise, words

FRENCH_LETTERS = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ"
french_text = st.text(alphabet=FRENCH_LETTERS + " '’-·.,", max_size=60)
stems = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10)


def without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


@given(french_text)
def test_case_never_changes_the_normal_form(text):
    assert normalise(text.upper()) == normalise(text) == normalise(text.title())


@given(french_text)
def test_accents_never_change_the_normal_form(text):
    assert normalise(without_accents(text)) == normalise(text)


@given(stems)
def test_every_form_of_an_agent_noun_in_eur_meets_the_masculine(stem):
    masculine = normalise(stem + "eur")
    for form in ("eurs", "euse", "euses", "eur·euse", "eur·euses", "eur·euse·s", "eur.euse.s"):
        assert normalise(stem + form) == masculine, stem + form


@given(stems)
def test_every_form_of_an_agent_noun_in_teur_meets_the_masculine(stem):
    masculine = normalise(stem + "teur")
    for form in ("trice", "trices", "teurs", "teur·rice·s", "teur·trices"):
        assert normalise(stem + form) == masculine, stem + form


@given(stems)
def test_every_form_of_an_adjective_in_if_meets_the_masculine(stem):
    masculine = normalise(stem + "if")
    for form in ("ifs", "ive", "ives", "if·ve·s", "if·ive·s"):
        assert normalise(stem + form) == masculine, stem + form


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("Les bienveilleuses du quartier", "bienveilleur"),
        ("Bienveilleur·euses", "bienveilleurs"),
        ("habitant·es", "Habitants"),
        ("élu.e.s", "ÉLUS"),
        ("citoyennes", "citoyen"),
        ("boulangères", "boulanger"),
        ("sociales", "social"),
        ("journaux", "journal"),
        ("heureuses", "heureux"),
        ("créatrice", "créateurs"),
    ],
)
def test_a_form_finds_its_other_forms(typed, searched):
    assert set(forms(searched)) <= set(forms(typed))


def test_stop_words_are_left_out_and_numbers_kept():
    assert forms("Les enfants du quartier en 2050") == forms("enfants quartier 2050")
    assert "2050" in forms("en 2050")


def test_vivre_ensemble_is_two_words_and_an_inclusive_form_one():
    assert len(forms("vivre-ensemble")) == 2
    assert len(forms("habitant·es")) == len(forms("élu.e.s")) == 1


def test_words_say_where_each_word_lies_in_the_text():
    text = "Les bienveilleur·euses, élu.e.s du Mans"
    assert [text[word.start : word.end] for word in words(text)] == [
        "bienveilleur·euses",
        "élu.e.s",
        "Mans",
    ]
