"""How long a browser must wait after wrong join codes: longer at each miss, never forever.

A join code is short enough to type on a tablet, so guessing it must be made
slow: after each wrong code the client (its IP address) waits before it may
try again, twice as long as after the previous miss, up to a ceiling. One
typo costs a second; a guessing script pays the ceiling on every try. The
table is bounded, so a flood of addresses cannot grow it without limit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class _Record:
    failures: int
    blocked_until: float
    last_failure: float


@dataclass
class Throttle:
    """Per-client delays after wrong codes; every method takes the current time from `clock`."""

    clock: Callable[[], float]
    first_delay: float = 1.0
    max_delay: float = 30.0
    forget_after: float = 900.0
    """A client with no miss for this long starts again from `first_delay`."""
    max_clients: int = 4096
    _records: dict[str, _Record] = field(default_factory=dict, repr=False)

    def delay(self, failures: int) -> float:
        """The wait imposed after the `failures`-th miss in a row (1 is the first)."""
        if failures < 1:
            return 0.0
        return min(self.max_delay, self.first_delay * 2 ** min(failures - 1, 62))

    def wait_left(self, client: str) -> float:
        """Seconds before `client` may try a code again (0 when it may now)."""
        record = self._current(client)
        return 0.0 if record is None else max(0.0, record.blocked_until - self.clock())

    def failed(self, client: str) -> float:
        """Record a wrong code from `client`; returns the wait it now has to serve."""
        now = self.clock()
        record = self._current(client)
        failures = 1 if record is None else record.failures + 1
        wait = self.delay(failures)
        self._records.pop(client, None)
        self._records[client] = _Record(failures, now + wait, now)
        self._prune(now)
        return wait

    def succeeded(self, client: str) -> None:
        """A right code: the client's misses are forgotten."""
        self._records.pop(client, None)

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
            # Dicts keep insertion order and `failed` re-inserts: the first is the oldest.
            del self._records[next(iter(self._records))]
