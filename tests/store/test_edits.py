"""Edits: one field at a time, last writer wins, every change in the history."""

from __future__ import annotations

import pytest

from fiction.errors import FictionError
from fiction.store.model import Phase, Workshop
from fiction.store.store import Store

NAME = "Atelier du Mans"


def test_an_edit_is_read_back_and_recorded_with_its_author_and_time(
    store: Store, workshop: Workshop, clock
):
    edit = store.set_field(NAME, 2, "narrative", "En 2050, le CCAS…", "Loutre Curieuse")

    assert store.load(NAME).group(2).narrative == "En 2050, le CCAS…"
    assert edit is not None
    assert (edit.seq, edit.author, edit.group, edit.path) == (1, "Loutre Curieuse", 2, "narrative")
    assert (edit.old, edit.new, edit.at) == ("", "En 2050, le CCAS…", clock.now)
    assert store.history(NAME) == (edit,)


def test_same_field_twice_the_last_writer_wins_and_both_are_kept(store: Store, workshop):
    store.set_field(NAME, 1, "title", "La maison des possibles", "Panda Zen")
    store.set_field(NAME, 1, "title", "Le café des habitants", "animatrice")

    assert store.load(NAME).group(1).title == "Le café des habitants"
    history = store.history(NAME)
    assert [(e.old, e.new, e.author) for e in history] == [
        ("", "La maison des possibles", "Panda Zen"),
        ("La maison des possibles", "Le café des habitants", "animatrice"),
    ]


def test_writing_the_value_already_there_records_nothing(store: Store, workshop):
    store.set_field(NAME, 1, "title", "Même titre", "Panda Zen")

    assert store.set_field(NAME, 1, "title", "Même titre", "Panda Zen") is None
    assert len(store.history(NAME)) == 1


def test_every_field_of_a_group_and_of_the_workshop_is_saved(store: Store, workshop):
    group_values = {
        "title": "Le café des habitants",
        "place_name": "La Maison des liens",
        "question": "Et si demain le CCAS ouvrait un café ?",
        "context": "En 2050, dans un contexte de canicules…",
        "narrative": "Première ligne\nDeuxième ligne",
        "purpose": "Rompre l'isolement",
        "actions": ["Ouvrir le matin", "Former des hôtes"],
        "new_actors": ["Hôte du café", "Habitant accueillant"],
        "step": 4,
        "vigilance/deconvivialiser-les-lieux": "Les habitants gardent la main.",
    }
    for field, value in group_values.items():
        store.set_field(NAME, 3, field, value, "Renard Malin")
    workshop_values = {
        "date": "2025-04-01",
        "place": "Salle des fêtes",
        "start_time": "13:30",
        "weather": ["ensoleillé", "orageux"],
        "review/create": ["Un café social"],
        "review/stop": ["Les files d'attente"],
        "agenda": [{"title": "Accueil", "minutes": 10}, {"title": "Scénario", "minutes": 50}],
    }
    for field, value in workshop_values.items():
        store.set_field(NAME, None, field, value, "animatrice")

    loaded = store.load(NAME)
    group = loaded.group(3)
    assert (group.title, group.place_name, group.question) == (
        "Le café des habitants",
        "La Maison des liens",
        "Et si demain le CCAS ouvrait un café ?",
    )
    assert (group.context, group.narrative, group.purpose, group.step) == (
        "En 2050, dans un contexte de canicules…",
        "Première ligne\nDeuxième ligne",
        "Rompre l'isolement",
        4,
    )
    assert group.actions == ("Ouvrir le matin", "Former des hôtes")
    assert group.new_actors == ("Hôte du café", "Habitant accueillant")
    assert group.answers == {"deconvivialiser-les-lieux": "Les habitants gardent la main."}
    assert (loaded.date, loaded.place, loaded.start_time, loaded.weather) == (
        "2025-04-01",
        "Salle des fêtes",
        "13:30",
        ("ensoleillé", "orageux"),
    )
    assert loaded.review.create == ("Un café social",)
    assert loaded.review.stop == ("Les files d'attente",)
    assert loaded.agenda == (Phase("Accueil", 10), Phase("Scénario", 50))
    assert loaded.group(1) == workshop.group(1)


def test_an_edit_marks_when_its_group_and_workshop_last_changed(store: Store, workshop, clock):
    store.set_field(NAME, 2, "title", "Titre", "Loutre Curieuse")

    loaded = store.load(NAME)
    assert loaded.group(2).updated_at == clock.now == loaded.updated_at
    assert loaded.group(1).updated_at is None
    assert store.revision(NAME) == 1


@pytest.mark.parametrize(
    ("group", "field", "message"),
    [
        (1, "titre", "Champ inconnu « titre » pour un groupe"),
        (1, "titel", "Vouliez-vous dire « title » ?"),
        (None, "lieu", "Champ inconnu « lieu » pour l'atelier"),
        (None, "title", "appartient à un groupe"),
        (1, "date", "appartient à l'atelier"),
        (1, "hand/1", "Champ inconnu « hand/1 »"),
        (None, "phase", "Champ inconnu « phase »"),
        (1, "segment/1/position", "Champ inconnu"),
        (1, "vigilance/Pas Un Id", "identifiant de carte attendu"),
    ],
)
def test_unknown_or_misplaced_fields_are_refused_in_french(
    store: Store, workshop, group, field, message
):
    with pytest.raises(FictionError, match=message):
        store.set_field(NAME, group, field, "x", "Panda Zen")
    assert store.history(NAME) == ()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", 3, "doit être un texte"),
        ("actions", "pas une liste", "doit être une liste de textes"),
        ("actions", ["ok", 4], r"« groupe 1 : Actions\[1\] » : doit être un texte"),
        ("step", 9, "doit être entre 1 et 7"),
        ("narrative", "x" * 20_001, "texte trop long"),
    ],
)
def test_wrong_values_are_refused_naming_the_field(store: Store, workshop, field, value, message):
    with pytest.raises(FictionError, match=message):
        store.set_field(NAME, 1, field, value, "Panda Zen")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", "12/03/2025", "date attendue au format AAAA-MM-JJ"),
        ("date", "2025-02-30", "date attendue au format AAAA-MM-JJ"),
        ("start_time", "14h", "heure attendue au format HH:MM"),
        ("start_time", "24:00", "heure attendue au format HH:MM"),
        ("agenda", [{"title": "Accueil"}], r"« Ordre du jour\[0\]\.minutes » : clé manquante"),
        ("agenda", [{"title": "Accueil", "minutes": 0}], "doit être entre 1 et 600"),
    ],
)
def test_wrong_workshop_values_are_refused_naming_the_field(
    store: Store, workshop, field, value, message
):
    with pytest.raises(FictionError, match=message):
        store.set_field(NAME, None, field, value, "animatrice")


def test_an_answer_only_for_a_vigilance_point_of_the_groups_hands(store: Store, workshop):
    with pytest.raises(FictionError, match="n'est pas dans les cartes du groupe 1"):
        store.set_field(NAME, 1, "vigilance/renforcer-l-individualisation", "non", "Panda Zen")


def test_clearing_an_answer_removes_it(store: Store, workshop):
    store.set_field(NAME, 1, "vigilance/deconvivialiser-les-lieux", "Réponse", "Panda Zen")
    store.set_field(NAME, 1, "vigilance/deconvivialiser-les-lieux", "", "Panda Zen")

    assert store.load(NAME).group(1).answers == {}


def test_unknown_workshop_group_or_blank_author_is_refused(store: Store, workshop):
    with pytest.raises(FictionError, match="Aucun atelier nommé « Inconnu »"):
        store.set_field("Inconnu", 1, "title", "x", "Panda Zen")
    with pytest.raises(FictionError, match="n'a pas de groupe 4 \\(groupes 1 à 3\\)"):
        store.set_field(NAME, 4, "title", "x", "Panda Zen")
    with pytest.raises(FictionError, match="« auteur » : ne doit pas être vide"):
        store.set_field(NAME, 1, "title", "x", "  ")


def test_adding_a_workshop_whose_name_is_taken_is_refused(store: Store, workshop):
    with pytest.raises(FictionError, match="Un atelier nommé « Atelier du Mans » existe déjà"):
        store.add(workshop)


def test_deleting_a_workshop_removes_it_and_its_history(store: Store, workshop):
    store.set_field(NAME, 1, "title", "x", "Panda Zen")
    store.delete(NAME)

    assert not store.exists(NAME)
    assert store.workshops() == ()
    assert store._db.execute("SELECT count(*) FROM history").fetchone() == (0,)
