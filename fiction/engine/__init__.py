"""Dealing engine — AGREED PUBLIC API (the store is being written against it in parallel).

Engine author: implement this API (adjust names only if you must, and say so in your report),
then replace this docstring with a short one. Also read /tmp/common_brief.md (project standards).

## The engine's public API (fixed now so the store can be written against it in parallel)
In `fiction/engine/` (exported from `fiction/engine/__init__.py`):
```python
@dataclass(frozen=True)
class Hand:
    '''The cards one group holds in one round (card ids, in deal order).'''
    group: int                       # 1-based group number
    round: int                       # 1-based round number
    themes: tuple[str, ...]
    figures: tuple[str, ...]
    contexts: tuple[str, ...]
    roles: tuple[str, ...]
    vigilance: tuple[str, ...]
    inspirations: tuple[str, ...]
    def ids(self, kind: str) -> tuple[str, ...]: ...     # kind in fiction.cards.model.CARD_KINDS
    def all_ids(self) -> tuple[str, ...]: ...

@dataclass(frozen=True)
class DealRequest:
    '''Everything that determines a deal (with the deck): encoded in the replay code.'''
    groups: int
    rounds: int = 1
    seed: int | None = None          # None: a fresh seed is drawn (from os.urandom / secrets) and recorded
    hand: HandSpec | None = None     # None: the deck manifest's hand
    theme_per_group: bool = False    # one theme per group, as in the 2019 workshops
    themes: tuple[tuple[int, str], ...] = ()     # (group, theme id) assignments by the facilitator
    figure: str | None = None        # impose one figure on every group (Le Mans 2020 way)
    picks: tuple[tuple[int, str], ...] = ()      # (group, card id) hand-picked cards
    excluded: tuple[str, ...] = ()   # card ids never dealt
    redraw_limit: int = 2            # redraws per group per round

@dataclass(frozen=True)
class Deal:
    request: DealRequest             # with `seed` filled in
    seed: int
    code: str                        # short shareable code, e.g. "K7F3-92QX"
    rounds: tuple[tuple[Hand, ...], ...]   # rounds[r][g]

def deal(deck: Deck, request: DealRequest, history: Sequence[Hand] = ()) -> Deal
def redraw(deck: Deck, deal: Deal, hand: Hand, keep: frozenset[str], discarded_before: frozenset[str] = frozenset()) -> Hand
def replay(deck: Deck, code: str) -> Deal          # same deal again from its code
def compose_prompt(deck: Deck, hand: Hand) -> Prompt   # Prompt(question: str, starter: str)
```
Blank cards (a workshop's own cards) are added to the deck before dealing via
`with_blank_cards(deck, cards) -> Deck` (validated like the deck's own cards).
Names may be adjusted by the engine's author if needed, but the store treats a hand as
per-kind tuples of card ids plus a set of locked ids and a count of redraws used.
"""
