"""A group's shot list (« feuille de tournage »): every shot of its script, by place.

A crew films each place once, in whatever order suits the day, and the edit
puts the shots back in script order; so the list groups the shots by place
(in the order the places first appear) and numbers each shot where it sits
in the script (« 3.2 »: segment 3, second shot). Each shot's line of the
IMAGE column says what to film; the rest is read from the script:

- the place: the studio set for a shot of the set (« Plateau … ») or of a
  studio segment that names no other place; nothing to film for the opening
  titles, illustrations and archives, which are made at the edit; else the
  place the group imagined (its « lieu »);
- who is on camera: the segment's speakers, less the voices heard off screen;
- what is said over it: the segment's words are shared evenly among its
  shots, as the timing shares its time, and the list gives the first words;
- props: what the line puts in brackets and what a close-up shows;
- its duration: the segment's time shared among its shots, or the time of a
  picture-only shot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from fiction.report.script import timed_script
from fiction.report.subtitles import speaker_and_text
from fiction.report.timing import DEFAULT_PACE, Pace, is_caption, read_aloud
from fiction.store.model import Segment

STUDIO = "Plateau"
EDIT = "Au montage (rien à filmer)"
FIELD = "Sur le terrain"
"""The place of a field shot when the group has not named its place."""

STUDIO_KINDS = frozenset({"headlines", "studio-intro", "brief", "studio-close"})
FIRST_WORDS = 8

_OFF_SCREEN = frozenset({"voix off", "commentaire", "narrateur", "narratrice"})
_MADE_AT_EDIT = re.compile(
    r"^\s*(générique|generique|illustration|infographie|archives?|carte|animation)\b",
    re.IGNORECASE,
)
_SET = re.compile(r"\bplateau\b", re.IGNORECASE)
_CLOSE_UP = re.compile(
    r"^\s*(?:très gros plan|gros plan|insert|détail)\s*(?::|sur\b)\s*(.+)$", re.IGNORECASE
)
_BRACKETS = re.compile(r"\(([^)]*)\)")


@dataclass(frozen=True)
class Shot:
    """One line of an IMAGE column, with what the crew needs to film it."""

    number: str
    segment: str
    description: str
    place: str
    on_camera: tuple[str, ...]
    first_words: str
    props: tuple[str, ...]
    seconds: float


@dataclass(frozen=True)
class Place:
    name: str
    shots: tuple[Shot, ...]

    @property
    def seconds(self) -> float:
        return sum(shot.seconds for shot in self.shots)


@dataclass(frozen=True)
class ShotList:
    places: tuple[Place, ...]
    total: float

    @property
    def shots(self) -> tuple[Shot, ...]:
        return tuple(shot for place in self.places for shot in place.shots)


def shot_list(
    segments: Iterable[Segment], place_name: str = "", pace: Pace = DEFAULT_PACE
) -> ShotList:
    """Every shot of the script, grouped by place, each with its share of the time."""
    script = timed_script(segments, pace)
    field = place_name.strip() or FIELD
    by_place: dict[str, list[Shot]] = {}
    for line in script.lines:
        descriptions = line.shots
        if not descriptions:
            continue
        words = _words(line.segment)
        share = line.seconds / len(descriptions)
        speakers = tuple(
            name.strip()
            for name in line.segment.speakers
            if name.strip() and name.strip().casefold() not in _OFF_SCREEN
        )
        studio_segment = line.segment.kind in STUDIO_KINDS
        for index, description in enumerate(descriptions):
            first = len(words) * index // len(descriptions)
            last = len(words) * (index + 1) // len(descriptions)
            place = _place(description, line.segment.kind, field)
            by_place.setdefault(place, []).append(
                Shot(
                    number=f"{line.number}.{index + 1}",
                    segment=line.label,
                    description=description,
                    place=place,
                    # The presenter is seen on the set, the others where they live.
                    on_camera=speakers if (place == STUDIO) == studio_segment else (),
                    first_words=_first_words(words[first:last]),
                    props=_props(description),
                    seconds=share,
                )
            )
    # The shots made at the edit come last: they need no crew.
    order = sorted(by_place, key=lambda place: place == EDIT)
    places = tuple(Place(place, tuple(by_place[place])) for place in order)
    return ShotList(places, script.total)


def _words(segment: Segment) -> list[str]:
    """What is said, word by word with its punctuation: no sound cue, caption or speaker name."""
    words: list[str] = []
    for line in read_aloud(segment.sound).splitlines():
        if not is_caption(line):
            _, said = speaker_and_text(line, segment.speakers)
            words.extend(said.split())
    return words


def _place(description: str, kind: str, field: str) -> str:
    if _MADE_AT_EDIT.match(description):
        return EDIT
    if _SET.search(description):
        return STUDIO
    named = field != FIELD and field.casefold() in description.casefold()
    if kind in STUDIO_KINDS and not named and not _outside(description):
        return STUDIO
    return field


def _outside(description: str) -> bool:
    """A studio segment's shot that is not of the set: a wide shot, a street, a vox-pop…"""
    return bool(re.search(r"\b(plan large|vue|extérieur|rue|micro-trottoir)\b", description, re.I))


def _first_words(words: list[str]) -> str:
    if not words:
        return ""
    shown = " ".join(words[:FIRST_WORDS])
    return f"{shown}…" if len(words) > FIRST_WORDS else shown


def _props(description: str) -> tuple[str, ...]:
    props = [item.strip() for group in _BRACKETS.findall(description) for item in group.split(",")]
    match = _CLOSE_UP.match(_BRACKETS.sub("", description))
    if match:
        props.insert(0, match.group(1).strip())
    return tuple(prop for prop in props if prop)
