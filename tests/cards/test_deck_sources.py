"""The built-in deck says only what its cited sources say (issue 18).

Each test pins a fact as the source document gives it, after a card had
stretched or invented it. Spaces are compared plainly: the deck writes
« 120 000 » with a narrow no-break space so that print keeps it on one line.
"""

from __future__ import annotations

import re

import pytest

PAGES_IN_THE_MANUAL = {"6–7", "8–11", "12–39", "13", "17", "21", "25", "29", "33", "37"}
"""Pages the manual's contents show: its sections, then where each figure starts."""


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def card_text(deck, card_id: str) -> str:
    card = deck.card(card_id)
    fields = ("title", "phrase", "text", "summary", "mission", "question", "source")
    return plain(" ".join(str(getattr(card, name, "")) for name in fields))


def test_solidarity_law_asks_5_to_10_days_a_year(builtin_deck):
    card = builtin_deck.card("solidarite-obligatoire")
    assert "5 à 10 jours par an" in plain(card.phrase)
    assert "5 à 10 jours par an" in plain(card.text)
    assert "millions" not in card_text(builtin_deck, "solidarite-obligatoire")


def test_ccas_employ_more_than_120_000_agents(builtin_deck):
    card = builtin_deck.card("chiffre-ccas-budget")
    assert "120 000" in plain(card.phrase) and "120 000" in plain(card.text)
    assert "2,6 milliards" in plain(card.text)
    assert "dizaines de milliers" not in card_text(builtin_deck, "chiffre-ccas-budget")


def test_the_18_scenarios_come_from_the_four_workshops_of_2019(builtin_deck):
    card = builtin_deck.card("chiffre-260-participants")
    text = plain(card.text)
    assert "quatre ateliers de 2019 (Paris, Lyon, Bordeaux, Nancy)" in text
    assert "une quarantaine de volontaires chacun" in text
    assert "5 ateliers" in text and "plus de 260 participant·es" in text
    assert "Amiens" not in plain(card.phrase), "Amiens was the UNCCAS congress, not a 2019 workshop"
    assert "« La démarche », p. 6–7" in plain(card.source)
    assert "6–8" not in card.source


def test_the_deck_description_does_not_credit_the_scenarios_to_260_people(builtin_deck):
    description = plain(builtin_deck.manifest.description)
    assert "18 scénarios des ateliers de 2019" in description
    assert "scénarios imaginés par plus de 260" not in description


@pytest.mark.parametrize(
    ("card_id", "invented"),
    [
        ("territoire-quartier-populaire", ("précarité", "défiance", "grand ensemble")),
        ("alimentation-ultra-transformee", ("coûte cher", "modestes")),
        ("territoire-metropole", ("millions d'habitants",)),
        ("territoire-montagne", ("routes coupées", "hameaux", "une heure")),
        ("territoire-ile", ("commune voisine", "solidarités fortes")),
        ("transition-demographique", ("recomposées",)),
        ("transition-ecologique", ("d'abord les contraintes",)),
        ("territoire-outre-mer", ("climatiques", "Amiens")),
        ("travailleurs-nomades", ("génération « zapping » de travailleurs indépendants",)),
        ("dossier-social-unique", ("entre les mains des institutions",)),
        ("avocat-social", ("ma voisine",)),
    ],
)
def test_no_card_keeps_a_detail_its_source_does_not_give(builtin_deck, card_id, invented):
    card = builtin_deck.card(card_id)
    text = card_text(builtin_deck, card_id) + plain(getattr(card, "monologue", ""))
    for words in invented:
        assert words not in text, (card_id, words)


def test_the_quartier_card_says_only_what_mont_saint_aignan_says(builtin_deck):
    text = card_text(builtin_deck, "territoire-quartier-populaire")
    assert "au pied des immeubles" in text and "Mont-Saint-Aignan" in text


def test_the_outre_mer_card_cites_the_reunion_working_lab(builtin_deck):
    card = builtin_deck.card("territoire-outre-mer")
    assert "La Réunion" in card.text and "tiers-lieu" in card.text
    assert card.source.startswith("ACTAS La Réunion")


def test_the_mayenne_card_reports_the_benefits_the_source_gives(builtin_deck):
    text = card_text(builtin_deck, "dossier-social-unique")
    assert "150 agents du travail social" in text and "16 000 familles" in text
    assert "meilleure continuité" in text


def test_the_factory_only_looks_like_an_old_factory(builtin_deck):
    figure = builtin_deck.card("developpeur-potentialites")
    place = next(s.place for s in figure.scenarios if s.id == "fabrique-du-territoire")
    assert "ressemble" in place


def test_themes_say_the_deck_chose_their_scenarios(builtin_deck):
    for theme in builtin_deck.themes:
        assert "« La démarche », p. 6–7" in plain(theme.source), theme.id
        assert "rapprochés par le jeu" in theme.source, theme.id


def test_sources_cite_only_pages_the_manual_shows(builtin_deck):
    cited = re.compile(r"p\.\s(\d+(?:–\d+)?)")
    for kind in ("themes", "figures", "roles", "vigilance", "contexts", "inspirations"):
        for card in builtin_deck.cards(kind):
            for page in cited.findall(plain(card.source)):
                assert page in PAGES_IN_THE_MANUAL, (card.id, page)


def test_figure_pages_are_where_the_contents_start_them(builtin_deck):
    starts = {
        "programmateur-convivialites": "13",
        "developpeur-potentialites": "17",
        "radar": "21",
        "co-organisateur-lieux": "25",
        "coordinateur-energies": "29",
        "avocat-social": "33",
        "formateur-vivre-ensemble": "37",
    }
    for figure in builtin_deck.figures:
        assert f"p. {starts[figure.id]}" in plain(figure.source), figure.id


@pytest.mark.parametrize(
    ("card_id", "source", "words"),
    [
        ("difficultes-des-agents", "ACTAS La Réunion", ("formation", "illectronisme")),
        (
            "conseil-des-usagers",
            "CCAS de Mont-Saint-Aignan",
            ("« faire avec » plutôt que « faire pour »",),
        ),
        ("ateliers-en-cycles", "CCAS de Mont-Saint-Aignan", ("8 séances", "6 à 10 personnes")),
        ("faire-a-la-place-ou-faire-avec", "Agate", ("« faire à la place de »",)),
        ("referents-numeriques", "Conseil départemental de la Mayenne", ("13 référent·es", "150")),
        ("de-1796-a-2050", "UNCCAS", ("1796", "1953", "1986")),
        ("destigmatiser-le-social", "UNCCAS", ("sans attendre 2050",)),
    ],
)
def test_contexts_from_every_seed_cite_it(builtin_deck, card_id, source, words):
    card = builtin_deck.card(card_id)
    assert card.source.startswith(source)
    for word in words:
        assert word in plain(card.text), (card_id, word)
