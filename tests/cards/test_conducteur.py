"""The deck's default news-report running order: read, checked with file and line, kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from fiction.cards.loader import load_deck
from fiction.cards.model import NEWS_SEGMENT_KINDS
from fiction.cards.serialize import dump_deck
from fiction.errors import DeckError
from fiction.store.model import SEGMENT_KINDS


def problems_of(deck_dir: Path) -> list[str]:
    with pytest.raises(DeckError) as caught:
        load_deck(deck_dir)
    return [str(problem) for problem in caught.value.problems]


def test_the_deck_and_the_store_know_the_same_segment_kinds():
    assert NEWS_SEGMENT_KINDS == SEGMENT_KINDS


def test_the_builtin_running_order_reads_in_file_order(builtin_deck):
    kinds = [item.kind for item in builtin_deck.conducteur]

    assert kinds[0] == "headlines" and kinds[-1] == "studio-close"
    assert {"report", "interview", "vox-pop"} <= set(kinds)
    assert builtin_deck.conducteur_sources[0].endswith("conducteur.yaml:8")


def test_a_wrong_kind_is_named_with_its_file_and_line(model_deck_dir):
    path = model_deck_dir / "conducteur.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("kind: report", "kind: reportage"), encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "kind: report" in t)

    (problem,) = problems_of(model_deck_dir)

    assert f"conducteur.yaml:{line}" in problem
    assert (
        "conducteur[1].kind" in problem and "« reportage » n'est pas une valeur permise" in problem
    )


def test_a_running_order_item_needs_its_two_columns(model_deck_dir):
    path = model_deck_dir / "conducteur.yaml"
    path.write_text("conducteur:\n  - kind: brief\n    image: Plateau\n", encoding="utf-8")

    (problem,) = problems_of(model_deck_dir)

    assert "conducteur.yaml:2" in problem and "conducteur[0].sound" in problem
    assert "champ obligatoire manquant" in problem


def test_the_running_order_lives_in_one_file(model_deck_dir):
    extra = "conducteur:\n  - kind: brief\n    image: Plateau\n    sound: En bref.\n"
    (model_deck_dir / "suite.yaml").write_text(extra, encoding="utf-8")

    (problem,) = problems_of(model_deck_dir)

    assert "suite.yaml:2" in problem and "déjà dans" in problem


def test_the_running_order_survives_writing_the_deck_back(builtin_deck, tmp_path):
    dump_deck(builtin_deck, tmp_path)

    again = load_deck(tmp_path)

    assert again.conducteur == builtin_deck.conducteur
    assert again == builtin_deck


def test_a_deck_without_running_order_has_none(model_deck_dir):
    (model_deck_dir / "conducteur.yaml").unlink()

    assert load_deck(model_deck_dir).conducteur == ()
