"""The workshop as plain, frozen values: what the store saves and gives back.

A `Workshop` is a whole snapshot (read in one transaction), so a screen, the
booklet or an export never sees half of an edit. The store changes a workshop
one field at a time; these objects are never mutated, only read again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fiction.cards.model import NEWS_SEGMENT_KINDS, ByKind
from fiction.errors import FictionError

SEGMENT_KINDS: tuple[str, ...] = NEWS_SEGMENT_KINDS
"""The kinds of news-report segment, in the order of a French running order."""

SEGMENT_LABELS = {
    "headlines": "Titres",
    "studio-intro": "Lancement plateau",
    "report": "Sujet",
    "interview": "Interview",
    "vox-pop": "Micro-trottoir",
    "live": "Duplex",
    "brief": "Brève",
    "studio-close": "Retour plateau",
}

READING_SPEED = 3.0
"""Words a second: the broadcast rule of thumb (`fiction.report.timing.WORDS_PER_SECOND`)."""
READING_SPEEDS = (0.5, 10.0)
TARGET_SECONDS = 180
TARGET_RANGE = (10, 3600)
"""The bounds `fiction.report` accepts for a reading speed and a target length."""

SEGMENT_FIELDS: tuple[str, ...] = ("kind", "image", "sound", "speakers", "cue")
"""What a group edits in one segment; its place in the list is `position`."""

REVIEW_KINDS: tuple[str, ...] = ("create", "maintain", "amplify", "reduce", "stop")
"""The closing review's five columns: Créer, Maintenir, Amplifier, Réduire, Arrêter."""

REVIEW_LABELS = {
    "create": "Créer",
    "maintain": "Maintenir",
    "amplify": "Amplifier",
    "reduce": "Réduire",
    "stop": "Arrêter",
}

WALL_MODES: tuple[str, ...] = (
    "progress",
    "weather",
    "weather_end",
    "votes",
    "restitution",
    "review",
)
"""What the wall screen shows besides the countdown (`Workshop.wall`)."""

WALL_LABELS = {
    "progress": "Avancement des groupes",
    "weather": "Météo du début",
    "weather_end": "Météo de fin",
    "votes": "Votes",
    "restitution": "Restitution",
    "review": "Bilan",
}

WEATHER_MOMENTS: tuple[str, ...] = ("start", "end")
"""The two météos: at the start (`weather`) and at the end (`weather_end`)."""

MAX_WEATHER_WORDS = 3
MAX_WEATHER_CHARS = 60
"""A météo answer: one to three words, 60 characters at most."""
MAX_FEEDBACK_CHARS = 280
"""A group's one-line feedback (« En un mot »)."""
VOTES_PER_GROUP = 3
VOTES_RANGE = (1, 10)
"""How many votes each group gives during the restitution, and the bounds."""
PRESENTATION_MINUTES = 5
PRESENTATION_RANGE = (1, 60)
"""Each group's restitution time, and the bounds."""

WIZARD_STEPS = 6
"""The group journey's steps, from the cards (1) to the proofreading (6)."""
FINISHED_STEP = WIZARD_STEPS + 1
"""The `step` of a group that pressed « Terminer » on its last step: past the journey,
so the facilitator's dashboard shows it done, and reopening lands on the last step."""


@dataclass(frozen=True)
class DeckRef:
    """Which deck a workshop was dealt from, and a hash of its content.

    The hash lets a workshop open after its deck changed, and lets the booklet
    say so instead of printing cards that are no longer the ones dealt.
    """

    id: str
    version: str
    content_hash: str


@dataclass(frozen=True)
class DealRecord:
    """The deal's seed, replay code and parameters (as the engine's request data)."""

    seed: int
    code: str
    rounds: int
    redraw_limit: int
    parameters: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class HandState(ByKind):
    """One group's cards for one round, with its locks, discards and redraws."""

    round: int
    themes: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    vigilance: tuple[str, ...] = ()
    inspirations: tuple[str, ...] = ()
    locked: tuple[str, ...] = ()
    discarded: tuple[str, ...] = ()
    redraws: int = 0


@dataclass(frozen=True)
class Segment:
    """One item of the news-report running order: the IMAGE and SON columns.

    `id` stays the same when the segment moves, so two screens editing the
    same script never confuse one segment with another.
    """

    id: int
    kind: str
    image: str = ""
    sound: str = ""
    speakers: tuple[str, ...] = ()
    cue: str = ""


@dataclass(frozen=True)
class Review:
    """The closing review: what to create, maintain, amplify, reduce and stop."""

    create: tuple[str, ...] = ()
    maintain: tuple[str, ...] = ()
    amplify: tuple[str, ...] = ()
    reduce: tuple[str, ...] = ()
    stop: tuple[str, ...] = ()

    def items(self, kind: str) -> tuple[str, ...]:
        return getattr(self, kind)


@dataclass(frozen=True)
class Group:
    """A group: its pseudonym, its hands, where it is and everything it wrote."""

    number: int
    pseudonym: str
    hands: tuple[HandState, ...]
    step: int = 1
    title: str = ""
    place_name: str = ""
    question: str = ""
    context: str = ""
    narrative: str = ""
    purpose: str = ""
    actions: tuple[str, ...] = ()
    new_actors: tuple[str, ...] = ()
    answers: dict[str, str] = field(default_factory=dict, hash=False)
    segments: tuple[Segment, ...] = ()
    updated_at: float | None = None
    reading_speed: float = READING_SPEED
    """Words read per second: the group's timings, subtitles and prompter follow it."""
    target_seconds: int = TARGET_SECONDS
    """How long the group's news report aims to last."""
    weather: tuple[str, ...] = ()
    """The group's météo answers at the start (each one to three words)."""
    weather_end: tuple[str, ...] = ()
    """The group's météo answers at the end."""
    votes: tuple[int, ...] = ()
    """Group numbers this group votes for (never its own; a repeat is one more vote)."""
    review: Review = Review()
    """The group's items of the closing review (« Bilan »)."""
    next_step: str = ""
    """« Mon prochain petit pas »."""
    feedback: str = ""
    """The group's one-line feedback (« En un mot »)."""

    def hand(self, round_number: int = 1) -> HandState:
        return self.hands[round_number - 1]

    def progress(self) -> tuple[int, int]:
        """(parts written, parts to write), for the facilitator's dashboard.

        The parts: each scenario field, one answer per vigilance point of the
        last hand, and the news-report script.
        """
        texts = (self.title, self.place_name, self.question, self.context, self.narrative)
        points = self.hands[-1].vigilance if self.hands else ()
        done = [
            *(bool(text.strip()) for text in (*texts, self.purpose)),
            bool(self.actions),
            bool(self.new_actors),
            *(bool(self.answers.get(point)) for point in points),
            bool(self.segments),
        ]
        return sum(done), len(done)


@dataclass(frozen=True)
class Phase:
    """One block of the agenda: its title, length, what the facilitator reads out
    (the wall shows it too) and, in a multi-day agenda, its day (from 1)."""

    title: str
    minutes: int
    instructions: str = ""
    day: int = 1


@dataclass(frozen=True)
class PhaseState:
    """The shared countdown: which phase runs, since when, and its extra time.

    `started_at` is set while the countdown runs and cleared by a pause;
    `elapsed` keeps the seconds run before the last pause.
    """

    index: int | None = None
    started_at: float | None = None
    elapsed: float = 0.0
    extra_minutes: int = 0

    @property
    def running(self) -> bool:
        return self.index is not None and self.started_at is not None

    @property
    def paused(self) -> bool:
        return self.index is not None and self.started_at is None


DEFAULT_AGENDA: tuple[Phase, ...] = (
    Phase("Accueil et brise-glace", 15),
    Phase("Exploration", 20),
    Phase("Scénario", 45),
    Phase("Journal télévisé", 40),
    Phase("Restitution", 30),
    Phase("Bilan", 15),
)
"""The afternoon of the 2019–2020 workshops; every line is editable."""


@dataclass(frozen=True)
class Workshop:
    """A whole workshop, as read from the store in one consistent snapshot."""

    name: str
    date: str
    place: str
    deck: DeckRef
    deal: DealRecord
    groups: tuple[Group, ...]
    agenda: tuple[Phase, ...] = DEFAULT_AGENDA
    phase: PhaseState = PhaseState()
    review: Review = Review()
    weather: tuple[str, ...] = ()
    created_at: float = 0.0
    updated_at: float = 0.0
    start_time: str = ""
    """When the agenda starts, "HH:MM" ("" until decided)."""
    join_code: str = ""
    """What a browser types to join through `fiction serve` ("" until drawn or chosen)."""
    weather_end: tuple[str, ...] = ()
    """The facilitator's own météo answers at the end (`weather`: at the start)."""
    votes_per_group: int = VOTES_PER_GROUP
    votes_revealed: bool = False
    """Votes stay hidden (wall screen, booklet) until the facilitator reveals them."""
    presentation_minutes: int = PRESENTATION_MINUTES
    wall: str = "progress"
    """What the wall screen shows besides the countdown: one of `WALL_MODES`."""
    presenting: int | None = None
    """The group presenting its scenario (restitution), None when none is."""
    presenting_since: float | None = None
    """When the presenting group started (its own timer)."""

    def group(self, number: int) -> Group:
        """Group `number` (from 1); a number the workshop does not have is refused in
        French (never the last group for 0, as a plain index would give)."""
        if not 1 <= number <= len(self.groups):
            raise FictionError(
                f"L'atelier « {self.name} » n'a pas de groupe {number} "
                f"(groupes 1 à {len(self.groups)})."
            )
        return self.groups[number - 1]


@dataclass(frozen=True)
class Edit:
    """One entry of the append-only history: who changed what, from what to what.

    `group` is None for a workshop-wide field; `old` and `new` are plain JSON
    data (None where a segment did not exist); `undoes` is the `seq` of the
    edit this one cancelled.
    """

    seq: int
    at: float
    author: str
    group: int | None
    path: str
    old: Any
    new: Any
    undoes: int | None = None


@dataclass(frozen=True)
class WorkshopSummary:
    """One line of the workshop list."""

    name: str
    date: str
    place: str
    groups: int
    updated_at: float
