"""Searching the scenarios of every workshop: found in any form, ranked, filtered, snipped."""

from __future__ import annotations

import dataclasses

from fiction.library import CardTitles, Filters, grid, scenarios, search
from fiction.library.fulltext import Snippet
from tests.library.conftest import AUTHOR, add_workshop


def workshops(store):
    return [store.load(summary.name) for summary in store.workshops()]


def titles(hits):
    return [hit.scenario.title for hit in hits]


def test_bienveilleur_finds_the_scenario_typed_les_bienveilleuses_du_quartier(library_store):
    hits = search(workshops(library_store), "bienveilleur")
    assert titles(hits)[0] == "Les bienveilleuses du quartier"
    assert hits[0].scenario.workshop == "Atelier du Mans"
    assert hits[0].snippet.field == "title"
    assert hits[0].snippet.found == ("bienveilleuses",)
    assert hits[0].snippet.marked() == "Les [bienveilleuses] du quartier"


def test_case_accents_and_plural_of_the_query_do_not_matter(library_store):
    found = workshops(library_store)
    expected = titles(search(found, "bienveilleur"))
    for query in ("BIENVEILLEURS", "Bienveilleuses", "bienveilleur·euses"):
        assert titles(search(found, query)) == expected


def test_every_word_of_the_query_must_be_found(library_store):
    found = workshops(library_store)
    assert titles(search(found, "jardin tomates")) == ["Le jardin partagé"]
    assert search(found, "jardin bienveilleur") == ()


def test_roles_vigilance_answers_and_news_scripts_are_searched(library_store):
    found = workshops(library_store)
    assert titles(search(found, "palier")) == ["Les bienveilleuses du quartier"]
    assert search(found, "palier")[0].snippet.field == "new_actors"
    assert titles(search(found, "ouvert à tous")) == ["Les bienveilleuses du quartier"]
    hit = search(found, "brigade veilleurs")[0]
    assert hit.scenario.title == "Le radar des solitudes"
    assert hit.snippet.field.startswith("segment/") and hit.snippet.field.endswith("/sound")
    assert hit.snippet.found == ("brigade", "veilleurs")


def test_filters_keep_a_place_a_year_a_figure_or_a_theme(library_store):
    found = workshops(library_store)
    names = CardTitles({"radar": "Radar"}, {"bonheur": "Bonheur", "bonnes-santes": "Bonnes santés"})
    assert titles(search(found, "liens")) == ["La Maison des liens", "Le jardin partagé"]
    assert titles(search(found, "liens", Filters(place="lyon"))) == ["Le jardin partagé"]
    assert titles(search(found, "liens", Filters(year=2025))) == ["La Maison des liens"]
    assert titles(search(found, "liens", Filters(year=2019))) == []
    by_title = search(found, "liens", Filters(theme="Bonnes Santés"), titles=names)
    assert titles(by_title) == ["Le jardin partagé"]
    by_id = search(found, "liens", Filters(figure="radar", theme="bonheur"))
    assert titles(by_id) == ["La Maison des liens"]


def test_a_snippet_is_cut_around_what_was_found_and_marks_every_word_found(store):
    narrative = (
        " ".join(f"mot{n}" for n in range(60))
        + " Les bienveilleurs veillent. "
        + (" ".join(f"fin{n}" for n in range(60)))
    )
    add_workshop(store, "Atelier", {1: {"title": "Sans rapport", "narrative": narrative}})
    snippet = search(workshops(store), "bienveilleuse VEILLENT")[0].snippet
    assert isinstance(snippet, Snippet)
    assert snippet.found == ("bienveilleurs", "veillent")
    text = snippet.marked("<", ">")
    assert text.startswith("…") and text.endswith("…")
    assert "Les <bienveilleurs> <veillent>." in text
    assert "mot0 " not in text and "fin59" not in text


def test_groups_appear_by_pseudonym_and_no_author_ever_leaves_the_workshop(library_store):
    found = workshops(library_store)
    pseudonyms = {group.pseudonym for workshop in found for group in workshop.groups}
    for query in ("bienveilleur", "liens", "radar", "brigade"):
        for hit in search(found, query):
            assert hit.scenario.pseudonym in pseudonyms
            assert AUTHOR not in repr(hit)
            assert "Camille" not in repr(hit)


def test_the_index_follows_an_edit(library_store):
    assert titles(search(workshops(library_store), "potager")) == []
    library_store.set_field("Lyon 2024", 1, "narrative", "Un potager sur le toit.", AUTHOR)
    assert titles(search(workshops(library_store), "potager")) == ["Le jardin partagé"]


def test_groups_that_wrote_nothing_are_no_scenario_and_stop_words_find_nothing(library_store):
    found = workshops(library_store)
    assert len(scenarios(found)) == 4
    assert search(found, "les du") == ()


def test_the_grid_counts_scenarios_by_figure_and_theme_across_workshops(library_store):
    cells = grid(scenarios(workshops(library_store)))
    assert cells.count("programmateur-convivialites", "vieillesses-heureuses") == 2
    assert cells.count("radar", "bonheur") == 1
    assert cells.count("radar", "bonnes-santes") == 1
    assert [s.title for s in cells.of(figure="radar")] == [
        "La Maison des liens",
        "Le jardin partagé",
    ]


def test_hits_are_plain_values(library_store):
    hit = search(workshops(library_store), "bienveilleur")[0]
    assert dataclasses.is_dataclass(hit)
