"""`fiction print manuel`: the inspiration manual of three workshops, read back from the PDF."""

from __future__ import annotations

import pytest

from fiction import cli
from fiction.cards.locate import chosen_deck
from fiction.render.manual import manual
from tests.library.conftest import AUTHOR
from tests.render.pdftext import comparable, page_texts

NAMES = ("Atelier du Mans", "Lyon 2024", "Nancy 2019")
TITLES = (
    "Les bienveilleuses du quartier",
    "La Maison des liens",
    "Le jardin partagé",
    "Le radar des solitudes",
)


def print_manual(capsys, monkeypatch, tmp_path, *arguments: str) -> tuple[int, str, str]:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["print", "manuel", *arguments])
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


@pytest.fixture
def printed(library_store, capsys, monkeypatch, tmp_path) -> tuple[list[str], str]:
    monkeypatch.setenv("FICTION_STORE", str(library_store.path))
    code, out, err = print_manual(capsys, monkeypatch, tmp_path, *NAMES, "-o", "manuel.pdf")
    assert (code, err) == (0, "")
    return page_texts((tmp_path / "manuel.pdf").read_bytes()), out


def page_with(texts: list[str], heading: str) -> str:
    return next(text for text in texts[2:] if text.startswith(comparable(heading)))


def test_the_printed_manual_has_its_contents_map_professions_and_a_page_per_scenario(printed):
    """The manual is printed once (about a second) and read back for both checks below."""
    texts, out = printed
    has_every_scenario_title_the_map_counts_and_the_professions(texts, out)
    has_one_page_per_scenario_with_its_workshop_place_date_and_pseudonym(texts)


def has_every_scenario_title_the_map_counts_and_the_professions(texts: list[str], out: str) -> None:
    assert out.strip() == "Manuel d'inspiration de 3 ateliers dans manuel.pdf."
    whole = "".join(texts)
    assert comparable("Manuel d'inspiration") in texts[0]
    assert comparable("4 scénarios de 3 ateliers") in texts[0]
    for title in TITLES:
        assert comparable(title) in texts[1], title  # the contents
        assert any(comparable(title) in text for text in texts[3:]), title
    # The map: radar gave one scenario with Bonnes santés and one with Bonheur.
    board = page_with(texts, "Les figures et les thèmes explorés")
    assert comparable("Radar112") in board
    assert comparable("Programmateur de convivialités22") in board
    assert comparable("Total2101") + "04" in board
    # The index of invented professions, each with where it comes from.
    index = page_with(texts, "Les métiers inventés")
    for name, source in (
        ("Bienveilleuse de palier", "Les bienveilleuses du quartier — Atelier du Mans"),
        ("Hôte de convivialité", "La Maison des liens — Atelier du Mans"),
        ("Jardinière sociale", "Le jardin partagé — Atelier « Lyon 2024 »"),
    ):
        assert comparable(name) + comparable(source) in index
    # The vigilance answers, by figure.
    vigilance = page_with(texts, "Les points de vigilance, figure par figure")
    assert comparable("Programmateur de convivialités") in vigilance
    assert comparable("Le lieu reste ouvert à tous.") in vigilance
    assert comparable(AUTHOR) not in whole and comparable("Panda Zen") in whole


def has_one_page_per_scenario_with_its_workshop_place_date_and_pseudonym(texts: list[str]) -> None:
    origins = {
        "Les bienveilleuses du quartier": "Atelier du Mans · Le Mans · 12 mars 2025",
        "La Maison des liens": "Atelier du Mans · Le Mans · 12 mars 2025",
        "Le jardin partagé": "Atelier « Lyon 2024 » · Lyon · 3 juin 2024",
        "Le radar des solitudes": "Atelier « Nancy 2019 » · Nancy · 20 novembre 2019",
    }
    for title, origin in origins.items():
        start = comparable(origin) + comparable(title) + comparable("Scénario du groupe")
        assert sum(text.startswith(start) for text in texts) == 1, title
    page = next(text for text in texts if comparable("Le jardin partagé") + "scénario" in text)
    assert comparable("Scénario du groupe « Panda Zen »") in page


def test_the_manual_values_count_each_pair_of_cards(library_store):
    workshops = [library_store.load(name) for name in NAMES]
    deck = chosen_deck()
    values = manual(workshops, {deck.manifest.id: deck})
    counts = dict(zip(values.map.figures, values.map.counts, strict=True))
    themes = values.map.themes
    assert counts["Radar"][themes.index("Bonheur")] == 1
    assert counts["Radar"][themes.index("Bonnes santés")] == 1
    assert counts["Programmateur de convivialités"][themes.index("Vieillesses heureuses")] == 2
    assert values.map.total == 4
    assert [page.chapter.title for page in values.scenarios] == list(TITLES)


def test_an_unknown_workshop_is_refused_in_french_naming_the_known_ones(
    library_store, capsys, monkeypatch, tmp_path
):
    monkeypatch.setenv("FICTION_STORE", str(library_store.path))
    code, _, err = print_manual(capsys, monkeypatch, tmp_path, "Atelier du Mans", "Paris")
    assert code == 1
    assert "Erreur : Atelier inconnu dans" in err
    assert "« Paris ». Ateliers de la base : « Atelier du Mans », « Lyon 2024 »" in err
    assert not (tmp_path / "manuel.pdf").exists()
