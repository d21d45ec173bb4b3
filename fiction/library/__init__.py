"""The library: the scenarios of every workshop of a store, searched and browsed together.

A network of CCAS runs many workshops; their scenarios, like the source
document's « Manuel d'inspiration », are read together. Domain code only (no
Textual, no WeasyPrint, nothing of `render` or `tui`), reading workshops as
the store gives them:

- `french`: the normaliser that lets « bienveilleur » find « Les bienveilleuses
  du quartier » (case, accents, inclusive forms, gender, Snowball stems);
- `scenarios`: what each group wrote, with its workshop, pseudonym and cards,
  and the filters (figure, theme, place, year);
- `fulltext`: `search(workshops, query, filters)`, ranked hits with snippets
  (SQLite FTS5, or PostgreSQL's French text search on a PostgreSQL store);
- `browse`: scenarios by figure × theme across workshops.

Names of people never leave a workshop: a scenario carries its group's
pseudonym, never an author.
"""

from __future__ import annotations

from fiction.library.browse import Grid, grid
from fiction.library.fulltext import Hit, Snippet, query_terms, search
from fiction.library.scenarios import CardTitles, Filters, Passage, Scenario, scenarios

__all__ = [
    "CardTitles",
    "Filters",
    "Grid",
    "Hit",
    "Passage",
    "Scenario",
    "Snippet",
    "grid",
    "query_terms",
    "scenarios",
    "search",
]
