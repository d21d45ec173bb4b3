"""The inspiration manual: the scenarios of several workshops in one printed book.

In the spirit of the source document (the UNCCAS « Manuel d'inspiration »,
whose scenarios come from workshops in several cities): a cover, the
contents, the figures × themes map across the workshops (how many scenarios
each pair gave), one page per scenario (its workshop, place and date, its
group's pseudonym, its question, narrative, actions, invented roles and
vigilance answers), the index of the professions invented (with the
scenarios each comes from) and the vigilance answers gathered by figure.

Built from the library's scenarios (`fiction.library`: groups that wrote
something, by pseudonym only) and the booklet's chapters
(`fiction.render.booklet.chapter`: card titles, the composed question when a
group wrote none), printed by `manual.html` like the booklet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from fiction.cards.model import Deck
from fiction.library import CardTitles, grid, scenarios
from fiction.library.french import fold
from fiction.render import templating
from fiction.render.booklet import DEFAULT_ACCENT, Chapter, chapter
from fiction.render.card_names import CardNames
from fiction.render.markdown import french_date, workshop_heading
from fiction.render.pdf import Printer
from fiction.render.printouts import document_file
from fiction.report.timing import Pace
from fiction.store.model import Workshop

TEMPLATE = "manual.html"


@dataclass(frozen=True)
class ManualWorkshop:
    name: str
    heading: str
    date: str
    place: str
    scenarios: int


@dataclass(frozen=True)
class ManualScenario:
    """One scenario's page: where it comes from and the group's chapter of the booklet."""

    anchor: str
    workshop: str
    date: str
    place: str
    chapter: Chapter

    @property
    def origin(self) -> str:
        """« Atelier du Mans · Le Mans · 12 mars 2025 »."""
        return " · ".join(fact for fact in (self.workshop, self.place, self.date) if fact)


@dataclass(frozen=True)
class Source:
    """Where an invented profession or a vigilance answer comes from."""

    anchor: str
    title: str
    workshop: str
    pseudonym: str


@dataclass(frozen=True)
class Profession:
    name: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class VigilanceAnswer:
    point: str
    question: str
    answer: str
    source: Source


@dataclass(frozen=True)
class FigureAnswers:
    figure: str
    answers: tuple[VigilanceAnswer, ...]


@dataclass(frozen=True)
class MapCounts:
    """Figures (rows) × themes (columns): how many scenarios each pair gave."""

    figures: tuple[str, ...]
    themes: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    figure_totals: tuple[int, ...]
    theme_totals: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class Manual:
    workshops: tuple[ManualWorkshop, ...]
    accent: str
    map: MapCounts
    scenarios: tuple[ManualScenario, ...]
    professions: tuple[Profession, ...]
    vigilance: tuple[FigureAnswers, ...]


def manual(workshops: Sequence[Workshop], decks: Mapping[str, Deck | None]) -> Manual:
    """The manual of `workshops`, in their order; `decks` by deck id (None: not at hand)."""
    found = scenarios(workshops)
    by_name = {workshop.name: workshop for workshop in workshops}
    at_hand = [deck for deck in decks.values() if deck is not None]
    titles = CardTitles.of_decks(at_hand)
    pages: list[ManualScenario] = []
    professions: dict[str, tuple[str, list[Source]]] = {}
    answers: dict[str, list[VigilanceAnswer]] = {}
    for number, scenario in enumerate(found, start=1):
        workshop = by_name[scenario.workshop]
        deck = decks.get(workshop.deck.id)
        names = CardNames(deck)
        group = workshop.group(scenario.group)
        told = chapter(group, names, Pace(group.reading_speed), deck)
        anchor = f"scenario-{number}"
        pages.append(
            ManualScenario(
                anchor,
                workshop_heading(workshop.name),
                french_date(workshop.date),
                workshop.place,
                told,
            )
        )
        source = Source(anchor, told.title, workshop_heading(workshop.name), group.pseudonym)
        for name in told.new_actors:
            key = " ".join(fold(name).split())
            professions.setdefault(key, (name.strip(), []))[1].append(source)
        points = [card for hand in group.hands for card in hand.vigilance] + list(group.answers)
        for card in dict.fromkeys(points):
            answer = group.answers.get(card, "").strip()
            if not answer:
                continue
            for figure in scenario.figures:
                answers.setdefault(figure, []).append(
                    VigilanceAnswer(names.title(card), names.question(card), answer, source)
                )
    cells = grid(found, titles)
    return Manual(
        workshops=tuple(
            ManualWorkshop(
                workshop.name,
                workshop_heading(workshop.name),
                french_date(workshop.date),
                workshop.place,
                sum(1 for scenario in found if scenario.workshop == workshop.name),
            )
            for workshop in workshops
        ),
        accent=at_hand[0].manifest.colours.figures if at_hand else DEFAULT_ACCENT,
        map=MapCounts(
            figures=tuple(titles.figure(card) for card in cells.figures),
            themes=tuple(titles.theme(card) for card in cells.themes),
            counts=tuple(
                tuple(cells.count(figure, theme) for theme in cells.themes)
                for figure in cells.figures
            ),
            figure_totals=tuple(len(cells.of(figure=card)) for card in cells.figures),
            theme_totals=tuple(len(cells.of(theme=card)) for card in cells.themes),
            total=len(found),
        ),
        scenarios=tuple(pages),
        professions=tuple(
            Profession(name, tuple(sources)) for _, (name, sources) in sorted(professions.items())
        ),
        vigilance=tuple(
            FigureAnswers(titles.figure(figure), tuple(answers[figure]))
            for figure in cells.figures
            if figure in answers
        ),
    )


def manual_html(folders: templating.TemplateFolders, values: Manual) -> str:
    return templating.render(folders, TEMPLATE, m=values)


def manual_file(
    printer: Printer,
    workshops: Sequence[Workshop],
    decks: Mapping[str, Deck | None],
    output: Path,
    chosen: str = "pdf",
) -> list[str]:
    """Write the manual of `workshops` as `chosen` (pdf or html) to `output`; its layout
    warnings."""
    html = manual_html(printer.folders, manual(workshops, decks))
    return document_file(printer, output, html, chosen)
