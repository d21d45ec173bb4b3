"""Hypothesis strategies for valid workshops and histories, as model objects."""

from __future__ import annotations

import dataclasses
import string

from hypothesis import strategies as st

from fiction.cards.model import CARD_KINDS
from fiction.store import join_codes
from fiction.store.model import (
    REVIEW_KINDS,
    SEGMENT_KINDS,
    WALL_MODES,
    DealRecord,
    DeckRef,
    Edit,
    Group,
    HandState,
    Phase,
    PhaseState,
    Review,
    Segment,
    Workshop,
)

# Any text a person could type or paste: every Unicode character SQLite, JSON and
# YAML must carry (surrogates cannot be encoded in UTF-8 at all).
texts = st.text(max_size=40)
multiline = st.text(alphabet=st.characters(exclude_categories=("Cs",)) | st.just("\n"), max_size=80)
labels = st.text(
    alphabet=st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(str.strip)
lines = st.lists(texts, max_size=4).map(tuple)
# The strings of [a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}, drawn without from_regex (which
# cost half of each workshop's drawing).
card_ids = st.lists(
    st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=6), min_size=1, max_size=3
).map("-".join)
moments = st.floats(min_value=0, max_value=4e9, allow_nan=False)
numbers = st.floats(allow_nan=False, allow_infinity=False)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | numbers | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def hands(draw: st.DrawFn, round_number: int) -> HandState:
    cards = {kind: tuple(draw(st.lists(card_ids, max_size=3))) for kind in CARD_KINDS}
    held = sorted({card for ids in cards.values() for card in ids})
    locked = draw(st.lists(st.sampled_from(held), unique=True)) if held else []
    return HandState(
        round=round_number,
        **cards,
        locked=tuple(locked),
        discarded=tuple(draw(st.lists(card_ids, max_size=3))),
        redraws=draw(st.integers(0, 5)),
    )


segments = st.builds(
    Segment,
    id=st.integers(1, 10**6),
    kind=st.sampled_from(SEGMENT_KINDS),
    image=multiline,
    sound=multiline,
    speakers=lines,
    cue=texts,
)


@st.composite
def groups(draw: st.DrawFn, number: int, pseudonym: str, rounds: int) -> Group:
    return Group(
        number=number,
        pseudonym=pseudonym,
        hands=tuple(draw(hands(r)) for r in range(1, rounds + 1)),
        step=draw(st.integers(1, 6)),
        title=draw(texts),
        place_name=draw(texts),
        question=draw(multiline),
        context=draw(multiline),
        narrative=draw(multiline),
        purpose=draw(multiline),
        actions=draw(lines),
        new_actors=draw(lines),
        answers=draw(st.dictionaries(card_ids, texts.filter(bool), max_size=3)),
        segments=tuple(draw(st.lists(segments, max_size=3, unique_by=lambda s: s.id))),
        updated_at=draw(st.none() | moments),
    )


weather_answers = st.lists(
    st.lists(
        st.text(string.ascii_letters + "éèàçœ'’-", min_size=1, max_size=12), min_size=1, max_size=3
    )
    .map(" ".join)
    .filter(lambda answer: len(answer) <= 60),
    max_size=4,
).map(tuple)


@st.composite
def room(draw: st.DrawFn, workshop: Workshop) -> Workshop:
    """`workshop` with the room's fields (issue 15) filled in, votes valid for its groups."""
    count = len(workshop.groups)
    groups = tuple(
        dataclasses.replace(
            group,
            weather=draw(weather_answers),
            weather_end=draw(weather_answers),
            votes=tuple(
                draw(
                    st.lists(
                        st.integers(1, count).filter(lambda n, own=group.number: n != own),
                        max_size=3 if count > 1 else 0,
                    )
                )
            ),
            review=Review(**{kind: draw(lines) for kind in REVIEW_KINDS}),
            next_step=draw(multiline),
            feedback=draw(texts.filter(lambda text: text.isprintable())),
        )
        for group in workshop.groups
    )
    presenting = draw(st.none() | st.integers(1, count))
    return dataclasses.replace(
        workshop,
        groups=groups,
        weather_end=draw(weather_answers),
        votes_per_group=draw(st.integers(1, 10)),
        votes_revealed=draw(st.booleans()),
        presentation_minutes=draw(st.integers(1, 60)),
        wall=draw(st.sampled_from(WALL_MODES)),
        presenting=presenting,
        presenting_since=None if presenting is None else draw(moments),
    )


@st.composite
def workshops(draw: st.DrawFn) -> Workshop:
    rounds = draw(st.integers(1, 2))
    names = draw(st.lists(labels, min_size=1, max_size=4, unique=True))
    phases = draw(st.lists(st.builds(Phase, labels, st.integers(1, 600), multiline), max_size=4))
    days = sorted(draw(st.lists(st.integers(1, 5), min_size=len(phases), max_size=len(phases))))
    agenda = tuple(dataclasses.replace(p, day=d) for p, d in zip(phases, days, strict=True))
    index = draw(st.none() | st.integers(0, len(agenda) - 1)) if agenda else None
    return Workshop(
        name=draw(labels),
        date=draw(st.just("") | st.dates().map(lambda day: day.isoformat())),
        place=draw(texts),
        deck=DeckRef(draw(card_ids), draw(labels), draw(st.text(string.hexdigits, min_size=1))),
        deal=DealRecord(
            seed=draw(st.integers(0, 2**80)),
            code=draw(labels),
            rounds=rounds,
            redraw_limit=draw(st.integers(0, 10)),
            parameters=draw(st.dictionaries(texts, json_values, max_size=4)),
        ),
        groups=tuple(
            draw(groups(number, pseudonym, rounds))
            for number, pseudonym in enumerate(names, start=1)
        ),
        agenda=agenda,
        phase=PhaseState(
            index=index,
            started_at=draw(st.none() | moments),
            elapsed=draw(st.floats(0, 1e6)),
            extra_minutes=draw(st.integers(-600, 600)),
        ),
        review=Review(**{kind: draw(lines) for kind in REVIEW_KINDS}),
        weather=draw(lines),
        created_at=draw(moments),
        updated_at=draw(moments),
        start_time=draw(st.just("") | st.times().map(lambda t: t.strftime("%H:%M"))),
        join_code=draw(st.just("") | st.text(join_codes.ALPHABET, min_size=4, max_size=16)),
    )


@st.composite
def histories(draw: st.DrawFn, group_count: int) -> tuple[Edit, ...]:
    size = draw(st.integers(0, 5))
    return tuple(
        Edit(
            seq=seq,
            at=draw(moments),
            author=draw(labels),
            group=draw(st.none() | st.integers(1, group_count)),
            path=draw(labels),
            old=draw(json_values),
            new=draw(json_values),
            undoes=draw(st.none() | st.integers(1, seq - 1)) if seq > 1 else None,
        )
        for seq in range(1, size + 1)
    )


@st.composite
def workshops_with_history(draw: st.DrawFn) -> tuple[Workshop, tuple[Edit, ...]]:
    workshop = draw(workshops())
    if draw(st.booleans()):
        workshop = draw(room(workshop))
    return workshop, draw(histories(len(workshop.groups)))
