"""A store the user may only read (a copy on a read-only share, mode 0444) can
still be listed, shown, exported and printed; nothing is written to it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fiction.errors import FictionError
from fiction.store import schema
from fiction.store import store as store_module
from fiction.store.store import Store
from tests.workshops import small_workshop

NAME = small_workshop().name


@pytest.fixture
def saved(store_path: Path) -> Path:
    with Store(store_path) as opened:
        opened.add(small_workshop())
    return store_path


def test_a_read_only_store_reads_everything_and_writes_nothing(saved: Path):
    before = saved.read_bytes()

    with Store(saved, read_only=True) as opened:
        assert [summary.name for summary in opened.workshops()] == [NAME]
        assert opened.load(NAME) == small_workshop()
        assert opened.snapshot(NAME)[0] == small_workshop()
        with pytest.raises(FictionError):
            opened.set_field(NAME, 1, "title", "Écrit quand même", "Panda Zen")

    assert saved.read_bytes() == before


def test_a_read_only_store_that_needs_a_migration_says_so(saved: Path):
    with sqlite3.connect(saved) as db:
        db.execute("PRAGMA user_version = 1")

    with pytest.raises(FictionError, match="mise à jour"):
        Store(saved, read_only=True)


def test_a_missing_store_cannot_be_opened_read_only(tmp_path: Path):
    with pytest.raises(FictionError, match="n'existe pas"):
        Store(tmp_path / "absent.sqlite3", read_only=True)


def test_reading_falls_back_to_read_only_when_the_file_refuses_writes(saved, monkeypatch):
    writable = store_module.open_database

    def refuse_writes(path, *, read_only=False, **options):
        if not read_only:
            error = sqlite3.OperationalError("attempt to write a readonly database")
            raise schema.database_error(error, path) from error
        return writable(path, read_only=True, **options)

    monkeypatch.setattr(store_module, "open_database", refuse_writes)

    with Store.for_reading(saved) as opened:
        assert [summary.name for summary in opened.workshops()] == [NAME]


def test_an_empty_fiction_store_variable_means_the_home_store(monkeypatch, tmp_path):
    monkeypatch.setenv("FICTION_STORE", "")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))

    assert store_module.default_store_path() == tmp_path / "fiction" / "ateliers.sqlite3"
