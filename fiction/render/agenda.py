"""The agenda as printed: each phase with its start, its day heading and instructions.

The booklet and the Markdown export print the same rows: clock times when the
workshop has a start time (every day of a multi-day agenda starts again at
it), else « + 40 min » from the start of its day.
"""

from __future__ import annotations

from dataclasses import dataclass

from fiction.store.model import Workshop
from fiction.store.phase import day_offsets, start_times


@dataclass(frozen=True)
class AgendaRow:
    title: str
    minutes: int
    start: str
    """« 14:40 » from the workshop's start time, or « + 40 min » from the start."""
    instructions: str = ""
    day_heading: str = ""
    """« Jour 2 » on the first phase of each day of a multi-day agenda, else ""."""


def agenda_rows(workshop: Workshop) -> tuple[AgendaRow, ...]:
    agenda = workshop.agenda
    clock = start_times(workshop.start_time, agenda)
    starts = clock or tuple(f"+ {hours_minutes(offset)}" for offset in day_offsets(agenda))
    several_days = len({phase.day for phase in agenda}) > 1
    return tuple(
        AgendaRow(
            phase.title,
            phase.minutes,
            starts[index],
            phase.instructions,
            f"Jour {phase.day}"
            if several_days and (index == 0 or agenda[index - 1].day != phase.day)
            else "",
        )
        for index, phase in enumerate(agenda)
    )


def hours_minutes(minutes: int) -> str:
    """`165` → « 2 h 45 »; `40` → « 40 min »."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"
