"""Fill every template of a deck once, on sample data, and say what breaks.

A deck's prompt templates (`prompts/*.j2`) and its running order (the
`conducteur` section) are only rendered when a workshop runs: a mistake, a
symlink or a hostile loop would then show up in front of the room. `fiction
deck check` calls `template_problems` so they show up there instead, each as a
problem naming the template, with the sandbox's own French message.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from fiction.cards.model import Deck
from fiction.engine import DealRequest, deal
from fiction.engine.prompts import PROMPTS_FOLDER, Prompts
from fiction.errors import FictionError, Location, Problem
from fiction.report.conducteur import draft_script
from fiction.store.creation import new_workshop

SAMPLE_WRITING: dict[str, Any] = {
    "title": "Le café des possibles",
    "place_name": "Le Café du Coin",
    "question": "Et si demain le CCAS tenait le café du village ?",
    "narrative": "En 2050, le café est devenu le lieu où l'on se retrouve.",
    "purpose": "Que personne ne reste seul·e.",
    "new_actors": ("Barista social",),
}
"""What a group might have written by step 5: the running order is filled with it."""


def template_problems(deck: Deck) -> list[Problem]:
    """Every template of `deck` that cannot be filled for a sample hand and group."""
    dealt = deal(deck, DealRequest(groups=1, rounds=1, seed=1))
    problems: list[Problem] = []
    prompts_at = str(Path(deck.folder) / PROMPTS_FOLDER) if deck.folder else PROMPTS_FOLDER
    try:
        prompts = Prompts(deck.folder)
        for hand in dealt.hands():
            prompts.compose(deck, hand)
    except FictionError as error:
        problems.append(Problem(Location(prompts_at), error.message))
    if deck.conducteur:
        workshop = new_workshop("Essai", deck, dealt, now=0)
        group = dataclasses.replace(workshop.group(1), **SAMPLE_WRITING)
        try:
            draft_script(deck, group)
        except FictionError as error:
            source = deck.conducteur_sources[0] if deck.conducteur_sources else "conducteur"
            problems.append(Problem(Location(source.rsplit(":", 1)[0]), error.message))
    return problems
