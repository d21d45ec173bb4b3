"""French words as the library compares them: one form per word, whoever typed it.

The same normaliser reads the scenarios and the query, so « Les bienveilleuses
du quartier » and « bienveilleur » meet. Each word is folded (case, accents,
ligatures), taken apart from its inclusive forms (« bienveilleur·euses »,
« habitant·es », « élu.e.s » keep their first form), brought to one gender and
number (-euse(s) and -rice(s) to -eur, -ive(s) to -if, -ère(s) to -er…) and
then stemmed by Snowball's French stemmer. Plain Snowball stems
« bienveilleuses » to « bienveil » but « bienveilleur » to « bienveilleur »:
the gender step is what lets them meet. Stop words (« les », « du ») are left out.

`words` keeps where each word lies in the text, so a snippet can highlight the
words a query found in the text as it was typed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fiction.folding import STOP_WORDS, fold


def _listed(words: str) -> frozenset[str]:
    return frozenset(words.split())


MEDIANS = "·•⋅∙‧"
"""The inclusive-writing dots: the point médian and the characters typed for it."""

_LETTERS = r"[^\W\d_]+"
_TOKEN = re.compile(rf"{_LETTERS}(?:[{MEDIANS}.\-]{_LETTERS})*|\d+")
_JOINERS = re.compile(rf"[{MEDIANS}.\-]")

EPICENE_SUFFIXES = frozenset(
    _listed("e es s x ne nes se ses sse sses te tes euse euses rice rices trice trices ice ices")
    | _listed("ere eres ive ives ve ves ale ales")
)
"""What an inclusive form adds after a full stop or a hyphen (« élu.e.s », « grand-es »);
after a point médian any part is one. Anything else after a full stop or a hyphen is
another word (« vivre-ensemble », a missing space after a full stop)."""

# After the plural -s is gone; longest first: a word takes the first ending it has,
# if enough of the word is left before it.
_GENDER_ENDINGS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            "euse": "eur",
            "eux": "eur",
            "rice": "eur",
            "ive": "if",
            "ere": "er",
            "enne": "en",
            "onne": "on",
            "elle": "el",
            "ale": "al",
            "aux": "al",
        }.items(),
        key=lambda pair: -len(pair[0]),
    )
)
_MIN_STEM = 2
"""Letters an ending leaves before it (« heureuse » → « heureur », never « deux » → « deur »)."""


@dataclass(frozen=True)
class Word:
    """A word of a text: where it lies (`start`, `end`) and its normal form."""

    start: int
    end: int
    form: str


def words(text: str) -> Iterator[Word]:
    """Every word of `text` that counts, with its place and its normal form.

    `text` should be NFC (as typed): a decomposed accent would split a word.
    """
    for match in _TOKEN.finditer(text):
        offset = match.start()
        for start, end, form in _token_words(match.group()):
            yield Word(offset + start, offset + end, form)


def forms(text: str) -> list[str]:
    """The normal forms of the words of `text`, in order."""
    text = unicodedata.normalize("NFC", text)
    return [form for token in _TOKEN.findall(text) for _, _, form in _token_words(token)]


def normalise(text: str) -> str:
    """The words of `text` in normal form, separated by spaces (what the index holds)."""
    return " ".join(forms(text))


@functools.lru_cache(maxsize=65536)
def _token_words(token: str) -> tuple[tuple[int, int, str], ...]:
    """The words of one token as (start, end, normal form): one word for « élu·e·s »,
    two for « vivre-ensemble »; stop words left out."""
    if token.isdigit():
        return ((0, len(token), token),)
    found = []
    parts = _JOINERS.split(token)
    start, end, first = 0, len(parts[0]), parts[0]
    for joiner, part in zip(_JOINERS.findall(token), parts[1:], strict=True):
        if joiner not in MEDIANS and fold(part) not in EPICENE_SUFFIXES:
            # Another word, not an inclusive ending: the word so far ends here.
            found.append((start, end, normal_form(first)))
            start, first = end + 1, part
        end += 1 + len(part)
    found.append((start, end, normal_form(first)))
    return tuple(word for word in found if word[2])


@functools.lru_cache(maxsize=65536)
def normal_form(word: str) -> str:
    """One word's normal form ("" for a stop word): folded, one gender, stemmed."""
    folded = fold(word)
    if folded in STOP_WORDS:
        return ""
    if folded.endswith("s") and not folded.endswith("ss") and len(folded) > 3:
        folded = folded[:-1]  # « élus » and « élu·e·s » (« élu ») meet: Snowball keeps -us
    for ending, replacement in _GENDER_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= _MIN_STEM:
            folded = folded[: -len(ending)] + replacement
            break
    return _stemmer().stemWord(folded)


@functools.cache
def _stemmer() -> Any:
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer("french")
