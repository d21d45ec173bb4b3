"""Drafts: what a screen could not save survives quitting and comes back."""

from __future__ import annotations

from pathlib import Path

from fiction.store.drafts import DraftBox

NAME = "Atelier du Mans"


def test_a_kept_draft_is_read_back_whole_by_a_new_box(tmp_path: Path):
    long_text = "é" * 24_000
    DraftBox(tmp_path / "ateliers.sqlite3").keep(NAME, 1, {"narrative": long_text})
    DraftBox(tmp_path / "ateliers.sqlite3").keep(NAME, 1, {"actions": ["Accueillir"]})

    draft = DraftBox(tmp_path / "ateliers.sqlite3").read(NAME, 1)

    assert draft is not None
    assert draft.fields == {"narrative": long_text, "actions": ["Accueillir"]}
    assert DraftBox(tmp_path / "ateliers.sqlite3").read(NAME, 2) is None
    assert DraftBox(tmp_path / "ateliers.sqlite3").read("Autre atelier", 1) is None


def test_discarding_some_fields_keeps_the_others(tmp_path: Path):
    box = DraftBox(tmp_path / "ateliers.sqlite3")
    box.keep(NAME, 1, {"narrative": "récit", "title": "titre"})

    box.discard(NAME, 1, frozenset({"title"}))
    draft = box.read(NAME, 1)
    assert draft is not None and draft.fields == {"narrative": "récit"}

    box.discard(NAME, 1)
    assert box.read(NAME, 1) is None


def test_a_damaged_draft_file_is_ignored_not_fatal(tmp_path: Path):
    box = DraftBox(tmp_path / "ateliers.sqlite3")
    path = box.keep(NAME, 1, {"narrative": "récit"})
    path.write_text("{pas du json", encoding="utf-8")

    assert box.read(NAME, 1) is None
