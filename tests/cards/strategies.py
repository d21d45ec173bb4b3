"""Hypothesis strategies for valid decks, built as model objects."""

from __future__ import annotations

import functools

from hypothesis import strategies as st

from fiction.cards.loader import resolve
from fiction.cards.model import (
    CONTEXT_KINDS,
    Attribution,
    Colours,
    Context,
    Evidence,
    Figure,
    HandSpec,
    Inspiration,
    Manifest,
    Role,
    Scenario,
    Theme,
    Vigilance,
)

_ALPHABET = st.characters(
    codec="utf-8",
    exclude_categories=("Cs", "Cc", "Cf", "Co", "Cn", "Zl", "Zp"),
) | st.sampled_from("\n'\":#-&*!|>%@`{}[],?«»’…")


@functools.cache  # one strategy per size: Hypothesis validates each new one again
def texts(max_size: int) -> st.SearchStrategy[str]:
    """Non-empty texts as the loader keeps them (already stripped)."""
    return (
        st.text(_ALPHABET, min_size=1, max_size=max_size)
        .map(str.strip)
        .filter(lambda text: text != "" and text == text.strip())
    )


colours = st.from_regex(r"#[0-9a-f]{6}", fullmatch=True)


@st.composite
def decks(draw):
    """A small valid deck: unique ids, consistent references, dealable hands."""
    counter = iter(range(10_000))

    def new_id(prefix: str) -> str:
        return f"{prefix}-{next(counter)}"

    def short() -> str:
        return draw(texts(40))

    roles = [
        Role(new_id("role"), short(), draw(texts(100)), short())
        for _ in range(draw(st.integers(3, 6)))
    ]
    figures = []
    vigilance = []
    for _ in range(draw(st.integers(1, 3))):
        points = [
            Vigilance(new_id("vig"), short(), draw(texts(100)), short(), short())
            for _ in range(draw(st.integers(1, 2)))
        ]
        vigilance += points
        own = draw(
            st.lists(st.sampled_from([r.id for r in roles]), min_size=2, max_size=4, unique=True)
        )
        figures.append(
            Figure(
                id=new_id("fig"),
                title=short(),
                summary=short(),
                evidence=Evidence(short(), short()),
                question=short(),
                description=draw(texts(300)),
                purpose=short(),
                actions=tuple(draw(st.lists(texts(60), min_size=1, max_size=3))),
                scenarios=tuple(
                    Scenario(new_id("scen"), short(), short(), draw(texts(200))) for _ in range(2)
                ),
                roles=tuple(own),
                vigilance=tuple(p.id for p in points),
                monologue=draw(texts(200)),
                source=short(),
            )
        )
    hand = HandSpec(
        themes=draw(st.integers(0, 1)),
        figures=1,
        contexts=draw(st.integers(0, 2)),
        roles=draw(st.integers(1, 3)),
        vigilance=draw(st.integers(1, min(2, len(vigilance)))),
        inspirations=draw(st.integers(0, 1)),
    )
    manifest = Manifest(
        id=new_id("jeu"),
        title=short(),
        language="fr",
        version=draw(st.sampled_from(["1", "1.0", "2.3.4"])),
        description=draw(texts(200)),
        source=Attribution(
            document=short(),
            authors=tuple(draw(st.lists(texts(30), min_size=1, max_size=3))),
            years="2026",
        ),
        colours=Colours(*(draw(colours) for _ in range(6))),
        hand=hand,
    )
    loose_points = [
        Vigilance(new_id("vig"), short(), short(), short(), short())
        for _ in range(draw(st.integers(0, 1)))
    ]
    themes = [
        Theme(
            new_id("theme"),
            short(),
            short(),
            tuple(draw(st.lists(texts(50), min_size=2, max_size=4))),
            short(),
        )
        for _ in range(draw(st.integers(1, 3)))
    ]
    contexts = [
        Context(
            new_id("ctx"),
            short(),
            draw(st.sampled_from(CONTEXT_KINDS)),
            short(),
            draw(texts(100)),
            short(),
        )
        for _ in range(draw(st.integers(2, 4)))
    ]
    inspirations = [
        Inspiration(
            new_id("insp"),
            short(),
            short(),
            draw(st.integers(1900, 2100)),
            draw(texts(200)),
            short(),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    return resolve(
        manifest,
        {
            "themes": themes,
            "figures": figures,
            "roles": roles,
            "vigilance": vigilance + loose_points,
            "contexts": contexts,
            "inspirations": inspirations,
        },
    )
