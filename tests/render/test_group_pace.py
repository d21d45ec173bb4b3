"""Printed timings follow each group's stored reading speed and target, unless --speed is given."""

from __future__ import annotations

import dataclasses

from fiction.render.booklet import booklet
from fiction.render.markdown import workshop_markdown
from fiction.report.timing import Pace
from fiction.store.model import Segment
from tests.workshops import small_workshop

SOUND = " ".join(["mot"] * 90)


def paced_workshop():
    """Group 1 reads at 1.5 words a second for a 60-second target; group 2 as by default."""
    workshop = small_workshop(groups=2)
    segment = Segment(1, "report", sound=SOUND)
    first, second = workshop.groups
    first = dataclasses.replace(first, segments=(segment,), reading_speed=1.5, target_seconds=60)
    second = dataclasses.replace(second, segments=(segment,))
    return dataclasses.replace(workshop, groups=(first, second))


def test_each_chapter_is_timed_at_its_groups_speed():
    chapters = booklet(paced_workshop(), None).chapters

    assert [c.script.total for c in chapters] == ["1 min 00 s", "30 s"]
    assert [c.script.words_per_minute for c in chapters] == [90, 180]


def test_an_imposed_speed_times_every_group_alike():
    chapters = booklet(paced_workshop(), None, Pace(3.0)).chapters

    assert [c.script.total for c in chapters] == ["30 s", "30 s"]


def test_the_markdown_export_says_the_groups_speed_and_target():
    text = workshop_markdown(paced_workshop(), None)

    assert "pour 1 min 00 s visées (dans le temps), lecture à 90 mots par minute" in text
