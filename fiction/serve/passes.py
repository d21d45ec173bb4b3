"""Entry passes: what a browser holds once it has given a right join code.

A pass names the workshop whose code was given (or, for the facilitator's
code, no workshop: the facilitator's pass opens them all) and when, plus a few random
bytes so that no two browsers hold the same pass (the session caps count tabs
per pass); it is signed with a
secret drawn when the server starts, so it cannot be forged, and it does not
contain the code: the facilitator may change the code and every browser
already in keeps its pass (a reload does not ask again). Restarting the server
draws a new secret, which asks every browser for the code once more.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass

LIFETIME = 12 * 3600.0
"""Seconds a pass stays valid: longer than any workshop afternoon."""
FACILITATOR = object()
"""What `Passes._read` returns for the facilitator's pass."""


@dataclass(frozen=True)
class Passes:
    """Issue and check signed passes; `secret` must come from `secrets.token_bytes`."""

    secret: bytes
    clock: Callable[[], float]
    lifetime: float = LIFETIME

    def issue(self, workshop: str | None) -> str:
        """A pass for `workshop`'s groups; None: the facilitator's pass."""
        payload = json.dumps(
            [workshop, int(self.clock()), secrets.token_urlsafe(9)], ensure_ascii=False
        )
        body = base64.urlsafe_b64encode(payload.encode("utf-8")).decode("ascii").rstrip("=")
        return f"{body}.{self._sign(body)}"

    def check(self, token: str | None) -> str | None:
        """The workshop a valid, unexpired group pass names; None for anything else."""
        workshop = self._read(token)
        return workshop if isinstance(workshop, str) else None

    def is_facilitator(self, token: str | None) -> bool:
        """A valid, unexpired pass given for the facilitator's code."""
        return self._read(token) is FACILITATOR

    def holds_one(self, token: str | None) -> bool:
        """Any valid, unexpired pass: a group's or the facilitator's."""
        return self._read(token) is not None

    def _read(self, token: str | None) -> str | object | None:
        """The workshop of a valid pass, `FACILITATOR` for the facilitator's, None if invalid."""
        if not token or token.count(".") != 1:
            return None
        body, signature = token.split(".")
        if not hmac.compare_digest(signature, self._sign(body)):
            return None
        try:
            padded = body + "=" * (-len(body) % 4)
            workshop, issued, _ = json.loads(base64.urlsafe_b64decode(padded).decode("utf-8"))
        except (ValueError, TypeError):
            return None
        if not isinstance(workshop, (str, type(None))) or not isinstance(issued, (int, float)):
            return None
        age = self.clock() - issued
        if not 0 <= age <= self.lifetime:
            return None
        return FACILITATOR if workshop is None else workshop

    def _sign(self, body: str) -> str:
        return hmac.new(self.secret, body.encode("ascii"), hashlib.sha256).hexdigest()
