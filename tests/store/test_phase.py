"""The shared countdown: every screen computes the same time left from one row."""

from __future__ import annotations

import pytest

from fiction.errors import FictionError
from fiction.store import phase
from fiction.store.model import DEFAULT_AGENDA, PhaseState
from fiction.store.store import Store

NAME = "Atelier du Mans"
AGENDA = DEFAULT_AGENDA  # 15, 20, 45, 40, 30, 15 minutes


def test_time_left_counts_down_and_stops_while_paused():
    state = phase.start(PhaseState(), 1, len(AGENDA), now=1000.0)
    assert phase.remaining(state, AGENDA, 1000.0 + 300) == 20 * 60 - 300

    paused = phase.pause(state, now=1600.0)
    assert phase.remaining(paused, AGENDA, 5000.0) == 20 * 60 - 600

    resumed = phase.resume(paused, now=9000.0)
    assert phase.remaining(resumed, AGENDA, 9060.0) == 20 * 60 - 660


def test_extra_minutes_lengthen_the_current_phase_and_go_negative_when_overrun():
    state = phase.extend(phase.start(PhaseState(), 0, len(AGENDA), 0.0), 5)

    assert phase.duration(state, AGENDA) == 20 * 60
    assert phase.remaining(state, AGENDA, 21 * 60) == -60


def test_next_phase_starts_fresh_and_stops_at_the_last():
    state = phase.extend(phase.start(PhaseState(), 4, len(AGENDA), 0.0), 1)

    following = phase.advance(state, len(AGENDA), 100.0)
    assert following == PhaseState(index=5, started_at=100.0, elapsed=0.0, extra_minutes=0)
    with pytest.raises(FictionError, match="déjà la dernière phase"):
        phase.advance(following, len(AGENDA), 200.0)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: phase.pause(s, 0.0), "rien à mettre en pause"),
        (lambda s: phase.resume(s, 0.0), "rien à reprendre"),
        (lambda s: phase.extend(s, 1), "démarrez-en une"),
        (lambda s: phase.start(s, 6, len(AGENDA), 0.0), "La phase n° 7 n'existe pas"),
    ],
)
def test_impossible_countdown_actions_are_refused_in_french(change, message):
    with pytest.raises(FictionError, match=message):
        change(PhaseState())


def test_the_store_shares_the_countdown_through_the_database(store: Store, workshop, clock):
    store.next_phase(NAME, "animatrice")
    started = clock.now
    store.extend_phase(NAME, 5, "animatrice")
    store.pause_phase(NAME, "animatrice")
    paused_at = clock.now

    state = store.load(NAME).phase
    assert (state.index, state.paused, state.extra_minutes) == (0, True, 5)
    assert state.elapsed == paused_at - started
    store.resume_phase(NAME, "animatrice")
    assert store.load(NAME).phase.running
    assert [edit.path for edit in store.history(NAME)] == ["phase"] * 4


def test_start_times_follow_the_agenda_from_its_start():
    assert phase.start_times("13:30", AGENDA) == (
        "13:30",
        "13:45",
        "14:05",
        "14:50",
        "15:30",
        "16:00",
    )


def test_start_times_wrap_past_midnight_and_need_a_start():
    assert phase.start_times("23:50", AGENDA[:2]) == ("23:50", "00:05")
    assert phase.start_times("", AGENDA) == ()
