"""The `fiction` command: parses, calls the domain, prints.

Start-up is part of the product: this module imports only Click and the
project's light modules at the top. Rich, the deck loader and anything heavier
are imported inside the command that needs them, so `fiction --help` stays
fast (see benchmarks/bench_startup.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from fiction import __version__, cli_french
from fiction.cli_french import CONTEXT_SETTINGS, FrenchGroup
from fiction.cli_options import deck_option, store_option
from fiction.errors import DeckError, FictionError

KIND_CHOICES = ("themes", "figures", "roles", "vigilance", "contexts", "inspirations")


def deck_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """`[JEU]` or `--deck DOSSIER`: the deck a command works on (default: built-in)."""
    command = deck_option(command)
    return click.argument(
        "deck_argument", metavar="[JEU]", required=False, type=click.Path(path_type=Path)
    )(command)


def chosen_deck_path(deck_argument: Path | None, deck_path: Path | None) -> Path:
    if deck_argument and deck_path and deck_argument != deck_path:
        raise click.UsageError("Indiquez le jeu une seule fois : JEU ou --deck, pas les deux.")
    chosen = deck_argument or deck_path
    if chosen is not None:
        return chosen
    from fiction.resources import builtin_deck_path

    return builtin_deck_path()


def load_chosen_deck(deck_argument: Path | None, deck_path: Path | None) -> Any:
    from fiction.cards.loader import load_deck

    return load_deck(chosen_deck_path(deck_argument, deck_path))


@click.group(
    cls=FrenchGroup,
    invoke_without_command=True,
    context_settings=CONTEXT_SETTINGS,
    help=(
        "fiction — ateliers de design fiction pour imaginer le CCAS de 2050.\n\n"
        "Sans commande, ouvre l'application d'atelier (dans un terminal) ; ailleurs, "
        "présente le jeu de cartes intégré et les commandes disponibles."
    ),
)
@click.version_option(
    __version__, "-V", "--version", prog_name="fiction", help="Afficher la version et quitter."
)
@click.pass_context
def cli(ctx: click.Context) -> None:
    if ctx.invoked_subcommand is not None:
        return
    if sys.stdin.isatty() and sys.stdout.isatty():
        ctx.invoke(app_command)
        return
    # No terminal to draw the app in (a pipe, a script): say what there is instead.
    from fiction.cards.loader import load_deck
    from fiction.render.deck_tables import deck_summary
    from fiction.resources import builtin_deck_path

    console = _console()
    console.print(deck_summary(load_deck(builtin_deck_path())))
    console.print()
    click.echo(ctx.get_help())
    click.echo(
        "\nL'application d'atelier s'ouvre dans un terminal : « fiction » ou « fiction app »."
    )


@cli.command("app", context_settings=CONTEXT_SETTINGS)
@store_option
@deck_option
def app_command(store_path: Path | None = None, deck_path: Path | None = None) -> None:
    """Ouvrir l'application d'atelier : animation, groupes, tableau de bord."""
    from fiction.tui.app import FictionApp

    FictionApp(store_path=store_path, deck_path=deck_path).run()


@cli.group(cls=FrenchGroup, context_settings=CONTEXT_SETTINGS)
def deck() -> None:
    """Vérifier, afficher, exporter ou créer un jeu de cartes."""


@deck.command("check", context_settings=CONTEXT_SETTINGS)
@deck_options
def deck_check(deck_argument: Path | None, deck_path: Path | None) -> None:
    """Vérifier un jeu de cartes : liste tous ses problèmes (code de sortie 1 s'il y en a)."""
    path = chosen_deck_path(deck_argument, deck_path)
    from fiction.cards.loader import load_deck
    from fiction.cards.model import count_cards

    loaded = load_deck(path)
    counts = ", ".join(count_cards(kind, len(loaded.cards(kind))) for kind in KIND_CHOICES)
    click.secho(f"Jeu valide : {loaded.manifest.title} ({path})", fg="green")
    click.echo(f"Cartes : {counts}.")


@deck.command("show", context_settings=CONTEXT_SETTINGS)
@deck_options
@click.option(
    "--kind",
    type=click.Choice(KIND_CHOICES),
    metavar="TYPE",
    help=f"N'afficher qu'un type de cartes : {', '.join(KIND_CHOICES)}.",
)
def deck_show(deck_argument: Path | None, deck_path: Path | None, kind: str | None) -> None:
    """Afficher un jeu de cartes sous forme de tableaux lisibles."""
    from fiction.render.deck_tables import deck_summary, kind_table

    loaded = load_chosen_deck(deck_argument, deck_path)
    console = _console()
    if kind is None:
        console.print(deck_summary(loaded))
    for shown in (kind,) if kind else KIND_CHOICES:
        console.print(kind_table(loaded, shown))


@deck.command("export", context_settings=CONTEXT_SETTINGS)
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


@deck.command("new", context_settings=CONTEXT_SETTINGS)
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


@deck.command("schema", context_settings=CONTEXT_SETTINGS)
def deck_schema() -> None:
    """Afficher le schéma JSON des fichiers de jeu (complétion dans l'éditeur)."""
    from fiction.cards.schema import schema_text

    click.echo(schema_text(), nl=False)


def _register_commands() -> None:
    """Commands of other modules; each imports only Click at module level."""
    from fiction.cli_deal import deal_command
    from fiction.cli_print import print_group
    from fiction.cli_serve import serve_command
    from fiction.cli_session import session_group

    cli.add_command(deal_command)
    cli.add_command(session_group)
    cli.add_command(serve_command)
    cli.add_command(print_group)


_register_commands()


def _console() -> Any:
    from rich.console import Console

    return Console()


def _show_deck_error(error: DeckError) -> None:
    click.secho(error.message, fg="red", bold=True, err=True)
    for problem in error.problems:
        click.echo(f"  {problem}", err=True)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and turn every failure into a French message."""
    cli_french.install()
    try:
        code = cli.main(args=argv, prog_name="fiction", standalone_mode=False)
    except DeckError as error:
        _show_deck_error(error)
        code = 1
    except FictionError as error:
        click.secho(f"Erreur : {error}", fg="red", err=True)
        code = 1
    except click.ClickException as error:
        error.show()
        code = error.exit_code
    except click.Abort:
        click.echo(cli_french.gettext("Aborted!"), err=True)
        code = 1
    except KeyboardInterrupt:
        click.echo("Interrompu.", err=True)
        code = 130
    except Exception as error:  # the last guard: no user ever sees a traceback
        if os.environ.get("FICTION_DEBUG"):
            raise
        click.secho(
            f"Erreur inattendue ({type(error).__name__} : {error}). "
            "Relancez avec FICTION_DEBUG=1 pour les détails techniques.",
            fg="red",
            err=True,
        )
        code = 70
    sys.exit(code if isinstance(code, int) else 0)
