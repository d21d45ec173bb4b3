"""A group's reading speed and target length: stored, in the history, exported, checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fiction.errors import FictionError
from fiction.store import exchange
from fiction.store.store import Store
from tests.workshops import small_workshop

NAME = "Atelier du Mans"


@pytest.fixture
def store(store_location):
    with Store(store_location) as opened:
        opened.add(small_workshop(NAME))
        yield opened


def test_a_group_reads_at_three_words_a_second_for_three_minutes_until_it_says_otherwise(store):
    group = store.load(NAME).group(1)

    assert (group.reading_speed, group.target_seconds) == (3.0, 180)


def test_speed_and_target_are_edits_like_any_other_undone_from_the_history(store):
    store.set_field(NAME, 1, "reading_speed", 2.5, "Loutre")
    store.set_field(NAME, 1, "target_seconds", 240, "Loutre")

    group = store.load(NAME).group(1)
    assert (group.reading_speed, group.target_seconds) == (2.5, 240)
    assert [(e.path, e.old, e.new) for e in store.history(NAME, 1)][-2:] == [
        ("reading_speed", 3.0, 2.5),
        ("target_seconds", 180, 240),
    ]
    store.undo(NAME, "Loutre")
    assert store.load(NAME).group(1).target_seconds == 180
    assert store.load(NAME).group(2).reading_speed == 3.0  # other groups untouched


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("reading_speed", 12, "Vitesse de lecture » : doit être entre 0,5 et 10 mots par seconde"),
        ("reading_speed", "vite", "Vitesse de lecture » : doit être un nombre"),
        ("target_seconds", 5, "Durée visée » : doit être entre 10 et 3600"),
        ("target_seconds", 90.5, "Durée visée » : doit être un nombre entier"),
    ],
)
def test_impossible_speeds_and_targets_are_refused_in_french(store, field, value, message):
    with pytest.raises(FictionError, match=message):
        store.set_field(NAME, 1, field, value, "Loutre")


def test_exports_keep_speed_and_target_and_older_exports_still_import(store, tmp_path: Path):
    store.set_field(NAME, 2, "reading_speed", 2.0, "Loutre")
    store.set_field(NAME, 2, "target_seconds", 150, "Loutre")
    workshop, history = store.load(NAME), store.history(NAME)
    path = tmp_path / "atelier.json"
    path.write_text(exchange.to_json(workshop, history), encoding="utf-8")

    imported, _ = exchange.read_export(path)
    assert (imported.group(2).reading_speed, imported.group(2).target_seconds) == (2.0, 150)

    document = json.loads(path.read_text(encoding="utf-8"))
    for group in document["workshop"]["groups"]:
        del group["reading_speed"], group["target_seconds"]
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    older, _ = exchange.read_export(path)
    assert (older.group(2).reading_speed, older.group(2).target_seconds) == (3.0, 180)
