"""Checks that need the whole deck: unique ids, references, and dealability.

Each check reads built cards with where they were written and returns
problems; none of them stops the others, so `fiction deck check` lists
everything wrong at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fiction.cards.build import Located
from fiction.cards.model import CARD_KINDS, DECK_KINDS, KIND_LABELS, Figure, HandSpec, Manifest
from fiction.errors import Location, Problem


@dataclass(frozen=True)
class Placed:
    """A built object and where its parts were written."""

    obj: Any
    where: Located

    def at(self, name: str) -> Location:
        return self.where.at(name)


def check_deck(
    manifest: Placed | None,
    cards: dict[str, list[Placed]],
    broken: dict[str, str],
    earlier_problems: bool,
) -> list[Problem]:
    """Whole-deck problems. `broken` maps the ids of cards that failed to build to
    their kind, so a typo in one card is not also reported as a dangling reference.
    Dealability is judged only on an otherwise clean deck: counting cards that
    failed to build would report the same mistake twice."""
    problems = list(_duplicate_ids(cards))
    problems += _figure_references(cards, broken)
    if manifest is not None and not problems and not earlier_problems:
        problems += _dealability(manifest, cards)
    return problems


def _all_ids(cards: dict[str, list[Placed]]) -> Iterator[tuple[str, Location, str]]:
    """Every id a deck defines: cards, and figure scenarios (dealt as inspirations)."""
    for kind in DECK_KINDS:
        for placed in cards[kind]:
            yield placed.obj.id, placed.at("id"), KIND_LABELS[kind]
            if kind == "figures":
                for index, scenario in enumerate(placed.obj.scenarios):
                    yield scenario.id, placed.at(f"scenarios[{index}].id"), "scénario 2050"


def _duplicate_ids(cards: dict[str, list[Placed]]) -> Iterator[Problem]:
    first_seen: dict[str, Location] = {}
    for card_id, location, label in _all_ids(cards):
        if card_id in first_seen:
            first = first_seen[card_id]
            yield Problem(
                location,
                f"identifiant « {card_id} » déjà utilisé ({first.file}:{first.line}) ; "
                f"chaque carte ({label} compris) doit avoir le sien",
            )
        else:
            first_seen[card_id] = location


def _figure_references(cards: dict[str, list[Placed]], broken: dict[str, str]) -> Iterator[Problem]:
    kinds_by_id = broken | {placed.obj.id: kind for kind in DECK_KINDS for placed in cards[kind]}
    owner_of_point: dict[str, str] = {}
    for placed in cards["figures"]:
        figure: Figure = placed.obj
        for field, wanted in (("roles", "roles"), ("vigilance", "vigilance")):
            references = getattr(figure, field)
            for index, ref in enumerate(references):
                where = placed.at(f"{field}[{index}]")
                kind = kinds_by_id.get(ref)
                if kind is None:
                    yield Problem(where, f"« {ref} » ne correspond à aucune carte du jeu")
                elif kind != wanted:
                    yield Problem(
                        where,
                        f"« {ref} » est une carte {KIND_LABELS[kind]}, pas une carte "
                        f"{KIND_LABELS[wanted]}",
                    )
                elif references.index(ref) != index:
                    yield Problem(where, f"« {ref} » est cité deux fois")
                elif field == "vigilance":
                    owner = owner_of_point.setdefault(ref, figure.id)
                    if owner != figure.id:
                        yield Problem(
                            where,
                            f"le point de vigilance « {ref} » appartient déjà à la figure "
                            f"« {owner} » ; un point n'appartient qu'à une figure",
                        )


def _dealability(manifest: Placed, cards: dict[str, list[Placed]]) -> Iterator[Problem]:
    """A deck must be able to deal at least one hand under its own rules."""
    meta: Manifest = manifest.obj
    hand: HandSpec = meta.hand
    dealt_inspirations = len(cards["inspirations"]) + 2 * len(cards["figures"])
    for kind in CARD_KINDS:
        available = dealt_inspirations if kind == "inspirations" else len(cards[kind])
        wanted = hand.count(kind)
        if wanted > available:
            yield Problem(
                _hand_location(manifest, kind),
                f"une main demande {wanted} carte(s) {KIND_LABELS[kind]} "
                f"mais le jeu n'en a que {available}",
            )
    role_ids = Counter(placed.obj.id for placed in cards["roles"])
    point_ids = Counter(placed.obj.id for placed in cards["vigilance"])
    for placed in cards["figures"]:
        figure: Figure = placed.obj
        own_roles = sum(1 for ref in set(figure.roles) if ref in role_ids)
        own_points = sum(1 for ref in set(figure.vigilance) if ref in point_ids)
        if own_roles < hand.own_roles:
            yield Problem(
                placed.at("roles") if "roles" in placed.where.fields else placed.at("id"),
                f"la figure « {figure.id} » n'a que {own_roles} rôle(s) ; une main en distribue "
                f"au moins {hand.own_roles} qui lui sont propres",
            )
        if own_points < hand.own_vigilance:
            yield Problem(
                placed.at("vigilance") if "vigilance" in placed.where.fields else placed.at("id"),
                f"la figure « {figure.id} » n'a aucun point de vigilance ; une main en distribue "
                f"au moins {hand.own_vigilance} qui lui est propre",
            )


def _hand_location(manifest: Placed, kind: str) -> Location:
    for name in (f"hand.{kind}", "hand", "id"):
        if name in manifest.where.fields:
            return manifest.at(name)
    return Location(manifest.where.file)
