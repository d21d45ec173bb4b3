"""Card decks as print-ready PDFs and pictures: fit the text, place the cards, print.

The body text of each card is first fitted to its safe box (`fit`), then the
cards are placed on home sheets or print-shop pages (`card_pages`), written
as HTML from the templates and laid out by WeasyPrint (`pdf.Printer`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from fiction.cards.model import Deck
from fiction.errors import FictionError
from fiction.render import card_pages, templating
from fiction.render.faces import Face, back
from fiction.render.fit import (
    ESTIMATE_SAFE,
    MIN_PT,
    card_fills,
    estimated_fill,
    fit_sizes,
    layout_engine,
)
from fiction.render.pdf import Printer
from fiction.render.sheet import (
    BACKS,
    CARD_SIZES,
    MAX_BACK_OFFSET,
    PAPERS,
    SAFE_INSET,
    CardSize,
    plan_sheet,
)
from fiction.render.templating import TemplateFolders

MEASURING_ROOM = 4.0
"""Cards are measured on pages this many times their height, so an overflow shows in full."""


@dataclass(frozen=True)
class CardOptions:
    """How to print: card format, paper, duplex edge, back offset, print-shop pages."""

    size: str = "poker"
    paper: str = "a4"
    backs: str = "long"
    """`long` or `short` (the duplex edge), or `none` for fronts only."""
    offset: tuple[float, float] = (0.0, 0.0)
    """Millimetres to shift the backs by, right and down, for a printer that misregisters
    (home sheets only: a print shop registers its own)."""
    print_shop: bool = False

    def __post_init__(self) -> None:
        if self.size not in CARD_SIZES:
            raise FictionError(f"Format de carte inconnu : « {self.size} ».")
        if self.paper not in PAPERS:
            raise FictionError(f"Format de papier inconnu : « {self.paper} ».")
        if self.backs not in BACKS:
            raise FictionError(f"Choix de versos inconnu : « {self.backs} ».")
        if not all(math.isfinite(mm) and abs(mm) <= MAX_BACK_OFFSET for mm in self.offset):
            raise FictionError(
                f"Décalage des versos trop grand : {self.offset[0]:g} mm, {self.offset[1]:g} mm "
                f"(entre -{MAX_BACK_OFFSET:g} et {MAX_BACK_OFFSET:g} mm dans chaque sens)."
            )

    @property
    def card_size(self) -> CardSize:
        return CARD_SIZES[self.size]


def fitted_sizes(
    printer: Printer, deck: Deck, faces: Sequence[Face], size: CardSize
) -> dict[str, float]:
    """Each card's body size in points, the largest at which its text fits.

    The cards are measured side by side on one tall page (`measuring_page`);
    `laid_out` measures only the cards that may not fit, and checks the others
    in the printed layout itself. A card already fitted with the same templates
    and fonts is not measured again: in this process (`TemplateFolders.fingerprint`: the app
    and the server print the same deck many times), nor in the next one
    (`FittedCache`, on disk: a second `fiction print cards` is as fast).
    """
    folders = printer.folders.fingerprint()
    known = {face.key: _FITTED.get((folders, size, face)) for face in faces}
    missing = [face for face in faces if known[face.key] is None]
    disk = FittedCache.for_folders(printer.folders, folders) if missing else None
    if disk is not None:
        for face in missing:
            known[face.key] = disk.get(face, size)
    pending = [face for face in faces if known[face.key] is None]

    def measure(pending: Sequence[Face], sizes: dict[str, float]) -> object:
        page = card_pages.measuring_page(size, pending, sizes, room=MEASURING_ROOM)
        return printer.layout(cards_html(printer, deck, size, [page], print_shop=False))

    fitted = fit_sizes(pending, size.body_pt, measure) if pending else {}
    if len(_FITTED) > FITTED_KEPT:
        _FITTED.clear()
    sizes = {face.key: known[face.key] or fitted[face.key] for face in faces}
    for face in missing:
        _FITTED[folders, size, face] = sizes[face.key]
    if disk is not None and pending:
        disk.put({(face, size): fitted[face.key] for face in pending})
    return sizes


FITTED_KEPT = 4096
"""Fitted sizes kept in memory (a few decks' worth), forgotten all at once past this."""
_FITTED: dict[tuple[object, CardSize, Face], float] = {}


def forget_fitted_sizes() -> None:
    """Measure every card again from now on (the benchmark's cold runs, the tests)."""
    _FITTED.clear()
    FittedCache.forget()


CACHE_ENV = "FICTION_CACHE_DIR"
"""A folder for the fitted sizes kept on disk instead of the user's cache folder."""
DISK_KEPT = 20_000
"""Fitted sizes kept on disk (a hundred decks' worth); the oldest go first past this."""


class FittedCache:
    """Fitted sizes on disk, across processes: one JSON file in the user's cache folder.

    Each size is keyed by a hash of everything that decides it: the card's
    content, its format, every template and font file's bytes, and the
    versions of WeasyPrint and Pango. A file that cannot be read or parsed is
    ignored (and rewritten), one that cannot be written is left alone: the
    cards are then measured, never printed at a wrong size.
    """

    _hashes: ClassVar[dict[tuple[object, ...], str]] = {}
    """The hash of the template folders' bytes, for each `TemplateFolders.fingerprint` seen."""

    def __init__(self, path: Path, salt: str) -> None:
        self.path = path
        self.salt = salt
        self._entries: dict[str, float] | None = None

    @classmethod
    def folder(cls) -> Path:
        chosen = os.environ.get(CACHE_ENV)
        if chosen:
            return Path(chosen)
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("fiction", appauthor=False))

    @classmethod
    def for_folders(cls, folders: TemplateFolders, fingerprint: tuple[object, ...]) -> FittedCache:
        salt = cls._hashes.get(fingerprint)
        if salt is None:
            salt = cls._hashes[fingerprint] = _content_hash(folders)
        return cls(cls.folder() / "tailles-ajustees.json", salt)

    @classmethod
    def forget(cls) -> None:
        with contextlib.suppress(OSError):
            (cls.folder() / "tailles-ajustees.json").unlink()

    def key(self, face: Face, size: CardSize) -> str:
        return hashlib.sha256(f"{self.salt}\n{size!r}\n{face!r}".encode()).hexdigest()[:32]

    def entries(self) -> dict[str, float]:
        if self._entries is None:
            try:
                loaded = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                loaded = {}
            self._entries = {
                key: float(value)
                for key, value in (loaded.items() if isinstance(loaded, dict) else ())
                if isinstance(key, str)
                and isinstance(value, int | float)
                and not isinstance(value, bool)
                and MIN_PT <= value <= MAX_CACHED_PT
            }
        return self._entries

    def get(self, face: Face, size: CardSize) -> float | None:
        found = self.entries().get(self.key(face, size))
        return found if found is not None and found <= size.body_pt else None

    def put(self, sizes: dict[tuple[Face, CardSize], float]) -> None:
        entries = self.entries()
        for (face, size), points in sizes.items():
            key = self.key(face, size)
            entries.pop(key, None)  # to the end: the newest
            entries[key] = points
        while len(entries) > DISK_KEPT:
            del entries[next(iter(entries))]
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            partial.write_text(json.dumps(entries), encoding="utf-8")
            os.replace(partial, self.path)
        except OSError:
            pass


MAX_CACHED_PT = 72.0
"""A cached size above this is not a body size: the file was tampered with, ignored."""


def _content_hash(folders: TemplateFolders) -> str:
    """A hash of every template and font file's bytes, and of the layout engine's versions."""
    digest = hashlib.sha256(layout_engine().encode())
    for folder in folders.search_path:
        for path in sorted(folder.rglob("*")):
            try:
                data = path.read_bytes()
            except OSError:
                continue
            digest.update(f"\n{path.relative_to(folder)}\n{len(data)}\n".encode())
            digest.update(data)
    return digest.hexdigest()


def laid_out(
    printer: Printer,
    deck: Deck,
    faces: Sequence[Face],
    size: CardSize,
    arrange: Callable[[dict[str, float]], list[card_pages.Page]],
    *,
    print_shop: bool = False,
) -> object:
    """The laid-out pages `arrange` makes of `faces`, every card's text fitted.

    Measuring every card before printing cost as much as printing: only the
    cards whose text may not fit at the format's size (`estimated_fill`) are
    measured first. The printed fronts are then read back; a card whose text
    still runs past its safe box is measured and the fronts laid out again, so
    what prints is always what was checked. The backs, the same for every
    card of a kind, are laid out apart, each distinct page of backs once
    (`with_backs`).
    """
    room = size.width - 2 * SAFE_INSET, size.height - 2 * SAFE_INSET - size.band
    unique = list({face.key: face for face in faces}.values())
    at_risk = [face for face in unique if estimated_fill(face, *room, size.body_pt) > ESTIMATE_SAFE]
    sizes = {face.key: size.body_pt for face in unique}
    sizes.update(fitted_sizes(printer, deck, at_risk, size))
    pages = arrange(sizes)
    fronts = printer.layout(cards_html(printer, deck, size, _fronts(pages), print_shop=print_shop))
    overflowing = {fill.key for fill in card_fills(fronts) if not fill.fits}
    if overflowing:
        sizes.update(fitted_sizes(printer, deck, [f for f in unique if f.key in overflowing], size))
        pages = arrange(sizes)
        fronts = printer.layout(
            cards_html(printer, deck, size, _fronts(pages), print_shop=print_shop)
        )
    return with_backs(printer, deck, size, pages, fronts, print_shop=print_shop)


def with_backs(
    printer: Printer,
    deck: Deck,
    size: CardSize,
    pages: Sequence[card_pages.Page],
    fronts: Any,
    *,
    print_shop: bool,
) -> Any:
    """The document of `pages`, its fronts already laid out as `fronts`.

    A deck printed kind after kind has the same page of backs again and again
    (five pages of role backs, all alike): each distinct page of backs is laid
    out once, and the document reuses it wherever it comes. Pages with printer's
    marks (`@page { marks: crop }`, print-shop pages) are each laid out, not
    reused: WeasyPrint draws those marks once more each time a page is written.
    A custom template that does not print one section per page is laid out whole.
    """
    backs = [page for page in pages if page.side == "verso"]
    if not backs:
        return fronts
    reuse = not print_shop
    shown = list(dict.fromkeys(backs)) if reuse else backs
    laid = printer.layout(cards_html(printer, deck, size, shown, print_shop=print_shop))
    if (
        len(laid.pages) != len(shown)
        or len(fronts.pages) != len(pages) - len(backs)
        or (reuse and any(page._page_box.style["marks"] for page in laid.pages))
    ):
        return printer.layout(cards_html(printer, deck, size, pages, print_shop=print_shop))
    back_pages = dict(zip(shown, laid.pages, strict=True)) if reuse else {}
    in_order, front_pages = iter(laid.pages), iter(fronts.pages)
    return fronts.copy(
        [
            (back_pages[page] if reuse else next(in_order))
            if page.side == "verso"
            else next(front_pages)
            for page in pages
        ]
    )


def _fronts(pages: Sequence[card_pages.Page]) -> list[card_pages.Page]:
    return [page for page in pages if page.side != "verso"]


def cards_pdf(
    printer: Printer,
    deck: Deck,
    faces: Sequence[Face],
    options: CardOptions,
    tags: Sequence[str] = (),
) -> bytes:
    """The PDF of `faces`: home sheets, or print-shop pages with `options.print_shop`.

    `tags` (one per face, such as « Groupe 2 · Panda zen ») print along each
    card's foot, and each new tag starts a new home sheet: one hand per sheet.
    """
    return printer.pdf(cards_document(printer, deck, faces, options, tags))


def cards_document(
    printer: Printer,
    deck: Deck,
    faces: Sequence[Face],
    options: CardOptions,
    tags: Sequence[str] = (),
) -> object:
    """The laid-out pages of `cards_pdf` (WeasyPrint's document, before writing)."""
    if not faces:
        raise FictionError("Aucune carte à imprimer.")
    size = options.card_size
    backs = {face.kind: back(deck, face.kind) for face in faces}

    def arrange(sizes: dict[str, float]) -> list[card_pages.Page]:
        if options.print_shop:
            with_backs = options.backs != "none"
            return card_pages.shop_pages(size, faces, backs, sizes, with_backs, tags)
        layout = plan_sheet(size, PAPERS[options.paper])
        return card_pages.home_sheets(
            layout, faces, backs, sizes, options.backs, options.offset, tags
        )

    return laid_out(printer, deck, faces, size, arrange, print_shop=options.print_shop)


@dataclass(frozen=True)
class Picture:
    """One card as PNG pictures: its front and its back."""

    face: Face
    front: bytes
    back: bytes


def cards_png(
    printer: Printer,
    deck: Deck,
    faces: Sequence[Face],
    size: CardSize,
    dpi: int,
    *,
    tags: Sequence[str] = (),
    bleed: float = 0.0,
) -> list[Picture]:
    """Each card's front and back as PNG pictures, cut to the card's edge or `bleed` mm past it.

    At the edge for screens and whiteboards; with a bleed (3 mm is usual) for
    online card printers, who ask for both sides.
    """
    from fiction.render.png import pdf_to_pngs

    if not faces:
        raise FictionError("Aucune carte à imprimer.")
    backs = {face.kind: back(deck, face.kind) for face in faces}

    def arrange(sizes: dict[str, float]) -> list[card_pages.Page]:
        return card_pages.single_cards(size, faces, sizes, tags=tags, bleed=bleed, backs=backs)

    pictures = pdf_to_pngs(printer.pdf(laid_out(printer, deck, faces, size, arrange)), dpi)
    return [
        Picture(face, pictures[2 * index], pictures[2 * index + 1])
        for index, face in enumerate(faces)
    ]


def cards_html(
    printer: Printer,
    deck: Deck,
    size: CardSize,
    pages: Sequence[card_pages.Page],
    *,
    print_shop: bool,
) -> str:
    """The HTML of `pages`, without the line breaks and indents between tags.

    Each of those is a text node that WeasyPrint parses, styles and boxes, then
    drops: a tenth of the deck's print time. Only whitespace holding a line break
    between two tags goes, so a space written between two tags on one line stays.
    """
    html = templating.render(
        printer.folders,
        "cards.html",
        deck_title=deck.manifest.title,
        size=size,
        safe=SAFE_INSET,
        marks_bleed=card_pages.SHOP_MARKS_BLEED,
        print_shop=print_shop,
        page_width=pages[0].width,
        page_height=pages[0].height,
        pages=pages,
    )
    return _BETWEEN_TAGS.sub("><", html)


_BETWEEN_TAGS = re.compile(r">[ \t]*\n\s*<")
"""A line break and its indents between two tags (not inside a text: texts are escaped)."""
