"""A tab that entered with a join code runs an app restricted to that workshop."""

from __future__ import annotations

from pathlib import Path

from fiction.serve.server import ServeSettings
from fiction.serve.session import main as session_main


def test_the_app_command_names_the_workshop_of_the_pass(tmp_path: Path):
    settings = ServeSettings("0.0.0.0", 8000, tmp_path / "ateliers.sqlite3")
    assert "--workshop" not in settings.app_argv()
    argv = settings.app_argv("Atelier du Mans")
    assert argv[-2:] == ["--workshop", "Atelier du Mans"]


def test_the_session_entry_point_builds_a_group_only_app(tmp_path: Path, monkeypatch):
    built = {}

    def fake_run(app) -> None:
        built["app"] = app

    monkeypatch.setattr("fiction.tui.app.FictionApp.run", fake_run)
    session_main(["--store", str(tmp_path / "a.sqlite3"), "--workshop", "Atelier du Mans"])
    screen = built["app"].get_default_screen()
    assert screen.only == "Atelier du Mans"
