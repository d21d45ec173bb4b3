"""Hypothesis strategies for the engine: small valid decks (model objects) and requests."""

from __future__ import annotations

from hypothesis import strategies as st

from fiction.cards.loader import resolve
from fiction.cards.model import (
    Attribution,
    Colours,
    Context,
    Deck,
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
from fiction.engine import DealRequest

WORDS = ("Accueil", "écoute", "Hôpital", "quartier", "Le CCAS relais", "CCAS'BAR", "île", "lien")
_WORDS = st.sampled_from(WORDS)  # built once: a new strategy is validated again at each draw


def _text(draw: st.DrawFn) -> str:
    return draw(_WORDS)


@st.composite
def decks(draw: st.DrawFn, max_figures: int = 6) -> Deck:
    """A small valid deck: unique ids, each figure with its own roles and vigilance points.

    Hands ask for 0 to 2 cards of the kinds with balance rules and never more
    cards than the deck holds, as the deck validator guarantees.
    """
    figure_count = draw(st.integers(1, max_figures))
    theme_count = draw(st.integers(1, 6))
    spare_roles = draw(st.integers(0, 4))
    context_count = draw(st.integers(1, 6))
    workshop_count = draw(st.integers(0, 3))
    own_role_counts = [draw(st.integers(2, 4)) for _ in range(figure_count)]
    own_point_counts = [draw(st.integers(1, 3)) for _ in range(figure_count)]

    roles = [
        Role(f"role-{n}", _text(draw), "Une mission.", "Atelier")
        for n in range(sum(own_role_counts) + spare_roles)
    ]
    points = [
        Vigilance(f"vig-{n}", _text(draw), "Un risque.", "Comment ?", "Atelier")
        for n in range(sum(own_point_counts))
    ]
    figures, role_at, point_at = [], 0, 0
    for n in range(figure_count):
        own_roles = tuple(r.id for r in roles[role_at : role_at + own_role_counts[n]])
        own_points = tuple(p.id for p in points[point_at : point_at + own_point_counts[n]])
        role_at += own_role_counts[n]
        point_at += own_point_counts[n]
        figures.append(
            Figure(
                id=f"fig-{n}",
                title=_text(draw),
                summary="En bref.",
                evidence=Evidence("Un constat.", "INSEE"),
                question="Et si demain… ?",
                description="Une figure.",
                purpose="Une finalité.",
                actions=("Agir.",),
                scenarios=tuple(
                    Scenario(f"fig-{n}-scen-{k}", "Un scénario", _text(draw), "En 2050…")
                    for k in range(2)
                ),
                roles=own_roles,
                vigilance=own_points,
                monologue="Je suis…",
                source="Atelier",
            )
        )
    themes = [
        Theme(f"theme-{n}", _text(draw), "Un thème.", ("Quoi ?", "Qui ?"), "Atelier")
        for n in range(theme_count)
    ]
    contexts = [
        Context(
            f"ctx-{n}",
            _text(draw),
            "tendance",
            draw(
                st.sampled_from(
                    ("d'isolement", "de crise", "où tout change", "insulaire, sur une île")
                )
            ),
            "Un contexte.",
            "Atelier",
        )
        for n in range(context_count)
    ]
    workshops = [
        Inspiration(
            f"insp-{n}",
            _text(draw),
            draw(st.sampled_from(("Le Mans", "Lyon"))),
            2019,
            "Un scénario.",
            "Atelier",
        )
        for n in range(workshop_count)
    ]
    hand = HandSpec(
        themes=draw(st.integers(0, min(2, theme_count))),
        figures=draw(st.integers(0, min(2, figure_count))),
        contexts=draw(st.integers(0, min(3, context_count))),
        roles=draw(st.integers(0, min(4, len(roles)))),
        vigilance=draw(st.integers(0, min(2, len(points)))),
        inspirations=draw(st.integers(0, 2)),
    )
    manifest = Manifest(
        id="jeu-test",
        title="Jeu de test",
        language="fr",
        version="1.0",
        description="Un petit jeu.",
        source=Attribution("Notes", ("CCAS",), "2026"),
        colours=Colours(*["#123456"] * 6),
        hand=hand,
    )
    return resolve(
        manifest,
        {
            "themes": themes,
            "figures": figures,
            "roles": roles,
            "vigilance": points,
            "contexts": contexts,
            "inspirations": workshops,
        },
    )


@st.composite
def requests(draw: st.DrawFn, deck: Deck, max_groups: int = 12) -> DealRequest:
    """A request the deck can satisfy, with no card chosen by the facilitator."""
    per_hand = deck.manifest.hand.figures
    most_rounds = min(4, len(deck.figures) // per_hand) if per_hand else 4
    return DealRequest(
        groups=draw(st.integers(1, max_groups)),
        rounds=draw(st.integers(1, most_rounds)),
        seed=draw(st.integers(0, 2**25 - 1)),
        theme_per_group=draw(st.booleans()),
        redraw_limit=draw(st.integers(0, 5)),
    )
