"""Start `fiction serve`: check the store, announce the address, serve until Ctrl+C.

Kept apart from the CLI module so that `fiction --help` imports none of it,
and from the server so that the server stays about HTTP.
"""

from __future__ import annotations

import asyncio
import dataclasses
import random
import secrets
from collections.abc import Callable

from fiction.serve import address
from fiction.serve.gate import FACILITATOR_PATH
from fiction.serve.server import ServeSettings, WorkshopServer, stop_on_signals
from fiction.store import join_codes
from fiction.store.store import Store

AUTHOR = "fiction serve"
"""The author the history records for join codes drawn when the server starts."""
FACILITATOR_CODE_LENGTH = 10
"""Longer than a join code: it opens every workshop's screens."""


def draw_facilitator_code(rng: random.Random) -> str:
    """A new facilitator's code, `XXXXX-XXXXX`; pass `random.SystemRandom()` outside tests."""
    code = "".join(rng.choice(join_codes.ALPHABET) for _ in range(FACILITATOR_CODE_LENGTH))
    return f"{code[:5]}-{code[5:]}"


def serve(settings: ServeSettings, say: Callable[[str], None]) -> None:
    """Serve until Ctrl+C; raises FictionError (in French) when the store or port is unusable."""
    if settings.needs_code and settings.facilitator_code is None:
        code = draw_facilitator_code(random.SystemRandom())
        settings = dataclasses.replace(settings, facilitator_code=code)
    with Store(settings.store_path) as store:
        asyncio.run(_serve(settings, store, say))
    say("fiction serve est arrêté : tout ce qui a été écrit est enregistré.")


async def _serve(settings: ServeSettings, store: Store, say: Callable[[str], None]) -> None:
    async def lookup(typed: str) -> str | None:
        return await asyncio.to_thread(store.workshop_for_code, typed)

    server = WorkshopServer(settings, lookup=lookup, say=say, secret=secrets.token_bytes(32))
    stop = asyncio.Event()
    stop_on_signals(stop)

    def announce(port: int) -> None:
        say(announcement(settings, port, store))
        say("Ctrl+C pour arrêter : chaque session enregistre son travail et se ferme.")

    await server.run(announce, stop)


def announcement(settings: ServeSettings, port: int, store: Store) -> str:
    """What the facilitator reads once the server listens: addresses, QR code, join codes."""
    links = address.urls(settings.host, port)
    lines = [f"fiction — l'atelier dans le navigateur (base d'ateliers : {store.path})", ""]
    lines += [f"Ouvrez dans le navigateur : {link}" for link in links]
    lines.append(
        f"  (pour les groupes ; l'animation — accueil, nouvel atelier, tableaux de bord — "
        f"ouvre {links[0].rstrip('/')}{FACILITATOR_PATH})"
    )
    if address.on_this_computer_only(settings.host):
        lines.append(
            "  (cet ordinateur seulement ; pour les tablettes et téléphones de la salle : "
            "fiction serve --host 0.0.0.0)"
        )
    else:
        lines += ["", "Pour les téléphones et tablettes, visez ce code avec l'appareil photo :"]
        lines.append(address.qr_code(links[0]).rstrip("\n"))
    if settings.needs_code:
        lines += ["", *join_code_lines(store)]
    if settings.facilitator_code:
        lines += [
            "",
            f"Code de l'animation : {settings.facilitator_code} (à garder pour vous : tapé à "
            f"la place du code d'entrée, il ouvre {FACILITATOR_PATH}, l'accueil et les tableaux "
            "de bord ; un nouveau code à chaque démarrage)",
        ]
    return "\n".join(lines)


def join_code_lines(store: Store) -> list[str]:
    """Each workshop's join code (drawn now for a workshop that has none yet)."""
    summaries = store.workshops()
    if not summaries:
        return [
            "Aucun atelier dans cette base : créez-en un (fiction app, ou fiction session new) ;",
            "son code d'entrée s'affichera avec « fiction session code NOM ».",
        ]
    rng = random.SystemRandom()
    lines = ["Chaque nouvel appareil demande le code d'entrée de son atelier :"]
    for summary in summaries:
        code = store.join_code(summary.name) or store.new_join_code(summary.name, AUTHOR, rng)
        lines.append(f"  {summary.name} : {code}")
    lines.append(
        "  (changer un code : fiction session code NOM --new ; les appareils déjà entrés "
        "restent connectés)"
    )
    return lines
