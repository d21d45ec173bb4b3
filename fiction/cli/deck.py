"""`fiction deck …`: check, show, export or create a deck of cards.

Registered in `fiction.cli.root`. Like every command module, this one imports
only Click at the top: the deck loader and Rich are imported by the command
that needs them, so `fiction --help` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from fiction.cards.kinds import DECK_KINDS
from fiction.cli.french import CONTEXT_SETTINGS, FrenchGroup
from fiction.cli.options import deck_option


def deck_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """`[JEU]` or `--deck DOSSIER`: the deck a command works on (default: built-in)."""
    command = deck_option(command)
    return click.argument(
        "deck_argument", metavar="[JEU]", required=False, type=click.Path(path_type=Path)
    )(command)


def chosen_deck_path(deck_argument: Path | None, deck_path: Path | None) -> Path | None:
    """The deck named by `[JEU]` or `--deck` (None: the built-in one); never both."""
    if deck_argument and deck_path and deck_argument != deck_path:
        raise click.UsageError("Indiquez le jeu une seule fois : JEU ou --deck, pas les deux.")
    return deck_argument or deck_path


def load_chosen_deck(deck_argument: Path | None, deck_path: Path | None) -> Any:
    from fiction.cards.locate import chosen_deck

    return chosen_deck(chosen_deck_path(deck_argument, deck_path))


@click.group("deck", cls=FrenchGroup, context_settings=CONTEXT_SETTINGS)
def deck_group() -> None:
    """Vérifier, afficher, exporter ou créer un jeu de cartes."""


@deck_group.command("check", context_settings=CONTEXT_SETTINGS)
@deck_options
def deck_check(deck_argument: Path | None, deck_path: Path | None) -> None:
    """Vérifier un jeu de cartes : liste tous ses problèmes (code de sortie 1 s'il y en a).

    Chaque modèle de texte du jeu (questions, conducteur) est aussi rempli une fois
    sur un exemple, pour trouver ici ce qui casserait pendant l'atelier.
    """
    chosen = chosen_deck_path(deck_argument, deck_path)
    from fiction.cards.loader import load_deck
    from fiction.cards.locate import deck_folder
    from fiction.cards.model import count_cards
    from fiction.errors import DeckError
    from fiction.report.deck_templates import template_problems

    path = deck_folder(chosen)
    loaded = load_deck(path)
    problems = template_problems(loaded)  # each template filled once, on sample data
    if problems:
        raise DeckError(path, problems)
    counts = ", ".join(count_cards(kind, len(loaded.cards(kind))) for kind in DECK_KINDS)
    click.secho(f"Jeu valide : {loaded.manifest.title} ({path})", fg="green")
    click.echo(f"Cartes : {counts}.")


@deck_group.command("show", context_settings=CONTEXT_SETTINGS)
@deck_options
@click.option(
    "--kind",
    type=click.Choice(DECK_KINDS),
    metavar="TYPE",
    help=f"N'afficher qu'un type de cartes : {', '.join(DECK_KINDS)}.",
)
def deck_show(deck_argument: Path | None, deck_path: Path | None, kind: str | None) -> None:
    """Afficher un jeu de cartes sous forme de tableaux lisibles."""
    from fiction.render.deck_tables import deck_summary, kind_table

    loaded = load_chosen_deck(deck_argument, deck_path)
    console = _console()
    if kind is None:
        console.print(deck_summary(loaded))
    for shown in (kind,) if kind else DECK_KINDS:
        console.print(kind_table(loaded, shown))


@deck_group.command("export", context_settings=CONTEXT_SETTINGS)
@deck_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json"]),
    default="json",
    show_default=True,
    metavar="FORMAT",
    help="Format de sortie (json).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FICHIER",
    help="Écrire dans ce fichier plutôt qu'à l'écran.",
)
def deck_export(
    deck_argument: Path | None, deck_path: Path | None, output_format: str, output: Path | None
) -> None:
    """Exporter le jeu complet (cartes et références résolues), en JSON."""
    import json

    from fiction.cards.serialize import deck_to_resolved
    from fiction.fileio import write_atomically

    loaded = load_chosen_deck(deck_argument, deck_path)
    text = json.dumps(deck_to_resolved(loaded), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text)
        click.secho(f"Jeu exporté dans {output}.", fg="green", err=True)


@deck_group.command("new", context_settings=CONTEXT_SETTINGS)
@click.argument("folder", metavar="DOSSIER", type=click.Path(path_type=Path))
@click.option("--id", "deck_id", metavar="IDENTIFIANT", help="Identifiant du nouveau jeu.")
def deck_new(folder: Path, deck_id: str | None) -> None:
    """Créer un petit jeu de cartes à compléter, qui passe déjà la vérification."""
    from fiction.cards.scaffold import scaffold_deck

    created = scaffold_deck(folder, deck_id)
    click.secho(f"Jeu créé dans {folder} :", fg="green")
    for path in created:
        click.echo(f"  {path}")
    click.echo(f"Modifiez ces fichiers, puis vérifiez-les : fiction deck check {folder}")


@deck_group.command("schema", context_settings=CONTEXT_SETTINGS)
def deck_schema() -> None:
    """Afficher le schéma JSON des fichiers de jeu (complétion dans l'éditeur)."""
    from fiction.cards.schema import schema_text

    click.echo(schema_text(), nl=False)


def _console() -> Any:
    from rich.console import Console

    return Console()
