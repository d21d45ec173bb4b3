"""`fiction library search` and `fiction library show`, through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from fiction import cli
from tests.cli.test_startup_imports import HEAVY, PROBE
from tests.library.conftest import AUTHOR


@pytest.fixture
def run(capsys, monkeypatch, tmp_path):
    """Run `fiction ARGS` on the store at `FICTION_STORE`: (exit code, output, errors),
    tables as wide as a wide terminal's."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")

    def run(*arguments: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exit_info:
            cli.main(list(arguments))
        captured = capsys.readouterr()
        return exit_info.value.code, captured.out, captured.err

    return run


@pytest.fixture
def library(library_store, monkeypatch):
    monkeypatch.setenv("FICTION_STORE", str(library_store.path))
    return library_store


def test_search_lists_ranked_scenarios_with_workshop_pseudonym_and_marked_snippet(run, library):
    code, out, err = run("library", "search", "bienveilleur")
    assert (code, err) == (0, "")
    assert "1 scénario pour « bienveilleur » :" in out
    assert "1. Les bienveilleuses du quartier" in out
    assert "Atelier du Mans · 12 mars 2025 · Le Mans — groupe 1, Panda Zen" in out
    assert "Titre : Les [bienveilleuses] du quartier" in out
    assert AUTHOR not in out


def test_search_says_what_it_searched_and_what_it_kept(run, library):
    code, out, _ = run("library", "search", "liens", "--place", "Lyon", "--year", "2024")
    assert code == 0
    assert "1 scénario pour « liens » (lieu « Lyon », année 2024) :" in out
    assert "Le jardin partagé" in out and "Maison des liens" not in out
    code, out, _ = run("library", "search", "liens", "--figure", "Radar", "--theme", "bonheur")
    assert code == 0 and "La Maison des liens" in out and "jardin" not in out
    code, out, _ = run("library", "search", "potager")
    assert (code, out.strip()) == (0, "Aucun scénario ne contient « potager ».")
    code, out, _ = run("library", "search", "liens", "-n", "1")
    assert "2 scénarios pour « liens » (les 1 premiers) :" in out


def test_an_unknown_figure_and_an_empty_query_are_refused_in_french(run, library):
    code, _, err = run("library", "search", "liens", "--figure", "licorne")
    assert code == 1
    assert "Erreur : Aucune figure ne correspond à « licorne ». Figures : " in err
    assert "Radar" in err
    code, _, err = run("library", "search", "les", "du")
    assert code == 1 and "Rien à chercher dans « les du »" in err


def test_a_store_without_workshops_says_so_clearly(run, monkeypatch, tmp_path):
    empty = tmp_path / "vide.sqlite3"
    monkeypatch.setenv("FICTION_STORE", str(empty))
    for command in ("search", "show"):
        arguments = ("library", command, "jardin") if command == "search" else ("library", command)
        code, out, err = run(*arguments)
        assert (code, err) == (0, "")
        assert out.startswith(f"Aucun atelier dans {empty} : rien à ")
        assert "fiction session new NOM" in out


def test_show_counts_scenarios_by_figure_and_theme(run, library):
    code, out, err = run("library", "show")
    assert (code, err) == (0, "")
    assert "Scénarios par figure et par thème (3 ateliers, 4 scénarios)" in out
    radar = next(line for line in out.splitlines() if "Radar" in line)
    assert [cell.strip() for cell in radar.split("│")[2:-1]] == ["·", "1", "·", "1", "·", "2"]


def test_show_lists_the_scenarios_of_a_cell_by_pseudonym(run, library):
    code, out, err = run(
        "library", "show", "--figure", "programmateur", "--theme", "Vieillesses heureuses"
    )
    assert (code, err) == (0, "")
    assert "Programmateur de convivialités × Vieillesses heureuses : 2 scénarios" in out
    assert "Les bienveilleuses du quartier" in out and "Le radar des solitudes" in out
    assert "Panda Zen" in out and AUTHOR not in out
    code, _, err = run("library", "show", "--figure", "territoire")
    assert code == 1 and "« territoire » désigne plusieurs figures" in err


def test_library_help_is_french_and_imports_nothing_heavy():
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "library", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Chercher et parcourir les scénarios de tous les ateliers" in result.stdout
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES="))
    loaded = set(json.loads(line.removeprefix("MODULES=")))
    assert not loaded & {*HEAVY, "rich", "snowballstemmer"}
