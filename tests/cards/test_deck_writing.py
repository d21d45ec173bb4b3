"""One way of writing the built-in deck (issue 18, docs/ecrire-un-jeu.md).

Titles that name a person are épicène, or carry the point médian; numbers,
page and rule numbers never break across a printed line.
"""

from __future__ import annotations

import re

import pytest

from fiction.cards.loader import deck_files
from fiction.resources import builtin_deck_path, scaffold_deck_path

PERSON_NOUNS = (
    "accompagnateur",
    "agent",
    "ambassadeur",
    "animateur",
    "avocat",
    "bienveilleur",
    "catalyseur",
    "chef",
    "citoyen",
    "coordinateur",
    "coordonnateur",
    "dénicheur",
    "développeur",
    "élu",
    "expert",
    "gérant",
    "générateur",
    "habitant",
    "hôte",
    "ingénieur",
    "intervenant",
    "médiateur",
    "négociateur",
    "référent",
    "testeur",
    "tisseur",
    "travailleur",
    "usager",
    "veilleur",
)
"""Masculine nouns the deck's roles used as generic titles before the rule."""


def test_role_titles_are_epicene_or_carry_the_point_median(builtin_deck):
    for role in builtin_deck.roles:
        title = re.sub(r"«[^»]*»", "", role.title)  # a name the source gives stays as written
        for noun in PERSON_NOUNS:
            bare = re.search(rf"(?<![\w-]){noun}s?(?![\w·])", title, re.IGNORECASE)
            assert not bare, (role.id, role.title, noun)


def test_the_news_report_speakers_follow_the_same_rule(builtin_deck):
    for item in builtin_deck.conducteur:
        for speaker in item.speakers:
            assert "Nouvel acteur" not in speaker and "Présentateur " not in speaker


def test_numbers_pages_and_rules_never_break_across_a_line():
    plain_space = re.compile(r"\d \d{3}\b|\bp\. \d|n° ?\d|\d h\b")
    for path in deck_files(builtin_deck_path()):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not plain_space.search(line), f"{path.name}:{number}: {line.strip()}"


MASCULINE_GENERICS = re.compile(
    r"\b(?:les|des|aux|ces|leurs|nos|vos|d'autres|entre) "
    r"(?:habitants|usagers|acteurs|participants|élus|citoyens|professionnels|travailleurs"
    r"|experts|intervenants|animateurs|aînés|voisins)\b"
    r"|(?:\bchaque |\bl')(?:habitant|citoyen|participant|usager)\b(?!·)"
    r"|\btous les (?:habitants|citoyens|acteurs)\b",
    re.IGNORECASE,
)
"""Masculine generics the deck's running text no longer uses (docs/ecrire-un-jeu.md)."""

SOURCE_NAMES = ("café des habitants",)
"""Names the source gives, kept as written even outside quotation marks."""

NOT_RUNNING_TEXT = {"id", "source", "roles", "vigilance"}


def running_texts(value, key=""):
    """Every text of a deck file a reader sees, with the key that holds it."""
    if isinstance(value, dict):
        for name, item in value.items():
            if name not in NOT_RUNNING_TEXT:
                yield from running_texts(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from running_texts(item, key)
    elif isinstance(value, str) and not re.fullmatch(r"[a-z0-9-]+", value):
        yield key, value  # a bare identifier is a reference, not text


def outside_quotations(text):
    """`text` without the quotations « … », the Jinja code and the source's names."""
    text = re.sub(r"«[^»]*»|\{\{.*?\}\}|\{%.*?%\}", " ", text, flags=re.DOTALL)
    for name in SOURCE_NAMES:
        text = text.replace(name, " ")
    return text


@pytest.mark.parametrize(
    "deck_path", [builtin_deck_path(), scaffold_deck_path()], ids=["ccas2050", "modele"]
)
def test_running_text_has_no_masculine_generic_outside_quotations(deck_path):
    import yaml

    found = []
    for path in deck_files(deck_path):
        for key, text in running_texts(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for match in MASCULINE_GENERICS.finditer(outside_quotations(" ".join(text.split()))):
                found.append(f"{path.name} ({key}): « {match.group()} »")
    assert not found, "\n".join(found)


def test_the_masculine_generic_check_sees_running_text_but_not_quotations():
    assert MASCULINE_GENERICS.search(outside_quotations("Le CCAS va vers les habitants."))
    assert MASCULINE_GENERICS.search(outside_quotations("Chaque citoyen doit 5 jours."))
    assert MASCULINE_GENERICS.search(outside_quotations("Un atelier pour tous les habitants."))
    assert not MASCULINE_GENERICS.search(outside_quotations("Il va vers les habitant·es."))
    quoted = "La source : « les habitants\n  décident »."
    assert not MASCULINE_GENERICS.search(outside_quotations(quoted))
    assert not MASCULINE_GENERICS.search(outside_quotations("un café des habitants"))
    assert not MASCULINE_GENERICS.search(outside_quotations("{{ 'les élus' }}"))
