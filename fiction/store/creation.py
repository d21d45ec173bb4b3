"""A new workshop from a deck and the engine's deal: pseudonyms, hands, agenda.

Written against the engine's public API (`Deal.seed`, `Deal.code`,
`Deal.request`, `Deal.rounds[r][g]` hands with `ids(kind)`), read by
attribute only, so the store does not import the engine.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
from typing import Any

from fiction.cards.model import CARD_KINDS, Deck
from fiction.cards.serialize import deck_to_authored
from fiction.store.model import (
    DEFAULT_AGENDA,
    DealRecord,
    DeckRef,
    Group,
    HandState,
    Phase,
    Workshop,
)
from fiction.store.pseudonyms import pseudonyms


def deck_hash(deck: Deck) -> str:
    """SHA-256 of the deck as authored (canonical JSON): changes when any card changes."""
    canonical = json.dumps(
        deck_to_authored(deck), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def deck_ref(deck: Deck) -> DeckRef:
    return DeckRef(deck.manifest.id, deck.manifest.version, deck_hash(deck))


def hand_state(hand: Any, round_number: int) -> HandState:
    """A freshly dealt engine hand: no lock, no redraw yet."""
    cards: dict[str, Any] = {kind: tuple(hand.ids(kind)) for kind in CARD_KINDS}
    return HandState(round_number, **cards)


def new_workshop(
    name: str,
    deck: Deck,
    deal: Any,
    *,
    now: float,
    date: str = "",
    place: str = "",
    start_time: str = "",
    agenda: tuple[Phase, ...] = DEFAULT_AGENDA,
) -> Workshop:
    """The workshop as it starts: dealt hands, pseudonyms, nothing written yet."""
    rounds = deal.rounds
    names = pseudonyms(len(rounds[0]), random.Random(deal.seed))
    groups = tuple(
        Group(
            number=index + 1,
            pseudonym=names[index],
            hands=tuple(
                hand_state(hands[index], number + 1) for number, hands in enumerate(rounds)
            ),
        )
        for index in range(len(rounds[0]))
    )
    parameters = json.loads(json.dumps(dataclasses.asdict(deal.request)))
    return Workshop(
        name=name,
        date=date,
        place=place,
        deck=deck_ref(deck),
        deal=DealRecord(
            seed=deal.seed,
            code=deal.code,
            rounds=len(rounds),
            redraw_limit=deal.request.redraw_limit,
            parameters=parameters,
        ),
        groups=groups,
        agenda=agenda,
        created_at=now,
        updated_at=now,
        start_time=start_time,
    )
