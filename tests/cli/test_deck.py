"""`fiction deck …` as a facilitator uses it: French, clear, exit codes that mean something."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from fiction.resources import builtin_deck_path


def run(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    """Run the real command in a fresh interpreter, as a user's shell would."""
    return subprocess.run(
        [sys.executable, "-m", "fiction", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "120", "LANG": "C"},
    )


ENGLISH_LEFTOVERS = (
    "Usage:",
    "Show this message",
    "Show the version",
    "Error:",
    "No such",
    "Commands:",
)


def assert_french(text: str) -> None:
    for word in ENGLISH_LEFTOVERS:
        assert word not in text, f"English left in user output: {word!r}\n{text}"
    assert "Traceback" not in text


def test_help_is_french_whatever_the_locale():
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("Utilisation : fiction [OPTIONS] COMMANDE")
    assert "Afficher cette aide et quitter." in result.stdout
    assert "Afficher la version et quitter." in result.stdout
    assert_french(result.stdout)


@pytest.mark.parametrize(
    "args",
    [
        ["deck", "--help"],
        ["deck", "check", "--help"],
        ["deck", "show", "--help"],
        ["deck", "export", "--help"],
        ["deck", "new", "--help"],
    ],
)
def test_every_help_page_is_french(args):
    result = run(*args)
    assert result.returncode == 0
    assert_french(result.stdout)


def test_no_argument_shows_the_builtin_deck_and_the_commands():
    result = run()
    assert result.returncode == 0
    assert "Le CCAS en 2050" in result.stdout
    assert "7" in result.stdout and "Figures" in result.stdout
    assert "Commandes:" in result.stdout or "Commandes :" in result.stdout


def test_check_of_the_builtin_deck_passes():
    result = run("deck", "check")
    assert result.returncode == 0, result.stderr
    assert "Jeu valide : Le CCAS en 2050" in result.stdout
    assert "7 figures" in result.stdout and "25 points de vigilance" in result.stdout


def test_check_of_a_broken_deck_lists_problems_and_exits_1(model_deck_dir):
    cards = model_deck_dir / "cartes.yaml"
    cards.write_text(
        cards.read_text(encoding="utf-8").replace("    mission: Connaît", "    misson: Connaît"),
        encoding="utf-8",
    )
    result = run("deck", "check", "--deck", str(model_deck_dir))
    assert result.returncode == 1
    assert "a 2 problèmes" in result.stderr
    assert (
        "cartes.yaml:" in result.stderr
        and "roles[0].misson — champ inconnu « misson »" in result.stderr
    )
    assert_french(result.stderr)


def test_unknown_command_and_option_are_explained_in_french():
    result = run("deck", "chek")
    assert result.returncode == 2
    assert "Erreur : Commande inconnue : « chek »" in result.stderr
    assert_french(result.stderr)
    result = run("deck", "show", "--kind", "cartes")
    assert result.returncode == 2
    assert "Valeur invalide pour '--kind'" in result.stderr


def test_missing_deck_folder_is_a_message_not_a_traceback(tmp_path):
    result = run("deck", "check", str(tmp_path / "nulle-part"))
    assert result.returncode == 1
    assert "n'existe pas" in result.stderr
    assert_french(result.stderr)


def test_deck_given_twice_differently_is_refused(tmp_path):
    result = run("deck", "check", str(tmp_path), "--deck", str(builtin_deck_path()))
    assert result.returncode == 2
    assert "une seule fois" in result.stderr


def test_show_the_facilitation_activities():
    result = run("deck", "show", "--kind", "activities")
    assert result.returncode == 0, result.stderr
    assert "Activités d'animation (jamais distribuées) (15)" in result.stdout
    assert "accélérateur de projet" in result.stdout.lower()


def test_show_one_kind():
    result = run("deck", "show", "--kind", "figures")
    assert result.returncode == 0
    assert "Figures (7)" in result.stdout
    assert "Radar" in result.stdout or "radar" in result.stdout


def test_export_json_resolves_the_whole_deck(tmp_path):
    result = run("deck", "export", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == [
        "deck",
        "themes",
        "figures",
        "roles",
        "vigilance",
        "contexts",
        "inspirations",
        "activities",
        "conducteur",
    ]
    assert data["deck"]["id"] == "ccas2050"
    radar = next(figure for figure in data["figures"] if figure["id"] == "radar")
    assert radar["title"] and len(radar["vigilance"]) == 5
    role_ids = {role["id"] for role in data["roles"]}
    assert set(radar["roles"]) <= role_ids
    cards = [card for kind in list(data)[1:-1] for card in data[kind]]
    assert all("id" in card and "title" in card for card in cards)
    assert all("kind" in item and "sound" in item for item in data["conducteur"])
    out = tmp_path / "jeu.json"
    assert run("deck", "export", "-o", str(out)).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8")) == data


def test_new_scaffolds_a_deck_that_passes_check(tmp_path):
    target = tmp_path / "Atelier Été 2026"
    result = run("deck", "new", str(target))
    assert result.returncode == 0, result.stderr
    assert "id: atelier-ete-2026" in (target / "deck.yaml").read_text(encoding="utf-8")
    assert (target / "deck.schema.json").is_file()
    check = run("deck", "check", str(target))
    assert check.returncode == 0, check.stderr


def test_new_never_overwrites_a_folder_with_files(tmp_path):
    (tmp_path / "notes.txt").write_text("à garder", encoding="utf-8")
    result = run("deck", "new", str(tmp_path))
    assert result.returncode == 1
    assert "rien n'a été écrit" in result.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "à garder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_check_fills_the_templates_and_reports_a_hostile_one(model_deck_dir):
    (model_deck_dir / "prompts" / "question.j2").write_text("{{ 'a' * 10**9 }}", encoding="utf-8")

    result = run("deck", "check", "--deck", str(model_deck_dir))

    assert result.returncode == 1
    assert "a 1 problème" in result.stderr and "question.j2, ligne 1" in result.stderr
    assert "Jeu valide" not in result.stdout


def test_check_of_the_root_folder_is_a_french_message():
    result = run("deck", "check", "/")

    assert result.returncode == 1 and "Erreur inattendue" not in result.stderr
