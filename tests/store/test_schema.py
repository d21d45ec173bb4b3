"""The store file: refused untouched when it is not ours, migrated forward when it is."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fiction.errors import FictionError
from fiction.store import schema
from fiction.store.store import Store
from tests.store.older_schemas import drop_added_columns
from tests.workshops import small_workshop


def _files(folder: Path) -> dict[str, bytes]:
    """Every file in `folder` and its bytes (side files such as -wal included)."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _saved_store(path: Path) -> None:
    with Store(path) as store:
        store.add(small_workshop())
        store.set_field("Atelier du Mans", 1, "title", "Le café des habitants", "Panda Zen")


def _refused_untouched(path: Path, message: str) -> None:
    before = _files(path.parent)
    with pytest.raises(FictionError, match=message):
        Store(path)
    assert _files(path.parent) == before


def test_a_text_file_is_refused_and_left_as_it_was(tmp_path: Path):
    path = tmp_path / "notes.txt"
    path.write_text("Compte rendu de l'atelier\n" * 20, encoding="utf-8")

    _refused_untouched(path, "n'est pas une base d'ateliers fiction : ce n'est pas une base SQLite")


def test_a_sqlite_file_of_another_program_is_refused_and_left_as_it_was(tmp_path: Path):
    path = tmp_path / "autre.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE contacts (nom TEXT)")
    other.execute("INSERT INTO contacts VALUES ('Mme Martin')")
    other.commit()
    other.close()

    _refused_untouched(path, "pas une base d'ateliers fiction \\(elle appartient à un autre")


def test_a_sqlite_file_with_another_application_id_is_refused(tmp_path: Path):
    path = tmp_path / "autre.sqlite3"
    other = sqlite3.connect(path)
    other.execute("PRAGMA application_id = 1234")
    other.execute("CREATE TABLE t (x)")
    other.commit()
    other.close()

    _refused_untouched(path, "appartient à un autre programme")


def test_a_store_from_a_newer_fiction_is_refused_and_left_as_it_was(tmp_path: Path):
    path = tmp_path / "ateliers.sqlite3"
    _saved_store(path)
    newer = sqlite3.connect(path)
    newer.execute(f"PRAGMA user_version = {len(schema.MIGRATIONS) + 1}")
    newer.close()

    _refused_untouched(path, "version plus récente de fiction .*mettez fiction à jour")


def test_a_damaged_store_is_refused_and_left_as_it_was(tmp_path: Path):
    path = tmp_path / "ateliers.sqlite3"
    _saved_store(path)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[2 * page : 3 * page] = bytes(range(256)) * (page // 256)
    path.write_bytes(bytes(data))

    _refused_untouched(path, "est endommagée")


def test_a_truncated_store_is_refused_and_left_as_it_was(tmp_path: Path):
    path = tmp_path / "ateliers.sqlite3"
    _saved_store(path)
    path.write_bytes(path.read_bytes()[: 3 * 4096])

    _refused_untouched(path, "est endommagée")


def test_a_folder_is_refused(tmp_path: Path):
    with pytest.raises(FictionError, match="est un dossier"):
        Store(tmp_path)


def test_a_new_store_is_created_with_its_folder_and_marked_as_ours(tmp_path: Path):
    path = tmp_path / "sous-dossier" / "ateliers.sqlite3"
    with Store(path) as store:
        db = store._db
        assert db.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_an_empty_file_becomes_a_new_store(tmp_path: Path):
    path = tmp_path / "ateliers.sqlite3"
    path.touch()

    with Store(path) as store:
        assert store.workshops() == ()


def _first_schema_store(path: Path) -> None:
    """A store as fiction's first schema wrote it: no `start_time` nor `join_code`, version 1.

    Made by taking the column out of a current store, as SQLite allows, so the
    test needs no binary file and the data goes through today's code.
    """
    with Store(path) as current:
        current.add(small_workshop())
        current.set_field("Atelier du Mans", 2, "narrative", "Écrit en version 1", "Loutre")
    db = sqlite3.connect(path, isolation_level=None)
    drop_added_columns(db, schema.V7_ROOM)
    db.execute("ALTER TABLE agenda_phases DROP COLUMN day")
    db.execute("ALTER TABLE agenda_phases DROP COLUMN instructions")
    db.execute("ALTER TABLE groups DROP COLUMN target_seconds")
    db.execute("ALTER TABLE groups DROP COLUMN reading_speed")
    db.execute("DROP TABLE open_screens")
    db.execute("DROP INDEX workshops_join_code")
    db.execute("ALTER TABLE workshops DROP COLUMN join_code")
    db.execute("ALTER TABLE workshops DROP COLUMN start_time")
    db.execute("PRAGMA user_version = 1")
    db.close()


def test_a_store_of_the_first_schema_opens_with_its_workshops_intact(tmp_path: Path):
    path = tmp_path / "v1.sqlite3"
    _first_schema_store(path)

    with Store(path) as current:
        workshop, history = current.snapshot("Atelier du Mans")
        version = current._db.execute("PRAGMA user_version").fetchone()[0]

    assert version == len(schema.MIGRATIONS)
    assert workshop.group(2).narrative == "Écrit en version 1"
    assert [edit.path for edit in history] == ["narrative"]
    assert workshop.start_time == ""


def test_a_store_migrated_from_the_first_schema_takes_a_start_time(tmp_path: Path):
    path = tmp_path / "v1.sqlite3"
    _first_schema_store(path)

    with Store(path) as current:
        current.set_field("Atelier du Mans", None, "start_time", "13:30", "animation")
    with Store(path) as reopened:
        assert reopened.load("Atelier du Mans").start_time == "13:30"


def test_a_later_migration_runs_once_and_keeps_the_data(tmp_path: Path):
    path = tmp_path / "store.sqlite3"
    with Store(path) as first:
        first.add(small_workshop())
        written = first.snapshot("Atelier du Mans")
    later = schema.statements(["ALTER TABLE groups ADD COLUMN colour TEXT NOT NULL DEFAULT ''"])
    migrations = (*schema.MIGRATIONS, later)

    with Store(path, migrations=migrations) as migrated:
        assert migrated.snapshot("Atelier du Mans") == written
        version = migrated._db.execute("PRAGMA user_version").fetchone()[0]
        assert version == len(schema.MIGRATIONS) + 1
        assert migrated._db.execute("SELECT count(colour) FROM groups").fetchone()[0] == 3
    with Store(path, migrations=migrations) as reopened:
        assert reopened.snapshot("Atelier du Mans") == written


def test_a_failing_migration_leaves_the_store_at_its_old_version(tmp_path: Path):
    path = tmp_path / "store.sqlite3"
    with Store(path) as first:
        first.add(small_workshop())
    broken = schema.statements(["CREATE TABLE extra (x)", "SELECT * FROM no_such_table"])

    with pytest.raises(FictionError, match="no such table"):
        Store(path, migrations=(*schema.MIGRATIONS, broken))

    with Store(path) as reopened:
        db = reopened._db
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").fetchone() == (
            0,
        )
        assert reopened.exists("Atelier du Mans")


def test_the_history_cannot_be_rewritten_even_in_sql(store: Store, workshop):
    store.set_field("Atelier du Mans", 1, "title", "Titre", "Panda Zen")

    with pytest.raises(store._db.errors, match="append-only"):
        store._db.execute("UPDATE history SET new = '\"faux\"'")
    with pytest.raises(store._db.errors, match="append-only"):
        store._db.execute("DELETE FROM history")
    store.delete("Atelier du Mans")  # deleting the whole workshop is the one exception
    assert not store.exists("Atelier du Mans")


@pytest.mark.sqlite_only
def test_an_edit_waiting_too_long_for_a_busy_store_fails_in_french(store_path: Path, workshop):
    other = sqlite3.connect(store_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with (
            Store(store_path, timeout=0.2) as waiting,
            pytest.raises(FictionError, match="occupée par un autre programme"),
        ):
            waiting.set_field("Atelier du Mans", 1, "title", "x", "Panda Zen")
    finally:
        other.execute("ROLLBACK")
        other.close()
