"""Small French grammar helpers for the prompt templates (offered to them as filters).

Card titles are written to stand alone on a card ("Programmateur de
convivialités", "Le CCAS passeur"); inside a sentence they need a lower-case
start, an elided preposition ("d'isolement", "de la ville", "du quartier") or a
list joined with "et". Deck authors call these from their templates by their
French names: `minuscule`, `de`, `a`, `liste`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_VOWELS = "aeiouyàâäéèêëîïôöùûüÿœæ"
# Words whose h is "aspiré": no elision before them ("de handicap", "le hameau").
_ASPIRATED_H = (
    "hache",
    "haie",
    "haine",
    "hall",
    "halle",
    "halte",
    "hameau",
    "hamac",
    "hanche",
    "handicap",
    "hangar",
    "hantise",
    "harcèlement",
    "hardi",
    "haricot",
    "hasard",
    "hausse",
    "haut",
    "hauteur",
    "héros",
    "hérisson",
    "hibou",
    "hiérarchie",
    "hockey",
    "homard",
    "honte",
    "hors",
    "houle",
    "housse",
    "huit",
    "hurlement",
)
_ACRONYM = re.compile(r"^[A-ZÀ-Ý0-9]{2,}")
_CCAS_PREFIX = re.compile(r"^(le|la|les|l['’])\s*(ccas|cias)\s+", re.IGNORECASE)


def elides(word: str) -> bool:
    """Whether "de", "le", "que"… elide before `word` (vowel or mute h)."""
    lowered = word.lower()
    if not lowered:
        return False
    if lowered[0] in _VOWELS:
        return True
    return lowered[0] == "h" and not lowered.startswith(_ASPIRATED_H)


def minuscule(text: str) -> str:
    """First letter in lower case (« Déconvivialiser » too), unless it opens an acronym (CCAS)."""
    text = str(text)
    start = next((i for i, char in enumerate(text) if char.isalnum()), None)
    if start is None or _ACRONYM.match(text, start):
        return text
    return text[:start] + text[start].lower() + text[start + 1 :]


def de(text: str) -> str:
    """`text` after "de": "d'isolement", "du quartier", "des aînés", "de la ville"."""
    text = str(text).strip()
    lowered = text.lower()
    if lowered.startswith("le "):
        return "du " + text[3:]
    if lowered.startswith("les "):
        return "des " + text[4:]
    if elides(text):
        return "d'" + text
    return "de " + text


def a(text: str) -> str:
    """`text` after "à": "au Mans", "aux Sables-d'Olonne", "à Lyon", "à l'hôpital"."""
    text = str(text).strip()
    lowered = text.lower()
    if lowered.startswith("le "):
        return "au " + text[3:]
    if lowered.startswith("les "):
        return "aux " + text[4:]
    return "à " + text


def liste(items: Iterable[object]) -> str:
    """Join words the French way: "a", "a et b", "a, b et c"."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " et " + words[-1]


def figure_name(title: str) -> str:
    """A figure's title as it follows "le CCAS devenu…": "programmateur de convivialités".

    A title that already names the CCAS ("Le CCAS passeur") loses that part.
    """
    return minuscule(_CCAS_PREFIX.sub("", str(title).strip()))


NO_BREAK_SPACE = "\u00a0"


def tidy(text: str) -> str:
    """One line of French prose from a template's output.

    Single spaces, none before a comma or a full stop, and a no-break space
    before ? ! : ; » and after «, as French typography wants (so a line never
    starts with a lone question mark).
    """
    text = re.sub(r"[ \t\r\n\f\v]+", " ", text).strip()
    text = re.sub(r" +([,.])", r"\1", text)
    text = re.sub(r" ([?!:;»])", NO_BREAK_SPACE + r"\1", text)
    return text.replace("« ", "«" + NO_BREAK_SPACE)
