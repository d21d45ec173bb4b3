"""Where the store lives: a SQLite file (the default) or a PostgreSQL server's URL.

`--store` and `FICTION_STORE` take either; `store_location` tells them apart.
A server URL may carry a password: `str()` of a `ServerURL` never shows it,
so every message naming the store is safe to print, and only the connection
(and a child process told where the store is) reads `ServerURL.url`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

SCHEMES = ("postgresql", "postgres")
_SECRET_PARAMETERS = ("password", "passfile", "sslpassword")


@dataclass(frozen=True)
class ServerURL:
    """A PostgreSQL database (`postgresql://user@host:port/base`); shown without password."""

    url: str = field(repr=False)

    def __str__(self) -> str:
        return shown(self.url)

    def __repr__(self) -> str:
        return f"ServerURL({shown(self.url)!r})"


StoreLocation = Path | ServerURL
"""A SQLite file, or a PostgreSQL database."""


def is_server_url(text: str) -> bool:
    scheme, separator, _ = text.partition("://")
    return bool(separator) and scheme.lower() in SCHEMES


def store_location(value: str | os.PathLike[str] | ServerURL) -> StoreLocation:
    """A `--store` value as a location: a server URL, else a file path (`~` expanded)."""
    if isinstance(value, ServerURL):
        return value
    text = os.fspath(value)
    if is_server_url(text):
        return ServerURL(text)
    return Path(text).expanduser()


def resolved(location: StoreLocation) -> StoreLocation:
    """An absolute location, to hand to processes started elsewhere (`fiction serve`)."""
    return location if isinstance(location, ServerURL) else location.expanduser().resolve()


def location_argument(location: StoreLocation) -> str:
    """The location in full, for the `--store` of a child process (password included)."""
    return location.url if isinstance(location, ServerURL) else str(location)


def shown(url: str) -> str:
    """`url` without its password (in the user part or in the query)."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            user, _, host = netloc.rpartition("@")
            netloc = f"{user.partition(':')[0]}@{host}"
        query = urlencode(
            [(k, v) for k, v in parse_qsl(parts.query) if k.lower() not in _SECRET_PARAMETERS],
            safe="/",
        )
        return urlunsplit((parts.scheme, netloc, parts.path, query, ""))
    except ValueError:
        return f"{url.partition('://')[0]}://…"
