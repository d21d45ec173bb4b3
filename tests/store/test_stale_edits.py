"""Two screens on one group: an edit based on an old reading is refused, never written over.

A screen saves a field with the value it last read (`expected`); when another
screen saved something else meanwhile, the store writes nothing and says
what the field holds and who wrote it, so the screen can show both.
"""

from __future__ import annotations

import pytest

from fiction.errors import StaleEdit
from fiction.store.model import FINISHED_STEP
from fiction.store.store import Store

NAME = "Atelier du Mans"


def test_an_edit_from_a_stale_reading_is_refused_and_names_who_wrote(store: Store, workshop):
    store.set_field(NAME, 1, "narrative", "Le texte du groupe", "Loutre")

    with pytest.raises(StaleEdit) as refused:
        store.set_field(NAME, 1, "narrative", "Le texte de l'animation", "animation", expected="")

    assert refused.value.current == "Le texte du groupe"
    assert refused.value.author == "Loutre"
    assert refused.value.field == "narrative"
    assert store.load(NAME).group(1).narrative == "Le texte du groupe"
    assert [edit.author for edit in store.history(NAME, 1)] == ["Loutre"]


def test_an_edit_from_the_current_reading_is_written(store: Store, workshop):
    store.set_field(NAME, 1, "actions", ("Accueillir",), "Loutre")

    edit = store.set_field(
        NAME, 1, "actions", ("Accueillir", "Écouter"), "Loutre", expected=("Accueillir",)
    )

    assert edit is not None and edit.new == ["Accueillir", "Écouter"]
    assert store.load(NAME).group(1).actions == ("Accueillir", "Écouter")


def test_the_same_text_typed_on_both_screens_is_no_conflict(store: Store, workshop):
    store.set_field(NAME, 1, "title", "Le café", "Loutre")

    assert store.set_field(NAME, 1, "title", "Le café", "animation", expected="") is None


def test_a_segment_removed_elsewhere_refuses_the_typed_text(store: Store, workshop):
    edit = store.add_segment(NAME, 1, "report", "Loutre", sound="Bonjour")
    assert edit is not None
    segment = edit.path.split("/")[1]
    store.remove_segment(NAME, 1, int(segment), "animation")

    with pytest.raises(StaleEdit) as refused:
        store.set_field(
            NAME, 1, f"segment/{segment}/sound", "Bonjour à tous", "Loutre", expected="Bonjour"
        )
    assert refused.value.current is None


def test_screens_open_on_a_group_are_counted_until_they_close_or_go_silent(
    store: Store, workshop, clock
):
    store.screen_seen(NAME, 1, "écran-a")
    store.screen_seen(NAME, 1, "écran-b")
    store.screen_seen(NAME, 2, "écran-c")
    revision = store.revision(NAME)

    assert store.open_screens(NAME) == {1: 2, 2: 1}
    store.screen_gone(NAME, 1, "écran-a")
    assert store.open_screens(NAME) == {1: 1, 2: 1}
    assert store.revision(NAME) == revision  # presence is not an edit of the workshop

    clock.now += 60  # écran-b and écran-c were killed: never heard of again
    store.screen_seen(NAME, 2, "écran-c")
    assert store.open_screens(NAME) == {2: 1}


def test_a_group_can_be_marked_finished_past_its_last_step(store: Store, workshop):
    store.set_field(NAME, 1, "step", FINISHED_STEP, "Loutre")

    assert store.load(NAME).group(1).step == FINISHED_STEP


def test_a_segment_past_the_most_a_workshop_holds_is_refused_and_the_workshop_still_loads(
    store: Store, workshop
):
    from fiction.errors import FictionError
    from fiction.store.values import MAX_ITEMS

    for number in range(MAX_ITEMS):
        store.add_segment(NAME, 1, "report", "Loutre", sound=f"son {number}")
    with pytest.raises(FictionError, match="déjà 200 séquences"):
        store.add_segment(NAME, 1, "report", "Loutre")

    assert len(store.load(NAME).group(1).segments) == MAX_ITEMS


@pytest.mark.parametrize("number", [0, -1, 4])
def test_a_group_the_workshop_does_not_have_is_refused_in_french(workshop, number):
    from fiction.errors import FictionError

    with pytest.raises(FictionError, match=f"n'a pas de groupe {number} \\(groupes 1 à 3\\)"):
        workshop.group(number)
