"""What each kind of card prints, as plain values the card templates lay out.

A figure shows its summary and its "Et si demain…" question, a vigilance
point its text and the question the group must settle, a role its mission, a
theme its summary and questions, a context its text, an inspiration where and
when it was imagined and its summary, a facilitation activity its duration and
group size, purpose, material and steps. The templates decide how each block
looks; this module decides what is on the card, so the print tests can check
that every word of it reached the PDF.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from fiction.cards.model import CARD_TYPES, DECK_KINDS, KIND_LABELS, Deck

CONTEXT_LABELS = {
    "tendance": "Tendance",
    "transition": "Transition",
    "territoire": "Territoire",
    "chiffre": "Chiffre",
    "numerique": "Numérique",
}

_KIND_OF_TYPE = {cls: kind for kind, cls in CARD_TYPES.items()}

LAYOUTS: dict[str, tuple[str, ...]] = {
    "themes": ("summary", "questions"),
    "figures": ("summary", "question"),
    "roles": ("mission",),
    "vigilance": ("text", "question"),
    "contexts": ("text",),
    "inspirations": ("summary",),
    "activities": ("purpose", "material", "steps"),
}
"""The fields printed under each kind's title, in order. A kind not listed here (one
a deck added later) prints every text field of its cards, in the order they are
declared (`_fields`): a new kind prints before anyone writes its layout."""
_NOT_PRINTED = frozenset({"id", "title", "source"})


@dataclass(frozen=True)
class Block:
    """One field of a card front: a text, or a list of items (a theme's questions)."""

    name: str
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Face:
    """The front of one card: its kind, colour, title, subtitle and blocks."""

    key: str
    kind: str
    label: str
    colour: str
    title: str
    subtitle: str
    blocks: tuple[Block, ...]
    card: Any
    """The card itself, for custom templates that want more of it."""

    def texts(self) -> tuple[str, ...]:
        """Every text printed on the front, in reading order."""
        parts = [self.label, self.title, self.subtitle]
        for block in self.blocks:
            parts += [block.text, *block.items]
        return tuple(part for part in parts if part)


@dataclass(frozen=True)
class Back:
    """The back of a card: its kind and the deck's title."""

    kind: str
    label: str
    colour: str
    deck_title: str


def face(deck: Deck, kind: str, card: Any) -> Face:
    blocks = []
    for name in LAYOUTS.get(kind) or _fields(card):
        value = getattr(card, name)
        if isinstance(value, tuple):
            blocks.append(Block(name, items=value))
        else:
            blocks.append(Block(name, text=value))
    return Face(
        key=card.id,
        kind=kind,
        label=KIND_LABELS.get(kind, kind),
        colour=getattr(deck.manifest.colours, kind),
        title=card.title,
        subtitle=_subtitle(kind, card),
        blocks=tuple(blocks),
        card=card,
    )


def back(deck: Deck, kind: str) -> Back:
    label = KIND_LABELS.get(kind, kind)
    return Back(kind, label, getattr(deck.manifest.colours, kind), deck.manifest.title)


def _fields(card: Any) -> tuple[str, ...]:
    """The text fields of a card of a kind without a layout, as its dataclass declares them."""
    return tuple(
        spec.name
        for spec in dataclasses.fields(card)
        if spec.name not in _NOT_PRINTED
        and not spec.metadata.get("derived")
        and isinstance(getattr(card, spec.name), str | tuple)
    )


def deck_faces(deck: Deck, kinds: tuple[str, ...] = DECK_KINDS) -> list[Face]:
    """Every card of `kinds`, kind after kind, in deck order."""
    return [face(deck, kind, card) for kind in kinds for card in deck.cards(kind)]


def card_face(deck: Deck, card_id: str) -> Face:
    """The face of any card of the deck, found by its id (a dealt hand's cards)."""
    card = deck.card(card_id)
    return face(deck, _KIND_OF_TYPE[type(card)], card)


def _subtitle(kind: str, card: Any) -> str:
    if kind == "contexts":
        return CONTEXT_LABELS.get(card.kind, card.kind)
    if kind == "inspirations":
        if card.kind == "scenario-2050":
            return f"{card.city} · scénario {card.year}"
        return f"{card.city} · atelier {card.year}"
    if kind == "activities":
        return f"Durée : {card.duration} · Groupe : {card.group_size}"
    return ""
