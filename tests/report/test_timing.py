"""Estimated news-report timings: words of SON at a reading speed, or shots without words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fiction.errors import FictionError
from fiction.report.timing import Pace, segment_seconds, shots, spoken_words
from fiction.store.model import Segment


def segment(sound: str = "", image: str = "") -> Segment:
    return Segment(id=1, kind="report", image=image, sound=sound)


def test_words_are_counted_as_a_reader_says_them():
    assert spoken_words("Aujourd'hui, peut-être — 3 000 habitants ! « Oui. »") == 6
    assert spoken_words("Les habitant·es et les élu·es, chacun·e à son tour.") == 9


def test_a_spoken_segment_lasts_its_words_at_three_words_a_second_by_default():
    assert segment_seconds(segment(sound=" ".join(["mot"] * 45))) == pytest.approx(15.0)


def test_the_reading_speed_is_a_setting():
    spoken = segment(sound=" ".join(["mot"] * 200))

    assert segment_seconds(spoken, Pace(words_per_second=200 / 60)) == pytest.approx(60.0)


def test_a_segment_without_words_counts_a_fixed_time_per_shot():
    silent = segment(image="Plan large\n\nGros plan\nGénérique")

    assert shots(silent.image) == 3
    assert segment_seconds(silent) == pytest.approx(9.0)
    assert segment_seconds(silent, Pace(shot_seconds=5)) == pytest.approx(15.0)


def test_pictures_under_a_voice_last_as_long_as_the_voice():
    voiced = segment(sound="un deux trois", image="Plan 1\nPlan 2\nPlan 3\nPlan 4")

    assert segment_seconds(voiced) == pytest.approx(1.0)


@pytest.mark.parametrize(("speed", "shot"), [(0, 3), (0.2, 3), (11, 3), (3, -1), (3, 61)])
def test_impossible_paces_are_refused_in_french(speed, shot):
    with pytest.raises(FictionError, match="impossible"):
        Pace(words_per_second=speed, shot_seconds=shot)


@given(
    st.lists(st.sampled_from(["café", "habitants", "l'hôte", "peut-être", "2050"]), min_size=1),
    st.floats(min_value=0.5, max_value=10),
)
def test_reading_faster_never_makes_a_segment_longer(words, speed):
    spoken = segment(sound=" ".join(words))

    slow = segment_seconds(spoken, Pace(words_per_second=speed))
    fast = segment_seconds(spoken, Pace(words_per_second=min(10, speed * 1.5)))

    assert fast <= slow
    assert slow == pytest.approx(len(words) / speed)
