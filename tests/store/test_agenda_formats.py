"""Agenda formats, activities as phases, and a phase's instructions and day in the store."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fiction.errors import FictionError
from fiction.store import exchange, plain
from fiction.store.agendas import (
    ACTIVITY_MINUTES,
    AGENDA_FORMATS,
    DEFAULT_FORMAT,
    activity_phase,
)
from fiction.store.model import DEFAULT_AGENDA, Phase
from fiction.store.phase import day_offsets, start_times
from fiction.store.store import Store
from tests.workshops import small_workshop

TWO_DAYS = AGENDA_FORMATS["deux-jours"].phases


def test_the_afternoon_format_is_the_default_agenda_with_its_instructions():
    afternoon = AGENDA_FORMATS[DEFAULT_FORMAT]
    assert afternoon.label == "Après-midi (2 h 45)"
    assert [(p.title, p.minutes, p.day) for p in afternoon.phases] == [
        (p.title, p.minutes, p.day) for p in DEFAULT_AGENDA
    ]
    assert sum(p.minutes for p in afternoon.phases) == 165
    assert all(phase.instructions for phase in afternoon.phases)


def test_the_two_day_format_explores_on_day_one_and_films_on_day_two():
    two_days = AGENDA_FORMATS["deux-jours"]
    assert two_days.days == 2
    first = " ".join(p.title for p in two_days.phases if p.day == 1)
    second = " ".join(p.title for p in two_days.phases if p.day == 2)
    assert "Exploration" in first and "scénario" in first
    assert "Tournage du journal télévisé" in second
    assert "Tournage" not in first


@pytest.mark.parametrize("key", AGENDA_FORMATS)
def test_every_format_is_an_agenda_the_store_accepts(key: str):
    phases = AGENDA_FORMATS[key].phases
    assert plain.agenda_from_data(plain.agenda_to_data(phases), "agenda") == phases
    for day in {p.day for p in phases}:
        minutes = sum(p.minutes for p in phases if p.day == day)
        assert 120 <= minutes <= 7 * 60, (key, day, minutes)


def test_an_activity_becomes_a_phase_with_its_title_and_instructions(builtin_deck):
    by_id = {activity.id: activity for activity in builtin_deck.activities}
    interviews = by_id["entretiens-croises"]
    phase = activity_phase(interviews, day=2)
    assert phase.title == "Les entretiens croisés"
    assert phase.minutes == ACTIVITY_MINUTES == 15  # the source gives no duration
    assert phase.day == 2
    assert phase.instructions.startswith("Tirer en petits groupes un bilan personnel")
    assert "mon prochain petit pas" in phase.instructions
    for activity in builtin_deck.activities:
        assert plain.agenda_from_data(plain.agenda_to_data([activity_phase(activity)]), "a")


def test_an_activity_with_a_stated_duration_keeps_it(builtin_deck):
    activity = dataclasses.replace(
        builtin_deck.activities[0], duration="Proposition du jeu : 20 min"
    )
    assert activity_phase(activity).minutes == 20


def test_an_agenda_without_instructions_or_days_exports_as_before():
    assert plain.agenda_to_data(DEFAULT_AGENDA)[0] == {
        "title": "Accueil et brise-glace",
        "minutes": 15,
    }
    text = exchange.to_json(small_workshop(), ())
    assert '"instructions"' not in text and '"day"' not in text


def test_an_agenda_written_before_days_reads_with_the_defaults():
    old = [{"title": "Accueil", "minutes": 15}, {"title": "Scénario", "minutes": 45}]
    assert plain.agenda_from_data(old, "agenda") == (Phase("Accueil", 15), Phase("Scénario", 45))


def test_instructions_and_days_go_through_the_store_and_an_export(store_location):
    workshop = dataclasses.replace(small_workshop(), agenda=TWO_DAYS)
    with Store(store_location) as store:
        store.add(workshop)
        assert store.load(workshop.name).agenda == TWO_DAYS
        document = json.loads(exchange.to_json(store.load(workshop.name), ()))
    agenda = document["workshop"]["agenda"]
    assert agenda[0] == {
        "title": TWO_DAYS[0].title,
        "minutes": 30,
        "instructions": TWO_DAYS[0].instructions,
    }
    assert agenda[-1]["day"] == 2
    assert plain.agenda_from_data(agenda, "agenda") == TWO_DAYS


def test_editing_the_agenda_records_instructions_and_days_in_the_history(store_location):
    with Store(store_location) as store:
        store.add(small_workshop())
        edit = store.set_field(
            "Atelier du Mans", None, "agenda", plain.agenda_to_data(TWO_DAYS), "Loutre"
        )
        assert edit is not None
        assert edit.old == plain.agenda_to_data(DEFAULT_AGENDA)
        assert store.load("Atelier du Mans").agenda == TWO_DAYS
        store.undo("Atelier du Mans", "Loutre")
        assert store.load("Atelier du Mans").agenda == DEFAULT_AGENDA


@pytest.mark.parametrize(
    ("agenda", "message"),
    [
        (
            [{"title": "A", "minutes": 5, "day": 2}, {"title": "B", "minutes": 5}],
            r"« agenda\[1\]\.day » : la phase n° 2 est au jour 1, après une phase du jour 2",
        ),
        (
            [{"title": "A", "minutes": 5, "day": 6}],
            r"« agenda\[0\]\.day » : doit être entre 1 et 5",
        ),
        (
            [{"title": "A", "minutes": 5, "day": 0}],
            r"« agenda\[0\]\.day » : doit être entre 1 et 5",
        ),
        (
            [{"title": "A", "minutes": 5, "instructions": "x" * 1001}],
            r"« agenda\[0\]\.instructions » : texte trop long \(1001 caractères ; 1000 au plus\)",
        ),
        ([{"title": "A", "minutes": 5, "jour": 2}], r"« agenda\[0\]\.jour » : clé inconnue"),
    ],
)
def test_a_wrong_day_or_instructions_is_refused_naming_the_line(agenda, message):
    with pytest.raises(FictionError, match=message):
        plain.agenda_from_data(agenda, "agenda")


def test_the_store_refuses_days_that_go_back(store_location):
    with Store(store_location) as store:
        store.add(small_workshop())
        backwards = [{"title": "A", "minutes": 5, "day": 2}, {"title": "B", "minutes": 5}]
        with pytest.raises(FictionError, match="la phase n° 2 est au jour 1"):
            store.set_field("Atelier du Mans", None, "agenda", backwards, "Loutre")


def test_each_day_of_the_two_day_format_starts_at_the_start_time():
    times = start_times("09:30", TWO_DAYS)
    first_of_day_two = next(i for i, p in enumerate(TWO_DAYS) if p.day == 2)
    assert times[0] == times[first_of_day_two] == "09:30"
    assert times[1] == "10:00"
    assert start_times("", TWO_DAYS) == ()


agendas = st.lists(st.tuples(st.integers(1, 240), st.integers(0, 1)), min_size=1, max_size=12).map(
    lambda steps: tuple(
        Phase(f"P{i}", minutes, day=1 + sum(jump for _, jump in steps[: i + 1]))
        for i, (minutes, _) in enumerate(steps)
    )
)
clock_times = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59))


@given(agenda=agendas, start=clock_times)
def test_every_day_starts_at_the_start_time_and_its_times_never_go_back(
    agenda: tuple[Phase, ...], start: str
):
    times = start_times(start, agenda)
    offsets = day_offsets(agenda)
    assert len(times) == len(agenda)
    for index, phase in enumerate(agenda):
        if index == 0 or agenda[index - 1].day != phase.day:
            assert times[index] == start and offsets[index] == 0
        else:
            # Within a day, each start is the previous one plus its minutes.
            assert offsets[index] == offsets[index - 1] + agenda[index - 1].minutes
            assert offsets[index] > offsets[index - 1]
