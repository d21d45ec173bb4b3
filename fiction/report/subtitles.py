"""Subtitles for a group's news report, timed from its script at the reading pace.

Each sentence of the SON column (or each line, when a line has no sentence
end) becomes a subtitle cue, in script order, shown while the timing module
says those words are read: a segment's words share its time evenly, so the
cues of a segment end where the segment ends, and a picture-only segment
keeps its time on screen with no subtitle over it. What is not said is not
subtitled: the bracketed sound cues (« [Musique : générique] »), caption
lines written in the SON column (« Bandeau : … ») and a line's speaker
prefix (« Voix off : … »), which becomes the cue's voice instead.

The usual broadcast limits hold for every cue (Netflix's French style guide,
and the BBC's for the two lines): at most two lines of at most 42 characters,
shown at least one second, read at most 17 characters per second, every
character counted (spaces and punctuation too, not the line break). A
sentence too long for one cue is split, at a comma when there is one; a cue
that would be read too fast borrows the silence around it, or time from its
neighbours, never more text on screen. When the whole script is read too
fast for that, `TooFastError` says at which speed it would fit.

Times are whole milliseconds, so every limit still holds once written to an
SRT or WebVTT file.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from fiction.errors import FictionError
from fiction.report.script import timed_script
from fiction.report.timing import DEFAULT_PACE, WORD, Pace, is_caption, read_aloud
from fiction.store.model import Segment

MAX_LINE = 42
"""Characters on one subtitle line."""

MAX_LINES = 2
MAX_RATE = 17.0
"""Characters read per second, at most."""

MIN_MS = 1000
"""No cue is shown for less than a second: the eye needs that to notice it."""

_SENTENCE_END = re.compile(r"[.!?…]+[»\"')\]]*$")
_CLAUSE_END = re.compile(r"[,;:]$")
_PREFIX = re.compile(r"^\s*([^:«»\"\n]{1,40}?)\s*:\s+(\S.*)$")
_NAMING = re.compile(
    r"^(un|une|le|la|les|l['’]|des|deux|trois|notre|nos|son|sa|ses|cette|ce)\b", re.IGNORECASE
)
"""How a script names someone it has not listed as a speaker: « Une habitante », « Le maire »."""
_WEAK_ENDING = re.compile(
    r"^(le|la|les|un|une|des|de|du|à|au|aux|et|ou|en|dans|pour|sur|par|avec|sans|chez|que|qui"
    r"|ce|cette|ces|son|sa|ses|leur|leurs|notre|nos|votre|vos|mon|ma|mes|ne|se|y"
    r"|il|elle|on|nous|vous|ils|elles|je)$",
    re.IGNORECASE,
)
"""Words that read badly at the end of a line: they belong with the word after them."""
WEAK_ENDING_COST = 12
"""How many characters of imbalance between the two lines such a break is worth avoiding."""
_WORDLESS = re.compile(r"^\W+$")
_QUOTED = re.compile(r"^«\s*(.*?)\s*»$")

_USUAL_VOICES = frozenset(
    name.casefold()
    for name in (
        "Voix off",
        "Journaliste",
        "Présentateur",
        "Présentatrice",
        "Présentateur·rice",
        "Reporter",
        "Commentaire",
    )
)
"""Names that say who speaks even when a segment does not list them as speakers."""


@dataclass(frozen=True)
class Cue:
    """One subtitle: its lines, when it is shown, who speaks it and from which segment."""

    start_ms: int
    end_ms: int
    lines: tuple[str, ...]
    voice: str
    segment: int

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def chars(self) -> int:
        """Characters read, the line break counted as the space it replaces."""
        return characters(self.lines)

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


@dataclass(frozen=True)
class Subtitles:
    """A script's cues in order, and the script's whole length (image-only shots included)."""

    cues: tuple[Cue, ...]
    total_ms: int


class TooFastError(FictionError):
    """The script is read too fast for readable subtitles; `fitting_speed` would do."""

    def __init__(self, message: str, fitting_speed: float | None) -> None:
        super().__init__(message)
        self.fitting_speed = fitting_speed


def characters(lines: Iterable[str]) -> int:
    lines = tuple(lines)
    return sum(len(line) for line in lines) + max(len(lines) - 1, 0)


def min_duration_ms(lines: Iterable[str]) -> int:
    """How long a cue must stay: a second, or its characters at the reading rate."""
    return max(MIN_MS, math.ceil(characters(lines) * 1000 / MAX_RATE))


def subtitles(segments: Iterable[Segment], pace: Pace = DEFAULT_PACE) -> Subtitles:
    """The script's cues, timed at `pace`; raises `TooFastError` if they cannot be read."""
    segments = tuple(segments)
    try:
        return _fitted(segments, pace)
    except TooFastError as error:
        speed = _fitting_speed(segments, pace)
        raise TooFastError(
            f"Lu à {pace.words_per_second:g} mots par seconde, le journal va trop vite pour "
            f"des sous-titres lisibles ({MAX_RATE:g} caractères par seconde au plus). "
            + (
                f"Ralentissez la lecture à {speed:g} mots par seconde, ou raccourcissez le texte."
                if speed is not None
                else "Raccourcissez le texte."
            ),
            speed,
        ) from error


def _fitted(segments: tuple[Segment, ...], pace: Pace) -> Subtitles:
    script = timed_script(segments, pace)
    total_ms = round(script.total * 1000)
    spoken: list[Cue] = []
    for line in script.lines:
        spoken.extend(_segment_cues(line.number, line.segment, line.start, line.seconds))
    return Subtitles(_fit(spoken, total_ms), total_ms)


def _fitting_speed(segments: tuple[Segment, ...], pace: Pace) -> float | None:
    """The fastest reading speed, in tenths of a word per second, at which the cues fit."""
    tenths = math.floor(pace.words_per_second * 10) - 1
    while tenths >= 5:
        try:
            _fitted(segments, Pace(tenths / 10, pace.shot_seconds))
        except TooFastError:
            tenths -= 1
            continue
        return tenths / 10
    return None


def _fit(cues: list[Cue], total_ms: int) -> tuple[Cue, ...]:
    """Give each cue its minimum time, as close to its words as the neighbours allow.

    A first pass pushes a cue's end past its words when it needs more time
    (and its followers after it); a second pass, from the end of the script,
    pulls back whatever went past the end. If the first cue is then pulled
    before the start, the cues need more time than the script has.
    """
    starts = [cue.start_ms for cue in cues]
    ends = [cue.end_ms for cue in cues]
    needs = [min_duration_ms(cue.lines) for cue in cues]
    previous_end = 0
    for index, need in enumerate(needs):
        starts[index] = max(starts[index], previous_end)
        ends[index] = max(ends[index], starts[index] + need)
        previous_end = ends[index]
    limit = total_ms
    for index in reversed(range(len(cues))):
        ends[index] = min(ends[index], limit)
        starts[index] = min(starts[index], ends[index] - needs[index])
        limit = starts[index]
    if cues and starts[0] < 0:
        raise TooFastError("", None)
    return tuple(
        Cue(start, end, cue.lines, cue.voice, cue.segment)
        for cue, start, end in zip(cues, starts, ends, strict=True)
    )


def _segment_cues(number: int, segment: Segment, start: float, seconds: float) -> Iterator[Cue]:
    """The cues of one segment, each timed by where its words fall among the segment's."""
    lines = read_aloud(segment.sound).splitlines()
    words = sum(len(WORD.findall(line)) for line in lines)
    if not words:
        return
    speakers = [name.strip() for name in segment.speakers if name.strip()]
    voice = speakers[0] if speakers else ""

    def at(word: int) -> int:
        return round((start + seconds * word / words) * 1000)

    before = 0
    for line in lines:
        line_words = len(WORD.findall(line))
        if is_caption(line) or not line_words:
            before += line_words
            continue
        named, text = speaker_and_text(line, speakers)
        if named:
            voice = named
        before += line_words - len(WORD.findall(text))
        text = _unquoted(text) if named else text
        for sentence in _sentences(_tokens(text)):
            for cue_tokens in _cue_chunks(sentence):
                count = sum(len(WORD.findall(token)) for token in cue_tokens)
                if count:
                    yield Cue(at(before), at(before + count), _lines(cue_tokens), voice, number)
                before += count


def speaker_and_text(line: str, speakers: Iterable[str]) -> tuple[str, str]:
    """(« Voix off », « ici, en 2050… ») for « Voix off : ici, en 2050… »; ("", line) if unnamed.

    A prefix names a speaker when the segment lists it, when it is a usual
    voice of a news report, or when it names someone (« Une habitante »,
    « Le maire ») and what follows is a quotation (« Une habitante : « Avant,
    je… » »); « En bref : une autre nouvelle » and « Elle a dit : « Oui » »
    are said as they are written.
    """
    match = _PREFIX.match(line)
    if match is None:
        return "", line
    name, rest = match.group(1).strip(), match.group(2).strip()
    known = {speaker.casefold() for speaker in speakers} | _USUAL_VOICES
    quotes_words = rest.startswith("«") and any(char.isalnum() for char in rest)
    if name.casefold() in known or (quotes_words and _NAMING.match(name)):
        return name, rest
    return "", line


def _unquoted(text: str) -> str:
    """A speaker's words without the quotation marks around all of them."""
    match = _QUOTED.match(text.strip())
    return match.group(1) if match and "«" not in match.group(1) else text


def _tokens(text: str) -> list[str]:
    """Whitespace-separated words, each with the punctuation French sets apart by a space
    (« Oui. » and « Pourquoi ? » stay whole: no line starts with « » » or « ? »); a word
    longer than a line is cut into line-long pieces."""
    words: list[str] = []
    opening = ""
    for token in text.split():
        if _WORDLESS.match(token) and token[0] in '«(["“':
            opening += token + " "
        elif _WORDLESS.match(token) and words and not opening:
            words[-1] += " " + token
        else:
            words.append(opening + token)
            opening = ""
    if opening.strip():
        words.append(opening.strip())
    return [
        word[index : index + MAX_LINE] for word in words for index in range(0, len(word), MAX_LINE)
    ]


def _sentences(tokens: list[str]) -> Iterator[list[str]]:
    sentence: list[str] = []
    for token in tokens:
        sentence.append(token)
        if _SENTENCE_END.search(token):
            yield sentence
            sentence = []
    if sentence:
        yield sentence


def _cue_chunks(tokens: list[str]) -> Iterator[list[str]]:
    """A sentence as cues of at most two lines, cut where the voice pauses.

    The last two cues share what is left evenly (never a lone word on the last
    one), cut after a comma when one allows it; before them, each cue takes
    the longest run that fits, cut back to a comma in its second half.
    """
    while tokens:
        fit = len(tokens)
        while fit > 1 and not _fits(tokens[:fit]):
            fit -= 1
        if fit < len(tokens) and _fits(tokens[fit:]):
            fit = _even_cut(tokens, fit)
        elif fit < len(tokens):
            pauses = [
                end for end in range(fit, fit // 2, -1) if _CLAUSE_END.search(tokens[end - 1])
            ]
            if pauses:
                fit = pauses[0]
        yield tokens[:fit]
        tokens = tokens[fit:]


def _even_cut(tokens: list[str], longest: int) -> int:
    """Where to cut a run that takes two cues: after a comma if one keeps them alike,
    else where they are most even."""
    cuts = []
    for cut in range(1, longest + 1):
        if _fits(tokens[cut:]):
            sizes = sorted((len(" ".join(tokens[:cut])), len(" ".join(tokens[cut:]))))
            # A comma counts unless it leaves one cue less than half the other.
            pause = bool(_CLAUSE_END.search(tokens[cut - 1])) and 2 * sizes[0] >= sizes[1]
            cuts.append((not pause, sizes[1] - sizes[0], cut))
    return min(cuts)[2]


def _fits(tokens: list[str]) -> bool:
    return _best_break(tokens) is not None


def _best_break(tokens: list[str]) -> int | None:
    """Where to break a cue in two lines: 0 for one line, None if two lines do not do."""
    if len(" ".join(tokens)) <= MAX_LINE:
        return 0
    candidates = []
    for cut in range(1, len(tokens)):
        top, bottom = len(" ".join(tokens[:cut])), len(" ".join(tokens[cut:]))
        if top <= MAX_LINE and bottom <= MAX_LINE:
            # Balanced lines, never an article or a preposition left at the end of the
            # top line unless nothing else fits; on a tie, the shorter line on top.
            weak = bool(_WEAK_ENDING.match(tokens[cut - 1]))
            candidates.append((max(top, bottom) + WEAK_ENDING_COST * weak, top, cut))
    return min(candidates)[2] if candidates else None


def _lines(tokens: list[str]) -> tuple[str, ...]:
    cut = _best_break(tokens)
    if not cut:
        return (" ".join(tokens),)
    return (" ".join(tokens[:cut]), " ".join(tokens[cut:]))
