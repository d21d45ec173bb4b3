"""Caption pictures: 1920 × 1080, transparent, in the lower third, no text cut off."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from fiction.errors import FictionError
from fiction.render.captions import (
    CAPTION_AREA,
    CAPTION_PX,
    CARD_AREA,
    HEIGHT,
    LOWER_THIRD,
    WIDTH,
    CaptionSheet,
    caption_pictures,
    fitted_document,
    ink_on,
    text_extent,
)
from fiction.render.pdf import Printer
from fiction.render.templating import TemplateFolders
from fiction.report.captions import Caption, on_screen_captions
from fiction.store.model import Segment

pytestmark = pytest.mark.slow

LONG = "Le premier café social intergénérationnel du quartier fête ses dix ans " * 3


def sheet(*captions: Caption, subtitle: str = "La Maison des mille liens") -> CaptionSheet:
    return CaptionSheet(
        heading="Atelier du Mans",
        number=1,
        title_card="Journal de 2050",
        subtitle=subtitle,
        accent="#9b2242",
        ink="#ffffff",
        captions=captions,
        sizes=(160, *(CAPTION_PX[0] for _ in captions)),
    )


@pytest.fixture(scope="module")
def printer() -> Printer:
    return Printer(TemplateFolders.chosen(None))


def opened(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png))


def test_captions_are_read_from_the_image_column_in_script_order():
    script = [
        Segment(1, "headlines", image="Générique\nBandeau : Le Mans, 2050"),
        Segment(2, "interview", image="Plan taille\nSynthé : Marie Dupont — hôte de convivialité"),
        Segment(3, "report", image="Bandeau :\nPlan large"),
    ]

    assert on_screen_captions(script) == (
        Caption("1.1", "Titres", "Le Mans, 2050"),
        Caption("2.1", "Interview", "Marie Dupont", "hôte de convivialité"),
    )


def test_every_picture_is_full_hd_transparent_around_its_caption(printer):
    pictures = caption_pictures(
        printer, sheet(Caption("1.1", "Titres", "Le Mans, 2050"), Caption("2.1", "Sujet", LONG))
    )

    assert [picture.name for picture in pictures] == [
        "00-titre.png",
        "01-bandeau-le-mans-2050.png",
        "02-bandeau-le-premier-cafe-social.png",
    ]
    for picture in pictures:
        image = opened(picture.png)
        assert image.size == (WIDTH, HEIGHT) and image.mode == "RGBA"
        alpha = image.getchannel("A")
        assert alpha.getextrema() == (0, 255)  # transparent around, opaque caption
        assert alpha.getpixel((0, 0)) == 0 and alpha.getpixel((WIDTH - 1, HEIGHT - 1)) == 0
    for picture in pictures[1:]:
        left, top, right, bottom = opened(picture.png).getchannel("A").getbbox()
        assert top >= LOWER_THIRD  # caption pixels in the lower third
        assert (left, right) >= (CAPTION_AREA[0], 0) and right <= CAPTION_AREA[2]
        assert bottom <= CAPTION_AREA[3]


def test_no_text_is_cut_the_painted_pixels_are_the_laid_out_text(printer):
    captions = sheet(Caption("1.1", "Titres", "Le Mans, 2050"), Caption("2.1", "Sujet", LONG))
    document, fitted = fitted_document(printer, captions)
    pictures = caption_pictures(printer, captions)

    for index, (page, picture) in enumerate(zip(document.pages, pictures, strict=True)):
        left, top, right, bottom = text_extent(page, index)
        area = CARD_AREA if index == 0 else CAPTION_AREA
        assert area[0] <= left and area[1] <= top and right <= area[2] and bottom <= area[3]
        painted = opened(picture.png).getchannel("A").getbbox()
        # What is painted is the laid-out box (to the pixel), so nothing spills past it…
        assert painted[0] >= int(left) and painted[1] >= int(top)
        assert painted[2] <= right + 1 and painted[3] <= bottom + 1
        # …and the box is painted whole: its corners are opaque.
        assert painted[0] <= left + 1 and painted[3] >= bottom - 1
    assert fitted.sizes[2] < CAPTION_PX[0]  # the long caption was set smaller, not cut


def test_a_caption_too_long_for_the_lower_third_is_refused(printer):
    with pytest.raises(FictionError, match=r"Bandeau 2\.1 \(Sujet\) trop long"):
        caption_pictures(printer, sheet(Caption("2.1", "Sujet", LONG * 6)))


def test_caption_ink_stays_readable_on_light_and_dark_deck_colours():
    assert ink_on("#9b2242") == "#ffffff"
    assert ink_on("#f5e663") == "#1d1d1b"
