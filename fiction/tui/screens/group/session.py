"""One group's door to the store and the engine, shared by the wizard and its steps.

The app may run as many processes as there are browser tabs, all on one
store, so nothing here is cached beyond the deck: every read is a fresh
snapshot. Each edit's number is kept, so the wizard can tell a snapshot
taken before this screen's own latest edit from a newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fiction.cards.model import CARD_KINDS, Deck
from fiction.engine import Hand, Prompt, compose_prompt, redraw, replay
from fiction.errors import FictionError
from fiction.store.model import Edit, Group, HandState, Workshop
from fiction.store.plans import ANY_VALUE
from fiction.store.store import Store


def author_of(group: Group) -> str:
    """Who the history names for a group's edits: its pseudonym."""
    return group.pseudonym.strip() or f"groupe {group.number}"


def engine_hand(number: int, hand: HandState) -> Hand:
    """A stored hand as the engine's `Hand` (card ids only)."""
    return Hand(number, hand.round, **{kind: hand.ids(kind) for kind in CARD_KINDS})


def stored_value(group: Group, field: str) -> Any:
    """What the store holds for one typed field (`vigilance/<id>` reads the answers,
    `segment/<id>/<field>` the news report's segments)."""
    head, _, card_id = field.partition("/")
    if head == "vigilance":
        return group.answers.get(card_id, "")
    if head == "segment":  # `segment/<id>/<field>`: None once the segment is removed
        number, _, name = card_id.partition("/")
        found = [segment for segment in group.segments if str(segment.id) == number]
        return getattr(found[0], name) if found else None
    return getattr(group, field)


class GroupSession:
    """The workshop name, group number and author, with the store and deck to use."""

    def __init__(
        self, store: Callable[[], Store], workshop: Workshop, number: int, deck: Deck
    ) -> None:
        self._store = store
        self.name = workshop.name
        self.number = number
        self.deck = deck
        self.author = author_of(workshop.group(number))
        self.last_seq = 0
        """The number of this screen's latest edit (0: none yet)."""

    @property
    def store(self) -> Store:
        return self._store()

    def load(self) -> Workshop:
        return self.store.load(self.name)

    def set_field(self, field: str, value: Any, *, expected: Any = ANY_VALUE) -> None:
        """Save one field of the group (raises `FictionError` if the store refuses, and
        `StaleEdit` if it no longer holds `expected`: changed on another screen)."""
        self.note(
            self.store.set_field(
                self.name, self.number, field, value, self.author, expected=expected
            )
        )

    def add_segment(self, kind: str, *, position: int | None = None, **texts: Any) -> Edit | None:
        """Add a segment to the news report (at the end, or at `position`)."""
        edit = self.store.add_segment(
            self.name, self.number, kind, self.author, position=position, **texts
        )
        self.note(edit)
        return edit

    def remove_segment(self, segment_id: int) -> None:
        self.note(self.store.remove_segment(self.name, self.number, segment_id, self.author))

    def move_segment(self, segment_id: int, position: int) -> None:
        self.note(
            self.store.move_segment(self.name, self.number, segment_id, position, self.author)
        )

    def set_locked(self, round_number: int, card_id: str, locked: bool) -> None:
        self.note(
            self.store.set_locked(
                self.name, self.number, round_number, card_id, locked, self.author
            )
        )

    def redraw(self, round_number: int, card: str | None = None) -> None:
        """Replace one `card` of the hand (every unlocked card when None), by the deal's
        own rules, and record it.

        The engine replays the deal from its code and draws against the other
        groups' hands as they stand now, so the round stays balanced.
        """
        workshop = self.load()
        hand = workshop.group(self.number).hand(round_number)
        keep = frozenset(hand.locked) if card is None else frozenset(hand.all_ids()) - {card}
        deal = replay(self.deck, workshop.deal.code)
        others = [
            engine_hand(group.number, group.hand(round_number))
            for group in workshop.groups
            if group.number != self.number
        ]
        new = redraw(
            self.deck,
            deal,
            engine_hand(self.number, hand),
            keep=keep,
            discarded_before=frozenset(hand.discarded),
            others=others,
        )
        if card is not None and card in new.all_ids():
            raise FictionError(
                f"« {self.deck.card(card).title} » a été choisie par l'animation : "
                "elle reste dans votre main."
            )
        cards = {kind: list(new.ids(kind)) for kind in CARD_KINDS}
        self.note(
            self.store.record_redraw(self.name, self.number, round_number, cards, self.author)
        )

    def prompt(self, hand: HandState) -> Prompt:
        """The deck's "Et si demain…" question and starter for a hand."""
        return compose_prompt(self.deck, engine_hand(self.number, hand))

    def note(self, edit: Edit | None) -> None:
        """Record an edit this screen made (any store operation), so the wizard knows a
        snapshot read before it is stale."""
        if edit is not None:
            self.last_seq = max(self.last_seq, edit.seq)
