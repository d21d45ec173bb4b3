"""A group's script as timed rows: what the step, the prompter and the printouts show.

Each row is a segment with where it starts in the running order, how long it
lasts, its cue for the studio (the group's, or else the last words read) and
its departure from its kind's habit. One function builds them so the app's
table, the Markdown export and the print booklet agree to the second.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fiction.report.norms import DEFAULT_TARGET, Flag, Target, flag, last_words
from fiction.report.timing import DEFAULT_PACE, Pace, is_caption, segment_seconds
from fiction.store.model import SEGMENT_LABELS, Segment


@dataclass(frozen=True)
class ScriptLine:
    """One segment, timed: the IMAGE as shots and captions, the SON as written."""

    number: int
    segment: Segment
    start: float
    seconds: float
    cue: str
    flag: Flag | None

    @property
    def label(self) -> str:
        return SEGMENT_LABELS.get(self.segment.kind, self.segment.kind)

    @property
    def shots(self) -> tuple[str, ...]:
        return tuple(
            line.strip()
            for line in self.segment.image.splitlines()
            if line.strip() and not is_caption(line)
        )

    @property
    def captions(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.segment.image.splitlines() if is_caption(line))


@dataclass(frozen=True)
class TimedScript:
    lines: tuple[ScriptLine, ...]
    total: float
    pace: Pace
    target: Target

    @property
    def verdict(self) -> str:
        return self.target.verdict(self.total)


def timed_script(
    segments: Iterable[Segment], pace: Pace = DEFAULT_PACE, target: Target = DEFAULT_TARGET
) -> TimedScript:
    """The running order with each segment's start, length, cue and flag."""
    lines, elapsed = [], 0.0
    for number, segment in enumerate(segments, start=1):
        seconds = segment_seconds(segment, pace)
        cue = segment.cue.strip() or last_words(segment.sound)
        lines.append(ScriptLine(number, segment, elapsed, seconds, cue, flag(segment, pace)))
        elapsed += seconds
    return TimedScript(tuple(lines), elapsed, pace, target)


def clock(seconds: float) -> str:
    """`75.4` → « 1:15 »: where a segment starts, or a running total."""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


def duration(seconds: float) -> str:
    """`75.4` → « 1 min 15 s »; `42` → « 42 s » (rounded to the second)."""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"
