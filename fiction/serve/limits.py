"""How much of this computer the browsers of the room may take: terminal size and app sessions.

Every browser tab costs an app process (some 45 MB) redrawing a terminal of
the size the page asks for: a page asking for 20000 × 20000 cells, or a
script opening thirty tabs, would take gigabytes. So the size is clamped
(when the tab opens and at every resize), and the sessions are counted per
pass (one browser), per address (one device) and in all; a tab past a cap is
refused before any process starts. A seat is taken without awaiting
anything, so tabs opened all at once are counted one by one.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

Cap = Literal["pass", "address", "overall"]
"""Which count refuses a new session."""


@dataclass(frozen=True)
class Limits:
    """The bounds of `fiction serve`; the defaults suit a room of a dozen groups."""

    min_width: int = 20
    min_height: int = 8
    max_width: int = 400
    max_height: int = 200
    per_pass: int = 6
    """App sessions one browser (one entry pass) may hold: a few tabs, not a flood."""
    per_address: int = 12
    """App sessions one device (one address) may hold: the facilitator's computer opens several."""
    overall: int = 40
    """App sessions in all: about 2 GB of app processes."""

    def terminal_size(self, width: object, height: object) -> tuple[int, int]:
        """The size an app is given for what a page asked: whole cells, within the bounds."""
        return (
            _within(width, 80, self.min_width, self.max_width),
            _within(height, 24, self.min_height, self.max_height),
        )


def _within(value: object, default: int, low: int, high: int) -> int:
    number = default
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        number = int(value)
    return max(low, min(high, number))


@dataclass(eq=False)
class Seat:
    """One running session's place in the counts; `release` gives it back (once)."""

    seats: Seats
    address: str
    holder: str | None
    released: bool = False

    def release(self) -> None:
        if not self.released:
            self.released = True
            self.seats._give_back(self)


@dataclass
class Seats:
    """The sessions running now, counted per pass, per address and in all."""

    limits: Limits
    taken: int = 0
    _by_address: Counter[str] = field(default_factory=Counter, repr=False)
    _by_holder: Counter[str] = field(default_factory=Counter, repr=False)

    def refusal(self, address: str, holder: str | None) -> Cap | None:
        """The cap a new session from `address` (with pass `holder`) would pass, None if none."""
        if holder is not None and self._by_holder[holder] >= self.limits.per_pass:
            return "pass"
        if self._by_address[address] >= self.limits.per_address:
            return "address"
        if self.taken >= self.limits.overall:
            return "overall"
        return None

    def take(self, address: str, holder: str | None) -> Seat | Cap:
        """A seat for a new session, or the cap that refuses it. Awaits nothing."""
        cap = self.refusal(address, holder)
        if cap is not None:
            return cap
        self.taken += 1
        self._by_address[address] += 1
        if holder is not None:
            self._by_holder[holder] += 1
        return Seat(self, address, holder)

    def _give_back(self, seat: Seat) -> None:
        self.taken -= 1
        _decrement(self._by_address, seat.address)
        if seat.holder is not None:
            _decrement(self._by_holder, seat.holder)


def _decrement(counter: Counter[str], key: str) -> None:
    counter[key] -= 1
    if counter[key] <= 0:
        del counter[key]
