"""Decks as plain data: the authored form (for YAML files) and the resolved form.

The authored form is what a deck author writes: no derived field, and no
inspiration card made from a figure's 2050 scenarios. Writing it back to files
and loading them gives an equal deck. The resolved form is everything the
loader knows, for `fiction deck export`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import yaml

from fiction.cards.kinds import DECK_KINDS, UNDEALT_KINDS
from fiction.cards.model import Colours, Deck, authored_fields

SCHEMA_COMMENT = "# yaml-language-server: $schema=deck.schema.json\n"


def authored(obj: Any) -> Any:
    """A model object as the plain data an author would write for it."""
    if dataclasses.is_dataclass(obj):
        return {f.name: authored(getattr(obj, f.name)) for f in authored_fields(type(obj))}
    if isinstance(obj, tuple):
        return [authored(item) for item in obj]
    return obj


def resolved(obj: Any) -> Any:
    """A model object as plain data, derived fields included."""
    if dataclasses.is_dataclass(obj):
        return {f.name: resolved(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple):
        return [resolved(item) for item in obj]
    return obj


def deck_to_resolved(deck: Deck) -> dict[str, Any]:
    """The whole resolved deck: `deck` (manifest), one list per card kind, the running order."""
    sections = {"deck": resolved(deck.manifest)} | {
        kind: resolved(deck.cards(kind)) for kind in _kinds(deck)
    }
    if deck.conducteur:
        sections["conducteur"] = resolved(deck.conducteur)
    return sections


def deck_to_authored(deck: Deck) -> dict[str, Any]:
    """The deck as its author would write it, in one mapping of sections."""
    sections: dict[str, Any] = {"deck": authored(deck.manifest)}
    colours = sections["deck"]["colours"]
    if colours["activities"] == _DEFAULT_ACTIVITY_COLOUR:
        del colours["activities"]  # a deck that never chose it hashes as before activities existed
    for kind in _kinds(deck):
        cards = deck.cards(kind)
        if kind == "inspirations":
            cards = tuple(card for card in cards if not card.figure)
        sections[kind] = authored(cards)
    if deck.conducteur:  # a deck without one hashes as it did before running orders existed
        sections["conducteur"] = authored(deck.conducteur)
    return sections


_DEFAULT_ACTIVITY_COLOUR = next(
    f.default for f in dataclasses.fields(Colours) if f.name == "activities"
)


def _kinds(deck: Deck) -> tuple[str, ...]:
    """The kinds to write: every dealt kind, and the others only when the deck has some."""
    return tuple(kind for kind in DECK_KINDS if kind not in UNDEALT_KINDS or deck.cards(kind))


def dump_deck(deck: Deck, folder: Path) -> list[Path]:
    """Write `deck` as one YAML file per section in `folder`; return the files."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for section, content in deck_to_authored(deck).items():
        path = folder / f"{section}.yaml"
        text = yaml.safe_dump({section: content}, allow_unicode=True, sort_keys=False, width=100)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
