"""The booklet and the script read page by page, as an organiser meets them (issue 17).

A long news report breaks across pages: no segment heading is left alone at a
page's foot, the IMAGE | SON header opens every page and the estimated total
is said once, at the end. The agenda tells the time of day, a group's chapter
holds its whole hand and a question, emoji have a font, headings read as words.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest

from fiction.render.booklet import booklet
from fiction.render.documents import booklet_html, script_html
from fiction.render.markdown import workshop_markdown
from fiction.render.pdf import Printer
from fiction.render.typography import french_spacing
from fiction.store.store import Store
from tests.render.filled import NAME, fill_workshop
from tests.render.pdftext import comparable, reader

WORDS = (
    "Les habitants du quartier se retrouvent chaque matin autour du comptoir, "
    "les hôtes de convivialité les écoutent et les orientent vers le bon service. "
)
SEGMENTS = 14

# One worker runs this module under pytest-xdist, so the booklet and the script are printed once.
pytestmark = pytest.mark.xdist_group("booklet_pages")


def sound(number: int) -> str:
    """A segment's text, long enough (and different enough) to push headings around pages."""
    return f"Segment {number} : " + WORDS * (1 + number % 5)


@pytest.fixture(scope="module")
def workshop(tmp_path_factory, builtin_deck) -> Any:
    """The filled 3-group workshop, starting at 14:00, group 1's report long, emoji typed."""
    path = tmp_path_factory.mktemp("pages") / "ateliers.sqlite3"
    fill_workshop(path, builtin_deck, groups=3)
    with Store(path) as store:
        store.set_field(NAME, None, "start_time", "14:00", "animatrice")
        store.set_field(NAME, 1, "context", "Un quartier en fête ☀️ 🎉", "groupe")
        store.set_field(NAME, 2, "question", "", "groupe")
        for number in range(1, SEGMENTS + 1):
            store.add_segment(
                NAME, 1, "report", "groupe", image="Plan large\nGros plan", sound=sound(number)
            )
        return store.load(NAME)


def pdf_of(folders, html: str) -> bytes:
    printer = Printer(folders)
    return printer.pdf(printer.layout(html))


@pytest.fixture(scope="module")
def script_pages(folders, workshop, builtin_deck) -> list[str]:
    """Group 1's script, page by page."""
    pdf = pdf_of(folders, script_html(folders, booklet(workshop, builtin_deck), 1))
    return [page.extract_text() or "" for page in reader(pdf).pages]


@pytest.fixture(scope="module")
def booklet_pdf(folders, workshop, builtin_deck) -> bytes:
    return pdf_of(folders, booklet_html(folders, booklet(workshop, builtin_deck)))


@pytest.fixture(scope="module")
def booklet_pages(booklet_pdf) -> list[str]:
    return [page.extract_text() or "" for page in reader(booklet_pdf).pages]


def test_no_segment_heading_is_left_alone_at_the_foot_of_a_page(script_pages):
    assert len(script_pages) >= 3
    for number in range(4, SEGMENTS + 4):
        heading = comparable(f"{number}. Sujet")
        first_words = comparable(french_spacing(sound(number - 3))[:40])
        pages = [comparable(text) for text in script_pages if heading in comparable(text)]
        assert pages, number
        # The page that shows the heading also shows the start of the segment's text.
        assert first_words in pages[0], number


def test_the_header_opens_every_page_and_the_total_is_said_once_at_the_end(script_pages):
    for text in script_pages:
        assert re.search(r"\bIMAGE\s+SON\b", text), text[:200]
    said = [index for index, text in enumerate(script_pages) if "Durée estimée" in text]
    assert said == [len(script_pages) - 1]
    assert sum(text.count("Durée estimée") for text in script_pages) == 1


def test_the_agenda_tells_the_time_of_day_from_the_start_time(booklet_pages, workshop):
    agenda = next(text for text in booklet_pages if "Ordre du jour" in text and "Phase" in text)
    elapsed = 14 * 60
    for phase in workshop.agenda:
        assert f"{elapsed // 60:02d}:{elapsed % 60:02d}" in agenda
        elapsed += phase.minutes
    assert "+ " not in agenda


def test_without_a_start_time_the_agenda_counts_from_the_start(folders, workshop, builtin_deck):
    html = booklet_html(
        folders, booklet(dataclasses.replace(workshop, start_time=""), builtin_deck)
    )

    starts = re.findall(
        r"<tr><td>([^<]*)</td><td>", html.split('class="agenda"')[1].split("</tbody>")[0]
    )
    assert starts[0] == "+ 0 min" and len(starts) == len(workshop.agenda)
    for start in starts:
        assert re.fullmatch(r"\+ (\d+ min|\d+ h( \d\d)?)", start), start


def test_each_chapter_prints_every_dealt_card_and_a_question(booklet_pages, workshop, builtin_deck):
    texts = [comparable(text) for text in booklet_pages]
    for group in workshop.groups:
        start = next(
            index
            for index, text in enumerate(texts)
            if comparable(f"Groupe {group.number} — {group.pseudonym}") in text
            and comparable("Et si demain") in text
        )
        chapter = texts[start] + texts[start + 1]
        for hand in group.hands:
            for card in hand.all_ids():
                assert comparable(french_spacing(builtin_deck.card(card).title)) in chapter, card
        assert comparable("Et si demain") in chapter
    composed = next(text for text in texts if comparable("proposée par les cartes") in text)
    assert comparable(f"Groupe 2 — {workshop.groups[1].pseudonym}") in composed


def test_emoji_are_drawn_by_an_emoji_font(booklet_pdf):
    fonts = set()
    for page in reader(booklet_pdf).pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    assert any("Emoji" in font for font in fonts), fonts


def test_headings_read_as_words_in_the_text_layer(booklet_pages, workshop):
    text = "\n".join(booklet_pages)
    for group in workshop.groups:
        assert re.search(rf"\bGROUPE {group.number}\b", text)
    assert re.search(r"\bLIVRET DE L.ATELIER\b", text)


def test_the_name_is_never_wrapped_in_a_second_atelier(script_pages, workshop, builtin_deck):
    pages = "\n".join(script_pages)

    assert "« Atelier" not in pages and "Atelier du Mans" in pages
    assert "« Atelier" not in workshop_markdown(workshop, builtin_deck)


def test_group_names_are_never_hyphenated_in_the_map(booklet_pages, workshop):
    explored = next(text for text in booklet_pages if "Chaque case croise" in text)
    flat = " ".join(explored.split())
    for group in workshop.groups:
        if any(hand.figures and hand.themes for hand in group.hands):
            assert f"{group.number}. {group.pseudonym}" in flat


def test_the_markdown_export_makes_typed_html_inert(workshop, builtin_deck):
    attack = '<script>alert("x")</script> <img src=x onerror=alert(1)> &amp;'
    group = dataclasses.replace(workshop.groups[0], narrative=attack)
    hostile = dataclasses.replace(workshop, groups=(group, *workshop.groups[1:]))

    text = workshop_markdown(hostile, builtin_deck)

    assert "<script" not in text and "<img" not in text
    assert '&lt;script>alert("x")&lt;/script> &lt;img src=x onerror=alert(1)> &amp;amp;' in text


def test_the_script_markdown_makes_typed_html_inert(workshop, builtin_deck, tmp_path: Path):
    from fiction.render.documents import chapter_of
    from fiction.render.script_markdown import script_markdown

    segment = dataclasses.replace(workshop.groups[0].segments[0], sound="<script>x</script>")
    group = dataclasses.replace(workshop.groups[0], segments=(segment,))
    values = booklet(dataclasses.replace(workshop, groups=(group,)), builtin_deck)

    assert "<script" not in script_markdown(values, chapter_of(values, 1))
