"""One connection, the same calls on SQLite and PostgreSQL: the store's dialect seam.

The store's SQL is written once, for SQLite, with `?` placeholders: it is the
portable subset both databases understand (`RETURNING id` rather than
`lastrowid`, `ON CONFLICT … DO UPDATE`, no numbered placeholders). The
PostgreSQL connection translates the placeholders to psycopg's `%s` and
Python booleans to integers (the columns are integers on both sides); rows
are plain tuples on both. PostgreSQL's texts cannot hold the NUL character
that SQLite's can: texts go in escaped and come out as they went in, so any
SQLite store moves to PostgreSQL whole. Where the two really differ (a statement or two),
the caller asks `Database.dialect`.

A transaction is `begin(write=…, key=…)` … `commit()` or `rollback()`:
- SQLite: a write is `BEGIN IMMEDIATE` (the file's one write lock, taken
  first); a read is `BEGIN`, one snapshot thanks to WAL.
- PostgreSQL: a write is READ COMMITTED with a transaction-scoped advisory
  lock on `key` (the workshop's name) taken first, so the writes to one
  workshop take turns exactly as on SQLite: each statement after the lock
  sees every earlier write committed, so read-decide-write, `expected=` and
  `max(seq) + 1` stay safe, while different workshops write side by side.
  A read is REPEATABLE READ READ ONLY: one snapshot, never half an edit.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import psycopg


class Cursor(Protocol):
    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Database:
    """What the store's modules call; `SQLiteDatabase` and `PostgresDatabase` implement it."""

    dialect = ""
    errors: tuple[type[Exception], ...] = ()
    """What a failure of this database raises (the store turns it into a French message)."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def begin(self, *, write: bool, key: str = "") -> None:
        raise NotImplementedError

    def commit(self) -> None:
        self.execute("COMMIT")

    def rollback(self) -> None:
        self.execute("ROLLBACK")

    @property
    def in_transaction(self) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class SQLiteDatabase(Database):
    dialect = "sqlite"
    errors = (sqlite3.Error,)

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        return self.connection.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.connection.executemany(sql, rows)

    def begin(self, *, write: bool, key: str = "") -> None:
        self.connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")

    @property
    def in_transaction(self) -> bool:
        return self.connection.in_transaction

    def close(self) -> None:
        self.connection.close()


WRITE_LOCK_CLASS = 0x66696374
"""The first key of the store's advisory locks (the bytes of "fict"), the second being
the hash of a workshop's name: other programs' advisory locks never collide with ours."""


class PostgresDatabase(Database):
    dialect = "postgresql"

    def __init__(
        self,
        connection: psycopg.Connection[Any],
        reconnect: Callable[[], psycopg.Connection[Any]],
    ) -> None:
        import psycopg

        self.connection = connection  # in autocommit mode: the store says BEGIN itself
        connection.row_factory = _unescaped_rows
        self.errors = (psycopg.Error,)
        self._reconnect = reconnect

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        if not params:
            return self.connection.execute(_translated(sql, False))
        return self.connection.execute(_translated(sql, True), _adapted(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.connection.cursor() as cursor:
            cursor.executemany(_translated(sql, True), [_adapted(row) for row in rows])

    def begin(self, *, write: bool, key: str = "") -> None:
        if self.connection.broken:
            # The server restarted, or the network dropped: a long `fiction serve` goes on.
            self.connection.close()
            self.connection = self._reconnect()
            self.connection.row_factory = _unescaped_rows
        if not write:
            self.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            return
        self.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
        self.connection.execute(
            f"SELECT pg_advisory_xact_lock({WRITE_LOCK_CLASS}, hashtext(%s))", (key,)
        )

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.connection.info.transaction_status != TransactionStatus.IDLE

    def close(self) -> None:
        self.connection.close()


_QUOTED_OR_MARK = re.compile(r"'(?:[^']|'')*'|\?|%")


@functools.lru_cache(maxsize=512)
def _translated(sql: str, with_params: bool) -> str:
    """`?` → `%s` and `%` → `%%` outside quoted literals (psycopg's placeholders)."""
    if not with_params:
        return sql

    def swap(found: re.Match[str]) -> str:
        text = found[0]
        if text == "?":
            return "%s"
        if text == "%":
            return "%%"
        return text.replace("%", "%%")

    return _QUOTED_OR_MARK.sub(swap, sql)


def _adapted(params: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(
        int(value) if isinstance(value, bool) else _escaped(value) if type(value) is str else value
        for value in params
    )


_ESCAPE = "\uffff"
"""A noncharacter: it starts the two-character escapes of itself and of NUL."""
_ESCAPED = re.compile(_ESCAPE + "(.)", re.DOTALL)


def _escaped(text: str) -> str:
    if "\0" not in text and _ESCAPE not in text:
        return text
    return text.replace(_ESCAPE, _ESCAPE * 2).replace("\0", _ESCAPE + "0")


def _unescaped(text: str) -> str:
    return _ESCAPED.sub(lambda found: _ESCAPE if found[1] == _ESCAPE else "\0", text)


def _unescaped_rows(cursor: Any) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """psycopg's row factory: tuples, their texts unescaped."""

    def row(values: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(
            _unescaped(value) if type(value) is str and _ESCAPE in value else value
            for value in values
        )

    return row
