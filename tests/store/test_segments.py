"""The news-report script: ordered segments that keep their identity as they move."""

from __future__ import annotations

import pytest

from fiction.errors import FictionError
from fiction.store.store import Store

NAME = "Atelier du Mans"


def _kinds(store: Store, group: int = 1) -> list[str]:
    return [segment.kind for segment in store.load(NAME).group(group).segments]


def test_segments_are_added_at_the_end_or_where_asked(store: Store, workshop):
    store.add_segment(NAME, 1, "report", "Panda Zen")
    store.add_segment(NAME, 1, "studio-close", "Panda Zen")
    store.add_segment(NAME, 1, "headlines", "Panda Zen", position=0)

    assert _kinds(store) == ["headlines", "report", "studio-close"]


def test_a_new_segment_holds_every_column(store: Store, workshop):
    edit = store.add_segment(
        NAME,
        2,
        "interview",
        "Loutre Curieuse",
        image="Gros plan\nBandeau : Mme Martin",
        sound="Je suis hôte du café.",
        speakers=["Hôte du café"],
        cue="…depuis 2048.",
    )

    (segment,) = store.load(NAME).group(2).segments
    assert segment.id == int(edit.path.split("/")[1])
    assert (segment.image, segment.sound, segment.speakers, segment.cue) == (
        "Gros plan\nBandeau : Mme Martin",
        "Je suis hôte du café.",
        ("Hôte du café",),
        "…depuis 2048.",
    )


def test_moving_a_segment_keeps_the_others_in_order(store: Store, workshop):
    for kind in ("headlines", "studio-intro", "report", "interview", "studio-close"):
        store.add_segment(NAME, 1, kind, "Panda Zen")
    interview = store.load(NAME).group(1).segments[3]

    store.move_segment(NAME, 1, interview.id, 1, "Panda Zen")
    assert _kinds(store) == ["headlines", "interview", "studio-intro", "report", "studio-close"]
    store.move_segment(NAME, 1, interview.id, 99, "Panda Zen")
    assert _kinds(store) == ["headlines", "studio-intro", "report", "studio-close", "interview"]


def test_editing_a_segment_changes_only_that_segment(store: Store, workshop):
    store.add_segment(NAME, 1, "report", "Panda Zen")
    store.add_segment(NAME, 1, "report", "Panda Zen")
    first, second = store.load(NAME).group(1).segments

    store.set_field(NAME, 1, f"segment/{second.id}/sound", "Voix off", "Panda Zen")
    store.set_field(NAME, 1, f"segment/{second.id}/speakers", ["Journaliste"], "Panda Zen")
    store.set_field(NAME, 1, f"segment/{second.id}/kind", "vox-pop", "Panda Zen")

    after = store.load(NAME).group(1).segments
    assert after[0] == first
    assert (after[1].sound, after[1].speakers, after[1].kind) == (
        "Voix off",
        ("Journaliste",),
        "vox-pop",
    )


def test_a_removed_segments_id_is_never_given_again(store: Store, workshop):
    store.add_segment(NAME, 1, "report", "Panda Zen")
    first = store.load(NAME).group(1).segments[0]
    store.remove_segment(NAME, 1, first.id, "Panda Zen")

    store.add_segment(NAME, 1, "brief", "Panda Zen")

    assert store.load(NAME).group(1).segments[0].id != first.id


def test_segments_of_each_group_are_separate(store: Store, workshop):
    store.add_segment(NAME, 1, "report", "Panda Zen")
    store.add_segment(NAME, 2, "brief", "Loutre Curieuse")

    assert _kinds(store, 1) == ["report"]
    assert _kinds(store, 2) == ["brief"]


def test_bad_segment_requests_are_refused_in_french(store: Store, workshop):
    with pytest.raises(FictionError, match="« reportage » inconnu ; valeurs possibles"):
        store.add_segment(NAME, 1, "reportage", "Panda Zen")
    with pytest.raises(FictionError, match="La séquence 7 n'existe pas"):
        store.set_field(NAME, 1, "segment/7/sound", "x", "Panda Zen")
    with pytest.raises(FictionError, match="La séquence 7 n'existe pas"):
        store.remove_segment(NAME, 1, 7, "Panda Zen")
    with pytest.raises(FictionError, match="La séquence 7 n'existe pas"):
        store.move_segment(NAME, 1, 7, 0, "Panda Zen")
