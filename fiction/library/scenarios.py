"""Every scenario of every workshop, as the library searches and browses them.

A scenario is what one group wrote: its fields in reading order (title first,
then the question, the place, the context, the narrative, the purpose, the
actions, the invented roles, the vigilance answers and the news script's
IMAGE and SON columns), with the cards it was dealt (figures and themes, every
round together) and where it comes from: the workshop's name, date and place,
and the group's number and pseudonym. Nothing else leaves the workshop: no
history, no author, no name of a person. A group that wrote nothing is no
scenario.

`CardTitles` names figures and themes from the workshops' decks (ids when a
deck is not at hand); `Filters` keeps the scenarios of one figure, theme,
place or year, a card being chosen by its id or its title.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from fiction.cards.model import Deck
from fiction.library.french import fold
from fiction.store.model import Group, Workshop

GROUP_FIELDS: tuple[str, ...] = ("title", "question", "place_name", "context", "narrative")
"""The group's texts before its lists, in reading order (`purpose` follows the narrative)."""


@dataclass(frozen=True)
class Passage:
    """One text of a scenario and the field it was typed in.

    `field` is the store's path of the field (`narrative`, `actions`,
    `vigilance/<card id>`, `segment/<id>/sound`); a list field gives one
    passage per item.
    """

    field: str
    text: str


@dataclass(frozen=True)
class Scenario:
    """What one group wrote, and where it comes from (pseudonym only)."""

    workshop: str
    date: str
    place: str
    group: int
    pseudonym: str
    title: str
    figures: tuple[str, ...]
    themes: tuple[str, ...]
    passages: tuple[Passage, ...]

    @property
    def key(self) -> tuple[str, int]:
        return (self.workshop, self.group)


@dataclass(frozen=True)
class CardTitles:
    """Figure and theme titles by card id, in deck order; an unknown id names itself."""

    figures: Mapping[str, str] = field(default_factory=dict)
    themes: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of_decks(cls, decks: Iterable[Deck]) -> CardTitles:
        figures: dict[str, str] = {}
        themes: dict[str, str] = {}
        for deck in decks:
            for figure in deck.figures:
                figures.setdefault(figure.id, figure.title)
            for theme in deck.themes:
                themes.setdefault(theme.id, theme.title)
        return cls(figures, themes)

    def figure(self, card_id: str) -> str:
        return self.figures.get(card_id, card_id)

    def theme(self, card_id: str) -> str:
        return self.themes.get(card_id, card_id)


NO_TITLES = CardTitles()
"""Cards named by their ids only."""


@dataclass(frozen=True)
class Filters:
    """Which scenarios to keep: a figure and a theme (card id or title), a place, a year."""

    figure: str | None = None
    theme: str | None = None
    place: str | None = None
    year: int | None = None

    def keeps(self, scenario: Scenario, titles: CardTitles = NO_TITLES) -> bool:
        if self.figure and not any(
            names_card(self.figure, card, titles.figure(card)) for card in scenario.figures
        ):
            return False
        if self.theme and not any(
            names_card(self.theme, card, titles.theme(card)) for card in scenario.themes
        ):
            return False
        if self.place and _loose(self.place) not in _loose(scenario.place):
            return False
        return self.year is None or scenario.date[:4] == f"{self.year:04d}"


NO_FILTERS = Filters()
"""Every scenario kept."""


def names_card(asked: str, card_id: str, title: str) -> bool:
    """Whether `asked` names the card: its id, its title or part of its title, in any
    case and with or without accents (« radar », « Convivialités », « avocat-social »)."""
    wanted = _loose(asked)
    return bool(wanted) and (wanted == _loose(card_id) or wanted in _loose(title))


def cards_named(asked: str, cards: Mapping[str, str]) -> tuple[str, ...]:
    """The ids of `cards` (id → title) that `asked` names: the one whose id or whole
    title it is, else every card whose title holds it."""
    wanted = _loose(asked)
    exact = tuple(card for card, title in cards.items() if wanted in (_loose(card), _loose(title)))
    if exact:
        return exact
    return tuple(card for card, title in cards.items() if names_card(asked, card, title))


def scenarios(workshops: Iterable[Workshop]) -> tuple[Scenario, ...]:
    """The scenarios of `workshops`, workshop after workshop, group after group."""
    found = []
    for workshop in workshops:
        for group in workshop.groups:
            passages = group_passages(group)
            if not passages:
                continue
            found.append(
                Scenario(
                    workshop=workshop.name,
                    date=workshop.date,
                    place=workshop.place,
                    group=group.number,
                    pseudonym=group.pseudonym,
                    title=_text(group.title),
                    figures=_unique(card for hand in group.hands for card in hand.figures),
                    themes=_unique(card for hand in group.hands for card in hand.themes),
                    passages=passages,
                )
            )
    return tuple(found)


def group_passages(group: Group) -> tuple[Passage, ...]:
    """Every non-blank text the group wrote, in reading order."""
    texts: list[tuple[str, str]] = [(name, getattr(group, name)) for name in GROUP_FIELDS]
    texts.append(("purpose", group.purpose))
    texts += [("actions", item) for item in group.actions]
    texts += [("new_actors", item) for item in group.new_actors]
    texts += [(f"vigilance/{card}", answer) for card, answer in group.answers.items()]
    for segment in group.segments:
        texts.append((f"segment/{segment.id}/image", segment.image))
        texts.append((f"segment/{segment.id}/sound", segment.sound))
    return tuple(Passage(name, _text(text)) for name, text in texts if text.strip())


def _text(text: str) -> str:
    # NFC so that a word is never split by a decomposed accent, nor its place shifted.
    return unicodedata.normalize("NFC", text.strip())


def _loose(text: str) -> str:
    """Folded, with hyphens, apostrophes and runs of spaces as one space."""
    return " ".join(re.split(r"[\W_]+", fold(text))).strip()


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
