"""Undo: a person takes back their own last edits, never someone else's work."""

from __future__ import annotations

import pytest

from fiction.errors import FictionError
from fiction.store import plain
from fiction.store.model import Edit
from fiction.store.store import Store
from tests.workshops import small_workshop

NAME = "Atelier du Mans"


def test_undo_restores_the_value_before_the_authors_last_edit(store: Store, workshop):
    store.set_field(NAME, 1, "title", "Premier", "Panda Zen")
    store.set_field(NAME, 1, "title", "Second", "Panda Zen")

    undone = store.undo(NAME, "Panda Zen")

    assert store.load(NAME).group(1).title == "Premier"
    assert (undone.old, undone.new, undone.undoes) == ("Second", "Premier", 2)


def test_repeated_undo_walks_back_through_the_authors_edits(store: Store, workshop):
    for text in ("a", "ab", "abc"):
        store.set_field(NAME, 1, "narrative", text, "Panda Zen")
    store.set_field(NAME, 2, "title", "Le titre d'un autre groupe", "Loutre Curieuse")

    store.undo(NAME, "Panda Zen")
    store.undo(NAME, "Panda Zen")
    assert store.load(NAME).group(1).narrative == "a"
    store.undo(NAME, "Panda Zen")
    assert store.load(NAME).group(1).narrative == ""
    with pytest.raises(FictionError, match="Rien à annuler pour « Panda Zen »"):
        store.undo(NAME, "Panda Zen")
    assert store.load(NAME).group(2).title == "Le titre d'un autre groupe"


def test_the_history_only_grows_undo_included(store: Store, workshop):
    store.set_field(NAME, 1, "title", "Titre", "Panda Zen")
    before = store.history(NAME)

    store.undo(NAME, "Panda Zen")

    after = store.history(NAME)
    assert after[: len(before)] == before
    assert len(after) == len(before) + 1


def test_undo_is_refused_when_someone_changed_the_field_since(store: Store, workshop):
    store.set_field(NAME, 1, "title", "Celui du groupe", "Panda Zen")
    store.set_field(NAME, 1, "title", "Celui de l'animatrice", "animatrice")

    with pytest.raises(FictionError, match="a été modifié depuis"):
        store.undo(NAME, "Panda Zen")
    assert store.load(NAME).group(1).title == "Celui de l'animatrice"


def test_a_named_edit_can_be_undone_once(store: Store, workshop):
    store.set_field(NAME, None, "place", "Salle A", "animatrice")
    store.set_field(NAME, 1, "title", "Titre", "Panda Zen")

    store.undo(NAME, "animatrice", seq=1)
    assert store.load(NAME).place == "Le Mans"
    with pytest.raises(FictionError, match="n° 1 est déjà annulée"):
        store.undo(NAME, "animatrice", seq=1)
    with pytest.raises(FictionError, match="n° 99 n'existe pas"):
        store.undo(NAME, "animatrice", seq=99)


def test_undoing_an_undo_redoes_the_edit(store: Store, workshop):
    store.set_field(NAME, 1, "actions", ["Ouvrir un café"], "Panda Zen")
    undo = store.undo(NAME, "Panda Zen")

    store.undo(NAME, "Panda Zen", seq=undo.seq)

    assert store.load(NAME).group(1).actions == ("Ouvrir un café",)


def test_undo_brings_back_a_removed_segment_where_it_was(store: Store, workshop):
    for kind in ("headlines", "report", "interview"):
        store.add_segment(NAME, 1, kind, "Panda Zen", sound=f"Son {kind}")
    before = store.load(NAME).group(1).segments

    store.remove_segment(NAME, 1, before[1].id, "Panda Zen")
    assert [s.kind for s in store.load(NAME).group(1).segments] == ["headlines", "interview"]
    store.undo(NAME, "Panda Zen")

    assert store.load(NAME).group(1).segments == before


def test_undo_takes_back_a_redraw_and_a_countdown_step(store: Store, workshop):
    dealt = store.load(NAME).group(1).hand(1)
    store.record_redraw(NAME, 1, 1, {"themes": ["bonheur"], "figures": ["radar"]}, "Panda Zen")
    store.start_phase(NAME, 0, "animatrice")

    store.undo(NAME, "Panda Zen")
    store.undo(NAME, "animatrice")

    loaded = store.load(NAME)
    assert loaded.group(1).hand(1) == dealt
    assert loaded.phase.index is None


def test_undo_of_a_hand_edited_imported_history_is_checked_first(store: Store):
    workshop = small_workshop("Importé")
    dealt = plain.hand_to_data(workshop.group(1).hand(1))
    broken = Edit(1, 1.0, "Panda Zen", 1, "hand/1", old={"round": 1}, new=dealt)
    unknown = Edit(2, 2.0, "Panda Zen", 1, "titre", old="", new="x")
    store.add(workshop, (broken, unknown))

    with pytest.raises(FictionError, match="Champ inconnu « titre »"):
        store.undo("Importé", "Panda Zen")
    with pytest.raises(FictionError, match=r"« historique : hand/1\.themes » : clé manquante"):
        store.undo("Importé", "Panda Zen", seq=1)
    assert store.load("Importé") == workshop
