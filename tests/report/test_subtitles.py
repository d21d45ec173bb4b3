"""Subtitles from a timed script: what is said, when, and within the broadcast limits."""

from __future__ import annotations

import itertools

import pytest

from fiction.report.script import timed_script
from fiction.report.subtitles import (
    MAX_LINE,
    MAX_RATE,
    MIN_MS,
    TooFastError,
    subtitles,
)
from fiction.report.timing import Pace
from fiction.store.model import Segment


def segment(sound: str = "", image: str = "", speakers: tuple[str, ...] = ()) -> Segment:
    return Segment(id=1, kind="report", image=image, sound=sound, speakers=speakers)


def texts(segments: list[Segment], pace: Pace) -> list[str]:
    return [" ".join(cue.lines) for cue in subtitles(segments, pace).cues]


def test_one_cue_per_sentence_in_script_order():
    spoken = segment("Bonsoir. Il y a trente ans, on se demandait.\nReportage.")

    assert texts([spoken], Pace(2)) == [
        "Bonsoir.",
        "Il y a trente ans, on se demandait.",
        "Reportage.",
    ]


def test_sound_cues_captions_and_speaker_names_are_not_subtitled():
    spoken = segment(
        "[Musique : générique]\nBandeau : Le Mans, 2050\n"
        "Voix off : ici, chaque matin, on se retrouve.\n"
        "Une habitante : « Avant, je restais seule. »\n"
        "En bref : une autre nouvelle.\n"
        "Elle a dit : « Oui. »",
        speakers=("Voix off",),
    )

    cues = subtitles([spoken], Pace(2)).cues

    assert [" ".join(cue.lines) for cue in cues] == [
        "ici, chaque matin, on se retrouve.",
        "Avant, je restais seule.",
        "En bref : une autre nouvelle.",
        "Elle a dit : « Oui. »",
    ]
    # A named speaker speaks until another is named.
    assert [cue.voice for cue in cues] == ["Voix off", *["Une habitante"] * 3]


def test_an_unnamed_line_is_spoken_by_the_segments_first_speaker():
    spoken = segment("Bonsoir à tous.", speakers=("Présentatrice", "Journaliste"))

    assert [cue.voice for cue in subtitles([spoken]).cues] == ["Présentatrice"]


def test_a_long_sentence_is_split_at_a_comma_into_cues_of_two_short_lines():
    sentence = (
        "En 2050, la Maison des mille liens accueille chaque matin, sans rendez-vous, "
        "une centaine d'habitants du quartier, des enfants aux plus anciens, autour d'un café "
        "et d'un journal que chacun peut lire à voix haute."
    )

    cues = subtitles([segment(sentence)], Pace(2)).cues

    assert len(cues) > 1
    assert " ".join(" ".join(cue.lines) for cue in cues) == sentence
    assert all(len(cue.lines) <= 2 and max(map(len, cue.lines)) <= MAX_LINE for cue in cues)
    assert cues[0].lines[-1].endswith(",")


def test_a_word_longer_than_a_line_is_cut_rather_than_overflowing():
    cues = subtitles([segment("Voici le mot " + "a" * 100 + " que nul ne lit.")], Pace(0.5)).cues

    assert all(len(line) <= MAX_LINE for cue in cues for line in cue.lines)


def test_cues_of_a_spoken_script_tile_its_whole_timing():
    script = [
        segment("Bonsoir. Il y a trente ans, on se demandait : et si demain ?"),
        segment("Ici, chaque matin, une centaine d'habitants se retrouvent."),
    ]

    result = subtitles(script, Pace(2.5))
    cues = result.cues

    assert result.total_ms == round(timed_script(script, Pace(2.5)).total * 1000)
    assert cues[0].start_ms == 0 and cues[-1].end_ms == result.total_ms
    assert all(a.end_ms == b.start_ms for a, b in itertools.pairwise(cues))


def test_an_image_only_segment_keeps_its_time_between_the_cues():
    script = [
        segment("Bonsoir à tous."),
        segment(image="Plan large\nGros plan\nGénérique"),
        segment("Et voici la suite."),
    ]

    first, second = subtitles(script, Pace(2)).cues

    assert (first.start_ms, first.end_ms) == (0, 1500)
    assert second.start_ms - first.end_ms == 9000  # three shots of three seconds


def test_a_short_cue_stays_a_second_and_a_dense_one_borrows_the_silence_after_it():
    script = [
        segment("Oui. Anticonstitutionnellement transformationnelles."),
        segment(image="Plateau"),
    ]

    cues = subtitles(script, Pace(3)).cues

    assert all(cue.duration_ms >= MIN_MS for cue in cues)
    assert all(cue.chars * 1000 <= MAX_RATE * cue.duration_ms for cue in cues)
    assert cues[-1].end_ms > round(3 / 3 * 1000)  # past the words, into the shot


def test_a_script_read_too_fast_says_which_speed_would_fit():
    crammed = segment(" ".join(["Extraordinairement"] * 30))

    with pytest.raises(TooFastError) as error:
        subtitles([crammed], Pace(6))

    assert error.value.fitting_speed is not None and error.value.fitting_speed < 6
    assert "trop vite" in error.value.message
    subtitles([crammed], Pace(error.value.fitting_speed))  # and it does fit


def test_a_script_without_words_has_no_cues_but_keeps_its_length():
    result = subtitles([segment(image="Générique\nPlateau")])

    assert result.cues == () and result.total_ms == 6000


def test_a_line_never_ends_on_an_article_when_another_break_fits():
    cues = subtitles([segment("À la une ce soir : la maison des mille liens fête ses dix ans.")])

    assert cues.cues[0].lines == (
        "À la une ce soir : la maison",
        "des mille liens fête ses dix ans.",
    )
