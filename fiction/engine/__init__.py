"""The dealing engine: balanced hands that cover the deck's combinations, reproducibly.

Domain code only (no UI import). `deal` turns a deck and a `DealRequest` into
a `Deal` whose replay code gives it back (`replay`); `redraw` replaces a
group's unlocked cards; `compose_prompt` writes the group's "Et si demain…"
question from the deck's own templates; `with_blank_cards` adds a workshop's
own cards to a deck before dealing.
"""

from __future__ import annotations

from fiction.engine.blanks import with_blank_cards
from fiction.engine.codes import decode, encode, normalise_code, replay
from fiction.engine.coverage import figure_context_pairs, hands_to_cover, theme_figure_pairs
from fiction.engine.dealer import deal
from fiction.engine.model import (
    DEFAULT_REDRAW_LIMIT,
    MAX_GROUPS,
    MAX_ROUNDS,
    MAX_SEED,
    Deal,
    DealRequest,
    Hand,
    Prompt,
)
from fiction.engine.prompts import Prompts, compose_prompt, load_prompts
from fiction.engine.redraw import redraw, redraw_allowed, redraws_left

__all__ = [
    "DEFAULT_REDRAW_LIMIT",
    "MAX_GROUPS",
    "MAX_ROUNDS",
    "MAX_SEED",
    "Deal",
    "DealRequest",
    "Hand",
    "Prompt",
    "Prompts",
    "compose_prompt",
    "deal",
    "decode",
    "encode",
    "figure_context_pairs",
    "hands_to_cover",
    "load_prompts",
    "normalise_code",
    "redraw",
    "redraw_allowed",
    "redraws_left",
    "replay",
    "theme_figure_pairs",
    "with_blank_cards",
]
