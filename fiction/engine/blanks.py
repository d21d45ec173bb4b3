"""Blank cards: a workshop's own cards, checked like the deck's and dealt like them.

A facilitator adds "notre commune, 12 000 habitants, un quart de plus de 65
ans" as a context, or a local role, before dealing. The cards arrive as model
objects (the app builds them from a form); they get the deck's checks, field
by field from the model's metadata, then the deck is resolved again so derived
fields (who cites a role, 2050 inspirations of a new figure) stay right.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Iterator, Sequence
from typing import Any

from fiction.cards.loader import resolve
from fiction.cards.model import CARD_KINDS, CARD_TYPES, KIND_LABELS, Deck, authored_fields
from fiction.errors import FictionError

_KIND_OF_TYPE = {cls: kind for kind, cls in CARD_TYPES.items()}


def with_blank_cards(deck: Deck, cards: Sequence[Any]) -> Deck:
    """`deck` with `cards` added at the end of their kinds; `FictionError` lists every problem."""
    if not cards:
        return deck
    problems: list[str] = []
    added: dict[str, list[Any]] = {kind: [] for kind in CARD_KINDS}
    for card in cards:
        kind = _KIND_OF_TYPE.get(type(card))
        if kind is None:
            problems.append(f"« {card!r} » n'est pas une carte (thème, figure, rôle, …).")
            continue
        name = f"Carte vierge {KIND_LABELS[kind]} « {getattr(card, 'id', '?')} »"
        problems += [f"{name}, {problem}" for problem in _field_problems(card)]
        added[kind].append(card)
    authored = {
        kind: [c for c in deck.cards(kind) if kind != "inspirations" or not c.figure] + added[kind]
        for kind in CARD_KINDS
    }
    problems += _deck_problems(deck, authored)
    if problems:
        raise FictionError("Cartes vierges refusées :\n" + "\n".join(f"- {p}" for p in problems))
    return resolve(deck.manifest, authored)


def _field_problems(obj: Any, path: str = "") -> Iterator[str]:
    """The loader's field checks, read from the model's metadata, on a built object."""
    hints = typing.get_type_hints(type(obj))
    for spec in authored_fields(type(obj)):
        value = getattr(obj, spec.name)
        where = f"{path}{spec.name}"
        hint = hints[spec.name]
        if typing.get_origin(hint) is tuple:
            least, most = spec.metadata.get("min_items"), spec.metadata.get("max_items")
            if least is not None and len(value) < least:
                yield f"champ {where} : {len(value)} élément(s), il en faut au moins {least}"
            if most is not None and len(value) > most:
                yield f"champ {where} : {len(value)} élément(s), {most} au plus"
            for position, item in enumerate(value):
                yield from _value_problems(item, spec.metadata, f"{where}[{position}]")
        else:
            yield from _value_problems(value, spec.metadata, where)


def _value_problems(value: Any, meta: Any, where: str) -> Iterator[str]:
    if dataclasses.is_dataclass(value):
        yield from _field_problems(value, f"{where}.")
    elif isinstance(value, int) and value < 0:
        yield f"champ {where} : ne peut pas être négatif"
    elif isinstance(value, str):
        limit, pattern, choices = meta.get("max_chars"), meta.get("pattern"), meta.get("choices")
        if not value.strip():
            yield f"champ {where} : ne doit pas être vide"
        elif limit is not None and len(value) > limit:
            yield f"champ {where} : {len(value)} caractères, {limit} au plus"
        elif pattern and not re.fullmatch(pattern, value):
            yield f"champ {where} : « {value} » n'a pas le format attendu"
        elif choices and value not in choices:
            yield f"champ {where} : « {value} » n'est pas permis ({', '.join(choices)})"


def _deck_problems(deck: Deck, authored: dict[str, list[Any]]) -> Iterator[str]:
    """Unique ids, figure references, and enough own cards for every figure."""
    kind_of: dict[str, str] = {}
    for kind in CARD_KINDS:
        for card in authored[kind]:
            ids = [card.id] + [s.id for s in getattr(card, "scenarios", ())]
            for card_id in ids:
                if card_id in kind_of:
                    yield f"identifiant « {card_id} » déjà utilisé dans le jeu"
                kind_of[card_id] = kind
    owner: dict[str, str] = {}
    hand = deck.manifest.hand
    for figure in authored["figures"]:
        for field, wanted in (("roles", hand.own_roles), ("vigilance", hand.own_vigilance)):
            refs = getattr(figure, field)
            label = KIND_LABELS[field]
            for ref in refs:
                if kind_of.get(ref) != field:
                    yield (
                        f"la figure « {figure.id} » cite « {ref} », "
                        f"qui n'est pas une carte {label} du jeu"
                    )
                elif field == "vigilance" and owner.setdefault(ref, figure.id) != figure.id:
                    yield (
                        f"le point de vigilance « {ref} » appartient déjà "
                        f"à la figure « {owner[ref]} »"
                    )
            if len(set(refs)) < wanted:
                yield (
                    f"la figure « {figure.id} » a {len(set(refs))} carte(s) {label} "
                    f"propre(s), il en faut {wanted}"
                )
