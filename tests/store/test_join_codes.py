"""Join codes in the store: schema 3, checks, lookup by a typed code, history, export."""

from __future__ import annotations

import dataclasses
import json
import random
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fiction.errors import FictionError
from fiction.store import exchange, join_codes, schema
from fiction.store.store import Store
from tests.profiles import examples
from tests.store.older_schemas import drop_added_columns
from tests.workshops import small_workshop

NAME = "Atelier du Mans"


def _second_schema_store(path: Path) -> None:
    """A store as schema 2 wrote it (no join code), made from a current one."""
    with Store(path) as current:
        current.add(small_workshop())
        current.set_field(NAME, 1, "title", "Le café des habitants", "Loutre")
    db = sqlite3.connect(path, isolation_level=None)
    drop_added_columns(db, schema.V7_ROOM)
    db.execute("ALTER TABLE agenda_phases DROP COLUMN day")
    db.execute("ALTER TABLE agenda_phases DROP COLUMN instructions")
    db.execute("ALTER TABLE groups DROP COLUMN target_seconds")
    db.execute("ALTER TABLE groups DROP COLUMN reading_speed")
    db.execute("DROP TABLE open_screens")
    db.execute("DROP INDEX workshops_join_code")
    db.execute("ALTER TABLE workshops DROP COLUMN join_code")
    db.execute("PRAGMA user_version = 2")
    db.close()


def test_a_store_of_schema_2_migrates_with_its_workshops_intact_and_no_code(tmp_path: Path):
    path = tmp_path / "v2.sqlite3"
    _second_schema_store(path)

    with Store(path) as store:
        version = store._db.execute("PRAGMA user_version").fetchone()[0]
        workshop = store.load(NAME)
        history = store.history(NAME)
        store.set_join_code(NAME, "K7PQ4X", "animation")

    assert version == len(schema.MIGRATIONS)
    assert workshop.group(1).title == "Le café des habitants"
    assert [edit.path for edit in history] == ["title"]
    assert workshop.join_code == ""
    with Store(path) as reopened:
        assert reopened.workshop_for_code("k7pq4x") == NAME


def test_a_chosen_code_is_saved_normalised_and_found_however_it_is_typed(store, workshop):
    store.set_join_code(NAME, "ccas-2050", "animation")

    assert store.join_code(NAME) == "CCAS2050"
    assert store.load(NAME).join_code == "CCAS2050"
    for typed in ("CCAS2050", "ccas2050", " ccas 2050 ", "CCAS-2050"):
        assert store.workshop_for_code(typed) == NAME
    assert store.workshop_for_code("CCAS2051") is None


@pytest.mark.parametrize("code", ["abc", "é1234", "A" * 17, "CODE!", "12 34 5;"])
def test_a_code_that_is_not_4_to_16_letters_or_digits_is_refused(store, workshop, code):
    with pytest.raises(FictionError, match="un code d'entrée compte de 4 à 16 lettres"):
        store.set_join_code(NAME, code, "animation")

    assert store.join_code(NAME) == ""


def test_no_typed_text_opens_a_workshop_without_a_code(store, workshop):
    assert store.join_code(NAME) == ""
    for typed in ("", "   ", "-"):
        assert store.workshop_for_code(typed) is None


def test_a_changed_code_no_longer_opens_the_workshop_and_the_change_can_be_undone(store, workshop):
    store.set_join_code(NAME, "PREMIER1", "animation")
    edit = store.set_join_code(NAME, "SECOND22", "animation")

    assert store.workshop_for_code("PREMIER1") is None
    assert store.workshop_for_code("SECOND22") == NAME
    assert (edit.path, edit.old, edit.new) == ("join_code", "PREMIER1", "SECOND22")
    store.undo(NAME, "animation")
    assert store.join_code(NAME) == "PREMIER1"


def test_a_new_code_is_drawn_from_the_generator_given(store, workshop):
    first = store.new_join_code(NAME, "animation", random.Random(7))

    assert first == join_codes.draw(random.Random(7))
    assert store.join_code(NAME) == first
    assert store.workshop_for_code(first.lower()) == NAME


@settings(max_examples=examples(50), deadline=None)
@given(seed=st.integers(0, 2**32))
def test_a_drawn_code_is_six_characters_without_look_alikes(seed: int):
    code = join_codes.draw(random.Random(seed))

    assert len(code) == join_codes.DRAWN_LENGTH
    assert not set(code) & set("ILO01")
    assert join_codes.checked(code, "code") == code


def test_an_export_keeps_the_code_and_an_older_export_imports_without_one(tmp_path: Path):
    workshop = dataclasses.replace(small_workshop(), join_code="K7PQ4X")
    document = exchange.document(workshop, ())
    path = tmp_path / "atelier.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    assert exchange.read_export(path)[0] == workshop
    document["version"] = 2
    del document["workshop"]["join_code"]
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert exchange.read_export(path)[0].join_code == ""


def test_an_import_with_a_malformed_code_is_refused_naming_the_field(tmp_path: Path):
    document = exchange.document(small_workshop(), ())
    document["workshop"]["join_code"] = "no"
    path = tmp_path / "atelier.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    with pytest.raises(FictionError, match=r"« workshop\.join_code » : un code d'entrée"):
        exchange.read_export(path)
