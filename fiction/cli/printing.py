"""`fiction print …`: card decks, the workshop booklet and a group's script, to print.

Registered in `fiction.cli.root`. This module imports only Click at the top:
WeasyPrint, Jinja2, the deck loader and the store are imported by the command
that needs them, so `fiction --help` and the other commands start without
them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from fiction.cards.kinds import DECK_KINDS
from fiction.cli.french import CONTEXT_SETTINGS, FrenchGroup
from fiction.cli.options import deck_option, store_option

SIZE_CHOICES = ("poker", "bridge", "tarot", "a6")
PAPER_CHOICES = ("a4", "letter")
BACK_CHOICES = ("long", "short", "none")
DOCUMENT_FORMATS = ("pdf", "html", "md")
_SUFFIX_FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "md"}


@click.group("print", cls=FrenchGroup, context_settings=CONTEXT_SETTINGS)
def print_group() -> None:
    """Imprimer les cartes, le livret de l'atelier ou le journal télévisé d'un groupe,
    et ce qu'il faut pour le tourner : sous-titres, feuille de tournage, bandeaux.

    Les PDF sont prêts à imprimer : polices incluses, tailles exactes, texte
    jamais coupé. --templates DOSSIER remplace n'importe quel modèle par celui
    du même nom dans DOSSIER.
    """


def templates_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--templates",
        "templates_dir",
        metavar="DOSSIER",
        type=click.Path(path_type=Path, file_okay=False),
        help="Dossier de modèles personnels : chaque fichier y remplace le modèle du même nom.",
    )(command)


def speed_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--speed",
        type=click.FloatRange(0.5, 10),
        metavar="MOTS/S",
        help="Vitesse de lecture du journal télévisé, en mots par seconde (3 = 180 mots/min ; "
        "par défaut : celle de chaque groupe).",
    )(command)


@print_group.command("cards", context_settings=CONTEXT_SETTINGS)
@deck_option
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FICHIER",
    help="Fichier PDF à écrire (par défaut : cartes.pdf).",
)
@click.option(
    "--size",
    type=click.Choice(SIZE_CHOICES),
    default="poker",
    show_default=True,
    metavar="FORMAT",
    help="Format des cartes : poker (63 × 88 mm), bridge (57 × 89), tarot (70 × 120), a6.",
)
@click.option(
    "--paper",
    type=click.Choice(PAPER_CHOICES),
    default="a4",
    show_default=True,
    metavar="PAPIER",
    help="Papier des planches : a4 ou letter.",
)
@click.option(
    "--backs",
    type=click.Choice(BACK_CHOICES),
    default="long",
    show_default=True,
    metavar="VERSOS",
    help="Versos : long (recto verso bord long), short (bord court) ou none (sans versos).",
)
@click.option(
    "--back-offset",
    type=(float, float),
    default=(0.0, 0.0),
    callback=lambda ctx, param, value: _small_offset(value),
    metavar="DX DY",
    help="Décaler les versos de DX mm vers la droite et DY mm vers le bas (entre -5 et 5), "
    "pour une imprimante qui décale le verso (comparez les traits de coupe par transparence).",
)
@click.option(
    "--print-shop",
    is_flag=True,
    help="Pour un imprimeur : une carte par page, fond perdu et traits de coupe (TrimBox).",
)
@click.option(
    "--kind",
    type=click.Choice(DECK_KINDS),
    metavar="TYPE",
    help=f"N'imprimer qu'un type de cartes : {', '.join(DECK_KINDS)}.",
)
@click.option(
    "--session",
    "session_name",
    metavar="NOM",
    help="N'imprimer que les cartes distribuées aux groupes de cet atelier, groupe par groupe.",
)
@store_option
@click.option(
    "--png",
    "png_dir",
    metavar="DOSSIER",
    type=click.Path(path_type=Path, file_okay=False),
    help="Écrire une image PNG par carte dans DOSSIER (au lieu du PDF, sauf si -o est donné).",
)
@click.option(
    "--bleed",
    "png_bleed",
    type=click.FloatRange(0, 10),
    default=0.0,
    show_default=True,
    metavar="MM",
    help="Fond perdu des images PNG, en millimètres (3 pour un imprimeur en ligne).",
)
@click.option(
    "--dpi",
    type=click.IntRange(50, 600),
    default=200,
    show_default=True,
    metavar="N",
    help="Résolution des images PNG, en points par pouce.",
)
@templates_option
def print_cards(
    deck_path: Path | None,
    output: Path | None,
    size: str,
    paper: str,
    backs: str,
    back_offset: tuple[float, float],
    print_shop: bool,
    kind: str | None,
    session_name: str | None,
    store_path: Path | None,
    png_dir: Path | None,
    png_bleed: float,
    dpi: int,
    templates_dir: Path | None,
) -> None:
    """Imprimer un jeu de cartes : planches recto verso à découper, ou PDF pour imprimeur."""
    from fiction.errors import FictionError
    from fiction.fileio import write_bytes_atomically
    from fiction.render.cards import CardOptions, cards_pdf, cards_png

    options = CardOptions(size, paper, backs, back_offset, print_shop)
    tags: list[str] = []
    if session_name is not None:
        workshop = _load_workshop(store_path, session_name)
        deck = _deck_for(workshop, deck_path)
        from fiction.render.printouts import session_faces

        faces, tags = session_faces(deck, workshop, kind)
    else:
        from fiction.cards.locate import chosen_deck

        deck = chosen_deck(deck_path)
        faces = _deck_faces(deck, kind)
    printer = _printer(templates_dir)
    if png_dir is not None:
        try:  # before drawing: a folder that cannot be made is said at once
            png_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise FictionError(
                f"Impossible de créer le dossier « {png_dir} » ({error.strerror or error})."
            ) from error
        pictures = cards_png(
            printer, deck, faces, options.card_size, dpi, tags=tags, bleed=png_bleed
        )
        for index, picture in enumerate(pictures, start=1):
            name = f"{index:03d}-{picture.face.key}"
            write_bytes_atomically(png_dir / f"{name}.png", picture.front)
            write_bytes_atomically(png_dir / f"{name}-verso.png", picture.back)
        click.secho(
            f"{_cards(len(pictures))} en PNG dans {png_dir} (recto, et verso en -verso.png).",
            fg="green",
        )
    if png_dir is None or output is not None:
        output = output or Path("cartes.pdf")
        write_bytes_atomically(output, cards_pdf(printer, deck, faces, options, tags))
        layout = "une carte par page (imprimeur)" if print_shop else f"planches {paper.upper()}"
        click.secho(f"{_cards(len(faces))} ({size}, {layout}) dans {output}.", fg="green")
        if not print_shop:
            click.echo("Imprimez à 100 % (taille réelle), sans « ajuster à la page ».")
    _show_warnings(printer)


@print_group.command("booklet", context_settings=CONTEXT_SETTINGS)
@click.argument("name", metavar="NOM")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FICHIER",
    help="Fichier à écrire (par défaut : livret.pdf, livret.html ou livret.md).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(DOCUMENT_FORMATS),
    metavar="FORMAT",
    help="pdf (à imprimer), html ou md. Par défaut : d'après l'extension du fichier, sinon pdf.",
)
@deck_option
@store_option
@speed_option
@templates_option
def print_booklet(
    name: str,
    output: Path | None,
    output_format: str | None,
    deck_path: Path | None,
    store_path: Path | None,
    speed: float | None,
    templates_dir: Path | None,
) -> None:
    """Imprimer le livret de l'atelier : sommaire, ordre du jour, un chapitre par groupe."""
    from fiction.render.printouts import booklet_file
    from fiction.report.timing import Pace

    chosen = _format(output_format, output)
    workshop = _load_workshop(store_path, name)
    deck = _deck_or_none(workshop, deck_path)
    output = output or Path(f"livret.{chosen}")
    printer = _printer(templates_dir)
    booklet_file(printer, workshop, deck, output, chosen, Pace(speed) if speed else None)
    _show_warnings(printer)
    click.secho(f"Livret de l'atelier « {name} » dans {output}.", fg="green")


@print_group.command("script", context_settings=CONTEXT_SETTINGS)
@click.argument("name", metavar="NOM")
@click.option(
    "--group", "-g", "group", type=click.IntRange(1), required=True, metavar="N", help="Groupe."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FICHIER",
    help="Fichier à écrire (par défaut : journal-groupe-N.pdf, .html ou .md).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(DOCUMENT_FORMATS),
    metavar="FORMAT",
    help="pdf, html ou md. Par défaut : d'après l'extension du fichier, sinon pdf.",
)
@deck_option
@store_option
@speed_option
@templates_option
def print_script(
    name: str,
    group: int,
    output: Path | None,
    output_format: str | None,
    deck_path: Path | None,
    store_path: Path | None,
    speed: float | None,
    templates_dir: Path | None,
) -> None:
    """Imprimer le journal télévisé d'un groupe : tableau IMAGE | SON minuté."""
    from fiction.render.printouts import script_file
    from fiction.report.timing import Pace

    chosen = _format(output_format, output)
    workshop = _load_workshop(store_path, name)
    deck = _deck_or_none(workshop, deck_path)
    output = output or Path(f"journal-groupe-{group}.{chosen}")
    printer = _printer(templates_dir)
    script_file(printer, workshop, deck, group, output, chosen, Pace(speed) if speed else None)
    _show_warnings(printer)
    click.secho(f"Journal télévisé du groupe {group} dans {output}.", fg="green")


@print_group.command("manuel", context_settings=CONTEXT_SETTINGS)
@click.argument("names", nargs=-1, required=True, metavar="ATELIER...")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FICHIER",
    help="Fichier à écrire (par défaut : manuel.pdf, ou manuel.html).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("pdf", "html")),
    metavar="FORMAT",
    help="pdf (à imprimer) ou html. Par défaut : d'après l'extension du fichier, sinon pdf.",
)
@deck_option
@store_option
@templates_option
def print_manual(
    names: tuple[str, ...],
    output: Path | None,
    output_format: str | None,
    deck_path: Path | None,
    store_path: Path | None,
    templates_dir: Path | None,
) -> None:
    """Imprimer un manuel d'inspiration à partir de plusieurs ateliers : carte des figures et
    des thèmes, une page par scénario, index des métiers inventés, points de vigilance par
    figure. Les groupes n'y figurent que par leur pseudonyme."""
    from fiction.render.manual import manual_file

    chosen = output_format or ("html" if _format(None, output) == "html" else "pdf")
    workshops = _load_workshops(store_path, tuple(dict.fromkeys(names)))
    decks = {workshop.deck.id: _deck_or_none(workshop, deck_path) for workshop in workshops}
    output = output or Path(f"manuel.{chosen}")
    printer = _printer(templates_dir)
    manual_file(printer, workshops, decks, output, chosen)
    _show_warnings(printer)
    count = len(workshops)
    click.secho(
        f"Manuel d'inspiration de {count} atelier{'s' if count > 1 else ''} dans {output}.",
        fg="green",
    )


def _load_workshops(store_path: Path | None, names: tuple[str, ...]) -> list[Any]:
    """The named workshops, in order; every unknown name said at once, in French."""
    from fiction.errors import FictionError
    from fiction.store.store import Store

    with Store.for_reading(store_path) as store:
        known = [summary.name for summary in store.workshops()]
        unknown = [name for name in names if name not in known]
        if unknown:
            listed = ", ".join(f"« {name} »" for name in unknown)
            there = (
                "Ateliers de la base : " + ", ".join(f"« {name} »" for name in known) + "."
                if known
                else "La base n'a aucun atelier."
            )
            raise FictionError(
                f"{'Ateliers inconnus' if len(unknown) > 1 else 'Atelier inconnu'} dans "
                f"{store.path} : {listed}. {there}"
            )
        return [store.load(name) for name in names]


def _format(chosen: str | None, output: Path | None) -> str:
    if chosen is not None:
        return chosen
    return _SUFFIX_FORMATS.get(output.suffix.lower() if output else "", "pdf")


def _printer(templates_dir: Path | None) -> Any:
    from fiction.render.pdf import Printer
    from fiction.render.templating import TemplateFolders

    return Printer(TemplateFolders.chosen(templates_dir))


def _write_document(printer: Any, output: Path, html: str, chosen: str) -> None:
    from fiction.render.printouts import document_file

    document_file(printer, output, html, chosen)
    _show_warnings(printer)


def _show_warnings(printer: Any) -> None:
    for message in dict.fromkeys(printer.warnings):
        click.secho(f"Avertissement (mise en page) : {message}", fg="yellow", err=True)


def _load_workshop(store_path: Path | None, name: str) -> Any:
    from fiction.store.store import Store

    with Store.for_reading(store_path) as store:
        return store.load(name)


def _deck_for(workshop: Any, path: Path | None) -> Any:
    """The deck the workshop was dealt from (raises `MissingDeckError` if not at hand)."""
    from fiction.cards.locate import workshop_deck

    return workshop_deck(workshop.name, workshop.deck.id, path)


def _deck_or_none(workshop: Any, path: Path | None) -> Any:
    """The workshop's deck, or None: documents then name cards by their ids."""
    from fiction.cards.locate import MissingDeckError

    try:
        return _deck_for(workshop, path)
    except MissingDeckError:
        return None


def _deck_faces(deck: Any, kind: str | None) -> list[Any]:
    from fiction.render.faces import deck_faces

    return deck_faces(deck, (kind,) if kind else DECK_KINDS)


def _cards(count: int) -> str:
    return f"{count} carte{'s' if count > 1 else ''}"


def _small_offset(value: tuple[float, float]) -> tuple[float, float]:
    """The back offset, refused past the unprinted band (the same limit as the app's)."""
    import math

    from fiction.render.sheet import MAX_BACK_OFFSET

    if not all(math.isfinite(mm) and abs(mm) <= MAX_BACK_OFFSET for mm in value):
        raise click.UsageError(
            f"--back-offset doit rester entre -{MAX_BACK_OFFSET:g} et {MAX_BACK_OFFSET:g} mm "
            "dans chaque sens : deux nombres de millimètres (par exemple 0.5 -1)."
        )
    return value
