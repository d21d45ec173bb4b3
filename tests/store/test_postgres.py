"""The store on PostgreSQL: what differs from a SQLite file (the version check, the
connection, the schema's dialect) and what must not differ (the exports)."""

from __future__ import annotations

import re
from pathlib import Path

import psycopg
import pytest

from fiction.errors import FictionError
from fiction.store import exchange, schema
from fiction.store.location import ServerURL, shown, store_location
from fiction.store.store import Store
from tests.workshops import TickingClock, small_workshop

NAME = "Atelier du Mans"


def _tables(db) -> set[str]:
    return {
        row[0]
        for row in db.execute(
            "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
        )
    }


def _edits(store: Store) -> None:
    store.add(small_workshop())
    store.set_field(NAME, 1, "title", "Les bienveilleuses du quartier", "Panda Zen")
    store.set_field(NAME, 1, "narrative", "En 2050, «\u00a0tout\u00a0» change.\x00\uffff", "Panda")
    store.set_field(NAME, None, "votes_revealed", True, "animation")
    store.set_field(NAME, 2, "reading_speed", 2.5, "Loutre")
    store.add_segment(NAME, 2, "report", "Loutre", sound="Bruit de la ville", speakers=["B", "A"])
    store.add_segment(NAME, 2, "interview", "Loutre", position=0)
    store.start_phase(NAME, 0, "animation")
    store.extend_phase(NAME, 5, "animation")
    store.present(NAME, 2, "animation")
    store.undo(NAME, "Panda")


def test_exports_are_identical_byte_for_byte_whatever_the_backend(
    tmp_path: Path, postgres_url: str
):
    exports = []
    for location in (tmp_path / "ateliers.sqlite3", ServerURL(postgres_url)):
        with Store(location, clock=TickingClock()) as store:
            _edits(store)
            snapshot = store.snapshot(NAME)
        exports.append((exchange.to_json(*snapshot), exchange.to_yaml(*snapshot)))
    assert exports[0] == exports[1]
    assert "\x00" in exports[0][0] or "\\u0000" in exports[0][0]


def test_a_new_database_becomes_a_store_marked_with_its_version(postgres_url: str):
    with Store(postgres_url) as store:
        found = store._db.execute("SELECT application, version FROM fiction_schema").fetchall()
        assert found == [("fiction", len(schema.MIGRATIONS))]
        assert store.workshops() == ()


def test_both_backends_have_the_same_tables_and_columns(tmp_path: Path, postgres_url: str):
    """A migration can never be forgotten on one side: both run the same ones."""
    with Store(tmp_path / "a.sqlite3") as lite, Store(postgres_url) as server:
        names = [
            r[0] for r in lite._db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        assert _tables(server._db) == {*names, "fiction_schema"}
        for table in names:
            columns = [r[1] for r in lite._db.execute(f"PRAGMA table_info({table})")]
            on_server = server._db.execute(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = ?"
                " ORDER BY ordinal_position",
                (table,),
            ).fetchall()
            assert [r[0] for r in on_server] == columns, table


def test_a_database_of_another_program_is_refused_untouched(postgres_url: str):
    with psycopg.connect(postgres_url, autocommit=True) as other:
        other.execute("CREATE TABLE contacts (nom TEXT)")
        other.execute("INSERT INTO contacts VALUES ('Mme Martin')")

    with pytest.raises(FictionError, match=r"pas une base d'ateliers fiction .* pas été modifiée"):
        Store(postgres_url)
    with psycopg.connect(postgres_url) as other:
        assert _tables(other) == {"contacts"}
        assert other.execute("SELECT nom FROM contacts").fetchall() == [("Mme Martin",)]


def test_a_database_of_a_newer_fiction_is_refused_untouched(postgres_url: str):
    with Store(postgres_url) as store:
        store.add(small_workshop())
    newer = len(schema.MIGRATIONS) + 1
    with psycopg.connect(postgres_url, autocommit=True) as other:
        other.execute("UPDATE fiction_schema SET version = %s", (newer,))

    with pytest.raises(FictionError, match=r"version plus récente de fiction .*mettez fiction"):
        Store(postgres_url)
    with psycopg.connect(postgres_url) as other:
        assert other.execute("SELECT version FROM fiction_schema").fetchone() == (newer,)
        assert other.execute("SELECT count(*) FROM workshops").fetchone() == (1,)


def test_an_older_database_migrates_with_its_workshops_intact(postgres_url: str):
    older = schema.MIGRATIONS[:-1]
    with Store(postgres_url, migrations=older) as store:
        store._db.execute("SELECT 1")  # schema 6: no room columns yet
        with psycopg.connect(postgres_url) as other:
            assert other.execute("SELECT version FROM fiction_schema").fetchone() == (6,)
    with Store(postgres_url) as store:
        store.add(small_workshop())
        store.set_field(NAME, 1, "feedback", "Très bien", "Panda Zen")
        assert store.load(NAME).group(1).feedback == "Très bien"


def test_a_failing_migration_leaves_the_database_at_its_old_version(postgres_url: str):
    with Store(postgres_url) as first:
        first.add(small_workshop())
    broken = schema.statements(["CREATE TABLE extra (x INTEGER)", "SELECT * FROM no_such_table"])

    with pytest.raises(FictionError, match="no_such_table"):
        Store(postgres_url, migrations=(*schema.MIGRATIONS, broken))
    with Store(postgres_url) as reopened:
        assert "extra" not in _tables(reopened._db)
        assert reopened.exists(NAME)


def test_a_missing_database_is_said_in_french(postgres_url: str):
    missing = postgres_url.replace("/t_", "/absente_", 1)
    with pytest.raises(FictionError, match="n'existe pas sur le serveur"):
        Store(missing)


def test_an_unreachable_server_is_said_in_french_without_the_password():
    url = "postgresql://animation:motdepasse@127.0.0.1:1/ateliers"
    with pytest.raises(FictionError, match="Impossible de joindre le serveur") as raised:
        Store(url, timeout=2)
    assert "motdepasse" not in str(raised.value)
    assert "postgresql://animation@127.0.0.1:1/ateliers" in str(raised.value)


def test_a_store_location_never_shows_its_password():
    url = "postgresql://anim:secret@serveur:5433/ateliers?sslmode=require&password=autre"
    location = store_location(url)
    assert isinstance(location, ServerURL) and location.url == url
    assert (
        str(location) == f"{location}" == "postgresql://anim@serveur:5433/ateliers?sslmode=require"
    )
    assert "secret" not in repr(location)
    assert store_location("postgres://h/b") == ServerURL("postgres://h/b")
    assert store_location("~/ateliers.sqlite3") == Path.home() / "ateliers.sqlite3"
    assert not re.search("secret|autre", shown(url))


def test_an_edit_waiting_too_long_for_the_same_workshop_fails_in_french(postgres_url: str):
    with Store(postgres_url) as store:
        store.add(small_workshop())
    with psycopg.connect(postgres_url) as other:  # holds the workshop's write lock
        from fiction.store.database import WRITE_LOCK_CLASS

        other.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_CLASS}, hashtext(%s))", (NAME,))
        with Store(postgres_url, timeout=0.2) as waiting:
            with pytest.raises(FictionError, match="occupée depuis trop longtemps"):
                waiting.set_field(NAME, 1, "title", "x", "Panda Zen")
            waiting.add(small_workshop("Un autre atelier"))  # another workshop writes freely


def test_a_store_survives_a_server_side_disconnection(postgres_url: str):
    with Store(postgres_url) as store:
        store.add(small_workshop())
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid != pg_backend_pid()"
            )
        with pytest.raises(FictionError):
            store.load(NAME)
        assert store.load(NAME).name == NAME  # reconnected
