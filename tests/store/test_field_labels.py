"""A refused value names its field as the person reads it on screen, never by its id."""

from __future__ import annotations

import pytest

from fiction.errors import FictionError
from fiction.store.store import Store

NAME = "Atelier du Mans"


@pytest.mark.parametrize(
    ("group", "field", "value", "named", "id_"),
    [
        (1, "narrative", "x" * 20_001, "« groupe 1 : Récit » : texte trop long", "narrative"),
        (2, "place_name", 4, "« groupe 2 : Nom du lieu ou du service »", "place_name"),
        (1, "new_actors", "un seul texte", "« groupe 1 : Nouveaux rôles »", "new_actors"),
        (None, "start_time", "14h", "« Heure de début » : heure attendue", "start_time"),
    ],
)
def test_a_refused_value_names_the_field_by_its_french_label(
    store: Store, workshop, group, field, value, named, id_
):
    with pytest.raises(FictionError) as refused:
        store.set_field(NAME, group, field, value, "Panda Zen")

    assert named in refused.value.message
    assert id_ not in refused.value.message
