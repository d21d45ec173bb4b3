"""Replay codes: a short code a facilitator can read aloud that gives the deal back.

A code is Crockford base 32 (no I, L, O or U; those read as 1, 1 and 0 when
typed), grouped by four, and ends with a Luhn mod 32 check character, so a
mistyped character or most swaps of two neighbours are caught before anything
is dealt. The first seven characters (35 bits) hold what nearly every deal
needs: a flag, groups − 1 (5 bits), rounds − 1 (4 bits) and the seed
(25 bits) — `K7F3-92QX`.

Anything else (hand counts other than the deck's, another redraw limit, one
theme per group, imposed figure, assigned themes, hand-picked and excluded
cards) follows as tagged fields after a 10-bit fingerprint of the deck's card
ids, which makes the code longer. A short hash of
those choices would keep every code at eight characters, but a hash cannot be
read back: replaying would then need the choices stored somewhere else, and a
code copied from a flipchart would no longer be enough. Cards are written as
their position in the deck (kind after kind, deck order), so a code is tied
to its deck: replay it on the same deck, blank cards included (the fingerprint
refuses, in French, most codes replayed on another deck).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence

from fiction.cards.model import CARD_KINDS, Deck, HandSpec
from fiction.engine.index import deck_index
from fiction.engine.model import (
    DEFAULT_REDRAW_LIMIT,
    MAX_GROUPS,
    MAX_ROUNDS,
    MAX_SEED,
    Deal,
    DealRequest,
    Hand,
)
from fiction.errors import FictionError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {symbol: value for value, symbol in enumerate(ALPHABET)} | {"O": 0, "I": 1, "L": 1}
_BASE = len(ALPHABET)
_HEADER_SYMBOLS = 7
_GROUP_BITS, _ROUND_BITS, _SEED_BITS, _COUNT_BITS, _TAG_BITS = 5, 4, 25, 4, 3
_FINGERPRINT_BITS = 10
_END, _HAND, _REDRAWS, _THEME_PER_GROUP, _FIGURE, _THEME, _PICK, _EXCLUDED = range(8)

assert (MAX_GROUPS, MAX_ROUNDS, MAX_SEED) == (2**_GROUP_BITS, 2**_ROUND_BITS, 2**_SEED_BITS - 1)


def encode(deck: Deck, request: DealRequest) -> str:
    """The code of a normalised request (seed and hand filled in, as `deal` keeps it)."""
    assert request.seed is not None and request.hand is not None
    order = {card_id: position for position, card_id in enumerate(deck_index(deck).code_order)}
    width = _card_bits(len(order))
    extension = _BitWriter()
    extension.write(_fingerprint(deck), _FINGERPRINT_BITS)
    if request.hand != deck.manifest.hand:
        extension.write(_HAND, _TAG_BITS)
        for kind in CARD_KINDS:
            extension.write(request.hand.count(kind), _COUNT_BITS)
    if request.redraw_limit != DEFAULT_REDRAW_LIMIT:
        extension.write(_REDRAWS, _TAG_BITS)
        extension.write(request.redraw_limit, _COUNT_BITS)
    if request.theme_per_group:
        extension.write(_THEME_PER_GROUP, _TAG_BITS)
    if request.figure is not None:
        extension.write(_FIGURE, _TAG_BITS)
        extension.write(order[request.figure], width)
    for tag, choices in ((_THEME, request.themes), (_PICK, request.picks)):
        for group, card_id in choices:
            extension.write(tag, _TAG_BITS)
            extension.write(group - 1, _GROUP_BITS)
            extension.write(order[card_id], width)
    for card_id in request.excluded:
        extension.write(_EXCLUDED, _TAG_BITS)
        extension.write(order[card_id], width)

    header = _BitWriter()
    extended = extension.bits > _FINGERPRINT_BITS
    header.write(1 if extended else 0, 1)
    header.write(request.groups - 1, _GROUP_BITS)
    header.write(request.rounds - 1, _ROUND_BITS)
    header.write(request.seed, _SEED_BITS)
    values = header.symbols() + (extension.symbols() if extended else [])
    return _format([*values, _luhn_check(values)])


def decode(deck: Deck, code: str) -> DealRequest:
    """The request a code stands for; a French `FictionError` for a mistyped code."""
    values = _parse(code)
    reader = _BitReader(values[:_HEADER_SYMBOLS])
    extended = reader.read(1)
    groups = reader.read(_GROUP_BITS) + 1
    rounds = reader.read(_ROUND_BITS) + 1
    seed = reader.read(_SEED_BITS)
    if not extended:
        if len(values) != _HEADER_SYMBOLS:
            raise _mistyped(code)
        return DealRequest(groups=groups, rounds=rounds, seed=seed, hand=deck.manifest.hand)
    fields = _read_extension(deck, code, values[_HEADER_SYMBOLS:])
    return DealRequest(groups=groups, rounds=rounds, seed=seed, **fields)


def replay(deck: Deck, code: str, history: Sequence[Hand] = ()) -> Deal:
    """The deal a code was made from (give the same deck, and the same history if any)."""
    from fiction.engine.dealer import deal

    return deal(deck, decode(deck, code), history)


def normalise_code(code: str) -> str:
    """The canonical spelling of a code (upper case, grouped), after checking it."""
    values = _parse(code)
    return _format([*values, _luhn_check(values)])


# --- reading an extension ------------------------------------------------------------


def _read_extension(deck: Deck, code: str, values: list[int]) -> dict:
    order = deck_index(deck).code_order
    width = _card_bits(len(order))
    reader = _BitReader(values)
    if reader.read(_FINGERPRINT_BITS) != _fingerprint(deck):
        raise FictionError(
            f"Le code « {code} » a été fait avec un autre jeu de cartes : rejouez-le avec le "
            "jeu (et les cartes vierges) du tirage d'origine."
        )
    fields: dict = {"hand": deck.manifest.hand, "themes": [], "picks": [], "excluded": []}

    def card() -> str:
        position = reader.read(width)
        if position >= len(order):
            raise FictionError(
                f"Le code « {code} » désigne une carte que ce jeu n'a pas : "
                "il a été fait avec un autre jeu de cartes."
            )
        return order[position]

    while reader.left() >= _TAG_BITS:
        tag = reader.read(_TAG_BITS)
        if tag == _END:
            break
        if tag == _HAND:
            fields["hand"] = HandSpec(**{kind: reader.read(_COUNT_BITS) for kind in CARD_KINDS})
        elif tag == _REDRAWS:
            fields["redraw_limit"] = reader.read(_COUNT_BITS)
        elif tag == _THEME_PER_GROUP:
            fields["theme_per_group"] = True
        elif tag == _FIGURE:
            fields["figure"] = card()
        elif tag in (_THEME, _PICK):
            group = reader.read(_GROUP_BITS) + 1
            fields["themes" if tag == _THEME else "picks"].append((group, card()))
        else:
            fields["excluded"].append(card())
    if reader.rest_is_set():
        raise _mistyped(code)
    return {
        key: tuple(value) if isinstance(value, list) else value for key, value in fields.items()
    }


# --- symbols, bits and the check character -----------------------------------------


def _parse(code: str) -> list[int]:
    text = "".join(code.split()).replace("-", "").upper()
    values = []
    for symbol in text:
        if symbol not in _VALUE:
            raise FictionError(
                f"Code de tirage « {code} » invalide : « {symbol} » n'est pas un caractère "
                "de code (chiffres et lettres sauf I, L, O et U)."
            )
        values.append(_VALUE[symbol])
    if len(values) < _HEADER_SYMBOLS + 1:
        raise FictionError(
            f"Code de tirage « {code} » trop court : un code a au moins "
            f"{_HEADER_SYMBOLS + 1} caractères, par exemple K7F3-92QX."
        )
    if not _luhn_valid(values):
        raise _mistyped(code)
    return values[:-1]


def _mistyped(code: str) -> FictionError:
    return FictionError(
        f"Code de tirage « {code} » erroné : un caractère a sans doute été mal recopié "
        "(le caractère de contrôle ne correspond pas). Vérifiez-le caractère par caractère."
    )


def _format(values: list[int]) -> str:
    symbols = "".join(ALPHABET[value] for value in values)
    return "-".join(symbols[start : start + 4] for start in range(0, len(symbols), 4))


def _luhn_terms(values: Sequence[int], double_first: bool) -> Iterator[int]:
    double = double_first
    for value in reversed(values):
        term = value * 2 if double else value
        yield term // _BASE + term % _BASE
        double = not double


def _luhn_check(values: Sequence[int]) -> int:
    """Luhn mod N check character: catches any single wrong character."""
    return (-sum(_luhn_terms(values, double_first=True))) % _BASE


def _luhn_valid(values: Sequence[int]) -> bool:
    return sum(_luhn_terms(values, double_first=False)) % _BASE == 0


def _fingerprint(deck: Deck) -> int:
    """A few bits that change with the deck's cards, so a code is not replayed on another."""
    ids = "\n".join(deck_index(deck).code_order).encode("utf-8")
    digest = hashlib.blake2b(ids, digest_size=4).digest()
    return int.from_bytes(digest, "big") >> (32 - _FINGERPRINT_BITS)


def _card_bits(count: int) -> int:
    return max(1, (count - 1).bit_length())


class _BitWriter:
    def __init__(self) -> None:
        self.value = 0
        self.bits = 0

    def write(self, value: int, bits: int) -> None:
        assert 0 <= value < 2**bits
        self.value = (self.value << bits) | value
        self.bits += bits

    def symbols(self) -> list[int]:
        padding = -self.bits % 5
        value, bits = self.value << padding, self.bits + padding
        return [(value >> shift) & 31 for shift in range(bits - 5, -1, -5)]


class _BitReader:
    def __init__(self, values: Sequence[int]) -> None:
        self.value = 0
        for symbol in values:
            self.value = (self.value << 5) | symbol
        self.bits = 5 * len(values)

    def left(self) -> int:
        return self.bits

    def read(self, bits: int) -> int:
        if bits > self.bits:
            raise FictionError("Code de tirage incomplet : il manque des caractères à la fin.")
        self.bits -= bits
        return (self.value >> self.bits) & ((1 << bits) - 1)

    def rest_is_set(self) -> bool:
        return self.value & ((1 << self.bits) - 1) != 0
