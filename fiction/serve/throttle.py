"""How long a browser must wait after wrong join codes: longer at each miss, never forever.

A join code is short enough to type on a tablet, so guessing it must be made
slow: after each wrong code the client (its address) waits before it may try
again, twice as long as after the previous miss, up to a ceiling. One typo
costs a second; a guessing script pays the ceiling on every try.

Three things keep a script from going around the delay:
- a try is reserved, and counted as a miss, the moment it arrives, before
  the server awaits anything (reading the form, looking the code up): tries
  sent in parallel find the reservation and are turned away unchecked, and a
  try dropped half-way stays a miss;
- a right code takes back its own reserved miss but forgets none of the
  earlier ones, so knowing one workshop's code does not buy fresh guesses at
  another's;
- the whole room (every address together) has an allowance of misses per
  window, so many addresses guessing at once are slowed as much as one.
The table of clients is bounded, so a flood of addresses cannot grow it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class _Record:
    failures: int
    blocked_until: float
    last_failure: float
    reserved_at: float | None = None
    """When the try being checked now was reserved (None: no try in flight)."""


@dataclass
class Throttle:
    """Per-client delays after wrong codes; every method takes the current time from `clock`."""

    clock: Callable[[], float]
    first_delay: float = 1.0
    max_delay: float = 30.0
    forget_after: float = 900.0
    """A client with no miss for this long starts again from `first_delay`."""
    max_clients: int = 4096
    room_misses: int = 60
    """Misses allowed to all clients together within `room_window` seconds."""
    room_window: float = 60.0
    _records: dict[str, _Record] = field(default_factory=dict, repr=False)
    _room: deque[float] = field(default_factory=deque, repr=False)

    def delay(self, failures: int) -> float:
        """The wait imposed after the `failures`-th miss in a row (1 is the first)."""
        if failures < 1:
            return 0.0
        return min(self.max_delay, self.first_delay * 2 ** min(failures - 1, 62))

    def wait_left(self, client: str) -> float:
        """Seconds before `client` may try a code again (0 when it may now)."""
        record = self._current(client)
        return 0.0 if record is None else max(0.0, record.blocked_until - self.clock())

    def room_wait(self) -> float:
        """Seconds before the room's allowance of misses has room for one more (0: it has)."""
        now = self.clock()
        while self._room and self._room[0] <= now - self.room_window:
            self._room.popleft()
        if len(self._room) < self.room_misses:
            return 0.0
        return max(0.0, self._room[-self.room_misses] + self.room_window - now)

    def reserve(self, client: str) -> float:
        """Reserve a try for `client` now: 0 when it may try, else the seconds it must wait.

        Call it before awaiting anything. A reserved try counts as a miss (and
        keeps every other try of `client` away) until `succeeded` or `failed`
        settles it; nothing is reserved when the answer is a wait.
        """
        wait = max(self.wait_left(client), self.room_wait())
        if wait > 0:
            return wait
        self._miss(client, self.clock(), reserved=True)
        return 0.0

    def failed(self, client: str) -> float:
        """A wrong code from `client` (its reserved try, or a new miss): the wait it now serves."""
        now = self.clock()
        record = self._current(client)
        if record is None or record.reserved_at is None:
            record = self._miss(client, now, reserved=False)
        record.reserved_at = None
        record.blocked_until = now + self.delay(record.failures)
        return self.delay(record.failures)

    def succeeded(self, client: str) -> None:
        """A right code: its reserved try was no miss; the misses before it still count."""
        record = self._current(client)
        if record is None or record.reserved_at is None:
            return
        if record.reserved_at in self._room:
            self._room.remove(record.reserved_at)
        record.failures -= 1
        record.reserved_at = None
        record.blocked_until = self.clock()
        if record.failures < 1:
            del self._records[client]

    def _miss(self, client: str, now: float, *, reserved: bool) -> _Record:
        record = self._current(client)
        failures = 1 if record is None else record.failures + 1
        self._records.pop(client, None)
        record = _Record(failures, now + self.delay(failures), now, now if reserved else None)
        self._records[client] = record
        self._room.append(now)
        while len(self._room) > self.room_misses:
            self._room.popleft()
        self._prune(now)
        return record

    def _current(self, client: str) -> _Record | None:
        record = self._records.get(client)
        if record is not None and self.clock() - record.last_failure > self.forget_after:
            del self._records[client]
            return None
        return record

    def _prune(self, now: float) -> None:
        """Drop forgotten clients, then the oldest ones while the table is too big."""
        stale = [
            key for key, r in self._records.items() if now - r.last_failure > self.forget_after
        ]
        for key in stale:
            del self._records[key]
        while len(self._records) > self.max_clients:
            # Dicts keep insertion order and `_miss` re-inserts: the first is the oldest.
            del self._records[next(iter(self._records))]
