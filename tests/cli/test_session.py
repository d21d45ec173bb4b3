"""`fiction session …` as a user runs it: French output, French errors, no traceback."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from fiction.cards.loader import load_deck
from fiction.engine import DealRequest, deal, replay
from fiction.store import exchange
from fiction.store.store import Store
from tests.cli.running import run_fiction
from tests.workshops import small_workshop

NAME = "Atelier du Mans"


@pytest.fixture
def run(capsys, monkeypatch, store_path: Path):
    """Run `fiction session ARGS` through the real entry point; (exit code, out, err).

    The store comes from FICTION_STORE, as a user would set it.
    """
    monkeypatch.setenv("FICTION_STORE", str(store_path))
    monkeypatch.setenv("COLUMNS", "200")  # Rich tables on one line each

    def run(*arguments: str, answer: str = "") -> tuple[int, str, str]:
        return run_fiction(capsys, monkeypatch, ["session", *arguments], answer)

    return run


@pytest.fixture
def saved(store_path: Path):
    with Store(store_path) as store:
        store.add(small_workshop())
        store.set_field(NAME, 1, "title", "Le café des habitants", "Panda Zen")
        store.add_segment(NAME, 1, "report", "Panda Zen", sound="Voix off\nsur deux lignes")


def test_new_deals_with_the_engine_and_saves_the_workshop(run, store_path, builtin_deck):
    code, out, err = run(
        "new", NAME, "--groups", "4", "--seed", "7", "--date", "2025-03-12", "--place", "Le Mans"
    )

    assert (code, err) == (0, "")
    expected = deal(builtin_deck, DealRequest(groups=4, seed=7))
    assert f"Code du tirage : {expected.code}" in out
    with Store(store_path) as store:
        workshop = store.load(NAME)
    assert (workshop.date, workshop.place, workshop.deal.seed) == ("2025-03-12", "Le Mans", 7)
    dealt = replay(builtin_deck, workshop.deal.code)
    for group in workshop.groups:
        assert group.hand(1).all_ids() == dealt.hand(group.number).all_ids()
        assert group.pseudonym in out
    assert len({group.pseudonym for group in workshop.groups}) == 4


def test_new_refuses_a_name_already_taken(run, saved):
    code, _, err = run("new", NAME, "--groups", "2")

    assert code == 1
    assert "Un atelier nommé « Atelier du Mans » existe déjà" in err


def test_list_says_when_there_is_no_workshop_yet(run):
    code, out, _ = run("list")

    assert code == 0
    assert "Aucun atelier" in out
    assert "fiction session new" in out


def test_list_and_show_describe_the_workshop_in_french(run, saved):
    _, listed, _ = run("list")
    code, shown, _ = run("show", NAME)

    assert NAME in listed
    assert "12 mars 2025" in listed
    assert code == 0
    for text in ("Panda Zen", "Loutre Curieuse", "Programmateur", "Ordre du jour", "Accueil"):
        assert text in shown


def test_show_names_cards_by_their_ids_until_the_workshops_deck_is_given(
    run, store_path, model_deck_dir
):
    run("new", "Atelier maison", "--groups", "1", "--seed", "3", "--deck", str(model_deck_dir))
    with Store(store_path) as store:
        figure = store.load("Atelier maison").groups[0].hands[-1].figures[0]
    title = load_deck(model_deck_dir).card(figure).title

    code, by_id, _ = run("show", "Atelier maison")
    _, by_title, _ = run("show", "Atelier maison", "--deck", str(model_deck_dir))

    assert code == 0
    assert figure in by_id and title not in by_id
    assert title in by_title


def test_json_export_to_the_screen_is_the_whole_workshop(run, saved, store_path):
    code, out, _ = run("export", NAME, "--format", "json")

    assert code == 0
    with Store(store_path) as store:
        assert json.loads(out) == exchange.document(*store.snapshot(NAME))


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_an_export_imports_back_into_another_store(run, saved, store_path, tmp_path, suffix):
    exported = tmp_path / f"atelier{suffix}"
    other = tmp_path / "autre.sqlite3"

    code, _, err = run("export", NAME, "-o", str(exported))
    assert code == 0
    assert f"exporté dans {exported}" in err
    code, out, _ = run("import", str(exported), "--store", str(other))

    assert code == 0
    assert "Atelier « Atelier du Mans » importé (3 groupes)" in out
    with Store(store_path) as source, Store(other) as target:
        assert target.snapshot(NAME) == source.snapshot(NAME)


def test_markdown_export_is_readable_french(run, saved, tmp_path):
    output = tmp_path / "atelier.md"

    code, _, _ = run("export", NAME, "--format", "md", "-o", str(output))

    text = output.read_text(encoding="utf-8")
    assert code == 0
    assert text.startswith("# Atelier du Mans\n")  # the name already says « Atelier »
    for part in (
        "12 mars 2025",
        "## Groupe 1 — Panda Zen",
        "### Le scénario 2050 : Le café des habitants",
        "**Figure** : Programmateur de convivialités",
        "| 1. **Sujet** |  | Voix off sur deux lignes _(dernière phrase : Voix off sur deux "
        "lignes)_ | 2 s (à 0:00) |",
    ):
        assert part in text


def test_importing_a_name_already_taken_needs_a_new_name(run, saved, store_path, tmp_path):
    exported = tmp_path / "atelier.json"
    run("export", NAME, "-o", str(exported))

    code, _, err = run("import", str(exported))
    assert code == 1
    assert "existe déjà" in err
    assert "--rename" in err

    code, _, _ = run("import", str(exported), "--rename", "Atelier du Mans (copie)")
    assert code == 0
    with Store(store_path) as store:
        assert [s.name for s in store.workshops()] == [NAME, "Atelier du Mans (copie)"]


def test_an_invalid_file_is_refused_naming_the_field(run, saved, tmp_path):
    with Store(tmp_path / "s.sqlite3") as store:
        store.add(small_workshop())
        document = exchange.document(*store.snapshot(NAME))
    document["workshop"]["groups"][1]["segments"] = [{"id": 1, "kind": "reportage"}]
    bad = tmp_path / "atelier.json"
    bad.write_text(json.dumps(document), encoding="utf-8")

    code, _, err = run("import", str(bad))

    assert code == 1
    assert "workshop.groups[1].segments[0].image" in err
    assert "Traceback" not in err


def test_rm_asks_first_and_keeps_the_workshop_unless_told_yes(run, saved, store_path):
    code, _, err = run("rm", NAME, answer="n\n")
    assert code == 1
    assert "Supprimer l'atelier « Atelier du Mans » (3 groupes)" in err
    assert "Rien n'a été supprimé." in err

    code, out, _ = run("rm", NAME, answer="oui\n")
    assert code == 0
    assert "Atelier « Atelier du Mans » supprimé." in out
    with Store(store_path) as store:
        assert not store.exists(NAME)


def test_rm_yes_deletes_without_asking(run, saved):
    code, _, err = run("rm", NAME, "--yes")

    assert code == 0
    assert "Supprimer" not in err


def test_rm_of_an_unknown_workshop_says_so(run, saved):
    code, _, err = run("rm", "Inconnu", "--yes")

    assert code == 1
    assert "Aucun atelier nommé « Inconnu »" in err


def test_a_store_that_is_not_ours_gives_a_french_message_not_a_traceback(run, store_path):
    store_path.write_text("pas une base", encoding="utf-8")

    code, _, err = run("list")

    assert code == 1
    assert err.startswith("Erreur : ")
    assert "n'est pas une base d'ateliers fiction" in err
    assert "Traceback" not in err


def test_a_busy_store_gives_a_french_message_not_a_traceback(run, saved, store_path, monkeypatch):
    monkeypatch.setattr("fiction.store.store.BUSY_TIMEOUT", 0.1)
    other = sqlite3.connect(store_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = run("rm", NAME, "--yes")
    finally:
        other.execute("ROLLBACK")
        other.close()

    assert code == 1
    assert "occupée par un autre programme" in err
    assert "Traceback" not in err


def test_the_store_option_wins_over_the_environment(run, saved, tmp_path):
    code, out, _ = run("list", "--store", str(tmp_path / "vide.sqlite3"))

    assert code == 0
    assert "Aucun atelier" in out


PROBE = """
import json, sys
from fiction.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("MODULES=" + json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def test_session_help_imports_neither_the_store_nor_rich_nor_yaml():
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "session", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES="))
    loaded = set(json.loads(line.removeprefix("MODULES=")))
    assert "Utilisation : fiction session" in result.stdout
    assert not loaded & {"rich", "yaml", "sqlite3", "fiction.store", "textual", "hypothesis"}


def test_code_draws_a_code_once_then_shows_the_same(run, saved, store_path):
    code, first, _ = run("code", NAME)
    again_code, again, _ = run("code", NAME)

    with Store(store_path) as store:
        stored = store.join_code(NAME)
    assert (code, again_code) == (0, 0)
    assert len(stored) == 6
    assert f"Nouveau code d'entrée de l'atelier « {NAME} » : {stored}" in first
    assert again == f"Code d'entrée de l'atelier « {NAME} » : {stored}\n"


def test_code_new_replaces_the_code_and_says_who_stays_connected(run, saved, store_path):
    run("code", NAME, "ccas-2050")

    code, out, _ = run("code", NAME, "--new")

    with Store(store_path) as store:
        stored = store.join_code(NAME)
    assert code == 0
    assert stored not in ("", "CCAS2050")
    assert f": {stored}" in out
    assert "Les appareils déjà entrés restent connectés" in out


def test_code_refuses_a_malformed_code_in_french(run, saved):
    code, _, err = run("code", NAME, "é!")

    assert code == 1
    assert "un code d'entrée compte de 4 à 16 lettres" in err


@pytest.mark.parametrize("name", ["Atelier [/]", "Atelier [link=file:///etc/passwd]x", "[bold]A"])
def test_markup_in_a_name_or_place_is_shown_as_plain_text(run, name):
    assert run("new", name, "--groups", "2", "--seed", "1", "--place", name)[0] == 0

    listed = run("list")
    shown = run("show", name)

    assert listed[0] == 0 and name in listed[1]
    assert shown[0] == 0 and f"Atelier « {name} »" in shown[1] and f"Lieu : {name}" in shown[1]
    assert "\x1b]8;" not in listed[1] + shown[1]


def test_a_store_that_refuses_writes_can_still_be_listed_shown_and_exported(
    run, saved, monkeypatch
):
    from fiction.store import schema
    from fiction.store import store as store_module

    writable = store_module.open_database

    def refuse_writes(path, *, read_only=False, **options):
        if not read_only:
            error = sqlite3.OperationalError("attempt to write a readonly database")
            raise schema.database_error(error, path) from error
        return writable(path, read_only=True, **options)

    monkeypatch.setattr(store_module, "open_database", refuse_writes)

    assert run("list")[0] == 0
    assert run("show", NAME)[0] == 0
    code, out, _ = run("export", NAME)
    assert code == 0 and json.loads(out)["workshop"]["name"] == NAME
    assert run("rm", NAME, "--yes")[0] == 1


def test_new_with_the_two_day_format_saves_its_days_and_show_prints_them(run, store_path):
    from fiction.store.agendas import AGENDA_FORMATS

    code, out, err = run("new", NAME, "--groups", "2", "--seed", "7", "--format", "deux-jours")

    assert (code, err) == (0, "")
    with Store(store_path) as store:
        assert store.load(NAME).agenda == AGENDA_FORMATS["deux-jours"].phases
    code, out, _ = run("show", NAME)
    assert code == 0
    assert "Jour" in out and "Tournage du journal télévisé" in out


def test_new_takes_the_afternoon_unless_told_and_refuses_an_unknown_format(run, store_path):
    from fiction.cli.session import AGENDA_FORMATS as CHOICES
    from fiction.store.agendas import AFTERNOON, AGENDA_FORMATS

    assert tuple(AGENDA_FORMATS) == CHOICES
    assert run("new", NAME, "--groups", "2")[0] == 0
    with Store(store_path) as store:
        assert store.load(NAME).agenda == AFTERNOON

    code, _, err = run("new", "Autre", "--groups", "2", "--format", "semaine")
    assert code == 2
    assert "semaine" in err and "deux-jours" in err
    _, help_text, _ = run("new", "--help")
    assert "--format" in help_text and "deux jours des ateliers d'origine" in " ".join(
        help_text.split()
    )
