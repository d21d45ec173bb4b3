"""Entry passes: what a browser holds once it has given a right join code.

A pass names the workshop whose code was given and when, plus a few random
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


@dataclass(frozen=True)
class Passes:
    """Issue and check signed passes; `secret` must come from `secrets.token_bytes`."""

    secret: bytes
    clock: Callable[[], float]
    lifetime: float = LIFETIME

    def issue(self, workshop: str) -> str:
        payload = json.dumps(
            [workshop, int(self.clock()), secrets.token_urlsafe(9)], ensure_ascii=False
        )
        body = base64.urlsafe_b64encode(payload.encode("utf-8")).decode("ascii").rstrip("=")
        return f"{body}.{self._sign(body)}"

    def check(self, token: str | None) -> str | None:
        """The workshop a valid, unexpired pass names; None for anything else."""
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
        if not isinstance(workshop, str) or not isinstance(issued, (int, float)):
            return None
        age = self.clock() - issued
        return workshop if 0 <= age <= self.lifetime else None

    def _sign(self, body: str) -> str:
        return hmac.new(self.secret, body.encode("ascii"), hashlib.sha256).hexdigest()
