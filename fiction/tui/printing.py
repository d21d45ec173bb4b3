"""Printing from the app: a workshop's booklet, its dealt cards, a group's script.

The files are those `fiction print` writes (`fiction.render.printouts`), named
after the workshop (`livret-atelier-du-mans.pdf`) and written to the folder
fiction was started in, as the review step's export does. WeasyPrint takes
seconds, so a `PrintingScreen` (the dashboard) runs `print_file` in a thread
worker and posts what it returns to itself (`Printed` or `PrintFailed`): a
screen closed meanwhile drops the message, and no widget is touched after its
screen is gone. One document is laid out at a time (`_ONE_AT_A_TIME`); a
second request waits.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import SystemCommand
from textual.markup import escape
from textual.message import Message
from textual.screen import Screen

from fiction.errors import FictionError
from fiction.store.model import Group
from fiction.tui.access import fiction_app

if TYPE_CHECKING:
    from fiction.tui.app import FictionApp

BOOKLET, CARDS, SCRIPT = "livret", "cartes", "journal"

_ONE_AT_A_TIME = threading.Lock()


@dataclass
class Printed(Message):
    """A printout was written: where, what to tell (« Livret écrit dans /… »), layout warnings."""

    path: Path
    text: str
    warnings: list[str] = field(default_factory=list)


@dataclass
class PrintFailed(Message):
    """A printout could not be written: what it was, and why (in French)."""

    what: str
    error: FictionError


def printout_label(kind: str, group: int | None = None) -> str:
    """« Livret », « Cartes de l'atelier », « Journal du groupe 2 »."""
    if kind == BOOKLET:
        return "Livret"
    if kind == CARDS:
        return "Cartes de l'atelier"
    return f"Journal du groupe {group}"


def print_file(
    app: FictionApp, name: str, kind: str, folder: Path, group: int | None = None
) -> Printed | PrintFailed:
    """Write one printout of workshop `name` into `folder` (call it off the UI thread)."""
    what = printout_label(kind, group)
    try:
        with _ONE_AT_A_TIME:
            path, warnings = _write(app, name, kind, folder, group)
    except FictionError as error:
        return PrintFailed(what, error)
    written = "écrites" if kind == CARDS else "écrit"
    return Printed(path, f"{what} {written} dans {path}", warnings)


def _write(
    app: FictionApp, name: str, kind: str, folder: Path, group: int | None
) -> tuple[Path, list[str]]:
    # WeasyPrint and the templates are imported here, on the first print, not at start-up.
    from fiction.cards.locate import MissingDeckError
    from fiction.render import printouts
    from fiction.render.pdf import Printer
    from fiction.render.templating import TemplateFolders

    if not folder.is_dir():
        raise FictionError(f"Le dossier « {folder} » n'existe pas : lancez fiction ailleurs.")
    workshop = app.store.load(name)
    printer = Printer(TemplateFolders.chosen())
    if kind == CARDS:
        path = folder / printouts.printout_name(workshop, "cartes")
        printouts.session_cards_file(printer, workshop, app.deck_for(workshop), path)
        return path, list(dict.fromkeys(printer.warnings))
    try:
        deck = app.deck_for(workshop)
    except MissingDeckError:
        deck = None  # the documents then name cards by their ids
    if kind == BOOKLET:
        path = folder / printouts.printout_name(workshop, "livret")
        return path, printouts.booklet_file(printer, workshop, deck, path)
    assert group is not None
    path = folder / printouts.printout_name(workshop, f"journal-groupe-{group}")
    return path, printouts.script_file(printer, workshop, deck, group, path)


class PrintingScreen(Screen[None]):
    """A screen of one workshop (`workshop_name`) that prints it; it binds the keys."""

    workshop_name: str

    def action_print_booklet(self) -> None:
        self.print_printout(BOOKLET)

    def action_print_cards(self) -> None:
        self.print_printout(CARDS)

    def print_printout(self, kind: str, group: int | None = None) -> None:
        """Write a printout into the current folder, off the UI thread; say when it is done."""
        what = printout_label(kind, group)
        try:
            folder = Path.cwd()
        except OSError:  # the folder fiction was started in is gone
            fiction_app(self).show_error(
                "Le dossier où fiction a été lancé n'existe plus : relancez fiction ailleurs.",
                f"{what} : impression impossible",
            )
            return
        self.notify(f"{what} en cours d'impression…", title="Impression")
        self._print_in_thread(kind, group, folder)

    @work(thread=True, group="impression")
    def _print_in_thread(self, kind: str, group: int | None, folder: Path) -> None:
        # Posted to this screen, never shown from here: it may be gone when this ends.
        self.post_message(print_file(fiction_app(self), self.workshop_name, kind, folder, group))

    def on_printed(self, message: Printed) -> None:
        self.notify(escape(message.text), title="Impression terminée", timeout=10)
        for warning in message.warnings:
            self.notify(escape(f"Avertissement (mise en page) : {warning}"), severity="warning")

    def on_print_failed(self, message: PrintFailed) -> None:
        fiction_app(self).show_error(message.error, f"{message.what} : impression impossible")

    def print_commands(self, groups: Iterable[Group]) -> Iterator[SystemCommand]:
        """The palette's printing commands: the booklet, the cards, each group's script."""
        yield SystemCommand(
            "Imprimer le livret",
            "Le livret de l'atelier en PDF, dans le dossier courant (l)",
            self.action_print_booklet,
        )
        yield SystemCommand(
            "Imprimer les cartes de l'atelier",
            "Les cartes distribuées, groupe par groupe, en PDF dans le dossier courant (c)",
            self.action_print_cards,
        )
        for group in groups:
            yield SystemCommand(
                f"Imprimer le journal du groupe {group.number}",
                f"Le journal télévisé de « {escape(group.pseudonym)} » en PDF, "
                "dans le dossier courant (j)",
                lambda number=group.number: self.print_printout(SCRIPT, number),
            )
