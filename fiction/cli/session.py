"""`fiction session …`: create, list, show, export, import, copy and delete workshops.

Registered in `fiction.cli.root`. Like the rest of the CLI, this module
imports only Click at the top; the store, the deck loader, the engine and Rich
are imported by the command that needs them.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import click

from fiction.cli.french import CONTEXT_SETTINGS, FrenchGroup
from fiction.cli.options import deck_option, store_option

EXPORT_FORMATS = ("json", "yaml", "md")
AGENDA_FORMATS = ("apres-midi", "journee", "deux-jours")
"""The keys of `fiction.store.agendas.AGENDA_FORMATS` (not imported here: Click only)."""
_SUFFIX_FORMATS = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".md": "md"}
AUTHOR = "fiction session"
"""The author recorded in the history for edits made from the command line."""


@click.group(
    "session",
    cls=FrenchGroup,
    context_settings=CONTEXT_SETTINGS,
)
def session_group() -> None:
    """Créer, lister, afficher, exporter, importer, copier ou supprimer des ateliers.

    Les ateliers sont enregistrés dans une base de données, dans votre dossier
    de données ; --store FICHIER ou la variable FICTION_STORE en
    choisissent une autre.
    """


@session_group.command("new", context_settings=CONTEXT_SETTINGS)
@click.argument("name", metavar="NOM")
@click.option(
    "--groups",
    "-g",
    type=click.IntRange(1, 32),
    required=True,
    metavar="N",
    help="Nombre de groupes (1 à 32).",
)
@click.option(
    "--seed",
    type=click.IntRange(0),
    metavar="GRAINE",
    help="Graine du tirage, pour le refaire à l'identique (par défaut : au hasard).",
)
@click.option(
    "--rounds",
    type=click.IntRange(1, 16),
    default=1,
    show_default=True,
    metavar="N",
    help="Nombre de tours de cartes.",
)
@deck_option
@click.option(
    "--date",
    "date_text",
    metavar="AAAA-MM-JJ",
    help="Date de l'atelier (par défaut : aujourd'hui).",
)
@click.option("--place", default="", metavar="LIEU", help="Lieu de l'atelier.")
@click.option(
    "--format",
    "agenda_format",
    type=click.Choice(AGENDA_FORMATS),
    default=AGENDA_FORMATS[0],
    show_default=True,
    help="Ordre du jour : l'après-midi de 2 h 45, une journée, ou les deux jours des "
    "ateliers d'origine (explorer et imaginer, puis tourner le journal télévisé).",
)
@store_option
def session_new(
    name: str,
    groups: int,
    seed: int | None,
    rounds: int,
    deck_path: Path | None,
    date_text: str | None,
    place: str,
    agenda_format: str,
    store_path: Path | None,
) -> None:
    """Créer un atelier et distribuer les cartes à ses groupes."""
    import time

    from fiction.cards.locate import chosen_deck
    from fiction.engine import DealRequest, deal
    from fiction.store.agendas import AGENDA_FORMATS as FORMATS
    from fiction.store.creation import new_workshop

    deck = chosen_deck(deck_path)
    dealt = deal(deck, DealRequest(groups=groups, rounds=rounds, seed=seed))
    date_text = datetime.date.today().isoformat() if date_text is None else date_text
    agenda = FORMATS[agenda_format].phases
    workshop = new_workshop(
        name, deck, dealt, now=time.time(), date=date_text, place=place, agenda=agenda
    )
    with _open_store(store_path) as store:
        store.add(workshop)
    click.secho(f"Atelier « {name} » créé : {_groups(groups)}.", fg="green")
    click.echo(f"Code du tirage : {dealt.code} (graine {dealt.seed}).")
    for group in workshop.groups:
        hand = group.hand(1)
        cards = " ; ".join(deck.card(card).title for card in (*hand.themes, *hand.figures))
        click.echo(f"  Groupe {group.number} — {group.pseudonym} : {cards}")


@session_group.command("list", context_settings=CONTEXT_SETTINGS)
@store_option
def session_list(store_path: Path | None) -> None:
    """Lister les ateliers enregistrés."""
    with _open_store(store_path, reading=True) as store:
        summaries = store.workshops()
        where = store.path
    if not summaries:
        click.echo(f"Aucun atelier dans {where}.")
        click.echo("Créez-en un : fiction session new NOM --groups 4")
        return
    from rich.table import Table
    from rich.text import Text

    from fiction.render.markdown import french_date

    table = Table(title=Text(f"Ateliers ({where})"))
    for heading in ("Nom", "Date", "Lieu", "Groupes", "Dernière modification"):
        table.add_column(heading)
    for summary in summaries:
        table.add_row(
            Text(summary.name),
            french_date(summary.date),
            Text(summary.place),
            str(summary.groups),
            _moment(summary.updated_at),
        )
    _console().print(table)


@session_group.command("show", context_settings=CONTEXT_SETTINGS)
@click.argument("name", metavar="NOM")
@deck_option
@store_option
def session_show(name: str, deck_path: Path | None, store_path: Path | None) -> None:
    """Afficher un atelier : ses groupes, leurs cartes et leur avancement."""
    from rich.table import Table
    from rich.text import Text

    from fiction.render.markdown import french_date

    with _open_store(store_path, reading=True) as store:
        workshop = store.load(name)
    deck = _deck_for(workshop, deck_path)
    console = _console()
    console.print(Text(f"Atelier « {workshop.name} »", style="bold"), highlight=False)
    facts = [
        ("Date", french_date(workshop.date)),
        ("Lieu", workshop.place),
        ("Jeu", f"{workshop.deck.id} {workshop.deck.version}"),
        ("Code du tirage", workshop.deal.code),
    ]
    for label, value in facts:
        if value:
            console.print(f"{label} : {value}", highlight=False, markup=False)
    table = Table(title="Groupes")
    for heading in ("N°", "Pseudonyme", "Figure", "Thème", "Étape", "Rédigé", "Modifié"):
        table.add_column(heading)
    for group in workshop.groups:
        hand = group.hands[-1]
        done, total = group.progress()
        table.add_row(
            str(group.number),
            Text(group.pseudonym),
            Text(" ; ".join(_title(deck, card) for card in hand.figures)),
            Text(" ; ".join(_title(deck, card) for card in hand.themes)),
            str(group.step),
            f"{done}/{total}",
            _moment(group.updated_at) if group.updated_at else "—",
        )
    console.print(table)
    agenda = Table(title="Ordre du jour")
    days = any(phase.day != 1 for phase in workshop.agenda)
    if days:
        agenda.add_column("Jour")
    agenda.add_column("Phase")
    agenda.add_column("Durée")
    for index, phase in enumerate(workshop.agenda):
        current = " (en cours)" if index == workshop.phase.index else ""
        cells = (Text(phase.title + current), f"{phase.minutes} min")
        agenda.add_row(*((str(phase.day),) if days else ()), *cells)
    console.print(agenda)


@session_group.command("export", context_settings=CONTEXT_SETTINGS)
@click.argument("name", metavar="NOM")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(EXPORT_FORMATS),
    metavar="FORMAT",
    help="json, yaml (complets, réimportables) ou md (lisible). "
    "Par défaut : d'après l'extension du fichier, sinon json.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FICHIER",
    help="Écrire dans ce fichier plutôt qu'à l'écran.",
)
@deck_option
@store_option
def session_export(
    name: str,
    output_format: str | None,
    output: Path | None,
    deck_path: Path | None,
    store_path: Path | None,
) -> None:
    """Exporter un atelier en JSON, YAML ou Markdown."""
    from fiction.fileio import write_atomically
    from fiction.store import exchange

    chosen = output_format or _SUFFIX_FORMATS.get(output.suffix.lower() if output else "", "json")
    with _open_store(store_path, reading=True) as store:
        workshop, history = store.snapshot(name)
    if chosen == "md":
        from fiction.render.markdown import workshop_markdown

        text = workshop_markdown(workshop, _deck_for(workshop, deck_path))
    elif chosen == "yaml":
        text = exchange.to_yaml(workshop, history)
    else:
        text = exchange.to_json(workshop, history)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text)
        click.secho(f"Atelier « {name} » exporté dans {output}.", fg="green", err=True)


@session_group.command("import", context_settings=CONTEXT_SETTINGS)
@click.argument("file", metavar="FICHIER", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--rename",
    metavar="NOM",
    help="Importer l'atelier sous ce nom (quand son nom est déjà pris).",
)
@store_option
def session_import(file: Path, rename: str | None, store_path: Path | None) -> None:
    """Importer un atelier exporté en JSON ou en YAML."""
    import dataclasses

    from fiction.errors import FictionError
    from fiction.store.exchange import read_export

    workshop, history = read_export(file)
    if rename is not None:
        workshop = dataclasses.replace(workshop, name=rename)
    with _open_store(store_path) as store:
        if store.exists(workshop.name):
            raise FictionError(
                f"Un atelier nommé « {workshop.name} » existe déjà. Importez-le sous un autre "
                f'nom : fiction session import {file} --rename "NOUVEAU NOM"'
            )
        store.add(workshop, history)
    click.secho(
        f"Atelier « {workshop.name} » importé ({_groups(len(workshop.groups))}).", fg="green"
    )


@session_group.command("copy", context_settings=CONTEXT_SETTINGS)
@click.argument("source", metavar="SOURCE")
@click.argument("destination", metavar="DESTINATION")
@click.option(
    "--replace",
    is_flag=True,
    help="Remplacer les ateliers du même nom déjà présents dans DESTINATION.",
)
def session_copy(source: str, destination: str, replace: bool) -> None:
    """Copier tous les ateliers d'une base dans une autre, avec tout leur historique.

    SOURCE et DESTINATION sont des fichiers de base d'ateliers ou des adresses
    PostgreSQL (postgresql://…). Rien n'est copié si un atelier du même nom est
    déjà dans DESTINATION, sauf avec --replace. La base SOURCE n'est pas modifiée.
    """
    from fiction.errors import FictionError
    from fiction.store.location import ServerURL, resolved, store_location
    from fiction.store.store import Store

    origin_at, target_at = store_location(source), store_location(destination)
    if resolved(origin_at) == resolved(target_at):
        raise FictionError("SOURCE et DESTINATION sont la même base : rien à copier.")
    if not isinstance(origin_at, ServerURL) and not origin_at.exists():
        raise FictionError(f"La base d'ateliers « {origin_at} » n'existe pas.")
    # Named as the store names itself: a server's URL without its password.
    source, destination = str(origin_at), str(target_at)
    with Store.for_reading(origin_at) as origin:
        names = [summary.name for summary in origin.workshops()]
        if not names:
            click.echo(f"Aucun atelier dans {source} : rien à copier.")
            return
        with Store(target_at) as target:
            taken = [name for name in names if target.exists(name)]
            if taken and not replace:
                listed = ", ".join(f"« {name} »" for name in taken)
                raise FictionError(
                    f"{_workshops_said(len(taken), 'existe', 'existent')} déjà dans "
                    f"{destination} : {listed}. Rien n'a été copié. Ajoutez --replace pour "
                    "les remplacer, ou supprimez-les d'abord (fiction session rm NOM)."
                )
            for name in names:
                workshop, history = origin.snapshot(name)
                if name in taken:
                    target.delete(name)
                target.add(workshop, history)
                replaced = " (remplacé)" if name in taken else ""
                edits = len(history)
                click.echo(
                    f"  « {name} » : {_groups(len(workshop.groups))}, "
                    f"{edits} modification{'s' if edits > 1 else ''}{replaced}"
                )
    click.secho(
        f"{_workshops_said(len(names), 'copié', 'copiés')} de {source} vers {destination}.",
        fg="green",
    )


def _workshops_said(count: int, one: str, many: str) -> str:
    """« 1 atelier copié », « 3 ateliers copiés »."""
    return f"{count} atelier {one}" if count == 1 else f"{count} ateliers {many}"


@session_group.command("code", context_settings=CONTEXT_SETTINGS)
@click.argument("name", metavar="NOM")
@click.argument("chosen", metavar="[CODE]", required=False)
@click.option("--new", "draw_new", is_flag=True, help="Tirer un nouveau code au hasard.")
@store_option
def session_code(name: str, chosen: str | None, draw_new: bool, store_path: Path | None) -> None:
    """Afficher ou changer le code d'entrée d'un atelier (pour fiction serve).

    Sans CODE ni --new, affiche le code (et en tire un si l'atelier n'en a pas
    encore). Les appareils déjà entrés restent connectés quand le code change.
    """
    import random

    if chosen is not None and draw_new:
        raise click.UsageError("Donnez un CODE ou --new, pas les deux.")
    with _open_store(store_path) as store:
        current = store.join_code(name)
        if chosen is not None:
            store.set_join_code(name, chosen, AUTHOR)
            code = store.join_code(name)
        elif draw_new or not current:
            code = store.new_join_code(name, AUTHOR, random.SystemRandom())
        else:
            code = current
    if code == current:
        click.echo(f"Code d'entrée de l'atelier « {name} » : {code}")
    else:
        click.secho(f"Nouveau code d'entrée de l'atelier « {name} » : {code}", fg="green")
        if current:
            click.echo("Les appareils déjà entrés restent connectés ; l'ancien code ne sert plus.")


@session_group.command("rm", context_settings=CONTEXT_SETTINGS)
@click.argument("name", metavar="NOM")
@click.option("--yes", "-y", is_flag=True, help="Supprimer sans demander confirmation.")
@store_option
@click.pass_context
def session_rm(ctx: click.Context, name: str, yes: bool, store_path: Path | None) -> None:
    """Supprimer un atelier et tout ce que ses groupes ont écrit (demande confirmation)."""
    with _open_store(store_path) as store:
        groups = _groups(len(store.load(name).groups))
        question = (
            f"Supprimer l'atelier « {name} » ({groups}) et tout ce qui y a été écrit ? "
            "C'est définitif."
        )
        if not yes and not _confirm(question):
            click.echo("Rien n'a été supprimé.", err=True)
            ctx.exit(1)
        store.delete(name)
    click.secho(f"Atelier « {name} » supprimé.", fg="green")


def _groups(count: int) -> str:
    return f"{count} groupe{'s' if count > 1 else ''}"


def _confirm(question: str) -> bool:
    """Ask in French, accepting « o » / « oui » (Click's confirm only knows y/n)."""
    answer = click.prompt(f"{question} [o/N]", default="", show_default=False, err=True)
    return answer.strip().lower() in ("o", "oui", "y", "yes")


def _open_store(path: Path | None, *, reading: bool = False) -> Any:
    """The store; `reading` commands also accept one they may only read."""
    from fiction.store.store import Store

    return Store.for_reading(path) if reading else Store(path)


def _deck_for(workshop: Any, path: Path | None) -> Any:
    """The deck to name cards with, or None when the workshop's is not at hand (ids then)."""
    from fiction.cards.locate import MissingDeckError, workshop_deck

    try:
        return workshop_deck(workshop.name, workshop.deck.id, path)
    except MissingDeckError:
        return None


def _title(deck: Any, card: str) -> str:
    if deck is None:
        return card
    try:
        return deck.card(card).title
    except KeyError:
        return card


def _moment(timestamp: float) -> str:
    return datetime.datetime.fromtimestamp(timestamp).strftime("%d/%m/%Y %H:%M")


def _console() -> Any:
    from rich.console import Console

    return Console()
