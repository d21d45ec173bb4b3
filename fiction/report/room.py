"""The room's results (issue 15): météo word clouds, the votes, the bilan, the restitution.

Pure functions of a `Workshop` (and a time): the wall screen, the booklet and
the Markdown account all read the same figures from here. `cloud_svg` draws a
word cloud as a self-contained SVG (no font, script or image to fetch), the
same for the same words, so a booklet prints the same twice.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Literal

from fiction.folding import STOP_WORDS, fold
from fiction.store.model import REVIEW_KINDS, Workshop

Moment = Literal["start", "end"]

FACILITATOR = "Animation"
"""How a bilan item written by the facilitator is signed (groups sign with their pseudonym)."""

ELISIONS = frozenset(("c", "d", "j", "l", "m", "n", "qu", "s", "t", "jusqu", "lorsqu", "puisqu"))
"""What an apostrophe cuts from the word after it: « l'envie » counts as « envie »."""

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_ELIDED = re.compile(r"([^\W_]+)['’](.+)")


@dataclass(frozen=True)
class WordCount:
    """One word of a météo and how many answers used it."""

    word: str
    count: int


@dataclass(frozen=True)
class VoteResult:
    """The votes a group's scenario received."""

    number: int
    pseudonym: str
    title: str
    votes: int


@dataclass(frozen=True)
class ReviewItem:
    """One item of the bilan board, with who wrote it (None and « Animation »: the facilitator)."""

    text: str
    group: int | None
    pseudonym: str


def words(answer: str) -> list[str]:
    """The words of an answer as written, elisions cut (« l'envie » → « envie »);
    a hyphenated word stays whole (« peut-être »)."""
    found = []
    for token in _WORD.findall(answer):
        elided = _ELIDED.match(token)
        while elided and fold(elided[1]) in ELISIONS:
            token = elided[2]
            elided = _ELIDED.match(token)
        found.append(token)
    return found


def word_counts(answers: Iterable[str]) -> tuple[WordCount, ...]:
    """How often each word comes up, accents and case folded, stop words left out.

    A word is shown in its most frequent spelling (between equals, the lower-case
    one, then the first in alphabetical order); the most frequent words come
    first, then by word.
    """
    counts: Counter[str] = Counter()
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for answer in answers:
        for word in words(answer):
            key = fold(word)
            if key in STOP_WORDS:
                continue
            counts[key] += 1
            spellings[key][word] += 1
    shown = {
        key: min(
            spelling.items(), key=lambda item: (-item[1], item[0] != item[0].lower(), item[0])
        )[0]
        for key, spelling in spellings.items()
    }
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0], shown[item[0]]))
    return tuple(WordCount(shown[key], count) for key, count in ranked)


def weather_answers(workshop: Workshop, moment: Moment) -> tuple[str, ...]:
    """Every météo answer of `moment`: the facilitator's, then each group's."""
    if moment not in ("start", "end"):
        raise ValueError(f"moment « {moment} » : start ou end attendu")
    own = workshop.weather if moment == "start" else workshop.weather_end
    groups = (g.weather if moment == "start" else g.weather_end for g in workshop.groups)
    return (*own, *(answer for answers in groups for answer in answers))


def weather_counts(workshop: Workshop, moment: Moment) -> tuple[WordCount, ...]:
    """The words of the météo at the start or at the end, the facilitator's and the groups'."""
    return word_counts(weather_answers(workshop, moment))


def valid_votes(workshop: Workshop, number: int) -> tuple[int, ...]:
    """The votes of group `number` that count: its first `votes_per_group`, and among
    them only those for another group the workshop has."""
    group = workshop.group(number)
    first = group.votes[: workshop.votes_per_group]
    return tuple(v for v in first if v != number and 1 <= v <= len(workshop.groups))


def vote_tally(workshop: Workshop) -> tuple[VoteResult, ...]:
    """Every group's scenario and the valid votes it received, most voted first."""
    received: Counter[int] = Counter()
    for group in workshop.groups:
        received.update(valid_votes(workshop, group.number))
    results = (
        VoteResult(group.number, group.pseudonym, group.title, received[group.number])
        for group in workshop.groups
    )
    return tuple(sorted(results, key=lambda result: (-result.votes, result.number)))


def votes_cast(workshop: Workshop) -> int:
    """How many valid votes were given in all (0: nobody voted)."""
    return sum(len(valid_votes(workshop, group.number)) for group in workshop.groups)


def review_board(workshop: Workshop) -> dict[str, tuple[ReviewItem, ...]]:
    """The bilan's five columns (`REVIEW_KINDS`, in order): the facilitator's items
    first, then each group's; blank items left out."""
    board: dict[str, tuple[ReviewItem, ...]] = {}
    for kind in REVIEW_KINDS:
        items = [ReviewItem(text, None, FACILITATOR) for text in workshop.review.items(kind)]
        for group in workshop.groups:
            items += [
                ReviewItem(text, group.number, group.pseudonym) for text in group.review.items(kind)
            ]
        board[kind] = tuple(item for item in items if item.text.strip())
    return board


def presentation_left(workshop: Workshop, now: float) -> float | None:
    """Seconds the presenting group has left (negative once over time), None when no
    group is presenting."""
    if workshop.presenting is None or workshop.presenting_since is None:
        return None
    return workshop.presentation_minutes * 60.0 - (now - workshop.presenting_since)


# --- the word cloud ------------------------------------------------------------

CLOUD_COLOURS = ("#1d4e89", "#b5446e", "#2a7f62", "#c05a00", "#5b3f8c", "#7a5c00")
"""Dark enough on white for a printed page and a projector (contrast above 4.5:1)."""
MIN_FONT = 12.0
MAX_FONT = 64.0
_CHAR_WIDTH = 0.62
"""Estimated width of a character, in font sizes (a generous sans-serif average)."""
_LINE_HEIGHT = 1.25
_GAP = 0.45
"""Space between two words of a row, in font sizes of the smaller one."""


@dataclass(frozen=True)
class _Placed:
    word: str
    size: float
    x: float
    y: float
    colour: str


def _font_size(count: int, most: int, scale: float) -> float:
    share = math.sqrt(count / most) if most else 1.0
    return round((MIN_FONT + (MAX_FONT - MIN_FONT) * share) * scale, 1)


def _layout(
    counts: Sequence[WordCount], width: float, height: float, scale: float
) -> list[_Placed] | None:
    """Rows of words, widest first in the middle row; None when they do not fit."""
    most = max(c.count for c in counts)
    rows: list[list[tuple[WordCount, float, float]]] = [[]]
    row_width = 0.0
    for counted in counts:
        size = _font_size(counted.count, most, scale)
        box = len(counted.word) * size * _CHAR_WIDTH
        if box > width:
            return None
        gap = size * _GAP if rows[-1] else 0.0
        if rows[-1] and row_width + gap + box > width:
            rows.append([])
            row_width, gap = 0.0, 0.0
        rows[-1].append((counted, size, box))
        row_width += gap + box
    heights = [max(size for _, size, _ in row) * _LINE_HEIGHT for row in rows]
    if sum(heights) > height:
        return None
    # The first row (the most frequent words) in the middle, the others around it.
    middle_out = [*reversed(range(1, len(rows), 2)), 0, *range(2, len(rows), 2)]
    placed: list[_Placed] = []
    y = (height - sum(heights)) / 2
    for row_index in middle_out:
        row, row_height = rows[row_index], heights[row_index]
        total = sum(box for _, _, box in row) + sum(size * _GAP for _, size, _ in row[1:])
        x = (width - total) / 2
        baseline = y + row_height * 0.8
        for position, (counted, size, box) in enumerate(row):
            if position:
                x += size * _GAP
            colour_index = (row_index * 7 + position) % len(CLOUD_COLOURS)
            placed.append(
                _Placed(counted.word, size, x + box / 2, baseline, CLOUD_COLOURS[colour_index])
            )
            x += box
        y += row_height
    return placed


def cloud_svg(
    counts: Sequence[WordCount],
    width: int = 640,
    height: int = 360,
    *,
    title: str = "Nuage de mots",
) -> str:
    """A word cloud as a self-contained SVG: each word sized by its count, in rows that
    never overlap (sizes shrink until every word fits; the rarest words are left out
    if even the smallest size cannot hold them all). The same words give the same SVG."""
    counts = tuple(c for c in counts if c.count > 0 and c.word)
    placed: list[_Placed] = []
    shown = len(counts)
    while shown:
        scale = 1.0
        layout = None
        while scale >= MIN_FONT / MAX_FONT / 2 and layout is None:
            layout = _layout(counts[:shown], width, height, scale)
            scale *= 0.9
        if layout is not None:
            placed = layout
            break
        shown -= 1
    summary = ", ".join(f"{c.word} ({c.count})" for c in counts)
    texts = "".join(
        f'<text x="{p.x:.1f}" y="{p.y:.1f}" font-size="{p.size:.1f}" fill="{p.colour}"'
        f' text-anchor="middle">{escape(p.word)}</text>'
        for p in placed
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}"'
        f' width="{width}" height="{height}" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title><desc>{escape(summary)}</desc>"
        f'<g font-family="sans-serif" font-weight="bold">{texts}</g></svg>'
    )
