"""`deck check` fills every template of a deck on sample data, so a broken or
hostile one is found before a workshop, not in front of the room."""

from __future__ import annotations

from pathlib import Path

from fiction.cards.loader import load_deck
from fiction.report.deck_templates import template_problems
from fiction.resources import builtin_deck_path


def test_the_builtin_deck_and_the_model_deck_fill_every_template(model_deck_dir: Path):
    assert template_problems(load_deck(builtin_deck_path())) == []
    assert template_problems(load_deck(model_deck_dir)) == []


def test_a_hostile_prompt_template_is_a_problem_naming_its_file(model_deck_dir: Path):
    (model_deck_dir / "prompts" / "question.j2").write_text(
        "{% for a in range(9999) %}{% for b in range(9999) %}{% endfor %}{% endfor %}",
        encoding="utf-8",
    )

    problems = [str(problem) for problem in template_problems(load_deck(model_deck_dir))]

    assert len(problems) == 1 and "question.j2, ligne 1 : modèle trop long" in problems[0]


def test_a_symlinked_prompt_template_is_a_problem(model_deck_dir: Path):
    question = model_deck_dir / "prompts" / "question.j2"
    question.unlink()
    question.symlink_to("/etc/passwd")

    problems = [str(problem) for problem in template_problems(load_deck(model_deck_dir))]

    assert len(problems) == 1 and "lien symbolique" in problems[0]


def test_a_broken_running_order_template_is_a_problem_naming_its_line(model_deck_dir: Path):
    running_order = model_deck_dir / "conducteur.yaml"
    text = running_order.read_text(encoding="utf-8")
    running_order.write_text(text.replace("{{ place", "{{ lieu", 1), encoding="utf-8")

    problems = [str(problem) for problem in template_problems(load_deck(model_deck_dir))]

    assert len(problems) == 1
    assert "conducteur.yaml:" in problems[0] and "« lieu » n'existe pas" in problems[0]
