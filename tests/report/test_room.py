"""The room's results: météo word counts and clouds, the vote tally, the bilan board,
the restitution's timer."""

from __future__ import annotations

import dataclasses
import string
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from fiction.folding import STOP_WORDS, fold
from fiction.report.room import (
    FACILITATOR,
    ReviewItem,
    VoteResult,
    WordCount,
    cloud_svg,
    presentation_left,
    review_board,
    vote_tally,
    votes_cast,
    weather_counts,
    word_counts,
)
from fiction.store.model import Review, Workshop
from tests.workshops import small_workshop

SVG = "{http://www.w3.org/2000/svg}"

FRENCH = string.ascii_letters + "àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔÙÛÜŒÆ0123456789 '’-,.!?;:«»"
VOCABULARY = ("Élan", "soleil", "énergie", "Café", "orage", "été", "Ça", "avenir", "île")
answers = st.lists(
    st.lists(
        st.sampled_from(VOCABULARY)
        | st.sampled_from(sorted(STOP_WORDS))
        | st.text(FRENCH, max_size=8),
        max_size=3,
    ).map(" ".join),
    max_size=12,
)
recased = st.sampled_from((str.upper, str.lower, str.title, str.capitalize))


def test_words_are_counted_folded_without_stop_words_and_shown_as_most_written():
    counts = word_counts(
        ["Grand soleil", "soleil", "Soleil levant", "l'envie d'agir", "L’envie", "élan", "Élan"]
    )
    assert counts == (
        WordCount("soleil", 3),
        WordCount("élan", 2),
        WordCount("envie", 2),
        WordCount("agir", 1),
        WordCount("Grand", 1),
        WordCount("levant", 1),
    )


def test_hyphens_and_non_elided_apostrophes_keep_a_word_whole():
    counts = word_counts(["peut-être aujourd'hui", "jusqu'à l'aube"])
    assert [c.word for c in counts] == ["aube", "aujourd'hui", "peut-être"]


@given(answers=answers, change=recased)
def test_counts_do_not_change_with_case_or_accents(answers: list[str], change):
    folded = {fold(c.word): c.count for c in word_counts(answers)}
    changed = word_counts([change(answer) for answer in answers])
    assert {fold(c.word): c.count for c in changed} == folded
    stripped = word_counts([fold(answer) for answer in answers])
    assert {fold(c.word): c.count for c in stripped} == folded


@given(answers=answers)
def test_a_stop_word_is_never_counted_and_the_order_is_by_count(answers: list[str]):
    counts = word_counts(answers)
    assert not any(fold(c.word) in STOP_WORDS for c in counts)
    assert all(c.count >= 1 for c in counts)
    assert [c.count for c in counts] == sorted((c.count for c in counts), reverse=True)


@given(answers=answers)
def test_the_cloud_is_valid_svg_the_same_twice_and_words_never_overlap(answers: list[str]):
    counts = word_counts(answers)
    svg = cloud_svg(counts, width=400, height=240)
    assert svg == cloud_svg(counts, width=400, height=240)
    root = ET.fromstring(svg)
    texts = root.findall(f".//{SVG}text")
    assert {t.text for t in texts} <= {c.word for c in counts}
    boxes = []
    for text in texts:
        size = float(text.get("font-size", 0))
        width = len(text.text or "") * size * 0.62
        x, y = float(text.get("x", 0)), float(text.get("y", 0))
        boxes.append((x - width / 2, y - size, x + width / 2, y))
        assert x - width / 2 >= -0.5 and x + width / 2 <= 400.5 and y <= 240
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert (
                a[2] <= b[0] + 0.1 or b[2] <= a[0] + 0.1 or a[3] <= b[1] + 0.1 or b[3] <= a[1] + 0.1
            )


def test_the_cloud_escapes_its_words_and_sizes_them_by_count():
    svg = cloud_svg((WordCount("<b>&", 4), WordCount("calme", 1)))
    root = ET.fromstring(svg)
    sizes = {t.text: float(t.get("font-size", 0)) for t in root.iter(f"{SVG}text")}
    assert sizes["<b>&"] > sizes["calme"]
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def _room() -> Workshop:
    base = small_workshop()
    one, two, three = base.groups
    return dataclasses.replace(
        base,
        weather=("Soleil",),
        weather_end=("serein",),
        votes_per_group=2,
        groups=(
            dataclasses.replace(
                one,
                title="Le café",
                weather=("soleil", "orage"),
                votes=(2, 2, 3),  # the third is beyond the 2 votes
                review=Review(create=("Un café",)),
            ),
            dataclasses.replace(two, weather_end=("Serein",), votes=(2, 3, 9)),  # own, then 3
            dataclasses.replace(
                three, votes=(1,), review=Review(create=("Un jardin",), stop=(" ",))
            ),
        ),
        review=Review(create=("Des bancs",)),
        presentation_minutes=4,
    )


def test_weather_counts_join_the_facilitator_and_the_groups():
    workshop = _room()
    assert weather_counts(workshop, "start") == (WordCount("soleil", 2), WordCount("orage", 1))
    assert weather_counts(workshop, "end") == (WordCount("serein", 2),)


def test_only_valid_votes_are_counted_most_voted_first():
    workshop = _room()
    assert vote_tally(workshop) == (
        VoteResult(2, "Loutre Curieuse", "", 2),
        VoteResult(1, "Panda Zen", "Le café", 1),
        VoteResult(3, "Renard Malin", "", 1),
    )
    assert votes_cast(workshop) == 4
    assert votes_cast(small_workshop()) == 0


def test_the_bilan_board_merges_the_facilitator_and_the_groups():
    board = review_board(_room())
    assert board["create"] == (
        ReviewItem("Des bancs", None, FACILITATOR),
        ReviewItem("Un café", 1, "Panda Zen"),
        ReviewItem("Un jardin", 3, "Renard Malin"),
    )
    assert board["stop"] == ()
    assert list(board) == ["create", "maintain", "amplify", "reduce", "stop"]


def test_the_presenting_group_has_its_own_countdown():
    workshop = _room()
    assert presentation_left(workshop, 1000.0) is None
    presenting = dataclasses.replace(workshop, presenting=2, presenting_since=1000.0)
    assert presentation_left(presenting, 1030.0) == 4 * 60 - 30
    assert presentation_left(presenting, 1000.0 + 300) == -60
