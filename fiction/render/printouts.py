"""A workshop's printouts written to files: its booklet, a group's script, its dealt cards.

Shared by `fiction print` and the app's dashboard, so both write the same
files the same way: whole or not at all (`write_bytes_atomically`). Each
function returns the layout warnings WeasyPrint gave, for the caller to show
as it shows things. Imports WeasyPrint (through `pdf`): callers import this
module when they print, not before.
"""

from __future__ import annotations

from pathlib import Path

from fiction.cards.kinds import CARD_KINDS, UNDEALT_KINDS
from fiction.cards.model import Deck
from fiction.errors import FictionError
from fiction.fileio import write_atomically, write_bytes_atomically
from fiction.render.booklet import booklet
from fiction.render.cards import CardOptions, cards_pdf
from fiction.render.documents import booklet_html, chapter_of, script_html
from fiction.render.faces import Face, card_face
from fiction.render.markdown import workshop_markdown
from fiction.render.pdf import Printer
from fiction.render.script_markdown import script_markdown
from fiction.report.timing import Pace
from fiction.slug import slugify
from fiction.store.model import Workshop


def booklet_file(
    printer: Printer,
    workshop: Workshop,
    deck: Deck | None,
    output: Path,
    chosen: str = "pdf",
    pace: Pace | None = None,
) -> list[str]:
    """Write the workshop's booklet as `chosen` (pdf, html or md) to `output`."""
    if chosen == "md":
        write_atomically(output, workshop_markdown(workshop, deck))
        return []
    html = booklet_html(printer.folders, booklet(workshop, deck, pace))
    return document_file(printer, output, html, chosen)


def script_file(
    printer: Printer,
    workshop: Workshop,
    deck: Deck | None,
    group: int,
    output: Path,
    chosen: str = "pdf",
    pace: Pace | None = None,
) -> list[str]:
    """Write group `group`'s news-report script as `chosen` (pdf, html or md) to `output`."""
    values = booklet(workshop, deck, pace)
    if chosen == "md":
        write_atomically(output, script_markdown(values, chapter_of(values, group)))
        return []
    return document_file(printer, output, script_html(printer.folders, values, group), chosen)


def session_cards_file(
    printer: Printer,
    workshop: Workshop,
    deck: Deck,
    output: Path,
    options: CardOptions | None = None,
) -> int:
    """Write every card dealt in the workshop, group by group, to `output` (PDF sheets, by
    default poker-size on A4, backs on the long edge); the number of cards written."""
    faces, tags = session_faces(deck, workshop, None)
    write_bytes_atomically(output, cards_pdf(printer, deck, faces, options or CardOptions(), tags))
    return len(faces)


def document_file(printer: Printer, output: Path, html: str, chosen: str) -> list[str]:
    """Write an HTML document as it is (`html`) or as an archival PDF; its layout warnings."""
    if chosen == "html":
        write_atomically(output, html)
        return []
    write_bytes_atomically(output, printer.pdf(printer.layout(html), archive=True))
    return list(dict.fromkeys(printer.warnings))


def session_faces(deck: Deck, workshop: Workshop, kind: str | None) -> tuple[list[Face], list[str]]:
    """Every card dealt, group after group and round after round (one stack per group),
    and whose hand each is in (« Groupe 2 · Panda zen »)."""
    faces: list[Face] = []
    tags: list[str] = []
    if kind in UNDEALT_KINDS:
        return faces, tags  # facilitation activities are never dealt: no group holds one
    for group in workshop.groups:
        for hand in group.hands:
            for shown in (kind,) if kind else CARD_KINDS:
                for card_id in hand.ids(shown):
                    try:
                        faces.append(card_face(deck, card_id))
                        tags.append(f"Groupe {group.number} · {group.pseudonym}")
                    except KeyError as error:
                        raise FictionError(
                            f"La carte « {card_id} » du groupe {group.number} n'est pas dans le "
                            f"jeu « {deck.manifest.id} » : ce n'est pas le jeu de cet atelier."
                        ) from error
    return faces, tags


def printout_name(workshop: Workshop, what: str, suffix: str = "pdf") -> str:
    """`livret-atelier-du-mans.pdf`: what it is and whose, so workshops never overwrite
    each other's files in one folder."""
    return f"{what}-{slugify(workshop.name) or 'atelier'}.{suffix}"
