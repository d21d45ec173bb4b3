"""Going back a phase: the one before starts again from its full length."""

from __future__ import annotations

import pytest

from fiction.errors import FictionError
from fiction.store import phase
from fiction.store.model import DEFAULT_AGENDA, PhaseState
from fiction.store.store import Store

NAME = "Atelier du Mans"
PHASES = len(DEFAULT_AGENDA)


def test_the_previous_phase_starts_again_from_its_full_length():
    state = phase.extend(phase.start(PhaseState(), 3, PHASES, 0.0), 5)

    back = phase.back(phase.pause(state, 100.0), PHASES, 200.0)

    assert back == PhaseState(index=2, started_at=200.0, elapsed=0.0, extra_minutes=0)


@pytest.mark.parametrize(
    ("state", "message"),
    [
        (PhaseState(), "Aucune phase n'a commencé"),
        (phase.start(PhaseState(), 0, PHASES, 0.0), "C'est la première phase"),
    ],
)
def test_there_is_no_phase_before_the_first(state, message):
    with pytest.raises(FictionError, match=message):
        phase.back(state, PHASES, 10.0)


def test_the_store_goes_back_a_phase_for_every_screen(store: Store, workshop):
    store.next_phase(NAME, "animatrice")
    store.next_phase(NAME, "animatrice")
    store.previous_phase(NAME, "animatrice")

    assert store.load(NAME).phase.index == 0
    assert [edit.path for edit in store.history(NAME)] == ["phase"] * 3
