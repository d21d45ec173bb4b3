"""Options several `fiction` commands share, declared once so they read the same everywhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click


class StoreLocationType(click.ParamType):
    """A store file (checked like any file option), or a `postgresql://` URL kept whole."""

    name = "store"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from fiction.store.location import ServerURL, is_server_url

        if isinstance(value, ServerURL) or (isinstance(value, str) and is_server_url(value)):
            return ServerURL(str(value) if isinstance(value, str) else value.url)
        return click.Path(path_type=Path, dir_okay=False).convert(value, param, ctx)


def store_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--store FICHIER` (or FICTION_STORE): the database a command works on, a SQLite
    file or a PostgreSQL server's `postgresql://` URL (a `StoreLocation`)."""
    return click.option(
        "--store",
        "store_path",
        metavar="FICHIER",
        envvar="FICTION_STORE",
        type=StoreLocationType(),
        help=(
            "Fichier de la base d'ateliers (par défaut : dans votre dossier de données ; "
            "aussi la variable FICTION_STORE), ou base PostgreSQL partagée : "
            "postgresql://utilisateur@serveur/base."
        ),
    )(command)


def deck_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--deck DOSSIER`: the deck a command works on (default: the built-in one)."""
    return click.option(
        "--deck",
        "deck_path",
        metavar="DOSSIER",
        type=click.Path(path_type=Path),
        help="Dossier du jeu de cartes (par défaut : le jeu intégré CCAS 2050).",
    )(command)
