"""Properties of the loader: it never crashes, and dump → load is lossless."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fiction.cards.loader import load_deck
from fiction.cards.serialize import dump_deck
from fiction.errors import FictionError
from tests.cards.strategies import decks
from tests.profiles import examples

PROPERTY = settings(
    max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def load_single_file(content: bytes) -> object:
    folder = Path(tempfile.mkdtemp(prefix="fiction-prop-"))
    try:
        (folder / "deck.yaml").write_bytes(content)
        return load_deck(folder)
    finally:
        shutil.rmtree(folder)


def loads_or_refuses(content: bytes) -> None:
    try:
        load_single_file(content)
    except FictionError as error:
        assert str(error)  # a message for the user, whatever went wrong


@PROPERTY
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_a_deck_or_our_error(content):
    loads_or_refuses(content)


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["deck", "themes", "figures", "roles", "id", "title", "hand", "questions", "x"]
            )
            | st.text(max_size=8),
            children,
            max_size=4,
        )
    ),
    max_leaves=30,
)


@PROPERTY
@given(yaml_values)
def test_arbitrary_yaml_gives_a_deck_or_our_error(value):
    loads_or_refuses(yaml.safe_dump(value, allow_unicode=True).encode("utf-8"))


@PROPERTY
@given(st.text(alphabet="[]{}:-&*!|>'\"#\n\t ,?%@`abc0", max_size=300))
def test_yaml_punctuation_soup_gives_a_deck_or_our_error(text):
    loads_or_refuses(text.encode("utf-8"))


@PROPERTY
@given(decks())
def test_a_dumped_deck_reloads_equal(deck):
    folder = Path(tempfile.mkdtemp(prefix="fiction-roundtrip-"))
    try:
        dump_deck(deck, folder)
        assert load_deck(folder) == deck
    finally:
        shutil.rmtree(folder)


def test_the_builtin_deck_dumps_and_reloads_equal(builtin_deck, tmp_path):
    dump_deck(builtin_deck, tmp_path)
    assert load_deck(tmp_path) == builtin_deck
