"""Test doubles for workshops: a clock that ticks and a small dealt workshop."""

from __future__ import annotations

from fiction.store.model import DealRecord, DeckRef, Group, HandState, Workshop


class TickingClock:
    """A clock that advances one second per reading, so every edit has its own time."""

    def __init__(self, start: float = 1_750_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def small_workshop(name: str = "Atelier du Mans", groups: int = 3, rounds: int = 1) -> Workshop:
    """A dealt workshop built by hand (ids from the built-in deck), nothing written yet."""
    hands = tuple(
        HandState(
            round=round_number,
            themes=("vieillesses-heureuses",),
            figures=("programmateur-convivialites",),
            contexts=("isolement-ecrans", "besoins-invisibles"),
            roles=("animateur-de-territoires", "agent-du-ccas-bar", "e-apiculteur"),
            vigilance=("deconvivialiser-les-lieux", "convivialite-comme-fin-en-soi"),
            inspirations=("ccas-bar-2019",),
        )
        for round_number in range(1, rounds + 1)
    )
    pseudonyms = ("Panda Zen", "Loutre Curieuse", "Renard Malin", "Tortue Sereine")
    return Workshop(
        name=name,
        date="2025-03-12",
        place="Le Mans",
        deck=DeckRef("ccas2050", "1.0.0", "0" * 64),
        deal=DealRecord(seed=1234, code="K7F3-92QX", rounds=rounds, redraw_limit=2),
        groups=tuple(
            Group(number=n, pseudonym=pseudonyms[n - 1], hands=hands) for n in range(1, groups + 1)
        ),
        created_at=1_750_000_000.0,
        updated_at=1_750_000_000.0,
    )
