"""Prompts: the deck's templates write good French, and a broken one says where."""

from __future__ import annotations

import dataclasses
import re
import shutil
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fiction.engine import DealRequest, Hand, compose_prompt, deal, load_prompts
from fiction.engine.french import NO_BREAK_SPACE, a, de, figure_name, liste, minuscule, tidy
from fiction.errors import FictionError
from fiction.resources import builtin_deck_path
from tests.engine.strategies import decks, requests
from tests.profiles import examples


@pytest.fixture(scope="module")
def builtin_prompts():
    return load_prompts(builtin_deck_path())


def _all_builtin_prompts(deck, prompts):
    for seed in range(6):
        for hand in deal(deck, DealRequest(groups=7, rounds=5, seed=seed)).hands():
            yield hand, prompts.compose(deck, hand)


def test_builtin_prompts_are_finished_french_sentences(builtin_deck, builtin_prompts):
    for hand, prompt in _all_builtin_prompts(builtin_deck, builtin_prompts):
        for text in (prompt.question, prompt.starter):
            assert "{" not in text and "}" not in text and "None" not in text
            assert "  " not in text and "\n" not in text
            assert not re.search(r"\b(de|que|le|la) [aeiouéèêàh]", text, re.IGNORECASE), text
            assert " ?" not in text and " :" not in text and "« " not in text
        assert prompt.question.startswith("Et si demain, dans un contexte ")
        assert prompt.question.endswith(NO_BREAK_SPACE + "?")
        assert prompt.starter.startswith("En 2050, dans un contexte ")
        figure = builtin_deck.card(hand.figures[0])
        assert f"le CCAS devenu {minuscule(figure.title)}" in prompt.starter
        for context_id in hand.contexts:
            assert tidy(builtin_deck.card(context_id).phrase) in prompt.starter
        assert tidy(f"« {builtin_deck.card(hand.themes[0]).title} »") in prompt.question


def test_the_builtin_deck_has_its_own_wording(builtin_deck, builtin_prompts):
    hand = deal(builtin_deck, DealRequest(groups=1, seed=3)).hand(1)
    own = builtin_prompts.compose(builtin_deck, hand)
    default = compose_prompt(dataclasses.replace(builtin_deck, folder=None), hand)
    assert own != default
    assert "quelles réponses inventerait-il" in own.question


def test_a_loaded_deck_composes_with_its_own_templates(builtin_deck, builtin_prompts):
    hand = deal(builtin_deck, DealRequest(groups=1, seed=3)).hand(1)
    assert compose_prompt(builtin_deck, hand) == builtin_prompts.compose(builtin_deck, hand)


@settings(max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_default_prompts_render_any_hand_of_any_deck(data):
    deck = data.draw(decks())
    dealt = deal(deck, data.draw(requests(deck, max_groups=3)))
    for hand in dealt.hands():
        prompt = compose_prompt(deck, hand)
        assert prompt.question.startswith("Et si demain,") and prompt.question.endswith("?")
        assert prompt.starter.startswith("En 2050,")
        assert "{" not in prompt.question + prompt.starter


@pytest.mark.parametrize(
    ("function", "given", "expected"),
    [
        (de, "isolement", "d'isolement"),
        (de, "hôpital", "d'hôpital"),
        (de, "handicap", "de handicap"),
        (de, "le quartier", "du quartier"),
        (de, "les aînés", "des aînés"),
        (de, "la ville", "de la ville"),
        (de, "Paris", "de Paris"),
        (de, "Le Mans", "du Mans"),
        (a, "Le Mans", "au Mans"),
        (a, "Lyon", "à Lyon"),
        (minuscule, "Équipe de veille", "équipe de veille"),
        (minuscule, "« Déconvivialiser » le lieu", "« déconvivialiser » le lieu"),
        (minuscule, "CCAS'BAR", "CCAS'BAR"),
        (minuscule, "E-apiculteur", "e-apiculteur"),
        (figure_name, "Le CCAS passeur", "passeur"),
        (figure_name, "Programmateur de convivialités", "programmateur de convivialités"),
        (liste, ["veilleur"], "veilleur"),
        (liste, ["veilleur", "coach"], "veilleur et coach"),
        (liste, ["a", "b", "c"], "a, b et c"),
        (tidy, "un  lieu ,\n  où .", "un lieu, où."),
        (tidy, "le thème « Bonheur » ? Oui !", "le thème «\u00a0Bonheur\u00a0»\u00a0? Oui\u00a0!"),
    ],
)
def test_french_helpers(function, given, expected):
    assert function(given) == expected


def _deck_with_templates(tmp_path, model_deck_dir, question, starter=None):
    prompts = model_deck_dir / "prompts"
    (prompts / "question.j2").write_text(question, encoding="utf-8")
    if starter is None:
        (prompts / "starter.j2").unlink()
    else:
        (prompts / "starter.j2").write_text(starter, encoding="utf-8")
    return model_deck_dir


def _model_hand(deck):
    return deal(deck, DealRequest(groups=1, seed=1)).hand(1)


def test_a_deck_template_replaces_the_default_one_by_one(tmp_path, model_deck_dir):
    from fiction.cards.loader import load_deck

    folder = _deck_with_templates(tmp_path, model_deck_dir, "Et si demain {{ figure_name }} ?")
    deck = load_deck(folder)
    prompt = load_prompts(folder).compose(deck, _model_hand(deck))
    assert prompt.question == "Et si demain passeur\u00a0?"
    assert prompt.starter.startswith("En 2050, dans un contexte ")


def test_a_deck_without_prompts_uses_the_defaults(model_deck_dir):
    from fiction.cards.loader import load_deck

    shutil.rmtree(model_deck_dir / "prompts")
    deck = load_deck(model_deck_dir)
    hand = _model_hand(deck)
    assert load_prompts(model_deck_dir).compose(deck, hand) == compose_prompt(deck, hand)


@pytest.mark.parametrize(
    ("template", "line", "words"),
    [
        ("Et si demain\n{{ figure.title \n", 2, "erreur de syntaxe"),
        ("Et si demain\n\n{{ figure.nom }}", 3, "« nom » n'existe pas"),
        ("Et si demain\n{{ inconnu }}", 2, "« inconnu » n'existe pas"),
        ("{{ deck.__class__.__mro__ }}", 1, "opération interdite"),
        ("{% for x in range(10**9) %}{% endfor %}", 1, "opération interdite"),
    ],
)
def test_a_broken_template_names_its_file_and_line_in_french(
    tmp_path, model_deck_dir, template, line, words
):
    from fiction.cards.loader import load_deck

    folder = _deck_with_templates(tmp_path, model_deck_dir, template, starter="En 2050.")
    deck = load_deck(folder)
    with pytest.raises(FictionError) as caught:
        load_prompts(folder).compose(deck, _model_hand(deck))
    message = caught.value.message
    assert f"question.j2, ligne {line}" in message
    assert words in message


def test_prompts_work_for_a_hand_without_figure_or_theme(builtin_deck):
    hand = Hand(1, 1, contexts=("isolement-ecrans",))
    prompt = compose_prompt(builtin_deck, hand)
    assert prompt.question == (
        "Et si demain, dans un contexte d'isolement massif des individus devant leurs écrans, "
        "le CCAS se réinventait\u00a0?"
    )


def _compose_with(folder):
    from fiction.cards.loader import load_deck

    deck = load_deck(folder)
    return load_prompts(folder).compose(deck, _model_hand(deck))


def test_an_include_through_a_symlink_in_the_deck_is_refused(tmp_path, model_deck_dir):
    from fiction.cards.loader import load_deck

    _deck_with_templates(
        tmp_path, model_deck_dir, '{% include "r/proc/self/environ" %}', starter="En 2050."
    )
    deck = load_deck(model_deck_dir)  # the loader refuses the link too: add it afterwards
    (model_deck_dir / "prompts" / "r").symlink_to("/")

    with pytest.raises(FictionError, match=r"« r/proc/self/environ ».*lien symbolique"):
        load_prompts(model_deck_dir).compose(deck, _model_hand(deck))


def test_a_symlinked_folder_of_prompts_makes_the_deck_invalid(model_deck_dir):
    from fiction.cards.loader import load_deck
    from fiction.errors import DeckError

    (model_deck_dir / "prompts" / "r").symlink_to("/")

    with pytest.raises(DeckError, match="dossier refusé : c'est un lien symbolique"):
        load_deck(model_deck_dir)


def test_a_deck_template_that_is_a_symlink_is_refused(model_deck_dir):
    question = model_deck_dir / "prompts" / "question.j2"
    question.unlink()
    question.symlink_to("/etc/passwd")

    with pytest.raises(FictionError, match=r"« question.j2 ».*lien symbolique"):
        load_prompts(model_deck_dir)


def test_a_symlinked_prompts_folder_is_refused(tmp_path, model_deck_dir):
    shutil.move(model_deck_dir / "prompts", tmp_path / "ailleurs")
    (model_deck_dir / "prompts").symlink_to(tmp_path / "ailleurs")

    with pytest.raises(FictionError, match="lien symbolique"):
        load_prompts(model_deck_dir)


def test_an_oversized_deck_template_is_refused(tmp_path, model_deck_dir):
    _deck_with_templates(tmp_path, model_deck_dir, "a" * 600_000, starter="En 2050.")

    with pytest.raises(FictionError, match=r"« question.j2 ».*trop gros"):
        load_prompts(model_deck_dir)


@pytest.mark.parametrize(
    "template",
    [
        "{{ 'a' * 10**9 }}",
        "{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}",
        "{% for a in range(9999) %}{% for b in range(9999) %}{% endfor %}{% endfor %}",
        "{{ lipsum(10**6) }}",
    ],
)
def test_a_hostile_deck_template_ends_in_a_french_error_naming_it(
    tmp_path, model_deck_dir, template
):
    _deck_with_templates(tmp_path, model_deck_dir, template, starter="En 2050.")
    started = time.monotonic()

    with pytest.raises(FictionError, match=r"question\.j2, ligne 1 : "):
        _compose_with(model_deck_dir)

    assert time.monotonic() - started < 10
