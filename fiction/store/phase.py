"""The shared countdown of the agenda: start, pause, resume, add time, next or previous phase.

Pure functions of a `PhaseState` and the time now: the store applies them
inside one transaction, so two screens pressing "pause" together pause once,
and every screen computes the same time left from the same row.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from fiction.errors import FictionError
from fiction.store.model import Phase, PhaseState

MAX_EXTRA_MINUTES = 60


def start(state: PhaseState, index: int, phases: int, now: float) -> PhaseState:
    if not 0 <= index < phases:
        raise FictionError(
            f"La phase n° {index + 1} n'existe pas : l'ordre du jour en compte {phases}."
        )
    return PhaseState(index=index, started_at=now, elapsed=0.0, extra_minutes=0)


def pause(state: PhaseState, now: float) -> PhaseState:
    if not state.running:
        raise FictionError("Aucune phase ne tourne : rien à mettre en pause.")
    return dataclasses.replace(state, started_at=None, elapsed=elapsed(state, now))


def resume(state: PhaseState, now: float) -> PhaseState:
    if not state.paused:
        raise FictionError("Aucune phase n'est en pause : rien à reprendre.")
    return dataclasses.replace(state, started_at=now)


def extend(state: PhaseState, minutes: int) -> PhaseState:
    if state.index is None:
        raise FictionError("Aucune phase en cours : démarrez-en une avant d'ajouter du temps.")
    total = state.extra_minutes + minutes
    if not 0 <= total <= MAX_EXTRA_MINUTES:
        raise FictionError(
            f"Temps ajouté impossible : entre 0 et {MAX_EXTRA_MINUTES} minutes de plus par phase."
        )
    return dataclasses.replace(state, extra_minutes=total)


def advance(state: PhaseState, phases: int, now: float) -> PhaseState:
    """The next phase, started now (the first one if none has started)."""
    following = 0 if state.index is None else state.index + 1
    if following >= phases:
        raise FictionError("C'est déjà la dernière phase de l'ordre du jour.")
    return start(state, following, phases, now)


def back(state: PhaseState, phases: int, now: float) -> PhaseState:
    """The phase before the current one, started again now from its full length."""
    if state.index is None:
        raise FictionError("Aucune phase n'a commencé : pas de phase précédente.")
    if state.index == 0:
        raise FictionError("C'est la première phase de l'ordre du jour : pas de phase précédente.")
    return start(state, min(state.index, phases) - 1, phases, now)


def elapsed(state: PhaseState, now: float) -> float:
    """Seconds the current phase has run, pauses excluded."""
    if state.started_at is None:
        return state.elapsed
    return state.elapsed + max(0.0, now - state.started_at)


def duration(state: PhaseState, agenda: tuple[Phase, ...]) -> float:
    """Seconds planned for the current phase, extra minutes included."""
    if state.index is None:
        return 0.0
    return (agenda[state.index].minutes + state.extra_minutes) * 60.0


def remaining(state: PhaseState, agenda: tuple[Phase, ...], now: float) -> float:
    """Seconds left in the current phase (negative once it overruns)."""
    return duration(state, agenda) - elapsed(state, now)


def day_offsets(agenda: Sequence[Phase]) -> tuple[int, ...]:
    """Minutes from the start of its day to each phase's planned start.

    A phase on another day than the one before starts its day: each day of a
    multi-day agenda begins at the workshop's start time.
    """
    offsets, elapsed, day = [], 0, None
    for phase in agenda:
        if phase.day != day:
            elapsed, day = 0, phase.day
        offsets.append(elapsed)
        elapsed += phase.minutes
    return tuple(offsets)


def start_times(start_time: str, agenda: Sequence[Phase]) -> tuple[str, ...]:
    """Each phase's planned start, "HH:MM", from the agenda's start ("" gives none);
    every day starts again at `start_time`.

    Planned, not actual: the printed agenda and the facilitator's plan stay the
    same whatever the countdown's extra minutes did to the afternoon.
    """
    if not start_time:
        return ()
    hours, minutes = (int(part) for part in start_time.split(":"))
    first = hours * 60 + minutes
    return tuple(
        f"{moment // 60 % 24:02d}:{moment % 60:02d}"
        for moment in (first + offset for offset in day_offsets(agenda))
    )
