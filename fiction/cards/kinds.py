"""The kinds of card, as a plain tuple: cheap to import where only the names are needed.

The `fiction` command offers them as choices (`--kind TYPE`) when it starts,
before any deck is read, so they live apart from the model's dataclasses,
whose creation costs more than the whole command's other modules.
"""

from __future__ import annotations

CARD_KINDS: tuple[str, ...] = (
    "themes",
    "figures",
    "roles",
    "vigilance",
    "contexts",
    "inspirations",
)
"""Every kind of card, in the order decks list them and hands deal them."""
