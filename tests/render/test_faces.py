"""A card kind without a layout of its own still prints every text it holds."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

from fiction.render.faces import face


@dataclass(frozen=True)
class Ritual:
    id: str
    title: str
    purpose: str
    steps: tuple[str, ...]
    source: str
    weight: int = 3


def test_a_kind_without_a_layout_prints_its_text_fields_in_order():
    deck = SimpleNamespace(manifest=SimpleNamespace(colours=SimpleNamespace(rituals="#123456")))
    card = Ritual("accueil", "Accueil", "Se présenter", ("Un mot", "Un geste"), "Atelier 2024")

    printed = face(deck, "rituals", card)

    assert [block.name for block in printed.blocks] == ["purpose", "steps"]
    assert printed.blocks[1].items == ("Un mot", "Un geste")
    assert printed.label == "rituals" and printed.colour == "#123456"
