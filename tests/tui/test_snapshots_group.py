"""Snapshots of the group's screens at 80×24 and 120×40, on a fixed deal and text.

The workshop is dealt from a fixed seed, the clock stands still, and group 1
has written a little of everything, so each step shows real content.
"""

from __future__ import annotations

import pytest

from fiction.store.store import Store
from fiction.tui.screens.group.wizard import STEPS
from fiction.tui.screens.join import JoinScreen
from tests.tui.opening import open_group_at

NAME = "Atelier du Mans"
SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def written(dealt_workshop, store_path, fixed_clock):
    """Group 1 has locked its figure and written a short scenario."""
    group = dealt_workshop.group(1)
    hand = group.hand(1)
    with Store(store_path, clock=fixed_clock) as store:
        store.set_locked(NAME, 1, 1, hand.figures[0], True, group.pseudonym)
        for field, value in {
            "question": "Et si demain le CCAS tenait le café du village ?",
            "title": "Le café des possibles",
            "place_name": "Le Café du Coin",
            "context": "Un bourg où les commerces ferment un à un.",
            "narrative": "Le matin, le café ouvre ses portes.\nOn y croise l'assistante sociale.",
            "purpose": "Rompre l'isolement sans stigmatiser.",
            "actions": ["Ouvrir tous les matins", "Former des hôtes"],
            "new_actors": ["Barista social"],
            f"vigilance/{hand.vigilance[0]}": "Le café reste celui de tout le monde.",
        }.items():
            store.set_field(NAME, 1, field, value, group.pseudonym)
    return dealt_workshop


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
@pytest.mark.parametrize("number", [step.NUMBER for step in STEPS])
def test_each_step_of_the_journey(snap_compare, app, written, number, size):
    async def open_step(pilot) -> None:
        await open_group_at(pilot, NAME, 1, number)
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=open_step)


def test_joining_a_group(snap_compare, app, written):
    async def open_join(pilot) -> None:
        await pilot.app.push_screen(JoinScreen())
        await pilot.pause()

    assert snap_compare(app(), terminal_size=(80, 24), run_before=open_join)
