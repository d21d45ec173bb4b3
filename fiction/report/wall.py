"""What the wall screen (« écran de salle ») shows, for the projector, in both its screens.

One view, two screens: the browser page `/salle` (`fiction serve`, as JSON
through `WallView.to_data`) and the terminal's full-screen wall
(`fiction.tui.screens.wall`) both show `wall_view(workshop, now)`: the current
phase and the time left, the next phases with their clock times, the join
code and each group's progress or, as the workshop's `wall` says, the room's
live results (`fiction.report.room`): a météo's word cloud, the votes (hidden
until revealed), the presenting group with its own timer, the bilan. The view
is read at `now`; either screen ticks the countdowns itself between readings
(`WallView.left`, `WallView.presentation_left`), so a reading is needed only
when the store changes.

Pure functions of a workshop and a time: no Textual, no aiohttp.
"""

from __future__ import annotations

import functools
import re
import time
from dataclasses import dataclass
from typing import Any

from fiction.report import room
from fiction.report.room import ReviewItem, VoteResult, WordCount
from fiction.store import phase as phases
from fiction.store.model import (
    FINISHED_STEP,
    REVIEW_KINDS,
    REVIEW_LABELS,
    WALL_LABELS,
    Group,
    Workshop,
)

WARNING_SHARE = 0.20
"""The countdown turns orange with a fifth of the phase left…"""
DANGER_SHARE = 0.05
"""…and red with the last twentieth (and once the time is up)."""

STEP_TITLES = {
    1: "Les cartes",
    2: "Et si demain…",
    3: "Le scénario 2050",
    4: "Points de vigilance",
    5: "Le journal télévisé",
    6: "Relecture",
}
"""The group journey's steps as the groups see them (see issue 5)."""
SUMMARY_CHARS = 280
"""A presenting group's scenario, cut to what the room reads at a glance."""


def step_text(step: int, screens: int = 0) -> str:
    """« 3 Le scénario 2050 », « ✓ Terminé », with « · 2 écrans » when the group is open
    on more than one screen (they could otherwise overwrite each other's work)."""
    text = "✓ Terminé" if step == FINISHED_STEP else f"{step} {STEP_TITLES.get(step, '')}"
    return f"{text} · {screens} écrans" if screens > 1 else text


def level(share: float | None) -> str:
    """The countdown's colour for the share of a phase left (None: no phase):
    "danger", "warning" or ""."""
    if share is None:
        return ""
    if share <= DANGER_SHARE:
        return "danger"
    return "warning" if share <= WARNING_SHARE else ""


def hour_text(moment: float) -> str:
    """« 15h42 »: a time of day on this computer's clock."""
    local = time.localtime(moment)
    return f"{local.tm_hour:02d}h{local.tm_min:02d}"


@dataclass(frozen=True)
class CurrentPhase:
    """The phase under way: its place in the agenda and its time, as read at `WallView.now`."""

    index: int
    count: int
    title: str
    remaining: float
    """Seconds left at the reading (negative once overrun)."""
    duration: float
    """Seconds planned, extra minutes included."""
    running: bool
    extra_minutes: int = 0
    instructions: str = ""
    """What the facilitator reads out for this phase (its line of the agenda)."""


@dataclass(frozen=True)
class NextPhase:
    title: str
    minutes: int
    planned: str
    """Its planned start, "HH:MM" ("" when the agenda has no start time)."""


@dataclass(frozen=True)
class GroupProgress:
    number: int
    pseudonym: str
    step: int
    written: int
    parts: int

    @property
    def finished(self) -> bool:
        return self.step == FINISHED_STEP

    @property
    def share(self) -> float:
        """How much of its scenario the group has written, 0 to 1."""
        return self.written / max(1, self.parts)


@dataclass(frozen=True)
class Weather:
    """A météo's words, most frequent first (`moment`: "start" or "end")."""

    moment: str
    words: tuple[WordCount, ...]

    def to_data(self) -> dict[str, Any]:
        return {
            "words": [{"word": w.word, "count": w.count} for w in self.words],
            "svg": _cloud(self.words) if self.words else "",
        }


@dataclass(frozen=True)
class Votes:
    """The votes: only how many were given until the facilitator reveals them."""

    revealed: bool
    cast: int
    tally: tuple[VoteResult, ...]
    """Empty while hidden: a hidden tally never leaves the server."""

    def to_data(self) -> dict[str, Any]:
        return {
            "revealed": self.revealed,
            "cast": self.cast,
            "tally": [
                {"number": r.number, "pseudonym": r.pseudonym, "title": r.title, "votes": r.votes}
                for r in self.tally
            ],
        }


@dataclass(frozen=True)
class Presentation:
    """The group presenting its scenario, and its own timer as read at `WallView.now`."""

    number: int
    pseudonym: str
    title: str
    question: str
    summary: str
    remaining: float
    duration: float

    def to_data(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "pseudonym": self.pseudonym,
            "title": self.title,
            "question": self.question,
            "summary": self.summary,
            "remaining": self.remaining,
            "duration": self.duration,
        }


@dataclass(frozen=True)
class Restitution:
    presenting: Presentation | None

    def to_data(self) -> dict[str, Any]:
        return {"presenting": None if self.presenting is None else self.presenting.to_data()}


@dataclass(frozen=True)
class Board:
    """The bilan's five columns, in order: (label, items)."""

    columns: tuple[tuple[str, tuple[ReviewItem, ...]], ...]

    def to_data(self) -> dict[str, Any]:
        return {
            "columns": [
                {"label": label, "items": [{"text": i.text, "by": i.pseudonym} for i in items]}
                for label, items in self.columns
            ]
        }


Results = Weather | Votes | Restitution | Board


@dataclass(frozen=True)
class WallView:
    """Everything the wall shows, read at `now`."""

    name: str
    join_code: str
    now: float
    phase: CurrentPhase | None
    following: tuple[NextPhase, ...]
    groups: tuple[GroupProgress, ...]
    mode: str = "progress"
    """What shows under the countdown: one of `WALL_MODES`."""
    results: Results | None = None
    """The live results of `mode` (None for the groups' progress)."""

    @property
    def mode_title(self) -> str:
        """« Météo du début », « Votes »…"""
        return WALL_LABELS.get(self.mode, WALL_LABELS["progress"])

    def presentation_left(self, now: float) -> float | None:
        """Seconds the presenting group has left at `now` (None: nobody presents)."""
        if not isinstance(self.results, Restitution) or self.results.presenting is None:
            return None
        return self.results.presenting.remaining - (now - self.now)

    def presentation_level(self, now: float) -> str:
        """The presenting group's timer colour at `now`: "danger", "warning" or ""."""
        left = self.presentation_left(now)
        if left is None or not isinstance(self.results, Restitution):
            return ""
        presenting = self.results.presenting
        duration = presenting.duration if presenting is not None else 0.0
        return level(max(0.0, left) / duration if duration else 0.0)

    def left(self, now: float) -> float | None:
        """Seconds left in the current phase at `now` (it stands still when paused)."""
        if self.phase is None:
            return None
        gone = now - self.now if self.phase.running else 0.0
        return self.phase.remaining - gone

    def share_left(self, now: float) -> float | None:
        """The share of the current phase left at `now`, 0 once overrun (None: no phase)."""
        left = self.left(now)
        if left is None or self.phase is None:
            return None
        return max(0.0, left) / self.phase.duration if self.phase.duration else 0.0

    def level(self, now: float) -> str:
        """The countdown's colour at `now`: "danger", "warning" or ""."""
        return level(self.share_left(now))

    def next_times(self, now: float) -> tuple[str, ...]:
        """Each next phase's start, « 15h42 »: from the current phase's end once one has
        begun (a paused one as if resumed now), else as planned."""
        left = self.left(now)
        if left is None:
            return tuple(phase.planned.replace(":", "h") for phase in self.following)
        start = now + max(0.0, left)
        times = []
        for phase in self.following:
            times.append(hour_text(start))
            start += phase.minutes * 60
        return tuple(times)

    def to_data(self) -> dict[str, Any]:
        """The JSON the browser page gets (it ticks the countdown from `remaining`)."""
        phase = self.phase
        return {
            "name": self.name,
            "join_code": self.join_code,
            "warning_share": WARNING_SHARE,
            "danger_share": DANGER_SHARE,
            "phase": None
            if phase is None
            else {
                "index": phase.index,
                "title": phase.title,
                "remaining": phase.remaining,
                "duration": phase.duration,
                "running": phase.running,
                "instructions": phase.instructions,
            },
            "next": [
                {"title": next.title, "minutes": next.minutes, "planned": next.planned}
                for next in self.following
            ],
            "groups": [
                {
                    "number": group.number,
                    "pseudonym": group.pseudonym,
                    "step": step_text(group.step),
                    "finished": group.finished,
                    "written": f"{group.written}/{group.parts}",
                    "share": group.share,
                }
                for group in self.groups
            ],
            "mode": self.mode,
            "mode_title": self.mode_title,
            "results": None if self.results is None else self.results.to_data(),
        }


def wall_view(workshop: Workshop, now: float) -> WallView:
    """What the wall shows of `workshop` at `now`."""
    state, agenda = workshop.phase, workshop.agenda
    current = None
    if state.index is not None and state.index < len(agenda):
        current = CurrentPhase(
            index=state.index,
            count=len(agenda),
            title=agenda[state.index].title,
            remaining=phases.remaining(state, agenda, now),
            duration=phases.duration(state, agenda),
            running=state.running,
            extra_minutes=state.extra_minutes,
            instructions=agenda[state.index].instructions,
        )
    starts = phases.start_times(workshop.start_time, agenda)
    following = range(0 if state.index is None else state.index + 1, len(agenda))
    return WallView(
        name=workshop.name,
        join_code=workshop.join_code,
        now=now,
        phase=current,
        following=tuple(
            NextPhase(agenda[i].title, agenda[i].minutes, starts[i] if starts else "")
            for i in following
        ),
        groups=tuple(_progress(group) for group in workshop.groups),
        mode=workshop.wall,
        results=results(workshop, now),
    )


def results(workshop: Workshop, now: float) -> Results | None:
    """The live results the workshop's `wall` asks for (None: the groups' progress)."""
    mode = workshop.wall
    if mode in ("weather", "weather_end"):
        moment: room.Moment = "start" if mode == "weather" else "end"
        return Weather(moment, room.weather_counts(workshop, moment))
    if mode == "votes":
        revealed = workshop.votes_revealed
        tally = room.vote_tally(workshop) if revealed else ()
        return Votes(revealed, room.votes_cast(workshop), tally)
    if mode == "restitution":
        left = room.presentation_left(workshop, now)
        if workshop.presenting is None or left is None:
            return Restitution(None)
        group = workshop.group(workshop.presenting)
        return Restitution(
            Presentation(
                group.number,
                group.pseudonym,
                group.title,
                group.question,
                summary(group.narrative or group.context),
                left,
                workshop.presentation_minutes * 60.0,
            )
        )
    if mode == "review":
        board = room.review_board(workshop)
        return Board(tuple((REVIEW_LABELS[kind], board[kind]) for kind in REVIEW_KINDS))
    return None


def summary(text: str, limit: int = SUMMARY_CHARS) -> str:
    """`text` on one line, cut at a word before `limit` characters (« … » when cut)."""
    flat = re.sub(r"\s+", " ", text).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return f"{cut} …"


@functools.lru_cache(maxsize=16)
def _cloud(words: tuple[WordCount, ...]) -> str:
    """The word cloud's SVG, drawn once for every viewer of the same words."""
    return room.cloud_svg(words, title="Nuage de mots de la météo")


def _progress(group: Group) -> GroupProgress:
    written, parts = group.progress()
    return GroupProgress(group.number, group.pseudonym, group.step, written, parts)
