"""Step 6, « Relecture »: the whole scenario as formatted text, its export, the end.

The text is the same Markdown the group takes home (`group_markdown`); the
export writes it whole or not at all (`write_atomically`) and says where.
« Terminer » tells the facilitator's dashboard the group is done (`Finished`,
saved by the wizard); the group can still come back and correct.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Input, Markdown, Static

from fiction.errors import FictionError
from fiction.fileio import write_atomically
from fiction.render.markdown import group_file_name, group_markdown
from fiction.store.model import Workshop
from fiction.tui.access import fiction_app
from fiction.tui.screens.group.saving import FieldSaver
from fiction.tui.screens.group.session import GroupSession
from fiction.tui.screens.group.step import Step


class ReviewStep(Step):
    NUMBER = 6
    TITLE = "Relecture"
    STYLES = Path(__file__).with_suffix(".tcss")
    HELP = """\
## Étape 6 : relecture

Tout votre scénario, mis en forme : relisez-le ensemble. Pour corriger,
revenez à l'étape voulue (**Précédent**) : rien n'est perdu.

**Exporter en Markdown** (touche **e**) écrit le texte dans un fichier `.md`,
dans le dossier indiqué (vide : le dossier où fiction a été lancé) ; dans un
navigateur, le fichier est téléchargé sur l'appareil du groupe.
"""

    BINDINGS = [
        Binding("e", "export", "Exporter"),
        Binding("ctrl+t", "finish", "Terminer"),
    ]

    class Finished(Message):
        """The group says its journey is done (the wizard saves it)."""

    def __init__(self, session: GroupSession, workshop: Workshop, saver: FieldSaver) -> None:
        super().__init__(session, workshop, saver)
        self.scroll = VerticalScroll(id="review-scroll")
        self.text = Markdown(self._markdown(), id="review-text")
        self.folder = Input(
            placeholder="vide : le dossier courant", id="review-folder", compact=True
        )
        self.written = Static("", id="review-written", markup=False)

    def compose(self) -> ComposeResult:
        app = fiction_app(self)
        with self.scroll:
            yield self.text
        with Horizontal(id="review-export-bar"):
            if not app.for_group:  # a group's tab downloads: no folder of the server's
                yield Static("Dossier :", id="review-folder-label")
                yield self.folder
            export = "Télécharger en Markdown" if app.for_group else "Exporter en Markdown"
            yield Button(app.with_key(export, "e"), id="review-export", compact=True)
            yield Button(
                app.with_key("Terminer", "Ctrl+T"),
                id="review-finish",
                variant="primary",
                compact=True,
            )
        yield self.written

    def _markdown(self) -> str:
        return group_markdown(self.workshop, self.group, self.session.deck)

    def focus_start(self) -> None:
        self.scroll.focus()

    async def refresh_from(self, workshop: Workshop, fields: dict[str, Any]) -> None:
        before = self.group
        self.workshop = workshop
        if self.group != before and self.live:
            await self.text.update(self._markdown())

    def action_finish(self) -> None:
        self.post_message(self.Finished())

    @on(Button.Pressed, "#review-finish")
    def _finish_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_finish()

    @on(Button.Pressed, "#review-export")
    def _export_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_export()

    @on(Input.Submitted, "#review-folder")
    def _folder_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def action_export(self) -> Path | None:
        """Write the scenario to `<atelier>-<pseudonyme>.md`; say where, or why not.

        In a group's browser tab the file is downloaded by the browser instead:
        the server's folders are not the group's, and their paths are not shown."""
        if fiction_app(self).for_group:
            self._download()
            return None
        folder = Path(self.folder.value.strip() or ".").expanduser()
        try:
            workshop = self.session.load()
            if not folder.is_dir():
                raise FictionError(f"Le dossier « {folder} » n'existe pas : indiquez-en un autre.")
            group = workshop.group(self.session.number)
            path = folder / group_file_name(workshop, group)
            write_atomically(path, group_markdown(workshop, group, self.session.deck))
        except FictionError as error:
            fiction_app(self).show_error(error, "Export impossible")
            return None
        where = str(path.resolve())
        self.written.update(f"Scénario exporté dans {where}")
        self.notify(where, title="Scénario exporté")
        return path

    def _download(self) -> None:
        try:
            workshop = self.session.load()
            group = workshop.group(self.session.number)
            text = group_markdown(workshop, group, self.session.deck)
        except FictionError as error:
            fiction_app(self).show_error(error, "Export impossible")
            return
        name = group_file_name(workshop, group)
        self.app.deliver_text(io.StringIO(text), save_filename=name, mime_type="text/markdown")
        self.written.update(f"Scénario envoyé au navigateur : {name}")
        self.notify(name, title="Scénario téléchargé")

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Terminer le parcours",
            "Le tableau de bord de l'animation montre le groupe terminé (Ctrl+T)",
            self.action_finish,
        )
        yield SystemCommand(
            "Exporter en Markdown",
            "Écrire le scénario du groupe dans un fichier .md (e)",
            self.action_export,
        )
