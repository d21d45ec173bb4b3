"""Workshops for the library tests: small dealt workshops in which groups wrote scenarios.

Every edit is made by a person with a real-looking name (`AUTHOR`), which the
library must never show: groups appear by their pseudonym only.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from fiction.store.model import Workshop
from fiction.store.store import Store
from tests.workshops import small_workshop

AUTHOR = "Camille Martin"


def add_workshop(
    store: Store,
    name: str,
    scenarios: dict[int, dict[str, Any]],
    *,
    place: str = "Le Mans",
    date: str = "2025-03-12",
    cards: dict[int, tuple[str, str]] | None = None,
) -> Workshop:
    """Save a small workshop (its groups as many as `scenarios` names, at least one) in
    which group N wrote `scenarios[N]` (field → value); `cards[N]` deals group N
    another (figure, theme)."""
    workshop = small_workshop(name, groups=max(scenarios, default=1))
    groups = []
    for group in workshop.groups:
        if cards and group.number in cards:
            figure, theme = cards[group.number]
            hand = replace(group.hands[0], figures=(figure,), themes=(theme,))
            group = replace(group, hands=(hand,))
        groups.append(group)
    store.add(replace(workshop, place=place, date=date, groups=tuple(groups)))
    for number, fields in scenarios.items():
        for field, value in fields.items():
            store.set_field(name, number, field, value, AUTHOR)
    return store.load(name)


@pytest.fixture
def library_store(store: Store) -> Store:
    """Three workshops in three cities and years, with scenarios a search can tell apart."""
    add_workshop(
        store,
        "Atelier du Mans",
        {
            1: {
                "title": "Les bienveilleuses du quartier",
                "narrative": "Des habitant·es veillent sur leurs voisins âgés.",
                "new_actors": ["Bienveilleuse de palier"],
                "vigilance/deconvivialiser-les-lieux": "Le lieu reste ouvert à tous.",
            },
            2: {
                "title": "La Maison des liens",
                "narrative": "Un café social où l'on se retrouve chaque matin.",
                "new_actors": ["Hôte de convivialité"],
            },
        },
        cards={2: ("radar", "bonheur")},
    )
    add_workshop(
        store,
        "Lyon 2024",
        {
            1: {
                "title": "Le jardin partagé",
                "narrative": (
                    "Au pied des immeubles, le jardin nourrit le quartier. Les jardinières "
                    "y cultivent des tomates et des liens ; les enfants arrosent."
                ),
                "new_actors": ["Jardinière sociale"],
            }
        },
        place="Lyon",
        date="2024-06-03",
        cards={1: ("radar", "bonnes-santes")},
    )
    add_workshop(
        store,
        "Nancy 2019",
        {
            1: {
                "title": "Le radar des solitudes",
                "question": "Et si demain le CCAS repérait les personnes isolées ?",
            }
        },
        place="Nancy",
        date="2019-11-20",
    )
    store.add_segment(
        "Nancy 2019",
        1,
        "report",
        AUTHOR,
        image="Plan large : la brigade à vélo",
        sound="Chaque nuit, la brigade des veilleurs sillonne la ville.",
    )
    return store
