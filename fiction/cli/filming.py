"""`fiction print subtitles|shots|captions`: what a group needs on the filming day.

Registered under `fiction print` by `fiction.cli.root`. Like the other command
modules it imports only Click (and the shared options) at the top; the domain
and the renderers are imported by the command that needs them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from fiction.cli.french import CONTEXT_SETTINGS
from fiction.cli.options import deck_option, store_option
from fiction.cli.printing import templates_option

SUBTITLE_SUFFIXES = {".srt": "srt", ".vtt": "vtt"}


def group_option(command: Any) -> Any:
    return click.option(
        "--group", "-g", "group", type=click.IntRange(1), required=True, metavar="N", help="Groupe."
    )(command)


def speed_option(command: Any) -> Any:
    return click.option(
        "--speed",
        type=click.FloatRange(0.5, 10),
        metavar="MOTS/S",
        help="Vitesse de lecture, en mots par seconde (par défaut : celle du groupe, "
        "réglée à l'étape 5 ; 3 = 180 mots/min).",
    )(command)


@click.command("subtitles", context_settings=CONTEXT_SETTINGS)
@click.argument("name", metavar="NOM")
@group_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("srt", "vtt")),
    metavar="FORMAT",
    help="srt (tous les logiciels de montage) ou vtt (navigateurs, avec qui parle). "
    "Par défaut : d'après l'extension du fichier, sinon srt.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FICHIER",
    help="Fichier à écrire (par défaut : sous-titres-groupe-N.srt ou .vtt).",
)
@store_option
@speed_option
def subtitles_command(
    name: str,
    group: int,
    output_format: str | None,
    output: Path | None,
    store_path: Path | None,
    speed: float | None,
) -> None:
    """Écrire les sous-titres du journal télévisé d'un groupe, minutés à la vitesse de lecture.

    Un sous-titre par phrase du SON (coupée si elle est longue), deux lignes de
    42 caractères au plus, une seconde au moins, 17 caractères par seconde au
    plus. Les indications entre crochets et les bandeaux ne sont pas sous-titrés.
    """
    from fiction.errors import FictionError
    from fiction.render.subtitles import subtitle_text
    from fiction.report.subtitles import TooFastError, subtitles
    from fiction.report.timing import Pace

    chosen = output_format or SUBTITLE_SUFFIXES.get(output.suffix.lower() if output else "", "srt")
    found = _load(store_path, name).group(group)
    try:
        cues = subtitles(found.segments, Pace(speed or found.reading_speed))
    except TooFastError as error:
        hint = f" (--speed {error.fitting_speed:g})" if error.fitting_speed else ""
        raise FictionError(f"{error.message}{hint}") from error
    output = output or Path(f"sous-titres-groupe-{group}.{chosen}")
    _write_text(output, subtitle_text(cues, chosen))
    count = len(cues.cues)
    click.secho(
        f"{count} sous-titre{'s' if count > 1 else ''} du groupe {group} dans {output}.",
        fg="green",
    )


@click.command("shots", context_settings=CONTEXT_SETTINGS)
@click.argument("name", metavar="NOM")
@group_option
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FICHIER",
    help="Fichier PDF à écrire (par défaut : tournage-groupe-N.pdf).",
)
@deck_option
@store_option
@speed_option
@templates_option
def shots_command(
    name: str,
    group: int,
    output: Path | None,
    deck_path: Path | None,
    store_path: Path | None,
    speed: float | None,
    templates_dir: Path | None,
) -> None:
    """Imprimer la feuille de tournage d'un groupe : ses plans regroupés par lieu.

    Pour chaque plan : sa séquence, ce qu'il montre, qui est à l'image, les
    premiers mots dits, les accessoires, sa durée, et une case à cocher.
    """
    from fiction.cli.printing import _deck_or_none, _printer, _write_document
    from fiction.render.shot_list import shot_sheet, shots_html
    from fiction.report.timing import Pace

    workshop = _load(store_path, name)
    found = workshop.group(group)
    deck = _deck_or_none(workshop, deck_path)
    sheet = shot_sheet(workshop, found, deck, Pace(speed or found.reading_speed))
    printer = _printer(templates_dir)
    output = output or Path(f"tournage-groupe-{group}.pdf")
    _write_document(printer, output, shots_html(printer.folders, sheet), "pdf")
    count = len(sheet.shots.shots)
    click.secho(
        f"Feuille de tournage du groupe {group} ({count} plan{'s' if count > 1 else ''}) "
        f"dans {output}.",
        fg="green",
    )


@click.command("captions", context_settings=CONTEXT_SETTINGS)
@click.argument("name", metavar="NOM")
@group_option
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    metavar="DOSSIER",
    help="Dossier où écrire les images PNG (créé s'il n'existe pas).",
)
@deck_option
@store_option
@templates_option
def captions_command(
    name: str,
    group: int,
    output: Path,
    deck_path: Path | None,
    store_path: Path | None,
    templates_dir: Path | None,
) -> None:
    """Créer les bandeaux d'un groupe : images PNG 1920 × 1080 à fond transparent.

    Un carton « Journal de 2050 », puis une image par ligne « Bandeau : » ou
    « Synthé : » de la colonne IMAGE, aux couleurs du jeu, à poser sur la vidéo
    dans n'importe quel logiciel de montage.
    """
    from fiction.cli.printing import _deck_or_none, _printer, _show_warnings
    from fiction.errors import FictionError
    from fiction.fileio import write_bytes_atomically
    from fiction.render.captions import caption_pictures, caption_sheet

    workshop = _load(store_path, name)
    found = workshop.group(group)
    sheet = caption_sheet(workshop, found, _deck_or_none(workshop, deck_path))
    printer = _printer(templates_dir)
    pictures = caption_pictures(printer, sheet)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FictionError(
            f"Impossible de créer le dossier « {output} » ({error.strerror or error})."
        ) from error
    for picture in pictures:
        write_bytes_atomically(output / picture.name, picture.png)
    count = len(sheet.captions)
    click.secho(
        f"Carton titre et {count} bandeau{'x' if count > 1 else ''} du groupe {group} "
        f"dans {output} (PNG 1920 × 1080, fond transparent).",
        fg="green",
    )
    _show_warnings(printer)


FILMING_COMMANDS = (subtitles_command, shots_command, captions_command)


def _load(store_path: Path | None, name: str) -> Any:
    from fiction.cli.printing import _load_workshop

    return _load_workshop(store_path, name)


def _write_text(output: Path, text: str) -> None:
    from fiction.fileio import write_atomically

    write_atomically(output, text)
