"""How long each kind of news-report segment usually lasts, and the script's target.

A French TV running order ("conducteur") has habits: a headline reads in
about 15 seconds, a presenter's lead-in in 10 to 15, a report runs about a
minute and a half, an interview extract or a vox-pop answer stays under 20
seconds. A segment far from its kind's habit is flagged, so a group sees
that its report is a headline or its interview a speech. Headlines and
vox-pops are judged item by item (one SON line per headline or per answer).

The whole script is judged against a target length (3 minutes by default)
with a tolerance of a tenth of the target, at least 10 seconds: estimates
from word counts are not more precise than that.
"""

from __future__ import annotations

from dataclasses import dataclass

from fiction.errors import FictionError
from fiction.report.timing import (
    DEFAULT_PACE,
    WORD,
    Pace,
    read_aloud,
    segment_seconds,
    spoken_words,
)
from fiction.store.model import SEGMENT_LABELS, Segment


@dataclass(frozen=True)
class Norm:
    """The usual length of a kind, in seconds; `per_line` judges each SON line alone."""

    low: float | None
    high: float | None
    per_line: bool = False

    def describe(self) -> str:
        """« 10 à 15 s », « 20 s au plus »: the habit, as a group reads it."""
        if self.low is None and self.high is not None:
            return f"{_seconds(self.high)} au plus"
        if self.high is None and self.low is not None:
            return f"{_seconds(self.low)} au moins"
        return f"{_seconds(self.low or 0)} à {_seconds(self.high or 0)}"


NORMS: dict[str, Norm] = {
    "headlines": Norm(10, 20, per_line=True),  # ~15 s each headline
    "studio-intro": Norm(10, 15),
    "report": Norm(60, 120),  # ~1 min 30
    "interview": Norm(None, 20),  # an extract
    "vox-pop": Norm(None, 20, per_line=True),  # each answer
    "live": Norm(30, 120),
    "brief": Norm(10, 20),  # ~15 s
    "studio-close": Norm(None, 30),
}
"""Every segment kind of the store has its norm (a test checks none is missing)."""


@dataclass(frozen=True)
class Flag:
    """A segment too short or too long for its kind: `seconds` is what was judged."""

    too_long: bool
    seconds: float
    norm: Norm
    kind: str
    item: int | None = None
    """The SON line judged (1-based) when the kind is judged line by line."""

    def message(self) -> str:
        """« Trop long pour une interview : 32 s (usuel : 20 s au plus). »"""
        what = "Trop long" if self.too_long else "Trop court"
        label = SEGMENT_LABELS.get(self.kind, self.kind).lower()
        where = f" (ligne {self.item})" if self.item is not None else ""
        return (
            f"{what} pour {_article(self.kind)}{label}{where} : {_seconds(self.seconds)} "
            f"(usuel : {self.norm.describe()})."
        )


def items(sound: str) -> tuple[str, ...]:
    """The SON lines that are read: one headline or one answer each."""
    return tuple(line for line in sound.splitlines() if spoken_words(line))


def flag(segment: Segment, pace: Pace = DEFAULT_PACE) -> Flag | None:
    """The segment's first departure from its kind's habit; None if it has none or
    is still empty (an empty segment is to write, not too short)."""
    norm = NORMS.get(segment.kind)
    if norm is None or not segment_seconds(segment, pace):
        return None
    judged: list[tuple[int | None, float]]
    if norm.per_line and spoken_words(segment.sound):
        judged = [
            (number, spoken_words(line) / pace.words_per_second)
            for number, line in enumerate(items(segment.sound), start=1)
        ]
    else:
        judged = [(None, segment_seconds(segment, pace))]
    for number, seconds in judged:
        rounded = round(seconds)
        if norm.low is not None and rounded < norm.low:
            return Flag(False, seconds, norm, segment.kind, number)
        if norm.high is not None and rounded > norm.high:
            return Flag(True, seconds, norm, segment.kind, number)
    return None


UNDER, ON_TIME, OVER = "under", "on", "over"
VERDICT_LABELS = {UNDER: "en dessous", ON_TIME: "dans le temps", OVER: "au-dessus"}


@dataclass(frozen=True)
class Target:
    """The length a group aims for; the running total is judged against it."""

    seconds: float = 180.0

    def __post_init__(self) -> None:
        if not 10 <= self.seconds <= 3600:
            raise FictionError(
                f"Durée visée impossible : {self.seconds:g} secondes (entre 10 s et 1 heure)."
            )

    @property
    def tolerance(self) -> float:
        """A tenth of the target, at least 10 s: 18 s around 3 minutes."""
        return max(10.0, self.seconds / 10)

    def verdict(self, total: float) -> str:
        """`UNDER`, `ON_TIME` or `OVER`: where `total` seconds stand against the target."""
        if round(total) < self.seconds - self.tolerance:
            return UNDER
        if round(total) > self.seconds + self.tolerance:
            return OVER
        return ON_TIME


DEFAULT_TARGET = Target()


def last_words(sound: str, count: int = 5) -> str:
    """The last `count` words read, « …tout le quartier. »: the studio's cue to speak."""
    spoken = " ".join(read_aloud(sound).split())
    found = list(WORD.finditer(spoken))
    if not found:
        return ""
    start = found[-count].start() if len(found) > count else 0
    return spoken[start:] if start == 0 else f"…{spoken[start:]}"


def _seconds(seconds: float) -> str:
    """`90` → « 1 min 30 s », `15` → « 15 s »."""
    minutes, rest = divmod(round(seconds), 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min {rest:02d} s" if rest else f"{minutes} min"


def _article(kind: str) -> str:
    """« un », « une », « des » before the kind's label."""
    if kind == "headlines":
        return "des "
    if kind in ("interview", "brief"):
        return "une "
    return "un "
