"""Each kind's usual length, the target with its tolerance, and the studio's cue."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fiction.errors import FictionError
from fiction.report.norms import NORMS, ON_TIME, OVER, UNDER, Target, flag, items, last_words
from fiction.report.timing import Pace, segment_seconds, shots, spoken_words
from fiction.store.model import SEGMENT_KINDS, Segment


def words(count: int) -> str:
    return " ".join(["mot"] * count)


def segment(kind: str, sound: str = "", image: str = "") -> Segment:
    return Segment(id=1, kind=kind, image=image, sound=sound)


def test_every_segment_kind_has_a_usual_length():
    assert set(NORMS) == set(SEGMENT_KINDS)


def test_captions_sit_over_a_shot_and_are_not_shots():
    image = "Plan large de la place\nBandeau : Le Mans, 2050\nsynthé : Mme Diallo, hôte\nGros plan"

    assert shots(image) == 2
    assert segment_seconds(segment("report", image=image)) == pytest.approx(6.0)


def test_bracketed_music_cues_are_heard_not_read():
    assert spoken_words("[Musique : générique du JT] Bonsoir à tous. [Jingle]") == 3


@pytest.mark.parametrize(
    ("kind", "count", "expected"),
    [
        ("report", 150, "short"),  # 50 s at 3 words a second: under a minute
        ("report", 270, None),  # 90 s: a report's habit
        ("interview", 60, None),  # 20 s: the longest extract allowed
        ("interview", 63, "long"),  # 21 s
        ("studio-intro", 27, "short"),  # 9 s
        ("studio-intro", 45, None),  # 15 s
        ("studio-intro", 48, "long"),  # 16 s
        ("brief", 45, None),
    ],
)
def test_a_segment_is_flagged_against_its_kinds_habit(kind, count, expected):
    found = flag(segment(kind, sound=words(count)))
    assert (None if found is None else ("long" if found.too_long else "short")) == expected


def test_the_flag_says_in_french_what_is_wrong_and_what_is_usual():
    found = flag(segment("interview", sound=words(96)))

    assert found is not None
    assert found.message() == "Trop long pour une interview : 32 s (usuel : 20 s au plus)."


def test_vox_pop_answers_are_judged_one_by_one():
    answers = f"{words(30)}\n{words(30)}\n\n{words(66)}"  # 10 s, 10 s, then 22 s

    found = flag(segment("vox-pop", sound=answers))

    assert items(answers) == (words(30), words(30), words(66))
    assert found is not None and found.item == 3
    assert (
        found.message()
        == "Trop long pour un micro-trottoir (ligne 3) : 22 s (usuel : 20 s au plus)."
    )


def test_headlines_are_judged_each_about_fifteen_seconds():
    assert flag(segment("headlines", sound=f"{words(45)}\n{words(42)}")) is None
    short = flag(segment("headlines", sound=f"{words(45)}\n{words(6)}"))
    assert short is not None and not short.too_long and short.item == 2


def test_an_empty_segment_is_to_write_not_too_short():
    assert flag(segment("report")) is None


def test_the_reading_speed_changes_the_verdict():
    sixty = segment("interview", sound=words(66))  # 22 s at 3 words/s, 19.8 s at 200 wpm

    assert flag(sixty) is not None
    assert flag(sixty, Pace(words_per_second=200 / 60)) is None


@pytest.mark.parametrize(
    ("total", "verdict"),
    [(161, UNDER), (162, ON_TIME), (180, ON_TIME), (198, ON_TIME), (199, OVER)],
)
def test_three_minutes_are_on_time_within_eighteen_seconds(total, verdict):
    target = Target()

    assert target.tolerance == 18
    assert target.verdict(total) == verdict


def test_a_short_target_keeps_ten_seconds_of_tolerance():
    target = Target(60)

    assert target.tolerance == 10
    assert target.verdict(49) == UNDER and target.verdict(70) == ON_TIME


@pytest.mark.parametrize("seconds", [0, 5, 3601])
def test_impossible_targets_are_refused_in_french(seconds):
    with pytest.raises(FictionError, match="Durée visée impossible"):
        Target(seconds)


def test_the_cue_is_the_last_words_read():
    sound = "Ici, chaque matin, une centaine d'habitants se retrouvent. [Musique]"

    assert last_words(sound) == "…une centaine d'habitants se retrouvent."
    assert last_words(sound, 3) == "…d'habitants se retrouvent."
    assert last_words("Merci beaucoup.") == "Merci beaucoup."
    assert last_words("[Musique]") == ""


@given(st.integers(min_value=10, max_value=3600), st.floats(min_value=0, max_value=7200))
def test_the_verdict_is_on_time_exactly_within_the_tolerance(seconds, total):
    target = Target(seconds)
    inside = abs(round(total) - seconds) <= target.tolerance

    assert (target.verdict(total) == ON_TIME) == inside
