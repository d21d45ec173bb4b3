"""Full-text search over the scenarios of many workshops: ranked hits with a snippet.

`search` is the one entry point: the workshops, the query and its filters
in; the hits out, best first, each with its scenario (workshop, group
pseudonym, title) and a snippet of the passage that matched, the words found
marked. Scenarios and query go through the same French normaliser
(`fiction.library.french`), so a hit needs every word of the query in one of
its forms (« bienveilleur » finds « Les bienveilleuses du quartier »).

Ranking is SQLite FTS5's bm25 over the normalised text, in an in-memory
database built from the scenarios. Each scenario is one row of three columns
weighted as a reader would: its title, its lead (question and place of
2050), the rest of what the group wrote; a word in a title outranks the same
word in a narrative. The index is kept for the next query as long as the
scenarios are the same ones, word for word (an edit anywhere builds it
anew).

When the store is a PostgreSQL database (`search(…, store=…)` given its
location), `_PostgresIndex` takes the place of `_Fts5Index`: the same three
normalised columns go through PostgreSQL's French text search (`to_tsvector`
with the `french` configuration's stemmer, weighted A, B, C in a temporary
table of the store's database, `ts_rank` with the same 10 : 3 : 1 weights),
and everything else is shared: filters, order, snippets.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from fiction.library.french import Word, forms, words
from fiction.library.scenarios import (
    NO_FILTERS,
    NO_TITLES,
    CardTitles,
    Filters,
    Scenario,
    scenarios,
)
from fiction.store.location import ServerURL, StoreLocation
from fiction.store.model import Workshop

COLUMNS: tuple[tuple[str, float], ...] = (("title", 10.0), ("lead", 3.0), ("body", 1.0))
"""The index's columns and their bm25 weights: a title match outranks a narrative match."""
LEAD_FIELDS = frozenset({"question", "place_name"})

WORDS_BEFORE = 8
WORDS_AFTER = 22
"""A snippet's window around the first word found: words shown before and after it."""


@dataclass(frozen=True)
class Snippet:
    """A passage cut around what was found: `parts` alternate plain and found text.

    `field` is the store's path of the passage (`title`, `narrative`,
    `vigilance/<card id>`, `segment/<id>/sound`…), for the caller to name.
    """

    field: str
    parts: tuple[tuple[str, bool], ...]

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The snippet as one line, each word found between `before` and `after`."""
        return "".join(f"{before}{text}{after}" if found else text for text, found in self.parts)

    @property
    def found(self) -> tuple[str, ...]:
        return tuple(text for text, found in self.parts if found)


@dataclass(frozen=True)
class Hit:
    """A scenario the query found, its score (higher is better) and its snippet."""

    scenario: Scenario
    score: float
    snippet: Snippet


def search(
    workshops: Sequence[Workshop],
    query: str,
    filters: Filters = NO_FILTERS,
    *,
    titles: CardTitles = NO_TITLES,
    limit: int | None = None,
    store: StoreLocation | None = None,
) -> tuple[Hit, ...]:
    """The scenarios of `workshops` holding every word of `query`, best first.

    `filters` keeps a figure, theme, place or year (cards named by id or by
    the title `titles` gives them); `limit` caps the hits (None: all). A query
    of stop words only (« les », « du ») finds nothing: see `query_terms`.
    `store`: where the workshops were read; a PostgreSQL database ranks with
    its French text search, anything else (a file, None) with SQLite FTS5.
    """
    terms = query_terms(query)
    if not terms:
        return ()
    index = _index(scenarios(workshops), store if isinstance(store, ServerURL) else None)
    hits: list[Hit] = []
    for position, score in index.rank(terms):
        scenario = index.scenarios[position]
        if not filters.keeps(scenario, titles):
            continue
        hits.append(Hit(scenario, score, snippet(scenario, frozenset(terms))))
        if limit is not None and len(hits) >= limit:
            break
    return tuple(hits)


def query_terms(query: str) -> tuple[str, ...]:
    """The normal forms a query searches for, each once ("" words left out)."""
    return tuple(dict.fromkeys(forms(query)))


def snippet(scenario: Scenario, terms: frozenset[str]) -> Snippet:
    """The passage holding the most of `terms` (the first such: a title wins a tie), cut
    around the first word found; the start of the first passage when none holds any."""
    chosen, chosen_words, most = scenario.passages[0], list(words(scenario.passages[0].text)), 0
    for passage in scenario.passages:
        passage_words = list(words(passage.text))
        found = len({word.form for word in passage_words if word.form in terms})
        if found > most:
            chosen, chosen_words, most = passage, passage_words, found
    return _cut(chosen.field, chosen.text, chosen_words, terms)


def _cut(field: str, text: str, all_words: list[Word], terms: frozenset[str]) -> Snippet:
    hits = [i for i, word in enumerate(all_words) if word.form in terms]
    if not all_words:
        return Snippet(field, ((_flat(text), False),))
    first = hits[0] if hits else 0
    shown = all_words[max(0, first - WORDS_BEFORE) : first + WORDS_AFTER + 1]
    start = shown[0].start if first > WORDS_BEFORE else 0
    end = shown[-1].end
    while end < len(text) and not text[end].isspace():
        end += 1  # the last word's closing punctuation
    parts: list[tuple[str, bool]] = [("…", False)] if start > 0 else []
    cursor = start
    for word in shown:
        if word.form in terms:
            parts.append((_flat(text[cursor : word.start]), False))
            parts.append((text[word.start : word.end], True))
            cursor = word.end
    parts.append((_flat(text[cursor:end]), False))
    if end < len(text.rstrip()):
        parts.append(("…", False))
    return Snippet(field, _joined(parts))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _joined(parts: Iterable[tuple[str, bool]]) -> tuple[tuple[str, bool], ...]:
    """Adjacent plain parts as one, empty ones dropped."""
    joined: list[tuple[str, bool]] = []
    for text, found in parts:
        if not text:
            continue
        if joined and not found and not joined[-1][1]:
            joined[-1] = (joined[-1][0] + text, False)
        else:
            joined.append((text, found))
    return tuple(joined)


class _Index(Protocol):
    scenarios: tuple[Scenario, ...]

    def rank(self, terms: Sequence[str]) -> list[tuple[int, float]]:
        """(position in `scenarios`, score) of the rows holding every term, best first."""
        ...


class _Fts5Index:
    """The scenarios' normal forms in an in-memory FTS5 table, one row per scenario."""

    server: ServerURL | None = None

    def __init__(self, found: tuple[Scenario, ...]) -> None:
        self.scenarios = found
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        names = ", ".join(name for name, _ in COLUMNS)
        self._db.execute(
            f"CREATE VIRTUAL TABLE scenarios USING fts5({names}, "
            "tokenize = 'unicode61 remove_diacritics 0')"
        )
        self._db.executemany(
            "INSERT INTO scenarios (rowid, title, lead, body) VALUES (?, ?, ?, ?)",
            (_row(position, scenario) for position, scenario in enumerate(found)),
        )

    def rank(self, terms: Sequence[str]) -> list[tuple[int, float]]:
        """(position in `scenarios`, score) of the rows holding every term, best first."""
        expression = " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)
        weights = ", ".join(str(weight) for _, weight in COLUMNS)
        with self._lock:
            rows = self._db.execute(
                f"SELECT rowid, bm25(scenarios, {weights}) AS rank FROM scenarios "
                "WHERE scenarios MATCH ? ORDER BY rank, rowid",
                (expression,),
            ).fetchall()
        return [(rowid, -rank) for rowid, rank in rows]


def _row(position: int, scenario: Scenario) -> tuple[int, str, str, str]:
    columns: dict[str, list[str]] = {name: [] for name, _ in COLUMNS}
    for passage in scenario.passages:
        column = (
            "title"
            if passage.field == "title"
            else "lead"
            if passage.field in LEAD_FIELDS
            else "body"
        )
        columns[column].append(" ".join(forms(passage.text)))
    return (
        position,
        " ".join(columns["title"]),
        " ".join(columns["lead"]),
        " ".join(columns["body"]),
    )


_WEIGHT_LETTERS = ("A", "B", "C")
"""PostgreSQL's weight of each of `COLUMNS`, in order."""


_FRENCH = "pg_temp.fiction_french"
"""PostgreSQL's `french` configuration (its Snowball stemmer) without its stop-word list:
the normaliser has already left out the stop words, the same ones for both engines, and
PostgreSQL's own list would drop words FTS5 requires (« ont », « sont », « fut »)."""
_FRENCH_SETUP = (
    "CREATE TEXT SEARCH DICTIONARY pg_temp.fiction_stem (TEMPLATE = snowball, Language = french)",
    f"CREATE TEXT SEARCH CONFIGURATION {_FRENCH} (COPY = pg_catalog.french)",
    f"ALTER TEXT SEARCH CONFIGURATION {_FRENCH} ALTER MAPPING FOR asciiword, word, numword,"
    " asciihword, hword, numhword, hword_part, hword_asciipart, hword_numpart"
    " WITH pg_temp.fiction_stem",
)


class _PostgresIndex:
    """The same rows in a temporary table of the store's PostgreSQL database, each a
    `to_tsvector` in French (`_FRENCH`) of the three columns, weighted A (title), B, C.

    Its own connection (the store's is for the store): the temporary table and
    configuration live as long as the index, and go with the connection.
    """

    def __init__(self, found: tuple[Scenario, ...], server: ServerURL) -> None:
        import psycopg

        self.scenarios = found
        self.server = server
        self._lock = threading.Lock()
        self._db: Any = psycopg.connect(server.url, autocommit=True)
        vector = " || ".join(
            f"setweight(to_tsvector('{_FRENCH}', %s), '{letter}')" for letter in _WEIGHT_LETTERS
        )
        with self._db.transaction():
            for statement in _FRENCH_SETUP:
                self._db.execute(statement)
            self._db.execute(
                "CREATE TEMPORARY TABLE fiction_library (position integer PRIMARY KEY, "
                "document tsvector NOT NULL)"
            )
            with self._db.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO fiction_library VALUES (%s, {vector})",
                    [_row(position, scenario) for position, scenario in enumerate(found)],
                )

    def rank(self, terms: Sequence[str]) -> list[tuple[int, float]]:
        """(position in `scenarios`, score) of the rows holding every term, best first."""
        weights = {
            letter: weight for letter, (_, weight) in zip(_WEIGHT_LETTERS, COLUMNS, strict=True)
        }
        top = max(weights.values())
        # ts_rank's weights are {D, C, B, A}, each at most 1: the same proportions.
        array = (
            "{"
            + ", ".join(str(weights.get(letter, 0.0) / top) for letter in ("D", "C", "B", "A"))
            + "}"
        )
        with self._lock:
            rows = self._db.execute(
                "SELECT position, ts_rank(%s::float4[], document, query) AS score"
                f" FROM fiction_library, plainto_tsquery('{_FRENCH}', %s) AS query"
                " WHERE document @@ query ORDER BY score DESC, position",
                (array, " ".join(terms)),
            ).fetchall()
        return [(position, float(score)) for position, score in rows]

    def close(self) -> None:
        self._db.close()


_cache_lock = threading.Lock()
_cached: _Index | None = None


def _index(found: tuple[Scenario, ...], server: ServerURL | None = None) -> _Index:
    """The index of these scenarios (on `server` when given): the last one built if
    neither the scenarios nor the engine have changed."""
    global _cached
    with _cache_lock:
        if (
            _cached is None
            or _cached.scenarios != found
            or getattr(_cached, "server", None) != server
        ):
            if isinstance(_cached, _PostgresIndex):
                _cached.close()
            _cached = _Fts5Index(found) if server is None else _PostgresIndex(found, server)
        return _cached
