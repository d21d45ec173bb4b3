"""A group's shot list (« feuille de tournage ») as HTML, printed to an A4 PDF.

The values come from `fiction.report.shots`; the template `shots.html` lays
them out as one table per place, with a box to tick for each shot filmed.
"""

from __future__ import annotations

from dataclasses import dataclass

from fiction.cards.model import Deck
from fiction.render import templating
from fiction.render.booklet import DEFAULT_ACCENT
from fiction.render.markdown import workshop_heading
from fiction.render.templating import TemplateFolders
from fiction.report.script import duration
from fiction.report.shots import ShotList, shot_list
from fiction.report.timing import Pace
from fiction.store.model import Group, Workshop


@dataclass(frozen=True)
class ShotSheet:
    heading: str
    number: int
    pseudonym: str
    title: str
    accent: str
    shots: ShotList

    def duration(self, seconds: float) -> str:
        """« 4 s », « 1 min 05 s »; under a second but not nothing, « < 1 s »."""
        return "< 1 s" if 0 < seconds < 0.5 else duration(seconds)


def shot_sheet(workshop: Workshop, group: Group, deck: Deck | None, pace: Pace) -> ShotSheet:
    return ShotSheet(
        heading=workshop_heading(workshop.name),
        number=group.number,
        pseudonym=group.pseudonym,
        title=group.title.strip(),
        accent=deck.manifest.colours.figures if deck is not None else DEFAULT_ACCENT,
        shots=shot_list(group.segments, group.place_name, pace),
    )


def shots_html(folders: TemplateFolders, sheet: ShotSheet) -> str:
    return templating.render(folders, "shots.html", s=sheet)
