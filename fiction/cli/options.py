"""Options several `fiction` commands share, declared once so they read the same everywhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click


def store_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--store FICHIER` (or FICTION_STORE): the database file a command works on."""
    return click.option(
        "--store",
        "store_path",
        metavar="FICHIER",
        envvar="FICTION_STORE",
        type=click.Path(path_type=Path, dir_okay=False),
        help=(
            "Fichier de la base d'ateliers (par défaut : dans votre dossier de données ; "
            "aussi la variable FICTION_STORE)."
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
