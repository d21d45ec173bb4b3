"""A group's on-screen captions as 1920 × 1080 PNG pictures, transparent around the text.

The captions are one HTML document (`captions.html`, a page per picture)
laid out by WeasyPrint and rasterised by PDFium on a transparent background,
so a video editor lays each picture over the film as it is. Each caption's
text starts large and is laid out again smaller until the box WeasyPrint
computed for it (every line and glyph run, not an estimate) stays inside its
area: the lower third of the picture within the title-safe margins for a
caption, the safe area for the title card. A caption too long even at the
smallest size stops the command with its text: nothing is cut off silently.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from fiction.cards.model import Deck
from fiction.errors import FictionError
from fiction.render import templating
from fiction.render.booklet import DEFAULT_ACCENT
from fiction.render.markdown import workshop_heading
from fiction.report.captions import Caption, on_screen_captions
from fiction.slug import slugify
from fiction.store.model import Group, Workshop

WIDTH, HEIGHT = 1920, 1080
SAFE_X, SAFE_Y = 96, 54
"""Title-safe margins: 5 % of the picture's width and height."""
LOWER_THIRD = HEIGHT * 2 // 3
TITLE_CARD = "Journal de 2050"
CAPTION_PX = (64, 56, 48, 42, 36, 32)
CARD_PX = (160, 136, 112, 96, 80, 64)
TOLERANCE_PX = 0.5

Area = tuple[float, float, float, float]
"""left, top, right, bottom, in CSS pixels of the 1920 × 1080 picture."""

CAPTION_AREA: Area = (SAFE_X, LOWER_THIRD, WIDTH - SAFE_X, HEIGHT - SAFE_Y)
CARD_AREA: Area = (SAFE_X, SAFE_Y, WIDTH - SAFE_X, HEIGHT - SAFE_Y)


@dataclass(frozen=True)
class CaptionSheet:
    heading: str
    number: int
    title_card: str
    subtitle: str
    accent: str
    ink: str
    captions: tuple[Caption, ...]
    sizes: tuple[int, ...]
    """The text size of each picture in pixels: the title card's first."""


@dataclass(frozen=True)
class Picture:
    name: str
    png: bytes


def caption_sheet(workshop: Workshop, group: Group, deck: Deck | None) -> CaptionSheet:
    accent = deck.manifest.colours.figures if deck is not None else DEFAULT_ACCENT
    captions = on_screen_captions(group.segments)
    return CaptionSheet(
        heading=workshop_heading(workshop.name),
        number=group.number,
        title_card=TITLE_CARD,
        subtitle=group.title.strip(),
        accent=accent,
        ink=ink_on(accent),
        captions=captions,
        sizes=(CARD_PX[0], *(CAPTION_PX[0] for _ in captions)),
    )


def ink_on(colour: str) -> str:
    """White text on a dark colour, near-black on a light one (WCAG relative luminance)."""
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#ffffff" if luminance < 0.4 else "#1d1d1b"


def caption_pictures(printer: Any, sheet: CaptionSheet) -> list[Picture]:
    """The title card and every caption, each fitted in its area, as transparent PNGs."""
    document, sheet = fitted_document(printer, sheet)
    names = ["00-titre"] + [
        f"{index:02d}-bandeau-{_short_name(caption.main)}"
        for index, caption in enumerate(sheet.captions, start=1)
    ]
    return [
        Picture(f"{name}.png", png)
        for name, png in zip(names, _transparent_pngs(printer.pdf(document)), strict=True)
    ]


def fitted_document(printer: Any, sheet: CaptionSheet) -> tuple[Any, CaptionSheet]:
    """The laid-out document with every text at the largest size that fits its area."""
    steps = [0] * len(sheet.sizes)
    while True:
        document = printer.layout(captions_html(printer.folders, sheet))
        overflowing = [
            index
            for index, (page, area) in enumerate(zip(document.pages, areas(sheet), strict=True))
            if not inside(text_extent(page, index), area)
        ]
        if not overflowing:
            return document, sheet
        sizes = list(sheet.sizes)
        for index in overflowing:
            scale = CARD_PX if index == 0 else CAPTION_PX
            steps[index] += 1
            if steps[index] >= len(scale):
                raise _too_long(sheet, index)
            sizes[index] = scale[steps[index]]
        sheet = replace(sheet, sizes=tuple(sizes))


def captions_html(folders: templating.TemplateFolders, sheet: CaptionSheet) -> str:
    return templating.render(folders, "captions.html", c=sheet)


def areas(sheet: CaptionSheet) -> list[Area]:
    return [CARD_AREA] + [CAPTION_AREA] * len(sheet.captions)


def text_extent(page: Any, index: int) -> Area:
    """Where the box `data-fit=index` and everything in it were laid out on `page`.

    Read from WeasyPrint's box tree (`Page._page_box`), as `fiction.render.fit`
    does for cards; the caption tests check these boxes against the pixels.
    """
    root = next(_fit_boxes(page._page_box, str(index)), None)
    if root is None:
        raise FictionError(f'Modèle « captions.html » : pas de boîte data-fit="{index}".')
    left, top = root.border_box_x(), root.border_box_y()
    right, bottom = left + root.border_width(), top + root.border_height()
    for box in _descendants(root):
        x, y = box.border_box_x(), box.border_box_y()
        left, top = min(left, x), min(top, y)
        right = max(right, x + box.border_width())
        bottom = max(bottom, y + box.border_height())
    return left, top, right, bottom


def inside(extent: Area, area: Area) -> bool:
    return (
        extent[0] >= area[0] - TOLERANCE_PX
        and extent[1] >= area[1] - TOLERANCE_PX
        and extent[2] <= area[2] + TOLERANCE_PX
        and extent[3] <= area[3] + TOLERANCE_PX
    )


def _too_long(sheet: CaptionSheet, index: int) -> FictionError:
    if index == 0:
        return FictionError(
            f"Titre trop long pour le carton « {sheet.title_card} », même en petit : "
            f"« {sheet.subtitle} ». Raccourcissez le titre du groupe."
        )
    caption = sheet.captions[index - 1]
    return FictionError(
        f"Bandeau {caption.number} ({caption.segment}) trop long pour tenir dans le tiers "
        f"inférieur de l'image, même en petit : « {caption.main} ». Raccourcissez-le."
    )


def _short_name(text: str, limit: int = 40) -> str:
    """A file name from a caption's first words, cut between words."""
    name = slugify(text)
    if len(name) > limit:
        name = name[: limit + 1].rsplit("-", 1)[0] if "-" in name[:limit] else name[:limit]
    return name or "texte"


def _fit_boxes(root: Any, key: str) -> Iterator[Any]:
    stack = [root]
    while stack:
        box = stack.pop()
        element = getattr(box, "element", None)
        if element is not None and element.get("data-fit") == key:
            yield box
            continue
        stack.extend(reversed(getattr(box, "children", ())))


def _descendants(box: Any) -> Iterator[Any]:
    for child in getattr(box, "children", ()):
        yield child
        yield from _descendants(child)


def _transparent_pngs(pdf: bytes) -> Sequence[bytes]:
    """Every page at 1920 × 1080 pixels (1 CSS pixel = 0.75 pt), transparent where unpainted."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        pictures = []
        for page in document:
            bitmap = page.render(scale=96 / 72, fill_color=(0, 0, 0, 0))
            picture = bitmap.to_pil().convert("RGBA")
            buffer = io.BytesIO()
            picture.save(buffer, format="PNG", optimize=True)
            pictures.append(buffer.getvalue())
            page.close()
        return pictures
    finally:
        document.close()
