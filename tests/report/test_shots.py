"""The shot list: every shot of the script once, grouped by place, timed like the script."""

from __future__ import annotations

import pytest

from fiction.report.script import timed_script
from fiction.report.shots import EDIT, FIELD, STUDIO, shot_list
from fiction.store.model import Segment

PLACE = "la Maison des mille liens"
SCRIPT = [
    Segment(
        1,
        "headlines",
        image=(
            "Générique du journal\nBandeau : Le Mans, 2050\nPlan large : la Maison des mille liens"
        ),
        sound="[Musique : générique]\nÀ la une ce soir : la maison fête ses dix ans.",
        speakers=("Présentatrice",),
    ),
    Segment(
        2,
        "studio-intro",
        image="Plateau, la présentatrice face caméra",
        sound="Bonsoir. Reportage.",
        speakers=("Présentatrice",),
    ),
    Segment(
        3,
        "report",
        image="Gros plan : les mains qui servent un café (tasses, thermos)\nPlan serré : l'hôte",
        sound="Voix off : ici, en 2050, la maison accueille une centaine d'habitants.",
        speakers=("Voix off",),
    ),
    Segment(
        4,
        "interview",
        image="Plan taille : l'hôte",
        sound="Mon métier n'existait pas.",
        speakers=("Hôte de convivialité",),
    ),
    Segment(5, "studio-close", image="Plateau\nGénérique de fin"),
]


def test_every_shot_appears_once_grouped_by_place_in_script_order():
    shots = shot_list(SCRIPT, PLACE)

    assert [place.name for place in shots.places] == [PLACE, STUDIO, EDIT]
    assert [shot.number for shot in shots.places[0].shots] == ["1.2", "3.1", "3.2", "4.1"]
    assert [shot.number for shot in shots.places[1].shots] == ["2.1", "5.1"]
    assert [shot.number for shot in shots.places[2].shots] == ["1.1", "5.2"]
    assert all("Bandeau" not in shot.description for shot in shots.shots)


def test_shot_durations_add_up_to_the_script():
    shots = shot_list(SCRIPT, PLACE)

    assert sum(shot.seconds for shot in shots.shots) == pytest.approx(timed_script(SCRIPT).total)
    assert sum(place.seconds for place in shots.places) == pytest.approx(shots.total)


def test_who_is_on_camera_the_presenter_on_the_set_the_others_in_the_field():
    by_number = {shot.number: shot for shot in shot_list(SCRIPT, PLACE).shots}

    assert by_number["2.1"].on_camera == ("Présentatrice",)
    assert by_number["1.2"].on_camera == ()  # a field picture under the presenter's voice
    assert by_number["3.1"].on_camera == ()  # a voice off is not seen
    assert by_number["4.1"].on_camera == ("Hôte de convivialité",)


def test_first_words_props_and_unnamed_places():
    by_number = {shot.number: shot for shot in shot_list(SCRIPT).shots}

    assert by_number["3.1"].first_words == "ici, en 2050, la"
    assert by_number["3.1"].props == ("les mains qui servent un café", "tasses", "thermos")
    assert by_number["1.1"].first_words.startswith("À la une ce soir :")
    assert by_number["4.1"].place == FIELD
