"""What facilitators type and read, the French way: dates, times, durations, "il y a".

Social workers write « 12/03/2025 » or « 12 mars 2025 » and « 14h30 », not ISO
strings; the store keeps ISO dates and HH:MM. These pure functions translate
both ways and refuse anything unclear with a French message naming the field.
"""

from __future__ import annotations

import datetime
import math
import re

from fiction.errors import FictionError
from fiction.folding import fold

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip

_NUMERIC_DATE = re.compile(r"\A(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})\Z")
_WORDED_DATE = re.compile(r"\A(\d{1,2})(?:er)?\s+([^\W\d_]+)\.?\s+(\d{4})\Z")
_CLOCK = re.compile(r"\A(\d{1,2})\s*(?:[:h]\s*(\d{2})?)?\Z")


def parse_date(text: str) -> str:
    """An ISO date from « 12/03/2025 », « 12-3-25 », « 1er mars 2025 » or « 2025-03-12 ».

    Empty stays empty (the date is not decided yet).
    """
    text = " ".join(text.strip().lower().split())
    if not text:
        return ""
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    numeric, worded = _NUMERIC_DATE.match(text), _WORDED_DATE.match(text)
    day = month = year = 0
    if numeric:
        day, month, year = (int(part) for part in numeric.groups())
        year += 2000 if year < 100 else 0
    elif worded and _month_number(worded.group(2)):
        day, month, year = int(worded.group(1)), _month_number(worded.group(2)), int(worded[3])
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        raise FictionError(
            f"Date non reconnue : « {text} ». Écrivez-la comme 12/03/2025 ou 12 mars 2025."
        ) from None


def _month_number(word: str) -> int:
    """1–12 for a French month, written whole or cut (« sept », « févr »), accents or not."""
    word = fold(word)
    found = [n for n, month in enumerate(MONTHS, start=1) if fold(month).startswith(word)]
    exact = [n for n in found if fold(MONTHS[n - 1]) == word]
    if exact:
        return exact[0]
    return found[0] if len(found) == 1 and len(word) >= 3 else 0


def date_text(iso: str) -> str:
    """« 12/03/2025 » for an ISO date: how the form shows it back."""
    if not iso:
        return ""
    return datetime.date.fromisoformat(iso).strftime("%d/%m/%Y")


def parse_clock(text: str) -> str:
    """ "HH:MM" from « 14:00 », « 14h », « 14h30 », « 9 h 05 » or « 14 »; empty stays empty."""
    text = text.strip().lower()
    if not text:
        return ""
    found = _CLOCK.match(text)
    hours = int(found.group(1)) if found else -1
    minutes = int(found.group(2) or 0) if found else -1
    if not (0 <= hours <= 23 and 0 <= minutes <= 59):
        raise FictionError(f"Heure non reconnue : « {text} ». Écrivez-la comme 14:00 ou 14h30.")
    return f"{hours:02d}:{minutes:02d}"


def parse_count(text: str, what: str, low: int, high: int) -> int:
    """A whole number between `low` and `high`, or a French error naming `what`."""
    text = text.strip()
    if not re.fullmatch(r"\d{1,4}", text) or not low <= int(text) <= high:
        raise FictionError(f"{what} : un nombre entier de {low} à {high}.")
    return int(text)


def ago(seconds: float) -> str:
    """« à l'instant », « il y a 2 min », « il y a 1 h 05 »: the time since an edit."""
    minutes = int(max(0.0, seconds) // 60)
    if minutes < 1:
        return "à l'instant"
    if minutes < 60:
        return f"il y a {minutes} min"
    return f"il y a {minutes // 60} h {minutes % 60:02d}"


def clock_text(seconds: float) -> str:
    """A countdown's « 12:34 » (minutes:seconds), « 1:05:00 » past an hour, « -01:12 » overrun."""
    # Round towards the end of the phase: « 00:01 » shows until the time is up.
    sign = "-" if seconds <= -1 else ""
    whole = math.ceil(seconds) if seconds >= 0 else math.floor(-seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def minutes_text(minutes: int) -> str:
    """« 45 min », « 2 h 45 », « 3 h »: an agenda's lengths."""
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"
