"""The README's two commands stay true: CI runs the test one as written."""

from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETUP = "scripts/install-system-packages"


def fenced_command_after(heading: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(heading, 1)[1]
    return re.search(r"```sh\n(.+?)\n```", section, re.S).group(1).strip()


def test_ci_runs_the_readme_test_command_as_written():
    command = fenced_command_after("## Lancer les tests")
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command in ci_lines


def test_test_command_sets_up_the_machine_before_anything_else():
    steps = fenced_command_after("## Lancer les tests").split(" && ")
    assert steps[0] == SETUP
    assert steps[-1].startswith(".venv/bin/python -m pytest")
    assert os.access(ROOT / SETUP, os.X_OK)


def test_english_section_gives_the_same_test_command():
    command = fenced_command_after("## Lancer les tests")
    english = (ROOT / "README.md").read_text(encoding="utf-8").split("## In English", 1)[1]
    assert f"- Run the tests: `{command}`" in english


def test_ci_checks_the_code_rules():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for check in ("ruff check .", "ruff format --check .", "lint-imports", "mypy"):
        assert f".venv/bin/{check}" in ci


def test_start_command_installs_then_starts_fiction():
    command = fenced_command_after("## Démarrer")
    assert command.startswith("python3 -m venv .venv && .venv/bin/pip install -e .")
    assert command.endswith(".venv/bin/fiction")


def test_deck_guide_mentions_every_authored_field():
    from fiction.cards.model import CARD_TYPES, Manifest, authored_fields

    guide = (ROOT / "docs" / "ecrire-un-jeu.md").read_text(encoding="utf-8")
    for cls in (Manifest, *CARD_TYPES.values()):
        for field in authored_fields(cls):
            assert f"`{field.name}`" in guide, f"{cls.__name__}.{field.name} is not documented"
