"""The workshop booklet as plain values: what each page of the booklet says.

Built from a stored workshop and its deck, read by the booklet and script
templates. Card ids become card titles when the deck is at hand (ids
otherwise, as the Markdown export does); the news-report script carries its
estimated timings (`fiction.report.timing`); the map of what was explored
crosses every figure of the deck with every theme and names the groups that
drew each pair. A group's chapter lists its whole hand and its « Et si
demain… » question: the one it wrote, or else the one its cards compose
(`fiction.engine.prompts`). The agenda gives clock times from the workshop's
start time (« 14:00 »), or times from the start (« + 1 h 20 ») when none is set.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fiction.cards.model import CARD_KINDS, Deck
from fiction.engine.model import Hand
from fiction.engine.prompts import compose_prompt
from fiction.errors import FictionError
from fiction.render.agenda import AgendaRow, agenda_rows, hours_minutes
from fiction.render.card_names import CardNames
from fiction.render.markdown import HAND_LABELS, french_date, workshop_heading
from fiction.report.room import (
    Moment,
    ReviewItem,
    VoteResult,
    WordCount,
    cloud_svg,
    review_board,
    vote_tally,
    votes_cast,
    weather_counts,
)
from fiction.report.script import clock, duration
from fiction.report.timing import Pace, segment_seconds
from fiction.store.creation import deck_hash
from fiction.store.model import REVIEW_KINDS, REVIEW_LABELS, SEGMENT_LABELS, Group, Workshop

DEFAULT_TITLE = "Scénario sans titre"
DEFAULT_ACCENT = "#1f5f8b"


@dataclass(frozen=True)
class ScriptRow:
    """One segment of the running order, with when it starts and how long it lasts."""

    number: int
    kind: str
    speakers: tuple[str, ...]
    image: tuple[str, ...]
    sound: str
    cue: str
    start: str
    duration: str


@dataclass(frozen=True)
class Script:
    rows: tuple[ScriptRow, ...]
    total: str
    words_per_minute: int


@dataclass(frozen=True)
class Answer:
    """A vigilance point, the question it asks and what the group answered."""

    title: str
    question: str
    answer: str


@dataclass(frozen=True)
class Chapter:
    """One group's chapter: its cards, its scenario, its answers, its news report."""

    anchor: str
    number: int
    pseudonym: str
    title: str
    figures: tuple[str, ...]
    themes: tuple[str, ...]
    hand: tuple[tuple[str, tuple[str, ...]], ...]
    """(label, card titles) of every kind the group was dealt, all rounds together."""
    question: str
    question_composed: bool
    """The group wrote no question: `question` is the one its cards compose."""
    place_name: str
    context: str
    narrative: str
    purpose: str
    actions: tuple[str, ...]
    new_actors: tuple[str, ...]
    answers: tuple[Answer, ...]
    script: Script


@dataclass(frozen=True)
class ExploredMap:
    """Figures (rows) × themes (columns); each cell lists the groups that drew the pair."""

    figures: tuple[str, ...]
    themes: tuple[str, ...]
    cells: tuple[tuple[tuple[str, ...], ...], ...]


@dataclass(frozen=True)
class Weather:
    """One météo (at the start or at the end): its word cloud and its words."""

    title: str
    words: tuple[WordCount, ...]
    cloud: str
    """The word cloud as inline SVG markup (its words escaped by `cloud_svg`)."""
    listing: str
    """« soleil (3), orage, calme »: each word, with its count when above one."""


@dataclass(frozen=True)
class Room:
    """What the room did besides the scenarios (issue 15): météo, votes, bilan, next steps."""

    weather: tuple[Weather, ...]
    votes: tuple[VoteResult, ...]
    """The tally, most voted first; empty until the votes are revealed."""
    votes_hidden: bool
    """Groups voted but the votes were not revealed: the booklet says so, no figures."""
    review: tuple[tuple[str, tuple[ReviewItem, ...]], ...]
    """(column label, items) of the bilan's five columns, each item with who wrote it."""
    next_steps: tuple[tuple[str, str], ...]
    """(pseudonym, « Mon prochain petit pas ») of each group that wrote one."""
    feedback: tuple[tuple[str, str], ...]
    """(pseudonym, one-line feedback) of each group that wrote one."""

    @property
    def has_review(self) -> bool:
        return any(items for _, items in self.review)

    @property
    def empty(self) -> bool:
        return not (
            self.weather
            or self.votes
            or self.votes_hidden
            or self.has_review
            or self.next_steps
            or self.feedback
        )


@dataclass(frozen=True)
class Booklet:
    name: str
    heading: str
    """« Atelier « Fresque » », or the name alone when it already says « Atelier … »."""
    date: str
    place: str
    deck_title: str
    deck_version: str
    accent: str
    """The colour of headings: the deck's figure colour."""
    agenda: tuple[AgendaRow, ...]
    agenda_clock: bool
    """The agenda's starts are clock times (the workshop has a start time)."""
    agenda_total: str
    explored: ExploredMap
    chapters: tuple[Chapter, ...]
    pseudonyms: tuple[tuple[int, str], ...]
    review: tuple[tuple[str, tuple[str, ...]], ...]
    weather: tuple[str, ...]
    deal_code: str
    seed: int
    rounds: int
    attribution: tuple[str, tuple[str, ...], str] | None
    """(document, authors, years) of the deck's content, when the deck is at hand."""
    deck_changed: bool
    """The deck at hand is not the one the workshop was dealt from (its content changed)."""
    room: Room | None = None
    """The météo, votes and bilan; None when the room left nothing to print."""


def booklet(workshop: Workshop, deck: Deck | None, pace: Pace | None = None) -> Booklet:
    names = CardNames(deck)
    total_minutes = sum(phase.minutes for phase in workshop.agenda)
    source = deck.manifest.source if deck is not None else None
    return Booklet(
        name=workshop.name,
        heading=workshop_heading(workshop.name),
        date=french_date(workshop.date),
        place=workshop.place,
        deck_title=deck.manifest.title if deck is not None else workshop.deck.id,
        deck_version=workshop.deck.version,
        accent=deck.manifest.colours.figures if deck is not None else DEFAULT_ACCENT,
        agenda=agenda_rows(workshop),
        agenda_clock=bool(workshop.start_time),
        agenda_total=hours_minutes(total_minutes),
        explored=explored_map(workshop, deck, names),
        # Each group's script at its own reading speed, unless one is imposed.
        chapters=tuple(
            chapter(group, names, pace or Pace(group.reading_speed), deck)
            for group in workshop.groups
        ),
        pseudonyms=tuple((group.number, group.pseudonym) for group in workshop.groups),
        review=tuple((REVIEW_LABELS[kind], workshop.review.items(kind)) for kind in REVIEW_KINDS),
        weather=workshop.weather,
        deal_code=workshop.deal.code,
        seed=workshop.deal.seed,
        rounds=workshop.deal.rounds,
        attribution=(source.document, source.authors, source.years) if source else None,
        deck_changed=deck is not None and deck_hash(deck) != workshop.deck.content_hash,
        room=room(workshop),
    )


WEATHER_TITLES = {"start": "Au début de l'atelier", "end": "À la fin de l'atelier"}


def room(workshop: Workshop) -> Room | None:
    """The room's part of the booklet; None when nobody gave a météo, voted or wrote a bilan."""
    from markupsafe import Markup

    weather = []
    moments: tuple[Moment, ...] = ("start", "end")
    for moment in moments:
        words = weather_counts(workshop, moment)
        if words:
            title = WEATHER_TITLES[moment]
            weather.append(
                Weather(
                    title=title,
                    words=words,
                    cloud=Markup(cloud_svg(words, title=f"Météo — {title}")),
                    listing=word_listing(words),
                )
            )
    cast = votes_cast(workshop)
    board = review_board(workshop)
    part = Room(
        weather=tuple(weather),
        votes=vote_tally(workshop) if cast and workshop.votes_revealed else (),
        votes_hidden=bool(cast) and not workshop.votes_revealed,
        review=tuple((REVIEW_LABELS[kind], board[kind]) for kind in REVIEW_KINDS),
        next_steps=tuple(
            (group.pseudonym, group.next_step.strip())
            for group in workshop.groups
            if group.next_step.strip()
        ),
        feedback=tuple(
            (group.pseudonym, group.feedback.strip())
            for group in workshop.groups
            if group.feedback.strip()
        ),
    )
    return None if part.empty else part


def word_listing(words: Iterable[WordCount]) -> str:
    """« soleil (3), orage, calme »: the count said only when a word came more than once."""
    return ", ".join(f"{w.word} ({w.count})" if w.count > 1 else w.word for w in words)


def chapter(group: Group, names: CardNames, pace: Pace, deck: Deck | None = None) -> Chapter:
    figures = _unique(card for hand in group.hands for card in hand.figures)
    points = _unique([*(card for hand in group.hands for card in hand.vigilance), *group.answers])
    hand = tuple(
        (HAND_LABELS.get(kind, kind), tuple(names.title(card) for card in cards))
        for kind in CARD_KINDS
        if (cards := _unique(card for held in group.hands for card in held.ids(kind)))
    )
    question = group.question.strip()
    composed = False
    if not question and deck is not None and group.hands:
        question, composed = _composed_question(deck, group), True
    return Chapter(
        anchor=f"groupe-{group.number}",
        number=group.number,
        pseudonym=group.pseudonym,
        title=group.title.strip() or DEFAULT_TITLE,
        figures=tuple(names.title(card) for card in figures),
        themes=tuple(
            names.title(card) for card in _unique(c for h in group.hands for c in h.themes)
        ),
        hand=hand,
        question=question,
        question_composed=composed and bool(question),
        place_name=group.place_name,
        context=group.context,
        narrative=group.narrative,
        purpose=group.purpose,
        actions=tuple(item for item in group.actions if item.strip()),
        new_actors=tuple(item for item in group.new_actors if item.strip()),
        answers=tuple(
            Answer(names.title(card), names.question(card), group.answers.get(card, ""))
            for card in points
        ),
        script=script(group, pace),
    )


def script(group: Group, pace: Pace | None = None) -> Script:
    pace = pace or Pace(group.reading_speed)
    rows, elapsed = [], 0.0
    for number, segment in enumerate(group.segments, start=1):
        seconds = segment_seconds(segment, pace)
        rows.append(
            ScriptRow(
                number=number,
                kind=SEGMENT_LABELS.get(segment.kind, segment.kind),
                speakers=segment.speakers,
                image=tuple(line.strip() for line in segment.image.splitlines() if line.strip()),
                sound=segment.sound,
                cue=segment.cue,
                start=clock(elapsed),
                duration=duration(seconds),
            )
        )
        elapsed += seconds
    return Script(tuple(rows), duration(elapsed), round(pace.words_per_second * 60))


def explored_map(workshop: Workshop, deck: Deck | None, names: CardNames) -> ExploredMap:
    hands = [(group, hand) for group in workshop.groups for hand in group.hands]
    figures = [card.id for card in deck.figures] if deck is not None else []
    themes = [card.id for card in deck.themes] if deck is not None else []
    for _, hand in hands:
        figures += [card for card in hand.figures if card not in figures]
        themes += [card for card in hand.themes if card not in themes]
    cells = []
    for figure in figures:
        row = []
        for theme in themes:
            drawn = _unique(
                f"{group.number}. {group.pseudonym}"
                for group, hand in hands
                if figure in hand.figures and theme in hand.themes
            )
            row.append(tuple(drawn))
        cells.append(tuple(row))
    return ExploredMap(
        tuple(names.title(card) for card in figures),
        tuple(names.title(card) for card in themes),
        tuple(cells),
    )


def _composed_question(deck: Deck, group: Group) -> str:
    """The question the group's first hand composes, or "" if the deck's template fails."""
    first = group.hands[0]
    hand = Hand(group.number, first.round, **{kind: first.ids(kind) for kind in CARD_KINDS})
    try:
        return compose_prompt(deck, hand).question
    except FictionError:
        return ""


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
