"""Dates, times and numbers typed the French way; the new-workshop form's rules."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fiction.errors import FictionError
from fiction.store.model import DEFAULT_AGENDA, Phase
from fiction.tui.formats import (
    ago,
    clock_text,
    date_text,
    minutes_text,
    parse_clock,
    parse_count,
    parse_date,
)
from fiction.tui.workshop_form import read_agenda, read_form


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("12/03/2025", "2025-03-12"),
        ("12-3-25", "2025-03-12"),
        ("12.03.2025", "2025-03-12"),
        ("1er mars 2025", "2025-03-01"),
        ("12 Mars 2025", "2025-03-12"),
        ("3 févr 2026", "2026-02-03"),
        ("3 fevrier 2026", "2026-02-03"),
        ("3 sept. 2026", "2026-09-03"),
        ("2025-03-12", "2025-03-12"),
        ("  ", ""),
    ],
)
def test_dates_are_read_as_facilitators_write_them(typed, iso):
    assert parse_date(typed) == iso


@pytest.mark.parametrize("typed", ["31/02/2025", "12/13/2025", "3 jui 2026", "demain", "12/03"])
def test_unclear_or_impossible_dates_are_refused_in_french(typed):
    with pytest.raises(FictionError, match=r"Date non reconnue .* 12/03/2025 ou 12 mars 2025"):
        parse_date(typed)


@given(st.dates(min_value=datetime.date(1900, 1, 1)))
def test_a_date_shown_in_the_form_reads_back_as_itself(day):
    assert parse_date(date_text(day.isoformat())) == day.isoformat()


@pytest.mark.parametrize(
    ("typed", "time"),
    [("14:00", "14:00"), ("14h", "14:00"), ("14h30", "14:30"), ("9 h 05", "09:05"), ("", "")],
)
def test_times_are_read_as_facilitators_write_them(typed, time):
    assert parse_clock(typed) == time


@pytest.mark.parametrize("typed", ["25h", "14:5", "14h75", "midi"])
def test_impossible_times_are_refused_in_french(typed):
    with pytest.raises(FictionError, match="Heure non reconnue"):
        parse_clock(typed)


def test_counts_outside_their_bounds_name_the_field():
    assert parse_count(" 7 ", "Groupes", 1, 12) == 7
    for typed in ("0", "13", "-1", "sept", ""):
        with pytest.raises(FictionError, match="Groupes : un nombre entier de 1 à 12"):
            parse_count(typed, "Groupes", 1, 12)


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "00:00"), (0.2, "00:01"), (59.5, "01:00"), (754, "12:34"), (3600, "1:00:00"),
     (-0.5, "00:00"), (-72.3, "-01:12")],
)  # fmt: skip
def test_the_countdown_shows_minutes_and_seconds_rounded_towards_the_end(seconds, shown):
    assert clock_text(seconds) == shown


def test_time_since_an_edit_reads_naturally():
    assert [ago(s) for s in (10, 130, 3_900, -5)] == [
        "à l'instant",
        "il y a 2 min",
        "il y a 1 h 05",
        "à l'instant",
    ]
    assert [minutes_text(m) for m in (45, 60, 165)] == ["45 min", "1 h", "2 h 45"]


FORM = {
    "name": "  Atelier   du Mans ",
    "date": "12/03/2025",
    "place": "Le Mans",
    "start": "14h",
    "groups": "5",
    "rounds": "2",
    "redraws": "1",
    "seed": "",
    "hand-themes": "1",
    "hand-figures": "1",
    "hand-contexts": "2",
    "hand-roles": "3",
    "hand-vigilance": "2",
    "hand-inspirations": "1",
}
ROWS = [(phase.title, str(phase.minutes)) for phase in DEFAULT_AGENDA]


def test_a_filled_form_becomes_the_deal_request_and_the_workshop_facts():
    plan, errors = read_form(FORM, ROWS, "chosen", {1: "bonheur", 7: "justices-sociales"})

    assert errors == {}
    assert plan is not None
    assert (plan.name, plan.date, plan.place, plan.start_time) == (
        "Atelier du Mans",
        "2025-03-12",
        "Le Mans",
        "14:00",
    )
    request = plan.request
    assert (request.groups, request.rounds, request.redraw_limit, request.seed) == (5, 2, 1, None)
    assert request.theme_per_group
    assert request.themes == ((1, "bonheur"),)  # group 7 does not exist
    assert plan.agenda == DEFAULT_AGENDA


def test_every_wrong_field_gets_its_own_french_message():
    wrong = FORM | {"name": " ", "groups": "13", "hand-roles": "x", "seed": "-3", "start": "9h99"}

    plan, errors = read_form(wrong, [("Accueil", "0")], "dealt", {})

    assert plan is None
    assert set(errors) == {"name", "groups", "hand-roles", "seed", "start", "agenda"}
    assert errors["groups"] == "Groupes : un nombre entier de 1 à 12."
    assert errors["hand-roles"].startswith("Rôles : un nombre entier de 0 à")
    assert "Ligne 1 de l'ordre du jour, durée" in errors["agenda"]


def test_the_agenda_needs_titled_lines_and_at_least_one():
    assert read_agenda([(" Pot  final ", "20")]) == (Phase("Pot final", 20),)
    with pytest.raises(FictionError, match="Ligne 2 de l'ordre du jour : donnez-lui un titre"):
        read_agenda([("Accueil", "15"), ("", "10")])
    with pytest.raises(FictionError, match="au moins une phase"):
        read_agenda([])
