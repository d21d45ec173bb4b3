"""`fiction session copy SOURCE DESTINATION`: a whole store moved to another one,
every workshop with its whole history, its exports identical byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fiction.store import exchange
from fiction.store.store import Store
from tests.cli.running import run_fiction
from tests.render.filled import NAME as FILLED
from tests.workshops import small_workshop

OTHER = "Atelier de Lyon"


@pytest.fixture
def run(capsys, monkeypatch, tmp_path: Path):
    """Run `fiction session ARGS` through the real entry point; (exit code, out, err)."""
    monkeypatch.delenv("FICTION_STORE", raising=False)
    monkeypatch.chdir(tmp_path)

    def run(*arguments: str) -> tuple[int, str, str]:
        return run_fiction(capsys, monkeypatch, ["session", *arguments])

    return run


@pytest.fixture
def source(tmp_path: Path, filled_store: Path) -> str:
    """A store with two workshops: the filled one (3 groups, everything written, a
    long history) and a small one with an edit, an undo and a join code."""
    path = tmp_path / "source.sqlite3"
    shutil.copy(filled_store, path)
    with Store(path) as store:
        store.add(small_workshop(OTHER, groups=2))
        store.set_field(OTHER, 1, "title", "Le café des habitants", "Panda Zen")
        store.set_field(OTHER, 2, "narrative", "Un récit\nsur deux lignes", "Loutre Curieuse")
        store.undo(OTHER, "Loutre Curieuse")
        store.set_join_code(OTHER, "LYON2050", "fiction session")
    return str(path)


def exports(location: str) -> dict[str, tuple[str, str]]:
    """Each workshop's JSON and YAML exports, by name."""
    with Store(_opened(location)) as store:
        names = [summary.name for summary in store.workshops()]
        snapshots = {name: store.snapshot(name) for name in names}
    return {
        name: (exchange.to_json(*snapshot), exchange.to_yaml(*snapshot))
        for name, snapshot in snapshots.items()
    }


def _opened(location: str) -> str | Path:
    return location if "://" in location else Path(location)


def test_copy_moves_every_workshop_with_its_history_and_says_what(run, source, tmp_path):
    destination = str(tmp_path / "copie" / "ateliers.sqlite3")

    code, out, err = run("copy", source, destination)

    assert (code, err) == (0, "")
    assert f"« {FILLED} » : 3 groupes," in out
    assert f"« {OTHER} » : 2 groupes, 4 modifications" in out
    assert f"2 ateliers copiés de {source} vers {destination}." in out
    copied = exports(destination)
    assert copied == exports(source)
    assert set(copied) == {FILLED, OTHER}
    with Store(Path(destination)) as store:
        assert store.join_code(OTHER) == "LYON2050"
        assert [edit.undoes for edit in store.history(OTHER)][-2:] == [2, None]


def test_exports_of_the_copy_through_the_command_are_byte_identical(run, source, tmp_path):
    destination = str(tmp_path / "copie.sqlite3")
    assert run("copy", source, destination)[0] == 0

    for export_format in ("json", "yaml"):
        before = run("export", FILLED, "--format", export_format, "--store", source)
        after = run("export", FILLED, "--format", export_format, "--store", destination)
        assert before[0] == after[0] == 0
        assert before[1].encode() == after[1].encode()


def test_copy_refuses_names_already_at_the_destination_and_copies_nothing(run, source, tmp_path):
    destination = tmp_path / "copie.sqlite3"
    with Store(destination) as store:
        store.add(small_workshop(OTHER, groups=4))

    code, _, err = run("copy", source, str(destination))

    assert code == 1
    assert f"1 atelier existe déjà dans {destination} : « {OTHER} »" in err
    assert "Rien n'a été copié" in err
    assert "--replace" in err
    with Store(destination) as store:
        assert [summary.name for summary in store.workshops()] == [OTHER]
        assert len(store.load(OTHER).groups) == 4


def test_copy_with_replace_overwrites_those_workshops(run, source, tmp_path):
    destination = tmp_path / "copie.sqlite3"
    with Store(destination) as store:
        store.add(small_workshop(OTHER, groups=4))
        store.add(small_workshop("Atelier gardé"))

    code, out, err = run("copy", source, str(destination), "--replace")

    assert (code, err) == (0, "")
    assert f"« {OTHER} » : 2 groupes, 4 modifications (remplacé)" in out
    copied = exports(str(destination))
    assert set(copied) == {FILLED, OTHER, "Atelier gardé"}
    assert {name: copied[name] for name in (FILLED, OTHER)} == exports(source)


def test_copy_leaves_the_source_untouched(run, source, tmp_path):
    before = Path(source).read_bytes()
    run("copy", source, str(tmp_path / "copie.sqlite3"))

    assert Path(source).read_bytes() == before


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ("absente.sqlite3", "copie.sqlite3"),
            "La base d'ateliers « absente.sqlite3 » n'existe pas",
        ),
        (("source.sqlite3", "./source.sqlite3"), "SOURCE et DESTINATION sont la même base"),
    ],
)
def test_copy_refuses_a_missing_source_or_itself_in_french(
    run, source, tmp_path, arguments, message
):
    code, _, err = run("copy", *arguments)

    assert code == 1
    assert message in err
    assert not (tmp_path / "absente.sqlite3").exists()
    assert not (tmp_path / "copie.sqlite3").exists()


def test_copy_of_an_empty_store_says_there_is_nothing(run, tmp_path):
    empty = tmp_path / "vide.sqlite3"
    Store(empty).close()

    code, out, _ = run("copy", str(empty), str(tmp_path / "copie.sqlite3"))

    assert code == 0
    assert "Aucun atelier dans" in out and "rien à copier" in out


def test_help_is_french(run):
    code, out, _ = run("copy", "--help")

    assert code == 0
    assert "Copier tous les ateliers d'une base dans une autre" in out
    assert "--replace" in out


# --- between SQLite and PostgreSQL ------------------------------------------------


@pytest.mark.parametrize("direction", ["sqlite→postgresql", "postgresql→sqlite"])
def test_copy_between_sqlite_and_postgresql_keeps_exports_byte_identical(
    run, source, tmp_path, postgres_url, direction
):
    file = str(tmp_path / "autre.sqlite3")
    if direction == "sqlite→postgresql":
        origin, target = source, postgres_url
    else:
        assert run("copy", source, postgres_url)[0] == 0
        origin, target = postgres_url, file

    code, out, err = run("copy", origin, target)

    assert (code, err) == (0, "")
    assert "2 ateliers copiés" in out
    assert exports(target) == exports(source)
    for export_format in ("json", "yaml"):
        before = run("export", FILLED, "--format", export_format, "--store", source)
        after = run("export", FILLED, "--format", export_format, "--store", target)
        assert before[1].encode() == after[1].encode()


def test_copy_to_postgresql_refuses_then_replaces_and_never_shows_a_password(
    run, source, postgres_url
):
    with_password = postgres_url.replace("fiction@", "fiction:secret-42@")
    assert run("copy", source, postgres_url)[0] == 0

    code, _, err = run("copy", source, with_password)

    assert code == 1
    assert "2 ateliers existent déjà" in err and "Rien n'a été copié" in err
    assert "secret-42" not in err
    code, out, err = run("copy", source, with_password, "--replace")
    assert (code, err) == (0, "")
    assert "(remplacé)" in out and "secret-42" not in out
    assert exports(postgres_url) == exports(source)
