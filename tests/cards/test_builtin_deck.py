"""The built-in CCAS 2050 deck holds the whole source document, and nothing personal."""

from __future__ import annotations

import re
from collections import Counter

from fiction.cards.loader import deck_files
from fiction.resources import builtin_deck_path

FIGURES = {
    "programmateur-convivialites": 3,
    "developpeur-potentialites": 3,
    "radar": 5,
    "co-organisateur-lieux": 4,
    "coordinateur-energies": 6,
    "avocat-social": 1,
    "formateur-vivre-ensemble": 3,
}
THEMES = {
    "vieillesses-heureuses",
    "bonnes-santes",
    "activites-enrichissantes",
    "bonheur",
    "justices-sociales",
}


def test_manifest_describes_source_colours_and_hand(builtin_deck):
    manifest = builtin_deck.manifest
    assert (manifest.id, manifest.language) == ("ccas2050", "fr")
    assert "Manuel d'inspiration" in manifest.source.document
    assert any("UNCCAS" in author for author in manifest.source.authors)
    assert manifest.source.years == "2019–2020"
    hand = manifest.hand
    assert (
        hand.themes,
        hand.figures,
        hand.contexts,
        hand.roles,
        hand.vigilance,
        hand.inspirations,
    ) == (1, 1, 2, 3, 2, 1)
    colours = {
        manifest.colours.themes,
        manifest.colours.figures,
        manifest.colours.roles,
        manifest.colours.vigilance,
        manifest.colours.contexts,
        manifest.colours.inspirations,
    }
    assert len(colours) == 6


def test_five_themes_with_two_to_four_questions(builtin_deck):
    assert {theme.id for theme in builtin_deck.themes} == THEMES
    for theme in builtin_deck.themes:
        assert 2 <= len(theme.questions) <= 4
        assert all(question.rstrip().endswith("?") for question in theme.questions)


def test_seven_figures_complete(builtin_deck):
    assert [figure.id for figure in builtin_deck.figures] == list(FIGURES)
    for figure in builtin_deck.figures:
        assert figure.question.startswith("Et si demain")
        assert figure.evidence.text and figure.evidence.source
        assert figure.description and figure.purpose and figure.actions
        assert len(figure.scenarios) == 2
        assert all(s.title and s.place and s.narrative for s in figure.scenarios)
        assert figure.monologue.count(" ") > 30, "the Le Mans monologue is a real paragraph"
        assert len(figure.roles) >= 2


def test_all_25_vigilance_points_each_with_its_figure_and_question(builtin_deck):
    assert len(builtin_deck.vigilance) == 25
    per_figure = Counter(point.figure for point in builtin_deck.vigilance)
    assert dict(per_figure) == FIGURES
    assert all(point.question.rstrip().endswith("?") for point in builtin_deck.vigilance)


def test_roles_cover_nouveaux_acteurs_and_workshop_professions(builtin_deck):
    # Titles are written épicène or with the point médian (« animateur·rice »):
    # the masculine stem is what the source's list of professions names.
    titles = re.sub(r"·\w+", "", " | ".join(role.title.lower() for role in builtin_deck.roles))
    for profession in (
        "animateur de territoires",
        "générateur de projet",
        "veilleur",
        "animateur de quartier",
        "maître d'œuvre social",
        "tisseur de liens",
        "coordonnateur régulateur",
        "catalyseur",
        "avocat du territoire",
        "médiateur",
        "bienveilleur",
        "référent de proximité",
        "super-agent d'accueil",
        "négociateur éthique",
        "coach des initiatives",
        "hôte",
        "citoyen expert",
        "ambassadeur de quartier",
    ):
        assert profession in titles, profession
    assert all(role.figures for role in builtin_deck.roles), "every role is linked to a figure"
    assert all(role.mission for role in builtin_deck.roles)


def test_context_prompts_of_every_kind(builtin_deck):
    contexts = builtin_deck.contexts
    assert len(contexts) >= 30
    kinds = Counter(context.kind for context in contexts)
    assert set(kinds) == {"tendance", "transition", "territoire", "chiffre", "numerique"}
    transitions = " ".join(c.title.lower() for c in contexts if c.kind == "transition")
    for word in ("économique", "écologique", "numérique", "démocratique", "démographique"):
        assert word in transitions
    territories = " ".join(c.title.lower() for c in contexts if c.kind == "territoire")
    for word in ("île", "montagne", "rural", "métropole", "intercommunalité"):
        assert word in territories, word
    figures_text = " ".join(c.text for c in contexts if c.kind == "chiffre")
    assert "6 millions" in figures_text and "89 %" in figures_text


def test_inspirations_are_the_18_workshops_and_14_scenarios_of_2050(builtin_deck):
    workshops = [i for i in builtin_deck.inspirations if i.kind == "atelier"]
    augmented = [i for i in builtin_deck.inspirations if i.kind == "scenario-2050"]
    assert Counter(i.city for i in workshops) == {"Paris": 5, "Lyon": 4, "Bordeaux": 5, "Nancy": 4}
    assert all(i.year == 2019 for i in workshops)
    assert len(augmented) == 14
    assert all(i.year == 2050 and i.figure for i in augmented)


def test_every_card_cites_its_source(builtin_deck):
    from fiction.cards.kinds import DECK_KINDS

    for kind in DECK_KINDS:
        for card in builtin_deck.cards(kind):
            assert card.source.strip(), card.id


def test_no_personal_data_in_deck_files():
    # First names and surnames that occur in the source documents' participant
    # lists and scenarios: deck content paraphrases and must never carry them.
    names = (
        "Mireille",
        "Sami",
        "Clara",
        "Erwan",
        "Madina",
        "Abdelkader",
        "Larbi",
        "Komorowski",
        "Calippe",
        "Yan ",
        "Luce ",
    )
    # Organisers and participants named in the ACTAS La Réunion report (000) and
    # the Transistor review day (002), the activities' sources: matched as words.
    seed_names = (
        "Govindin",
        "Granulant",
        "Patrick",
        "Anaïs",
        "Marie-Annick",
        "Beyler",
        "Devos",
        "Wach",
        "Franck",
        "Edmond",
        "Adrien",
        "Cherak",
        "Sabah",
        "Chappaz",
        "Dulcey",
        "Almokdad",
        "Fwaz",
        "Ollivier",
        "Olivier",
        "Hélène",
        "Ploquin",
        "Catry",
        "Richomme",
        "Richome",
        "Kadri",
        "Vanhese",
        "Gras",
        "Capra",
        "Maria Elena",
        "Maria Helena",
        "Lucet",
        "Mazet",
        "Gardé",
        "Pasquier",
        "Lapouille",
        "Mathilde",
        "mathilde",
        "Laure",
        "Simon",
        "Emilie",
        "Michèle",
        "Sylvie",
        "Sandra",
        "Isabelle",
        "David",
        "Pierre",
        "Stéphane",
        "Dominique",
        "Florence",
    )
    domains = ("ccas-stlouis.fr", "unccas.org")
    email = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
    for path in deck_files(builtin_deck_path()):
        text = path.read_text(encoding="utf-8")
        assert not email.search(text), path
        for name in names:
            assert name not in text, (name, path)
        for name in seed_names:
            assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text), (name, path)
        for domain in domains:
            assert domain not in text, (domain, path)
