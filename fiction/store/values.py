"""Checks for every value a workshop holds, with French messages naming the field.

The same checks guard an edit from the app and a file being imported, so a
value the store accepts is always one an export can write and read back.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from fiction.cards.model import ID_PATTERN
from fiction.errors import FictionError
from fiction.store.model import (
    MAX_WEATHER_CHARS,
    MAX_WEATHER_WORDS,
    READING_SPEEDS,
    VOTES_RANGE,
)

MAX_TEXT = 20_000
"""A long narrative is a few thousand characters; far beyond is a paste gone wrong."""
MAX_ITEMS = 200
MAX_NAME = 80
_ID = re.compile(ID_PATTERN)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CLOCK_TIME = re.compile(r"\A([01][0-9]|2[0-3]):[0-5][0-9]\Z")


def invalid(where: str, problem: str) -> FictionError:
    return FictionError(f"« {where} » : {problem}.")


def text(value: Any, where: str, *, max_chars: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise invalid(where, "doit être un texte")
    if len(value) > max_chars:
        raise invalid(where, f"texte trop long ({len(value)} caractères ; {max_chars} au plus)")
    return value


def label(value: Any, where: str) -> str:
    """A short one-line text (workshop name, author, pseudonym): never blank."""
    value = text(value, where, max_chars=MAX_NAME)
    if not value.strip():
        raise invalid(where, "ne doit pas être vide")
    if _CONTROL.search(value):
        raise invalid(where, "doit tenir sur une ligne, sans caractère de contrôle")
    return value


def lines(value: Any, where: str) -> tuple[str, ...]:
    """A list of texts (actions, nouveaux acteurs, review items, météo words)."""
    if not isinstance(value, (list, tuple)):
        raise invalid(where, "doit être une liste de textes")
    if len(value) > MAX_ITEMS:
        raise invalid(where, f"liste trop longue ({len(value)} éléments ; {MAX_ITEMS} au plus)")
    return tuple(text(item, f"{where}[{index}]") for index, item in enumerate(value))


def one_line(value: Any, where: str, *, max_chars: int = MAX_TEXT) -> str:
    """A text on one line (a feedback): may be empty, never holds a line break."""
    value = text(value, where, max_chars=max_chars)
    if _CONTROL.search(value):
        raise invalid(where, "doit tenir sur une ligne, sans retour à la ligne")
    return value


def weather_answer(value: Any, where: str) -> str:
    """One météo answer: one to three words, `MAX_WEATHER_CHARS` characters at most,
    its spaces tidied (« grand  soleil » is « grand soleil »)."""
    value = text(value, where, max_chars=MAX_WEATHER_CHARS)
    words = value.split()
    if not words:
        raise invalid(where, "la météo se dit en un à trois mots, pas en zéro")
    if len(words) > MAX_WEATHER_WORDS:
        raise invalid(
            where, f"la météo se dit en un à {MAX_WEATHER_WORDS} mots (et non {len(words)})"
        )
    return " ".join(words)


def weather(value: Any, where: str) -> tuple[str, ...]:
    """A list of météo answers, each checked by `weather_answer`."""
    if not isinstance(value, (list, tuple)):
        raise invalid(where, "doit être une liste de réponses (un à trois mots chacune)")
    if len(value) > MAX_ITEMS:
        raise invalid(where, f"liste trop longue ({len(value)} éléments ; {MAX_ITEMS} au plus)")
    return tuple(weather_answer(item, f"{where}[{index}]") for index, item in enumerate(value))


def votes(value: Any, where: str) -> tuple[int, ...]:
    """Group numbers voted for (a repeat is one more vote for the same scenario).

    Whether each group exists, is not the voter's own and fits the workshop's
    number of votes is checked where the workshop is at hand (the store's edit,
    an import)."""
    if not isinstance(value, (list, tuple)):
        raise invalid(where, "doit être une liste de numéros de groupes")
    most = VOTES_RANGE[1]
    if len(value) > most:
        raise invalid(where, f"trop de votes ({len(value)} ; {most} au plus)")
    return tuple(integer(item, f"{where}[{index}]", 1) for index, item in enumerate(value))


def boolean(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise invalid(where, "doit valoir vrai (true) ou faux (false)")
    return value


MAX_INTEGER = 2**63 - 1
"""The largest integer a SQLite INTEGER column holds (seeds are kept as text)."""


def integer(value: Any, where: str, low: int, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid(where, "doit être un nombre entier")
    if value < low or (high is not None and value > high):
        bounds = f"entre {low} et {high}" if high is not None else f"au moins {low}"
        shown = str(value) if abs(value) < 10**30 else "un nombre de plus de 30 chiffres"
        raise invalid(where, f"doit être {bounds} (et non {shown})")
    return value


def number(value: Any, where: str) -> float:
    """A finite number, kept as a float (timestamps, seconds)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise invalid(where, "doit être un nombre")
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an integer no float can hold
        finite = False
    if not finite:
        raise invalid(where, "doit être un nombre fini")
    return float(value)


def reading_speed(value: Any, where: str) -> float:
    """Words read per second, between the bounds the timings accept."""
    low, high = READING_SPEEDS
    speed = number(value, where)
    if not low <= speed <= high:
        shown = [f"{bound:g}".replace(".", ",") for bound in (low, high, speed)]
        raise invalid(
            where, f"doit être entre {shown[0]} et {shown[1]} mots par seconde (et non {shown[2]})"
        )
    return speed


def optional_number(value: Any, where: str) -> float | None:
    return None if value is None else number(value, where)


def date(value: Any, where: str) -> str:
    """An ISO date (AAAA-MM-JJ), or empty when not decided yet.

    YAML turns an unquoted 2025-03-12 into a date object: accepted as written.
    """
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    value = text(value, where, max_chars=10)
    if value:
        try:
            parsed = datetime.date.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is None or parsed.isoformat() != value:
            raise invalid(where, f"date attendue au format AAAA-MM-JJ (et non « {value} »)")
    return value


def clock_time(value: Any, where: str) -> str:
    """A time of day as HH:MM (24-hour clock), or empty when not decided yet."""
    value = text(value, where, max_chars=5)
    if value and not _CLOCK_TIME.match(value):
        raise invalid(where, f"heure attendue au format HH:MM, comme 14:00 (et non « {value} »)")
    return value


def card_id(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise invalid(where, "identifiant de carte attendu (minuscules, chiffres, tirets)")
    return value


def card_ids(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)):
        raise invalid(where, "doit être une liste d'identifiants de cartes")
    return tuple(card_id(item, f"{where}[{index}]") for index, item in enumerate(value))


def choice(value: Any, where: str, choices: Iterable[str]) -> str:
    choices = tuple(choices)
    if value not in choices:
        raise invalid(where, f"« {value} » inconnu ; valeurs possibles : {', '.join(choices)}")
    return value


def mapping(
    value: Any, where: str, required: Iterable[str], optional: Iterable[str] = ()
) -> Mapping[str, Any]:
    """A table with exactly these keys: a missing or unknown key is named."""
    if not isinstance(value, Mapping):
        raise invalid(where, "doit être une table (clé : valeur)")
    required = tuple(required)
    allowed = (*required, *optional)
    for key in value:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f" (vouliez-vous dire « {close[0]} » ?)" if close else ""
            raise invalid(f"{where}.{key}" if where else str(key), f"clé inconnue{hint}")
    for key in required:
        if key not in value:
            raise invalid(f"{where}.{key}" if where else key, "clé manquante")
    return value


def unknown_field(name: str, known: Iterable[str], where: str) -> FictionError:
    known = sorted(known)
    close = difflib.get_close_matches(name, known, n=1)
    hint = f" Vouliez-vous dire « {close[0]} » ?" if close else ""
    return FictionError(
        f"Champ inconnu « {name} » {where}.{hint} Champs possibles : {', '.join(known)}."
    )


def json_data(value: Any, where: str, depth: int = 0) -> Any:
    """Plain JSON data (history values, deal parameters), finite numbers only."""
    if depth > 20:
        raise invalid(where, "structure trop imbriquée")
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return number(value, where)
    if isinstance(value, (list, tuple)):
        return [json_data(item, f"{where}[{index}]", depth + 1) for index, item in enumerate(value)]
    if isinstance(value, Mapping):
        for key in value:
            if not isinstance(key, str):
                raise invalid(where, f"clé « {key} » : une clé doit être un texte")
        return {key: json_data(item, f"{where}.{key}", depth + 1) for key, item in value.items()}
    raise invalid(where, f"valeur inattendue de type {type(value).__name__}")
