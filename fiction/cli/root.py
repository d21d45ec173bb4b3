"""The `fiction` group, its top-level `app` command and `main`, the entry point.

Every command parses, calls the domain and prints; each command group lives in
its own module of this package and is registered here. Start-up is part of the
product: these modules import only Click and the project's light modules at
the top. Rich, the deck loader and anything heavier are imported inside the
command that needs them, so `fiction --help` stays fast (see
benchmarks/bench_startup.py).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Any

import click

from fiction import __version__
from fiction.cli import french
from fiction.cli.deal import deal_command
from fiction.cli.deck import deck_group
from fiction.cli.filming import FILMING_COMMANDS
from fiction.cli.french import CONTEXT_SETTINGS, FrenchGroup
from fiction.cli.library import library_group
from fiction.cli.options import deck_option, store_option
from fiction.cli.printing import print_group
from fiction.cli.serve import serve_command
from fiction.cli.session import session_group
from fiction.errors import DeckError, FictionError


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


# The command groups of the other modules; each imports only Click at module level.
for _command in (
    deck_group,
    deal_command,
    session_group,
    serve_command,
    print_group,
    library_group,
):
    cli.add_command(_command)
# The filming-day printouts (issue 16) live in their own module, under `fiction print`.
for _command in FILMING_COMMANDS:
    print_group.add_command(_command)


def _console() -> Any:
    from rich.console import Console

    return Console()


def _show_deck_error(error: DeckError) -> None:
    click.secho(error.message, fg="red", bold=True, err=True)
    for problem in error.problems:
        click.echo(f"  {problem}", err=True)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and turn every failure into a French message."""
    french.install()
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
        click.echo(french.gettext("Aborted!"), err=True)
        code = 1
    except KeyboardInterrupt:
        click.echo("Interrompu.", err=True)
        code = 130
    except OSError as error:  # the terminal or a pipe failing under the command
        code = _output_failed(error)
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
    code = code if isinstance(code, int) else 0
    try:
        sys.stdout.flush()  # a full disk or /dev/full shows here, not at exit
    except OSError as error:
        code = code or _output_failed(error)
    sys.exit(code)


def _output_failed(error: OSError) -> int:
    """Say in French that the output could not be written; stop writing to it."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if isinstance(error, BrokenPipeError):  # `fiction … | head`: the reader has had enough
        return 0
    where = f"« {error.filename} »" if error.filename else "la sortie"
    click.secho(
        f"Erreur : Impossible d'écrire {where} ({error.strerror or error}).", fg="red", err=True
    )
    return 1
