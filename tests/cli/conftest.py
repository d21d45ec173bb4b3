"""Fixtures for the CLI tests: a store a user has already filled."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fiction import cli
from tests.render.filled import fill_workshop


@pytest.fixture(scope="session")
def filled_store(tmp_path_factory, builtin_deck) -> Path:
    """A store holding a dealt 3-group workshop where every group wrote everything."""
    path = tmp_path_factory.mktemp("store") / "ateliers.sqlite3"
    fill_workshop(path, builtin_deck, groups=3)
    return path


@pytest.fixture
def run_print(capsys, monkeypatch, filled_store: Path, tmp_path: Path):
    """Run `fiction print ARGS` through the real entry point, in a fresh folder,
    on a copy of the filled store: (exit code, standard output, standard error)."""
    store = tmp_path / "ateliers.sqlite3"
    shutil.copy(filled_store, store)
    monkeypatch.setenv("FICTION_STORE", str(store))
    monkeypatch.chdir(tmp_path)

    def run(*arguments: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exit_info:
            cli.main(["print", *arguments])
        captured = capsys.readouterr()
        return exit_info.value.code, captured.out, captured.err

    return run
