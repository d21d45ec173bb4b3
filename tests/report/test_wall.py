"""The wall view (`fiction.report.wall`): what both wall screens show, read at a time and
ticked from there, and the JSON the browser page gets."""

from __future__ import annotations

import dataclasses
import time

from fiction.report.wall import (
    DANGER_SHARE,
    WARNING_SHARE,
    hour_text,
    level,
    step_text,
    summary,
    wall_view,
)
from fiction.store.model import FINISHED_STEP, Phase, PhaseState
from tests.workshops import small_workshop

NOW = 1_750_000_000.0


def workshop(state: PhaseState | None = None, **changes):
    return dataclasses.replace(
        small_workshop(),
        phase=state or PhaseState(),
        start_time="14:00",
        join_code="K7PQ4X",
        **changes,
    )


def test_before_the_start_there_is_no_phase_and_every_phase_comes_at_its_planned_time():
    view = wall_view(workshop(), NOW)
    assert view.phase is None and view.left(NOW) is None and view.level(NOW) == ""
    titles = [phase.title for phase in view.following]
    assert titles[:2] == ["Accueil et brise-glace", "Exploration"]
    assert view.next_times(NOW)[:3] == ("14h00", "14h15", "14h35")
    data = view.to_data()
    assert data["phase"] is None and data["join_code"] == "K7PQ4X"
    assert data["next"][1] == {"title": "Exploration", "minutes": 20, "planned": "14:15"}


def test_a_running_phase_ticks_from_the_reading_and_a_paused_one_stands_still():
    running = wall_view(workshop(PhaseState(index=2, started_at=NOW - 60)), NOW)
    assert running.phase is not None and running.phase.title == "Scénario"
    assert running.left(NOW) == 45 * 60 - 60
    assert running.left(NOW + 10) == 45 * 60 - 70
    paused = wall_view(workshop(PhaseState(index=2, elapsed=60)), NOW)
    assert paused.left(NOW + 10) == paused.left(NOW) == 45 * 60 - 60
    # The next phases begin at the current one's end, each after the one before.
    ends = NOW + 45 * 60 - 60
    assert running.next_times(NOW)[:2] == (hour_text(ends), hour_text(ends + 40 * 60))
    assert [phase.title for phase in running.following] == [
        "Journal télévisé",
        "Restitution",
        "Bilan",
    ]


def test_the_countdown_turns_orange_at_a_fifth_left_and_red_at_a_twentieth():
    assert (level(None), level(0.5), level(WARNING_SHARE), level(0.06)) == (
        "",
        "",
        "warning",
        "warning",
    )
    assert level(DANGER_SHARE) == level(0.0) == "danger"
    minutes = 20 * 60  # Exploration
    view = wall_view(workshop(PhaseState(index=1, started_at=NOW)), NOW)
    assert view.level(NOW + 0.79 * minutes) == ""
    assert view.level(NOW + 0.81 * minutes) == "warning"
    assert view.level(NOW + 0.96 * minutes) == "danger"
    assert view.level(NOW + 2 * minutes) == "danger"  # overrun: still red
    extended = wall_view(workshop(PhaseState(index=1, started_at=NOW, extra_minutes=5)), NOW)
    assert extended.phase is not None and extended.phase.duration == 25 * 60
    assert extended.level(NOW + 0.81 * minutes) == ""  # the extra time counts


def test_the_groups_progress_and_the_json_the_page_reads():
    base = small_workshop()
    finished = dataclasses.replace(base.groups[1], step=FINISHED_STEP, title="La maison")
    view = wall_view(workshop(groups=(base.groups[0], finished, base.groups[2])), NOW)
    second = view.groups[1]
    assert second.finished and second.written == 1 and 0 < second.share < 1
    data = view.to_data()
    steps = [group["step"] for group in data["groups"]]
    assert steps == ["1 Les cartes", "✓ Terminé", "1 Les cartes"]
    assert data["groups"][1]["written"] == f"1/{second.parts}"
    assert (data["warning_share"], data["danger_share"]) == (WARNING_SHARE, DANGER_SHARE)


def test_step_text_names_the_step_and_the_screens_a_group_is_open_on():
    assert step_text(3) == "3 Le scénario 2050"
    assert step_text(FINISHED_STEP) == "✓ Terminé"
    assert step_text(2, screens=2) == "2 Et si demain… · 2 écrans"
    assert step_text(2, screens=1) == "2 Et si demain…"


def test_clock_times_are_this_computers_hours():
    assert hour_text(time.mktime((2025, 3, 12, 9, 5, 0, 0, 0, -1))) == "09h05"


def test_the_results_follow_the_wall_mode_and_hidden_votes_never_leave():
    base = small_workshop()
    first = dataclasses.replace(base.groups[0], weather=("curieux", "fatigué"), votes=(2,))
    second = dataclasses.replace(
        base.groups[1], weather=("Curieux",), title="La maison", question="Et si ?"
    )
    groups = (first, second, base.groups[2])
    assert wall_view(workshop(groups=groups), NOW).results is None  # progress

    weather = wall_view(workshop(groups=groups, wall="weather"), NOW).to_data()
    assert weather["mode_title"] == "Météo du début"
    assert weather["results"]["words"][0] == {"word": "curieux", "count": 2}
    assert (
        weather["results"]["svg"].startswith("<svg")
        and ">curieux</text>" in weather["results"]["svg"]
    )

    hidden = wall_view(workshop(groups=groups, wall="votes"), NOW).to_data()["results"]
    assert hidden == {"revealed": False, "cast": 1, "tally": []}
    shown = wall_view(workshop(groups=groups, wall="votes", votes_revealed=True), NOW)
    assert shown.to_data()["results"]["tally"][0] == {
        "number": 2,
        "pseudonym": second.pseudonym,
        "title": "La maison",
        "votes": 1,
    }

    nobody = wall_view(workshop(groups=groups, wall="restitution"), NOW)
    assert nobody.to_data()["results"] == {"presenting": None}
    assert nobody.presentation_left(NOW) is None
    presenting = wall_view(
        workshop(groups=groups, wall="restitution", presenting=2, presenting_since=NOW - 60),
        NOW,
    )
    assert presenting.presentation_left(NOW + 30) == 5 * 60 - 90
    assert presenting.presentation_level(NOW + 0.81 * 300 - 60) == "warning"
    assert presenting.presentation_level(NOW + 0.96 * 300 - 60) == "danger"
    assert presenting.to_data()["results"]["presenting"]["question"] == "Et si ?"

    review = wall_view(workshop(groups=groups, wall="review"), NOW).to_data()["results"]
    labels = [column["label"] for column in review["columns"]]
    assert labels == ["Créer", "Maintenir", "Amplifier", "Réduire", "Arrêter"]


def test_a_long_scenario_is_cut_at_a_word():
    text = "En 2050, chaque quartier a son café. " * 20
    cut = summary(text, 60)
    assert len(cut) <= 60 and cut.endswith(" …") and "  " not in cut
    assert summary("Court.\n\nDeux lignes.") == "Court. Deux lignes."


def test_the_running_phase_brings_its_instructions_to_both_walls():
    agenda = (Phase("Météo du jour", 10, "En un mot, votre état d'esprit ?"), Phase("Bilan", 15))
    view = wall_view(workshop(PhaseState(index=0, started_at=NOW), agenda=agenda), NOW)
    assert view.phase is not None
    assert view.phase.instructions == "En un mot, votre état d'esprit ?"
    assert view.to_data()["phase"]["instructions"] == "En un mot, votre état d'esprit ?"
    after = wall_view(workshop(PhaseState(index=1, started_at=NOW), agenda=agenda), NOW)
    assert after.to_data()["phase"]["instructions"] == ""
