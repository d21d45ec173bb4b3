"""HTML to PDF with WeasyPrint: our fonts, our fetcher, and every warning kept.

The only module (with `fetcher` and `fit`) that imports WeasyPrint; the CLI
imports it inside the print commands, so other commands start without it.
Fonts come from the templates' `@font-face` rules through one
FontConfiguration, so a PDF looks the same on every machine. WeasyPrint
reports a missing glyph, a refused fetch or a CSS rule it ignored through the
"weasyprint" logger; `Printer` collects those messages so the command can
show them instead of losing them. A notice about the machine rather than the
document (the PDF comes out the same) stays in the log and is not collected:
the user would read an English warning about nothing they can change.

Documents kept as a record (the booklet, a group's script) are written as
PDF/A-2a: fonts embedded, colours in sRGB, and tagged (`ARCHIVE_VARIANT`), so
the PDF outlives its software and a screen reader follows its structure. Card
sheets, made to be cut, are written as plain PDF.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from fiction.render.fetcher import FolderFetcher
from fiction.render.templating import TemplateFolders

# The start of WeasyPrint's notices (their format strings) that say nothing about
# the document: without the HarfBuzz-Subset library, fonts are subset by fontTools.
MACHINE_NOTICES = ("Using fontTools instead of HarfBuzz-Subset",)
ARCHIVE_VARIANT = "pdf/a-2a"
"""PDF/A-2, level A (accessible): WeasyPrint tags the structure for this variant."""


class _Collector(logging.Handler):
    def __init__(self, sink: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        if not str(record.msg).startswith(MACHINE_NOTICES):
            self.sink.append(record.getMessage())


class Printer:
    """Lays out and writes HTML documents whose resources live in `folders`."""

    def __init__(self, folders: TemplateFolders) -> None:
        self.folders = folders
        self.fetcher = FolderFetcher(folders)
        self.fonts = FontConfiguration()
        self.warnings: list[str] = []

    def layout(self, html: str) -> Any:
        """The laid-out WeasyPrint document (pages and boxes), ready to write or inspect."""
        with self._collecting():
            document = HTML(
                string=html,
                base_url=self.folders.builtin.as_uri() + "/",
                url_fetcher=self.fetcher,
            )
            return document.render(font_config=self.fonts)

    def pdf(self, document: Any, *, archive: bool = False) -> bytes:
        """The PDF of a laid-out document; PDF/A, tagged, when it is an `archive`."""
        with self._collecting():
            if archive:
                return document.write_pdf(pdf_variant=ARCHIVE_VARIANT, pdf_tags=True)
            return document.write_pdf()

    @contextmanager
    def _collecting(self) -> Iterator[None]:
        logger = logging.getLogger("weasyprint")
        handler = _Collector(self.warnings)
        logger.addHandler(handler)
        try:
            yield
        finally:
            logger.removeHandler(handler)
