"""`fiction print subtitles|shots|captions` as a user runs them on the filming day."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import srt
import webvtt
from PIL import Image

from fiction.store.store import Store
from tests.render.filled import NAME
from tests.render.pdftext import comparable, page_texts, reader


@pytest.fixture
def run(run_print):
    """`fiction print ARGS` on a copy of the filled store (tests/cli/conftest.py)."""
    return run_print


def test_subtitles_are_written_as_srt_by_default(run, tmp_path: Path):
    code, out, err = run("subtitles", "Atelier du Mans", "--group", "2")

    assert (code, err) == (0, "")
    assert "3 sous-titres du groupe 2 dans sous-titres-groupe-2.srt" in out
    cues = list(srt.parse((tmp_path / "sous-titres-groupe-2.srt").read_text(encoding="utf-8")))
    assert [cue.content.replace("\n", " ") for cue in cues] == [
        "À la une ce soir : la maison 2 fête ses dix ans !",
        "Ici, chaque matin, une centaine",
        "d'habitants se retrouvent autour d'un café.",
    ]


def test_vtt_subtitles_name_who_speaks(run, tmp_path: Path):
    code, _, _ = run("subtitles", "Atelier du Mans", "-g", "1", "-o", "journal.vtt")

    captions = webvtt.read(str(tmp_path / "journal.vtt")).captions
    assert code == 0
    assert [caption.voice for caption in captions] == ["Présentatrice", "Voix off", "Voix off"]


def test_subtitles_read_too_fast_are_refused_with_the_speed_that_fits(run, tmp_path: Path):
    with Store(tmp_path / "ateliers.sqlite3") as store:
        store.add_segment(NAME, 1, "brief", "Panda", sound="Anticonstitutionnellement. " * 20)

    code, _, err = run("subtitles", NAME, "-g", "1", "--speed", "8")

    assert code == 1
    assert "trop vite pour des sous-titres lisibles" in err
    assert "--speed" in err
    assert not (tmp_path / "sous-titres-groupe-1.srt").exists()


def test_subtitles_of_a_group_that_does_not_exist(run):
    code, _, err = run("subtitles", "Atelier du Mans", "-g", "9")

    assert code == 1
    assert "n'a pas de groupe 9 (groupes 1 à 3)" in err


def test_the_shot_list_is_an_a4_pdf_grouping_the_shots_by_place(run, tmp_path: Path):
    code, out, err = run("shots", NAME, "--group", "3")

    assert (code, err) == (0, "")
    assert "Feuille de tournage du groupe 3 (5 plans) dans tournage-groupe-3.pdf" in out
    pdf = (tmp_path / "tournage-groupe-3.pdf").read_bytes()
    page = reader(pdf).pages[0]
    assert sorted((float(page.mediabox.width), float(page.mediabox.height))) == pytest.approx(
        [595.28, 841.89], abs=0.01
    )
    text = "".join(page_texts(pdf))
    for expected in (
        "Feuille de tournage",
        "Groupe 3",
        "Fait",
        "Accessoires",
        "La Maison des mille liens, quartier 3",
        "Gros plan sur le comptoir",
        "le comptoir",
        "« Ici, chaque matin, une centaine »",
        "Plateau",
        "Au montage (rien à filmer)",
    ):
        assert comparable(expected) in text
    # Places in order, each shot under its place.
    assert text.index(comparable("quartier 3")) < text.index(comparable("Plan large du café"))
    assert text.index(comparable("Plan large du café")) < text.index(comparable("Au montage"))


@pytest.mark.slow
def test_captions_are_written_as_transparent_full_hd_pictures(run, tmp_path: Path):
    code, out, err = run("captions", NAME, "--group", "1", "-o", "bandeaux")

    assert (code, err) == (0, "")
    assert "Carton titre et 1 bandeau du groupe 1 dans bandeaux" in out
    folder = tmp_path / "bandeaux"
    assert sorted(path.name for path in folder.iterdir()) == [
        "00-titre.png",
        "01-bandeau-le-mans-2050.png",
    ]
    with Image.open(folder / "01-bandeau-le-mans-2050.png") as picture:
        assert picture.size == (1920, 1080) and picture.mode == "RGBA"
        assert picture.getchannel("A").getbbox()[1] >= 720


def test_captions_need_a_folder(run):
    code, _, err = run("captions", NAME, "--group", "1")

    assert code == 2 and "-o" in err


def test_the_filming_commands_start_without_weasyprint_jinja2_or_pil():
    probe = (
        "import json, sys; import fiction.cli.filming; "
        "print(json.dumps(sorted({name.split('.')[0] for name in sys.modules})))"
    )
    loaded = set(json.loads(subprocess.check_output([sys.executable, "-c", probe], text=True)))

    assert not loaded & {"weasyprint", "jinja2", "pypdfium2", "PIL", "textual", "srt", "webvtt"}


def test_subtitles_follow_the_groups_stored_reading_speed(run, tmp_path: Path):
    run("subtitles", NAME, "-g", "2", "-o", "normal.srt")
    with Store(tmp_path / "ateliers.sqlite3") as store:
        store.set_field(NAME, 2, "reading_speed", 1.5, "Grue")
    run("subtitles", NAME, "-g", "2", "-o", "lent.srt")
    run("subtitles", NAME, "-g", "2", "-o", "force.srt", "--speed", "3")

    def first_end(name: str) -> float:
        cues = list(srt.parse((tmp_path / name).read_text(encoding="utf-8")))
        return cues[0].end.total_seconds()

    # The headline's twelve words: 4 s at 3 words a second, 8 s at 1.5.
    assert (first_end("normal.srt"), first_end("lent.srt")) == (4.0, 8.0)
    assert first_end("force.srt") == 4.0
