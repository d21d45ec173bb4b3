"""The library's search on both stores (issue 19): SQLite FTS5, or PostgreSQL's French
text search when the store is a PostgreSQL database, over the same normalised documents,
with the same filters, order and snippets."""

from __future__ import annotations

from pathlib import Path

import pytest

from fiction.library import Filters, fulltext, search
from fiction.library.scenarios import NO_FILTERS
from fiction.store.location import ServerURL
from fiction.store.store import Store
from tests.library.conftest import add_workshop


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path, clock):
    """This module's store (the `library_store` fixture fills it): a file, then a server."""
    if request.param == "sqlite":
        location: Path | ServerURL = tmp_path / "ateliers.sqlite3"
    else:
        location = ServerURL(request.getfixturevalue("postgres_url"))
    with Store(location, clock=clock) as opened:
        yield opened


def found(store: Store, query: str, filters: Filters = NO_FILTERS) -> tuple[fulltext.Hit, ...]:
    workshops = [store.load(summary.name) for summary in store.workshops()]
    return search(workshops, query, filters, store=store.path)


def titles(hits) -> list[str]:
    return [hit.scenario.title for hit in hits]


def engine() -> str:
    return type(fulltext._cached).__name__


def test_bienveilleur_finds_les_bienveilleuses_du_quartier_on_either_store(library_store):
    hits = found(library_store, "bienveilleur")

    assert titles(hits)[0] == "Les bienveilleuses du quartier"
    assert hits[0].scenario.workshop == "Atelier du Mans"
    assert hits[0].snippet.marked() == "Les [bienveilleuses] du quartier"
    on_server = isinstance(library_store.path, ServerURL)
    assert engine() == ("_PostgresIndex" if on_server else "_Fts5Index")


def test_every_word_is_needed_and_filters_keep_the_same_scenarios(library_store):
    assert titles(found(library_store, "jardin tomates")) == ["Le jardin partagé"]
    assert found(library_store, "jardin bienveilleur") == ()
    assert titles(found(library_store, "liens")) == ["La Maison des liens", "Le jardin partagé"]
    assert titles(found(library_store, "liens", Filters(place="lyon"))) == ["Le jardin partagé"]
    assert titles(found(library_store, "liens", Filters(year=2025))) == ["La Maison des liens"]
    hit = found(library_store, "brigade veilleurs")[0]
    assert hit.snippet.found == ("brigade", "veilleurs")
    assert found(library_store, "les du") == ()


def test_a_title_match_ranks_above_a_narrative_match_on_either_store(store):
    add_workshop(
        store,
        "Atelier",
        {
            1: {
                "title": "Les écrans du soir",
                "narrative": (
                    "Chaque soir le jardin des voisins accueille les habitants du quartier "
                    "qui viennent parler, cuisiner, réparer et se retrouver autour du feu."
                ),
            },
            2: {"title": "Le jardin", "narrative": "Un lieu partagé."},
        },
    )
    hits = found(store, "jardin")

    assert titles(hits) == ["Le jardin", "Les écrans du soir"]
    assert hits[0].score > hits[1].score
    assert hits[1].snippet.field == "narrative"


def test_the_index_follows_an_edit_on_either_store(library_store):
    assert found(library_store, "potager") == ()
    library_store.set_field("Lyon 2024", 1, "narrative", "Un potager sur le toit.", "Camille")
    assert titles(found(library_store, "potager")) == ["Le jardin partagé"]


def test_the_command_searches_a_postgresql_store_with_its_french_text_search(
    library_store, monkeypatch, capsys
):
    from fiction import cli

    if not isinstance(library_store.path, ServerURL):
        pytest.skip("the command on a SQLite store: tests/library/test_library_cli.py")
    monkeypatch.setenv("FICTION_STORE", library_store.path.url)
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["library", "search", "bienveilleur"])
    out = capsys.readouterr().out

    assert exit_info.value.code == 0
    assert "Les bienveilleuses du quartier" in out
    assert engine() == "_PostgresIndex"


def test_a_word_postgresql_calls_a_stop_word_is_still_required_and_found(store):
    add_workshop(store, "Atelier", {1: {"title": "Les voisins", "narrative": "Ils ont un jardin."}})

    assert titles(found(store, "ont")) == ["Les voisins"]
    assert titles(found(store, "ont jardin")) == ["Les voisins"]
    assert found(store, "ont potager") == ()
