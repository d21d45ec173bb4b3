"""The booklet's agenda over two days: a heading per day, each day from the start time,
and every phase's instructions, read back from the PDF."""

from __future__ import annotations

import dataclasses

from fiction.render.booklet import booklet
from fiction.render.documents import booklet_html
from fiction.render.pdf import Printer
from fiction.store.agendas import AFTERNOON, AGENDA_FORMATS
from fiction.store.model import DEFAULT_AGENDA
from tests.render.pdftext import comparable, quick_page_texts
from tests.workshops import small_workshop

TWO_DAYS = AGENDA_FORMATS["deux-jours"].phases


def test_a_two_day_agenda_prints_each_day_with_its_clock_times_and_instructions(
    folders, builtin_deck
):
    workshop = dataclasses.replace(small_workshop(), agenda=TWO_DAYS, start_time="09:30")
    printer = Printer(folders)
    pdf = printer.pdf(printer.layout(booklet_html(folders, booklet(workshop, builtin_deck))))

    c = comparable
    agenda = next(
        text for text in quick_page_texts(pdf) if c("Ordre du jour") in text and c("Phase") in text
    )
    assert agenda.index(c("Jour 1")) < agenda.index(c("Exploration des thématiques"))
    day_two = agenda.index(c("Jour 2"))
    assert day_two < agenda.index(c("Tournage du journal télévisé"))
    assert agenda.count("09:30") == 2  # each day starts at the start time
    assert "09:30" in agenda[day_two:] and "10:00" in agenda[:day_two]
    assert comparable("plan par plan") in agenda  # the filming phase's instructions


def test_a_one_day_agenda_has_no_day_heading():
    rows = booklet(dataclasses.replace(small_workshop(), agenda=AFTERNOON), None).agenda
    assert [row.day_heading for row in rows] == [""] * len(AFTERNOON)
    assert rows[0].instructions == AFTERNOON[0].instructions
    plain = booklet(dataclasses.replace(small_workshop(), agenda=DEFAULT_AGENDA), None).agenda
    assert [row.instructions for row in plain] == [""] * len(DEFAULT_AGENDA)


def test_without_a_start_time_each_day_counts_from_its_own_start():
    rows = booklet(dataclasses.replace(small_workshop(), agenda=TWO_DAYS), None).agenda
    first_of_day_two = next(i for i, phase in enumerate(TWO_DAYS) if phase.day == 2)
    assert rows[0].start == rows[first_of_day_two].start == "+ 0 min"
    assert rows[first_of_day_two].day_heading == "Jour 2"
