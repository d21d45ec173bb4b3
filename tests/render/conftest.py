"""Fixtures for the print tests: real PDFs, rendered once per session and read back.

Rendering the whole deck takes seconds, so the PDFs every test reads are made
once (session fixtures) with the warnings WeasyPrint logged while making them.
"""

from __future__ import annotations

import functools
import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from fiction.render.cards import CardOptions, cards_document
from fiction.render.faces import deck_faces
from fiction.render.pdf import Printer
from fiction.render.templating import TemplateFolders
from tests.render.filled import fill_workshop
from tests.render.pdftext import quick_page_texts

SETUP = "scripts/install-system-packages"


@pytest.fixture(autouse=True, scope="session")
def fitted_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The fitted sizes the print tests keep on disk go to a folder of theirs, never the user's."""
    from fiction.render.cards import CACHE_ENV

    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(folder))
        yield folder


@contextmanager
def weasyprint_messages() -> Iterator[list[str]]:
    """Every message of WARNING level or above the "weasyprint" logger emits inside.

    Without HarfBuzz-Subset, WeasyPrint warns on every PDF that it subsets fonts
    with fontTools: the machine is not set up, which is said plainly here.
    """
    from weasyprint.text.ffi import harfbuzz_subset

    if harfbuzz_subset is None:
        pytest.fail(f"libharfbuzz-subset0 is missing: run `{SETUP}` first.")
    messages: list[str] = []

    class Handler(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("weasyprint")
    handler = Handler(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)


@dataclass
class Rendered:
    """A PDF as printed, with what went into it and what WeasyPrint said meanwhile."""

    pdf: bytes
    document: Any
    printer: Printer
    warnings: list[str]
    faces: list[Any]
    options: CardOptions | None = None

    @functools.cached_property
    def texts(self) -> list[str]:
        """Each page's text, comparable (read once)."""
        return quick_page_texts(self.pdf)


@pytest.fixture(scope="session")
def folders() -> TemplateFolders:
    return TemplateFolders.chosen()


@pytest.fixture(scope="session")
def deck_sheets(builtin_deck, folders) -> Rendered:
    """The whole built-in deck on poker A4 sheets, long-edge backs: made once."""
    faces = deck_faces(builtin_deck)
    printer = Printer(folders)
    with weasyprint_messages() as messages:
        document = cards_document(printer, builtin_deck, faces, CardOptions())
        pdf = printer.pdf(document)
    return Rendered(pdf, document, printer, messages, faces, CardOptions())


@pytest.fixture(scope="session")
def filled_store(tmp_path_factory, builtin_deck) -> Path:
    """A store holding a dealt 3-group workshop where every group wrote everything."""
    path = tmp_path_factory.mktemp("store") / "ateliers.sqlite3"
    fill_workshop(path, builtin_deck, groups=3)
    return path


@pytest.fixture(scope="session")
def pdftoppm() -> str:
    """pdftoppm, from poppler-utils, which the set-up script installs."""
    found = shutil.which("pdftoppm")
    if found is None:
        pytest.fail(f"pdftoppm is missing (package poppler-utils): run `{SETUP}` first.")
    return found
