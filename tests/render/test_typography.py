"""French spacing: no line of print ever starts with ; : ! ? » or a lone %."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fiction.render.typography import NBSP, french_spacing


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Et si demain ?", f"Et si demain{NBSP}?"),
        ("Et si demain?", f"Et si demain{NBSP}?"),
        ("Et si demain… ?", f"Et si demain…{NBSP}?"),
        ("Quoi ?!", f"Quoi{NBSP}?!"),
        ("Attention : danger ; fin !", f"Attention{NBSP}: danger{NBSP}; fin{NBSP}!"),
        ("«oui»", f"«{NBSP}oui{NBSP}»"),
        ("« oui »", f"«{NBSP}oui{NBSP}»"),
        ("100 %", f"100{NBSP}%"),
        ("oui\u202f!", f"oui{NBSP}!"),
    ],
)
def test_spaces_before_high_punctuation_and_inside_guillemets_never_break(typed, printed):
    assert french_spacing(typed) == printed


@pytest.mark.parametrize("untouched", ["http://exemple.fr", "10:30", "a:b", "?", "5%"])
def test_colons_inside_words_times_and_addresses_are_left_alone(untouched):
    assert french_spacing(untouched) == untouched


TEXT = st.text(alphabet=st.sampled_from(list("ab ;:!?«»%1\n.")), max_size=40)


@given(TEXT)
def test_spacing_is_idempotent(text):
    once = french_spacing(text)

    assert french_spacing(once) == once


@given(TEXT)
def test_only_spaces_change(text):
    def without_spaces(value: str) -> str:
        return re.sub(rf"[ {NBSP}]", "", value)

    assert without_spaces(french_spacing(text)) == without_spaces(text)


@given(TEXT)
def test_no_breaking_space_is_left_before_a_high_mark_or_after_an_opening_guillemet(text):
    printed = french_spacing(text)

    assert not re.search(r"(?<=[^\s;:!?]) +[;:!?»]", printed)
    assert not re.search(r"« ", printed)
