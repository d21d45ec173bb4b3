"""One way of writing the built-in deck (issue 18, docs/ecrire-un-jeu.md).

Titles that name a person are épicène, or carry the point médian; numbers,
page and rule numbers never break across a printed line.
"""

from __future__ import annotations

import re

from fiction.cards.loader import deck_files
from fiction.resources import builtin_deck_path

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
