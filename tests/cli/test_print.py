"""`fiction print …` as a user runs it: files written whole, French messages and errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from fiction.cards.loader import load_deck
from fiction.engine import DealRequest, deal
from fiction.store.creation import new_workshop
from fiction.store.store import Store
from tests.render.filled import NAME
from tests.render.pdftext import comparable, quick_page_texts, reader

MM = 72 / 25.4


@pytest.fixture
def run(run_print):
    """`fiction print ARGS` on a copy of the filled store (tests/cli/conftest.py)."""
    return run_print


def test_one_kind_prints_to_cartes_pdf_by_default(run, tmp_path: Path):
    code, out, err = run("cards", "--kind", "figures")

    assert (code, err) == (0, "")
    assert "7 cartes (poker, planches A4) dans cartes.pdf" in out
    assert "Imprimez à 100 %" in out
    assert len(reader((tmp_path / "cartes.pdf").read_bytes()).pages) == 2
    assert sorted(path.name for path in tmp_path.iterdir()) == ["ateliers.sqlite3", "cartes.pdf"]


def test_print_shop_pages_carry_a_trim_box_the_size_of_the_card(run, tmp_path: Path):
    # The five themes: a few cards prove the pages as well as a whole kind of 25.
    code, _, _ = run("cards", "--kind", "themes", "--print-shop", "-o", "imprimeur.pdf")

    pages = reader((tmp_path / "imprimeur.pdf").read_bytes()).pages
    assert code == 0 and len(pages) == 2 * 5
    for page in pages[:2]:
        trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
        assert (float(trim.width), float(trim.height)) == pytest.approx(
            (63 * MM, 88 * MM), abs=0.01
        )
        assert float(bleed.width) == pytest.approx(float(trim.width) + 20, abs=0.01)
        assert float(media.width) == pytest.approx(float(trim.width) + 16 * MM, abs=0.01)


def test_letter_paper_short_edge_and_bridge_cards(run, tmp_path: Path):
    code, out, _ = run(
        "cards", "--kind", "themes", "--size", "bridge", "--paper", "letter", "--backs", "short"
    )

    page = reader((tmp_path / "cartes.pdf").read_bytes()).pages[0]
    assert code == 0 and "planches LETTER" in out
    # Eight bridge cards fit on a landscape Letter sheet, six on a portrait one.
    assert sorted((float(page.mediabox.width), float(page.mediabox.height))) == pytest.approx(
        [612, 792], abs=0.01
    )


def test_no_backs_prints_fronts_only(run, tmp_path: Path):
    run("cards", "--kind", "figures", "--backs", "none")

    assert len(reader((tmp_path / "cartes.pdf").read_bytes()).pages) == 1


def test_a_workshops_hands_print_as_one_png_per_dealt_card(run, tmp_path: Path, filled_store):
    with Store(filled_store) as store:
        workshop = store.load(NAME)

    code, out, _ = run(
        "cards", "--session", NAME, "--kind", "themes", "--png", "images", "--dpi", "60"
    )

    files = sorted((tmp_path / "images").iterdir())
    themes = [group.hands[0].themes[0] for group in workshop.groups]
    assert code == 0 and "3 cartes en PNG" in out
    assert [path.name for path in files] == sorted(
        name
        for n, theme in enumerate(themes, 1)
        for name in (f"{n:03d}-{theme}.png", f"{n:03d}-{theme}-verso.png")
    )
    for path in files:
        assert Image.open(path).size == (round(63 / 25.4 * 60), round(88 / 25.4 * 60))
    assert not (tmp_path / "cartes.pdf").exists()


def test_png_pictures_take_a_bleed_on_request(run, tmp_path: Path):
    code, _, _ = run("cards", "--kind", "figures", "--png", "images", "--dpi", "60", "--bleed", "3")

    files = sorted((tmp_path / "images").glob("*.png"))
    assert code == 0 and len(files) == 2 * 7
    for path in files:
        width, height = Image.open(path).size
        assert abs(width - 69 / 25.4 * 60) <= 1 and abs(height - 94 / 25.4 * 60) <= 1
    back = Image.open(next(path for path in files if path.stem.endswith("-verso")))
    # A back is painted to the picture's very edge: the bleed is the card's colour.
    assert back.convert("RGB").getpixel((0, 0)) != (255, 255, 255)


def test_session_cards_start_each_hand_on_its_own_sheet_labelled_with_its_group(
    run, tmp_path: Path, filled_store
):
    with Store(filled_store) as store:
        workshop = store.load(NAME)

    code, _, _ = run("cards", "--session", NAME, "-o", "mains.pdf")

    fronts = quick_page_texts((tmp_path / "mains.pdf").read_bytes())[::2]
    per_sheet = 9
    expected = []
    for group in workshop.groups:
        dealt = sum(len(hand.all_ids()) for hand in group.hands)
        full, rest = divmod(dealt, per_sheet)
        expected += [(group, per_sheet)] * full + ([(group, rest)] if rest else [])
    assert code == 0 and len(fronts) == len(expected)
    for text, (group, cards) in zip(fronts, expected, strict=True):
        tag = comparable(f"Groupe {group.number} · {group.pseudonym}")
        assert text.count(tag) == cards
        others = [g for g in workshop.groups if g.number != group.number]
        assert not any(comparable(g.pseudonym) in text for g in others)


def test_the_booklet_format_follows_the_file_name(run, tmp_path: Path):
    for name in ("livret.md", "livret.html"):
        code, out, _ = run("booklet", NAME, "-o", name)
        assert code == 0 and f"dans {name}" in out
    markdown = (tmp_path / "livret.md").read_text(encoding="utf-8")
    html = (tmp_path / "livret.html").read_text(encoding="utf-8")
    assert "## Groupe 1 — " in markdown and "La Maison des mille liens n° 1" in markdown
    assert html.startswith("<!DOCTYPE html>") and 'lang="fr"' in html


def assert_tagged_pdf_a(pdf: PdfReader) -> None:
    root = pdf.trailer["/Root"]
    metadata = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfaid:part="2" pdfaid:conformance="A"' in metadata
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert "/OutputIntents" in root


def test_the_booklet_pdf_is_written_to_livret_pdf_archived_as_tagged_pdf_a(run, tmp_path: Path):
    """One booklet printed (seconds) for what the file is called, holds and is."""
    code, _, err = run("booklet", NAME, "--speed", "3.5")

    assert (code, err) == (0, "")
    pdf = (tmp_path / "livret.pdf").read_bytes()
    text = "".join(quick_page_texts(pdf))
    assert comparable("lecture à 210 mots par minute") in text
    assert_tagged_pdf_a(reader(pdf))


@pytest.mark.parametrize("command", [("script", NAME, "--group", "1")])
def test_the_booklet_and_the_script_are_archived_as_tagged_pdf_a(run, tmp_path: Path, command):
    """The booklet's archive is checked on livret.pdf in the test above."""
    code, _, _ = run(*command, "-o", "archive.pdf")

    assert code == 0
    assert_tagged_pdf_a(reader((tmp_path / "archive.pdf").read_bytes()))


def test_one_groups_script_as_a_markdown_table(run, tmp_path: Path):
    code, out, _ = run("script", NAME, "--group", "2", "--format", "md")

    text = (tmp_path / "journal-groupe-2.md").read_text(encoding="utf-8")
    assert code == 0 and "journal-groupe-2.md" in out
    assert "| Segment | Image | Son |" in text
    assert "| 3. **Retour plateau** (0:08 · 6 s) | Plateau / Générique |  |" in text


def test_custom_templates_replace_the_built_in_ones_by_name(run, tmp_path: Path, filled_store):
    with Store(filled_store) as store:
        pseudonym = store.load(NAME).group(1).pseudonym
    mine = tmp_path / "mes-modeles"
    mine.mkdir()
    (mine / "script.html").write_text(
        "<html><body>{{ chapter.pseudonym }} : {{ b.name }}</body></html>", encoding="utf-8"
    )

    code, _, _ = run("script", NAME, "-g", "1", "-o", "j.html", "--templates", str(mine))

    assert code == 0
    assert (tmp_path / "j.html").read_text(encoding="utf-8") == (
        f"<html><body>{pseudonym} : Atelier du Mans</body></html>"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("booklet", "Inconnu"), "Aucun atelier nommé « Inconnu »"),
        (("script", NAME, "--group", "9"), "n'a pas de groupe 9"),
        (("cards", "--templates", "absent"), "Le dossier de modèles « absent » n'existe pas"),
        (("cards", "--back-offset", "12", "0"), "--back-offset doit rester entre -5 et 5 mm"),
        (("cards", "--size", "géant"), "n'est pas l'une des valeurs"),
    ],
)
def test_bad_requests_are_refused_in_french_without_a_file(run, tmp_path, arguments, message):
    code, _, err = run(*arguments)

    assert code != 0
    assert message in err
    assert "Traceback" not in err
    assert not list(tmp_path.glob("*.pdf"))


def test_the_cards_of_a_workshop_whose_deck_is_not_at_hand_are_refused_in_french(
    run, tmp_path, model_deck_dir
):
    deck = load_deck(model_deck_dir)
    dealt = deal(deck, DealRequest(groups=1, seed=3))
    with Store(tmp_path / "ateliers.sqlite3") as store:
        store.add(new_workshop("Atelier maison", deck, dealt, now=0.0))

    code, _, err = run("cards", "--session", "Atelier maison")

    assert code == 1
    assert "« Atelier maison » a été distribué avec le jeu « mon-jeu »" in err
    assert "--deck" in err and "Traceback" not in err
    assert not list(tmp_path.glob("*.pdf"))


def test_the_print_commands_start_without_weasyprint_or_jinja2():
    probe = (
        "import json, sys; import fiction.cli.printing; "
        "print(json.dumps(sorted({name.split('.')[0] for name in sys.modules})))"
    )
    loaded = set(json.loads(subprocess.check_output([sys.executable, "-c", probe], text=True)))

    assert not loaded & {"weasyprint", "jinja2", "pypdfium2", "PIL", "textual"}


def test_png_into_a_folder_that_cannot_be_made_is_a_french_error_before_any_drawing(
    run, tmp_path: Path, monkeypatch
):
    (tmp_path / "fichier").write_text("x", encoding="utf-8")

    def never(*arguments, **options):
        raise AssertionError("cards drawn although the folder cannot be made")

    monkeypatch.setattr("fiction.render.cards.cards_png", never)
    code, _, err = run("cards", "--kind", "themes", "--png", str(tmp_path / "fichier" / "png"))

    assert code == 1
    assert "Impossible de créer le dossier" in err and "Erreur inattendue" not in err


@pytest.mark.parametrize(
    "offset", [("nan", "0"), ("0", "inf"), ("500", "0"), ("6", "0"), ("0", "-5.5"), ("5.01", "5")]
)
def test_a_back_offset_past_the_unprinted_band_is_refused(run, tmp_path, offset):
    code, _, err = run("cards", "--kind", "themes", "--back-offset", *offset)

    assert code == 2
    assert "--back-offset doit rester entre -5 et 5 mm dans chaque sens" in err
    assert "Traceback" not in err
    assert not list(tmp_path.glob("*.pdf"))


def test_a_back_offset_at_the_edge_of_the_band_prints(run, tmp_path):
    code, _, err = run("cards", "--kind", "themes", "--back-offset", "-5", "5")

    assert code == 0, err
    assert (tmp_path / "cartes.pdf").stat().st_size > 0
