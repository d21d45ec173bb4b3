"""How long a news-report segment lasts on air, estimated before it is filmed.

Broadcast writers time a script by counting the words of its SON column at a
reading speed: 3 words per second (180 words a minute) is the newsroom rule of
thumb and suits amateurs reading aloud; French professional presenters read
closer to 200 words a minute, hence the speed is a setting. A shot with no
words over it still takes screen time, so a segment without any SON counts a
fixed time per line of its IMAGE column (one shot per line). Lower-third
captions (« Bandeau : … ») are written in the IMAGE column too, but they sit
over a shot rather than being one; sound and music cues written in brackets
(« [Musique : générique] ») are heard, not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fiction.errors import FictionError
from fiction.store.model import Segment

WORDS_PER_SECOND = 3.0
"""180 words a minute: the broadcast rule of thumb, right for amateurs."""

SHOT_SECONDS = 3.0
"""A picture-only news shot lasts about three seconds before the eye wants the next."""

WORD = re.compile(r"\w+(?:['’·-]\w+)*")
"""A word as a reader says it: « aujourd'hui », « peut-être », « élu·es » are one word each."""

_CAPTION = re.compile(r"^\s*(bandeau|synthé|synthe|incrustation|sous-titre)\s*:", re.IGNORECASE)
"""A lower-third caption line of the IMAGE column (« Bandeau : Le Mans, 2050 »)."""

_CUE = re.compile(r"\[[^\]]*\]")
"""A sound or music cue of the SON column, in brackets: « [Musique : générique] »."""


@dataclass(frozen=True)
class Pace:
    """The reading speed and the time given to each picture-only shot."""

    words_per_second: float = WORDS_PER_SECOND
    shot_seconds: float = SHOT_SECONDS

    def __post_init__(self) -> None:
        if not 0.5 <= self.words_per_second <= 10:
            raise FictionError(
                f"Vitesse de lecture impossible : {self.words_per_second:g} mots par seconde "
                "(entre 0,5 et 10)."
            )
        if not 0 <= self.shot_seconds <= 60:
            raise FictionError(
                f"Durée de plan impossible : {self.shot_seconds:g} secondes (entre 0 et 60)."
            )


DEFAULT_PACE = Pace()


def spoken_words(text: str) -> int:
    """The words a presenter reads aloud; punctuation, dashes and [cues] are not words."""
    return len(WORD.findall(read_aloud(text)))


def read_aloud(sound: str) -> str:
    """The SON column without its bracketed sound and music cues: what a voice reads."""
    return _CUE.sub(" ", sound)


def is_caption(line: str) -> bool:
    """Whether an IMAGE line is a lower-third caption rather than a shot."""
    return bool(_CAPTION.match(line))


def shots(image: str) -> int:
    """The shots of an IMAGE column: one per non-empty line, captions aside."""
    return sum(1 for line in image.splitlines() if line.strip() and not is_caption(line))


def segment_seconds(segment: Segment, pace: Pace = Pace()) -> float:
    """Estimated seconds on air: the SON read at `pace`, or its shots when it has none.

    Pictures under a voice last as long as the voice; only a segment with no
    words at all is timed by its shots.
    """
    words = spoken_words(segment.sound)
    if words:
        return words / pace.words_per_second
    return shots(segment.image) * pace.shot_seconds
