"""SRT and WebVTT files of generated scripts, read back by subtitle libraries.

Whatever a group writes, the files parse, their cues are in order without
overlap, within the script's timing, two lines of 42 characters at most, a
second at least, 17 characters a second at most, and say every word that is
read, in order, and nothing else; or the script is refused as read too fast.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import srt
import webvtt
from hypothesis import assume, event, given, settings
from hypothesis import strategies as st

from fiction.render.subtitles import srt_text, vtt_text
from fiction.report.script import timed_script
from fiction.report.subtitles import MAX_LINE, MAX_RATE, MIN_MS, TooFastError, subtitles
from fiction.report.timing import WORD, Pace
from fiction.store.model import Segment

VOCABULARY = (
    "le",
    "CCAS",
    "habitants",
    "aujourd'hui",
    "peut-être",
    "2050",
    "convivialité",
    "à",
    "café",
    "quartier",
    "anticonstitutionnellement",
    "R&D",
    "<demain>",
    "«",
    "x" * 50,
)
NAMING_LINE = re.compile(r"^[^:«»\"\n]{1,40}?\s*:\s+«.*\w")
"""A line that names its speaker before a quotation (see `speaker_and_text`)."""

PUNCTUATION = ("", "", "", ",", ".", " !", " ?", "…", " ;", " :", " »", ". »")


@dataclass(frozen=True)
class Written:
    segment: Segment
    said: tuple[str, ...]
    """The words a viewer must read, in order."""


def sentence_of(words: list[tuple[str, str]]) -> str:
    return " ".join(word + mark for word, mark in words)


# Built once: a strategy built inside a composite is built and validated again at
# every draw, which cost as much as the rest of the property.
KINDS = st.sampled_from(("said", "said", "said", "cue", "caption", "named"))
SIZES = st.integers(1, 30)
WORDS_AND_MARKS = st.sampled_from([(w, m) for w in VOCABULARY for m in PUNCTUATION])
"""A word and what follows it, drawn at once: half the draws of a word then a mark."""
SPEAKERS = st.sampled_from(((), ("Voix off",), ("Présentatrice", "Journaliste")))
IMAGE_LINES = st.lists(st.sampled_from(("Plan large", "Bandeau : 2050")), max_size=3)


@st.composite
def sound_lines(draw: st.DrawFn, speakers: tuple[str, ...]) -> tuple[str, list[str]]:
    kind = draw(KINDS)
    size = draw(SIZES)
    text = sentence_of(draw(st.lists(WORDS_AND_MARKS, min_size=size, max_size=size)))
    # « Le maire : « Avant… » » names who speaks (a short prefix, a colon, a quotation):
    # a line meant to be said whole must not read like one.
    assume(kind != "said" or not NAMING_LINE.match(text))
    said = WORD.findall(text)
    if kind == "cue":
        return f"[Musique : {text}]", []
    if kind == "caption":
        return f"Bandeau : {text}", []
    if kind == "named" and speakers:
        return f"{speakers[0]} : {text}", said
    return text, said


@st.composite
def written_segments(draw: st.DrawFn) -> Written:
    speakers = draw(SPEAKERS)
    lines = draw(st.lists(sound_lines(speakers), max_size=4))
    image = "\n".join(draw(IMAGE_LINES))
    sound = "\n".join(line for line, _ in lines)
    said = tuple(word for _, words in lines for word in words)
    return Written(Segment(1, "report", image=image, sound=sound, speakers=speakers), said)


def parsed_srt(text: str) -> list[tuple[int, int, str]]:
    return [
        (
            round(cue.start.total_seconds() * 1000),
            round(cue.end.total_seconds() * 1000),
            cue.content,
        )
        for cue in srt.parse(text)
    ]


def parsed_vtt(text: str) -> list[tuple[int, int, str, str | None]]:
    return [
        (
            round(caption.start_in_seconds * 1000 + caption.start_time.milliseconds),
            round(caption.end_in_seconds * 1000 + caption.end_time.milliseconds),
            html.unescape(caption.text),
            caption.voice,
        )
        for caption in webvtt.from_string(text).captions
    ]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(written_segments(), min_size=1, max_size=6),
    st.sampled_from((0.5, 1.0, 2.0, 2.5, 3.0, 4.0)),
)
def test_subtitle_files_keep_every_limit_and_say_every_word(written: list[Written], speed: float):
    script = [item.segment for item in written]
    try:
        result = subtitles(script, Pace(speed))
    except TooFastError as error:
        event("read too fast")
        assert error.fitting_speed is None or error.fitting_speed < speed
        return
    event("subtitled")
    total_ms = round(timed_script(script, Pace(speed)).total * 1000)
    from_srt = parsed_srt(srt_text(result))
    from_vtt = parsed_vtt(vtt_text(result))

    assert [cue[:3] for cue in from_vtt] == from_srt
    assert len(from_srt) == len(result.cues)
    previous_end = 0
    for start, end, content in from_srt:
        lines = content.split("\n")
        assert previous_end <= start < end <= total_ms
        assert len(lines) <= 2 and all(0 < len(line) <= MAX_LINE for line in lines)
        assert end - start >= MIN_MS
        assert len(" ".join(lines)) <= MAX_RATE * (end - start) / 1000
        previous_end = end
    shown = tuple(word for _, _, content in from_srt for word in WORD.findall(content))
    said = tuple(word for item in written for word in item.said)
    # A word longer than a line is cut in two pieces on screen: compare letters.
    assert "".join(shown) == "".join(said)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(VOCABULARY[:12]), min_size=1, max_size=40), min_size=1))
def test_durations_of_a_spoken_script_sum_to_its_timing(sounds: list[list[str]]):
    script = [Segment(n, "report", sound=" ".join(words)) for n, words in enumerate(sounds)]
    pace = Pace(2.0)
    try:
        result = subtitles(script, pace)
    except TooFastError:
        return
    cues = parsed_srt(srt_text(result))

    assert sum(end - start for start, end, _ in cues) == round(
        timed_script(script, pace).total * 1000
    )
    assert cues[0][0] == 0


def test_the_vtt_file_names_who_speaks_and_escapes_its_text():
    spoken = Segment(
        1, "report", sound="Voix off : la R&D <du CCAS> avance.", speakers=("Voix off",)
    )

    text = vtt_text(subtitles([spoken], Pace(1)))

    assert text.startswith("WEBVTT\n")
    assert "<v Voix off>la R&amp;D &lt;du CCAS&gt; avance.</v>" in text
    [(_, _, content, voice)] = parsed_vtt(text)
    assert (content, voice) == ("la R&D <du CCAS> avance.", "Voix off")


def test_a_named_prefix_before_an_empty_quotation_is_said_not_taken_for_a_speaker():
    """Found by the property above: « le le : « » has no quoted words, so « le le »
    names nobody and is said."""
    from fiction.report.subtitles import speaker_and_text

    assert speaker_and_text("le le : «", ()) == ("", "le le : «")
    assert speaker_and_text("Une habitante : « Avant, je… »", ()) == (
        "Une habitante",
        "« Avant, je… »",
    )
