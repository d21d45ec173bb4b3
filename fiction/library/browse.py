"""Browsing scenarios by figure × theme, across workshops: the booklet's map, many times over.

`grid` crosses every figure with every theme (the decks' cards first, in deck
order, then any card a deck at hand does not hold) and files each scenario in
the cells of the pairs it was dealt: a group dealt two themes counts in both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from fiction.library.scenarios import NO_TITLES, CardTitles, Scenario


@dataclass(frozen=True)
class Grid:
    """Figures (rows) × themes (columns), by card id, and the scenarios of each cell."""

    figures: tuple[str, ...]
    themes: tuple[str, ...]
    cells: Mapping[tuple[str, str], tuple[Scenario, ...]]
    scenarios: tuple[Scenario, ...] = ()

    def count(self, figure: str, theme: str) -> int:
        return len(self.cells.get((figure, theme), ()))

    def of(self, figure: str | None = None, theme: str | None = None) -> tuple[Scenario, ...]:
        """The scenarios dealt this figure and this theme (None: any), in their order."""
        return tuple(
            scenario
            for scenario in self.scenarios
            if (figure is None or figure in scenario.figures)
            and (theme is None or theme in scenario.themes)
        )


def grid(found: Iterable[Scenario], titles: CardTitles = NO_TITLES) -> Grid:
    found = tuple(found)
    figures = dict.fromkeys(titles.figures)
    themes = dict.fromkeys(titles.themes)
    cells: dict[tuple[str, str], list[Scenario]] = {}
    for scenario in found:
        figures.update(dict.fromkeys(scenario.figures))
        themes.update(dict.fromkeys(scenario.themes))
        for figure in scenario.figures:
            for theme in scenario.themes:
                cells.setdefault((figure, theme), []).append(scenario)
    return Grid(
        tuple(figures),
        tuple(themes),
        {pair: tuple(cell) for pair, cell in cells.items()},
        found,
    )
