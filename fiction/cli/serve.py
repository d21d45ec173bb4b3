"""`fiction serve`: the workshop app in the browsers of the room.

Registered in `fiction.cli.root`. Like the rest of the CLI, this module
imports only Click at the top; the server (aiohttp, textual-serve) is imported
by the command when it runs.
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from fiction.cli.french import CONTEXT_SETTINGS
from fiction.cli.options import deck_option, store_option


@click.command("serve", context_settings=CONTEXT_SETTINGS)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    metavar="ADRESSE",
    help=(
        "Adresse d'écoute. 127.0.0.1 : cet ordinateur seulement. 0.0.0.0 : les tablettes, "
        "téléphones et ordinateurs de la salle, qui donnent alors le code d'entrée de l'atelier."
    ),
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    metavar="PORT",
    help="Port d'écoute (0 : un port libre, choisi par le système).",
)
@click.option(
    "--code-animation",
    "facilitator_code",
    metavar="CODE",
    callback=lambda ctx, param, value: None if value is None else _facilitator_code(value),
    help=(
        "Code qui ouvre les écrans de l'animation (/animation) depuis un autre appareil : "
        "10 à 32 lettres ou chiffres. Par défaut, un code est tiré au démarrage et affiché."
    ),
)
@store_option
@deck_option
def serve_command(
    host: str,
    port: int,
    facilitator_code: str | None,
    store_path: Path | None,
    deck_path: Path | None,
) -> None:
    """Ouvrir l'atelier dans les navigateurs : un onglet par groupe, une seule base d'ateliers.

    Affiche l'adresse à ouvrir (et un QR code pour les téléphones et tablettes).
    Hors de cet ordinateur, chaque nouvel appareil donne d'abord le code d'entrée
    de son atelier. Ctrl+C arrête le serveur : chaque session enregistre son
    travail et se ferme.
    """
    from fiction.serve.launch import serve
    from fiction.serve.server import ServeSettings
    from fiction.store.location import resolved
    from fiction.store.store import default_store_path

    if deck_path is not None:
        from fiction.cards.loader import load_deck

        load_deck(deck_path)  # a broken deck is refused here, not in every tab
        deck_path = deck_path.resolve()
    store = resolved(store_path or default_store_path())
    serve(ServeSettings(host, port, store, deck_path, facilitator_code), click.echo)


FACILITATOR_CODE = re.compile(r"[A-Z0-9]{10,32}")


def _facilitator_code(typed: str) -> str:
    """The facilitator's chosen code, as the gate compares it (upper case, no dashes):
    longer than a join code, since it opens every workshop's screens."""
    from fiction.store.join_codes import normalise

    code = normalise(typed)
    if not FACILITATOR_CODE.fullmatch(code):
        raise click.BadParameter(
            "10 à 32 lettres ou chiffres (les tirets et espaces sont ignorés).",
            param_hint="--code-animation",
        )
    return code
