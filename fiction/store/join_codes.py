"""Join codes: what a browser in the room types to reach a workshop served by `fiction serve`.

A drawn code is six characters from an alphabet without look-alikes (no I,
L, O, 0 or 1): quick to read off a projected screen and to type on a tablet,
and 31⁶ ≈ 887 million possibilities against the slowed-down guessing the
server allows. A facilitator may also choose one (4 to 16 letters or digits).
Typed codes are compared after `normalise`: case, spaces and dashes do not
matter.
"""

from __future__ import annotations

import random
import re
from typing import Any

from fiction.store import values as check

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
DRAWN_LENGTH = 6
_CHOSEN = re.compile(r"\A[A-Z0-9]{4,16}\Z")


def draw(rng: random.Random) -> str:
    """A new code; pass `random.SystemRandom()` outside tests, a code must not be guessable."""
    return "".join(rng.choice(ALPHABET) for _ in range(DRAWN_LENGTH))


def normalise(typed: str) -> str:
    """The code as compared: upper case, without spaces or dashes."""
    return "".join(character for character in typed.upper() if character not in " \t-")


def checked(value: Any, where: str) -> str:
    """A code a facilitator chose (or an import holds), normalised; '' means none yet."""
    code = normalise(check.text(value, where, max_chars=64))
    if code and not _CHOSEN.match(code):
        raise check.invalid(
            where,
            "un code d'entrée compte de 4 à 16 lettres (sans accent) ou chiffres",
        )
    return code
