"""The room's fields (issue 15): météo, votes, bilan, next step, feedback, wall, restitution."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest

from fiction.errors import FictionError
from fiction.store import exchange, plain, schema
from fiction.store.model import Review, Workshop
from fiction.store.store import Store
from tests.store.older_schemas import drop_added_columns
from tests.workshops import small_workshop

NAME = "Atelier du Mans"


def test_every_room_field_of_a_group_is_saved_and_recorded(store: Store, workshop: Workshop):
    values = {
        "weather": ["grand soleil", "Éclaircies"],
        "weather_end": ["l'envie d'agir"],
        "votes": [2, 3, 2],
        "review/create": ["Un café social"],
        "review/stop": ["Les files d'attente"],
        "next_step": "Appeler la mairie lundi",
        "feedback": "Une après-midi qui donne envie",
    }
    for path, value in values.items():
        store.set_field(NAME, 1, path, value, "Panda Zen")

    group = store.load(NAME).group(1)
    assert group.weather == ("grand soleil", "Éclaircies")
    assert group.weather_end == ("l'envie d'agir",)
    assert group.votes == (2, 3, 2)
    assert group.review == Review(create=("Un café social",), stop=("Les files d'attente",))
    assert (group.next_step, group.feedback) == (
        "Appeler la mairie lundi",
        "Une après-midi qui donne envie",
    )
    assert [edit.path for edit in store.history(NAME)] == list(values)


def test_the_workshop_room_settings_are_saved_with_their_defaults_first(store: Store, workshop):
    loaded = store.load(NAME)
    assert (loaded.votes_per_group, loaded.votes_revealed) == (3, False)
    assert (loaded.presentation_minutes, loaded.wall) == (5, "progress")
    assert (loaded.presenting, loaded.presenting_since, loaded.weather_end) == (None, None, ())

    for path, value in {
        "weather_end": ["serein"],
        "votes_per_group": 2,
        "votes_revealed": True,
        "presentation_minutes": 7,
        "wall": "votes",
    }.items():
        store.set_field(NAME, None, path, value, "animatrice")

    loaded = store.load(NAME)
    assert loaded.weather_end == ("serein",)
    assert (loaded.votes_per_group, loaded.votes_revealed) == (2, True)
    assert (loaded.presentation_minutes, loaded.wall) == (7, "votes")


@pytest.mark.parametrize(
    ("group", "path", "value", "message"),
    [
        (1, "weather", ["un deux trois quatre"], "un à 3 mots"),
        (1, "weather", ["   "], "pas en zéro"),
        (1, "weather_end", ["x" * 61], "texte trop long"),
        (1, "weather", "soleil", "liste de réponses"),
        (None, "weather_end", ["a b c d"], "un à 3 mots"),
        (1, "votes", [1], "propre scénario"),
        (1, "votes", [4], "pas de groupe 4"),
        (1, "votes", [2, 3, 2, 3], "n'en a que 3"),
        (1, "votes", [True], "nombre entier"),
        (1, "votes", ["2"], "nombre entier"),
        (1, "feedback", "deux\nlignes", "sur une ligne"),
        (1, "feedback", "x" * 281, "texte trop long"),
        (1, "next_step", 3, "doit être un texte"),
        (None, "votes_per_group", 0, "entre 1 et 10"),
        (None, "votes_per_group", 11, "entre 1 et 10"),
        (None, "votes_revealed", 1, "vrai"),
        (None, "presentation_minutes", 61, "entre 1 et 60"),
        (None, "wall", "météo", "valeurs possibles : progress"),
        (None, "votes", [2], "appartient à un groupe"),
        (1, "wall", "votes", "appartient à l'atelier"),
        (None, "presenting", 1, "Champ inconnu « presenting »"),
    ],
)
def test_wrong_room_values_are_refused_in_french(
    store: Store, workshop, group, path, value, message
):
    with pytest.raises(FictionError, match=message):
        store.set_field(NAME, group, path, value, "Panda Zen")
    assert store.history(NAME) == ()


def test_votes_follow_the_workshop_s_number_of_votes(store: Store, workshop):
    store.set_field(NAME, None, "votes_per_group", 1, "animatrice")
    with pytest.raises(FictionError, match="n'en a que 1"):
        store.set_field(NAME, 2, "votes", [1, 3], "Loutre Curieuse")
    store.set_field(NAME, 2, "votes", [3], "Loutre Curieuse")
    assert store.load(NAME).group(2).votes == (3,)


def test_weather_answers_are_tidied(store: Store, workshop):
    store.set_field(NAME, 2, "weather", ["  grand   soleil "], "Loutre Curieuse")
    assert store.load(NAME).group(2).weather == ("grand soleil",)


def test_room_edits_are_undone(store: Store, workshop):
    store.set_field(NAME, 1, "votes", [2], "Panda Zen")
    store.set_field(NAME, 1, "review/amplify", ["Les visites"], "Panda Zen")
    store.set_field(NAME, None, "votes_revealed", True, "animatrice")

    store.undo(NAME, "animatrice")
    store.undo(NAME, "Panda Zen")

    loaded = store.load(NAME)
    assert loaded.votes_revealed is False
    assert loaded.group(1).review == Review()
    assert loaded.group(1).votes == (2,)


def test_a_group_presents_with_its_own_timer_and_the_facilitator_undoes_it(
    store: Store, workshop, clock
):
    first = store.present(NAME, 2, "animatrice")
    assert first is not None and first.path == "presenting" and first.group is None
    assert first.old == {"group": None, "since": None}
    started = first.new["since"]
    assert first.new == {"group": 2, "since": started} and started <= clock.now
    loaded = store.load(NAME)
    assert (loaded.presenting, loaded.presenting_since) == (2, started)

    again = store.present(NAME, 2, "animatrice")  # the same group: its timer restarts
    assert again is not None and store.load(NAME).presenting_since == again.new["since"] > started

    store.present(NAME, 3, "animatrice")
    store.undo(NAME, "animatrice")
    assert store.load(NAME).presenting == 2

    store.present(NAME, None, "animatrice")
    loaded = store.load(NAME)
    assert (loaded.presenting, loaded.presenting_since) == (None, None)
    assert store.present(NAME, None, "animatrice") is None


@pytest.mark.parametrize("group", [0, 4, True])
def test_only_a_group_of_the_workshop_presents(store: Store, workshop, group):
    with pytest.raises(FictionError, match="ne peut pas présenter"):
        store.present(NAME, group, "animatrice")
    assert store.history(NAME) == ()


def _room_workshop() -> Workshop:
    base = small_workshop()
    groups = list(base.groups)
    groups[0] = dataclasses.replace(
        groups[0],
        weather=("soleil",),
        weather_end=("grand soleil",),
        votes=(2, 2, 3),
        review=Review(create=("Un café",), reduce=("Les papiers",)),
        next_step="Parler au maire",
        feedback="Merci !",
    )
    return dataclasses.replace(
        base,
        groups=tuple(groups),
        weather_end=("serein",),
        votes_per_group=4,
        votes_revealed=True,
        presentation_minutes=8,
        wall="review",
        presenting=3,
        presenting_since=1_750_000_100.5,
    )


def test_room_fields_go_through_the_store_and_both_export_formats(tmp_path: Path, store_location):
    written = _room_workshop()
    with Store(store_location) as store:
        store.add(written)
        loaded, history = store.snapshot(NAME)
    assert loaded == written
    for name, text in (
        ("a.json", exchange.to_json(loaded, history)),
        ("a.yaml", exchange.to_yaml(loaded, history)),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert exchange.read_export(path) == (written, ())
    assert exchange.to_json(loaded, history) == exchange.to_json(*exchange.read_export(path))


def test_an_export_without_the_room_imports_with_the_defaults(tmp_path: Path):
    document = exchange.document(small_workshop(), ())
    document["version"] = 3
    for key in plain.ROOM_KEYS:
        del document["workshop"][key]
    for group in document["workshop"]["groups"]:
        for key in plain.GROUP_ROOM_KEYS:
            del group[key]
    path = tmp_path / "ancien.json"
    path.write_text(json.dumps(document), encoding="utf-8")

    workshop, _ = exchange.read_export(path)

    assert workshop == small_workshop()
    assert workshop.wall == "progress" and workshop.group(1).votes == ()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda w: w["groups"][0].update(votes=[1]), r"groups\[0\]\.votes.*propre scénario"),
        (lambda w: w["groups"][0].update(votes=[9]), r"groups\[0\]\.votes.*pas de groupe 9"),
        (lambda w: w["groups"][1].update(weather=["a b c d"]), r"groups\[1\]\.weather\[0\]"),
        (lambda w: w["groups"][1].update(feedback="a\nb"), r"groups\[1\]\.feedback"),
        (lambda w: w.update(wall="mur"), r"workshop\.wall"),
        (lambda w: w.update(votes_revealed="oui"), r"workshop\.votes_revealed"),
        (lambda w: w.update(presenting=5, presenting_since=1.0), r"workshop\.presenting"),
        (lambda w: w.update(presenting=2), r"workshop\.presenting_since"),
        (lambda w: w.update(presenting_since=2.0), r"workshop\.presenting_since"),
    ],
)
def test_wrong_room_values_in_an_export_are_named(tmp_path: Path, change, message):
    document = exchange.document(small_workshop(), ())
    change(document["workshop"])
    path = tmp_path / "atelier.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FictionError, match=message):
        exchange.read_export(path)


def test_a_store_of_the_schema_before_the_room_migrates_and_keeps_its_data(tmp_path: Path):
    path = tmp_path / "avant-la-salle.sqlite3"
    with Store(path) as current:
        current.add(small_workshop())
        current.set_field(NAME, 2, "narrative", "Écrit avant la salle", "Loutre")
        current.set_field(NAME, None, "weather", ["ensoleillé"], "animatrice")
    db = sqlite3.connect(path, isolation_level=None)
    drop_added_columns(db, schema.V7_ROOM)
    db.execute(f"PRAGMA user_version = {len(schema.MIGRATIONS) - 1}")
    db.close()

    with Store(path) as migrated:
        workshop, history = migrated.snapshot(NAME)
        migrated.set_field(NAME, 1, "votes", [2], "Panda Zen")
        version = migrated._db.execute("PRAGMA user_version").fetchone()[0]

    assert version == len(schema.MIGRATIONS)
    assert workshop.group(2).narrative == "Écrit avant la salle"
    assert workshop.weather == ("ensoleillé",)
    assert (workshop.votes_per_group, workshop.wall, workshop.group(1).votes) == (3, "progress", ())
    assert [edit.path for edit in history] == ["narrative", "weather"]
