"""Check a deal request against a deck and turn it into a plan the dealer can follow.

Every impossible or conflicting request is refused here, before any card is
dealt, with a French message that says what to change: the dealer itself then
never meets a dead end it cannot get out of.
"""

from __future__ import annotations

import dataclasses
import difflib
import secrets
from dataclasses import dataclass

from fiction.cards.model import CARD_KINDS, KIND_LABELS, Deck, HandSpec, count_cards
from fiction.engine.index import DeckIndex, deck_index
from fiction.engine.model import (
    MAX_GROUPS,
    MAX_PER_KIND,
    MAX_REDRAWS,
    MAX_ROUNDS,
    MAX_SEED,
    DealRequest,
)
from fiction.errors import FictionError


@dataclass(frozen=True)
class Plan:
    """What a valid request means for dealing.

    `pools` are the ids each kind may deal (exclusions removed, deck order);
    `fixed[group][kind]` the cards the facilitator chose for a group, held every
    round.
    """

    hand: HandSpec
    pools: dict[str, tuple[str, ...]]
    fixed: dict[int, dict[str, tuple[str, ...]]]


def fresh_seed() -> int:
    """A seed nobody chose, drawn from the system's entropy (never the global RNG)."""
    return secrets.randbelow(MAX_SEED + 1)


def prepare(deck: Deck, request: DealRequest) -> tuple[DealRequest, Plan]:
    """The normalised request (seed and hand filled in, choices sorted) and its plan."""
    index = deck_index(deck)
    hand = request.hand if request.hand is not None else deck.manifest.hand
    seed = fresh_seed() if request.seed is None else request.seed
    _check_numbers(request, hand, seed)
    normal = dataclasses.replace(
        request,
        seed=seed,
        hand=hand,
        themes=tuple(sorted(set(request.themes))),
        picks=tuple(sorted(set(request.picks))),
        excluded=tuple(sorted(set(request.excluded))),
    )
    excluded = set(normal.excluded)
    for card_id in normal.excluded:
        _known(index, card_id)
    pools = {
        kind: tuple(card_id for card_id in index.ids[kind] if card_id not in excluded)
        for kind in CARD_KINDS
    }
    fixed = _fixed_cards(index, normal, hand, excluded)
    _check_counts(pools, hand)
    _check_own_cards(deck, index, pools, hand, excluded)
    _check_room_for_own_cards(index, hand, fixed)
    _check_rounds(normal, hand, pools, fixed)
    return normal, Plan(hand=hand, pools=pools, fixed=fixed)


def _check_numbers(request: DealRequest, hand: HandSpec, seed: int) -> None:
    if not 1 <= request.groups <= MAX_GROUPS:
        raise FictionError(
            f"Nombre de groupes impossible : {request.groups} ; il en faut de 1 à {MAX_GROUPS}."
        )
    if not 1 <= request.rounds <= MAX_ROUNDS:
        raise FictionError(
            f"Nombre de tours impossible : {request.rounds} ; il en faut de 1 à {MAX_ROUNDS}."
        )
    if not 0 <= seed <= MAX_SEED:
        raise FictionError(
            f"La graine doit être un nombre entier de 0 à {MAX_SEED} (reçu : {seed})."
        )
    if not 0 <= request.redraw_limit <= MAX_REDRAWS:
        raise FictionError(
            f"Limite de nouveaux tirages impossible : {request.redraw_limit} ; "
            f"de 0 à {MAX_REDRAWS} par groupe et par tour."
        )
    for kind in CARD_KINDS:
        count = hand.count(kind)
        if not 0 <= count <= MAX_PER_KIND:
            raise FictionError(
                f"Une main ne peut pas contenir {count} cartes {KIND_LABELS[kind]} "
                f"(de 0 à {MAX_PER_KIND})."
            )


def _known(index: DeckIndex, card_id: str, kind: str | None = None) -> str:
    """The kind of `card_id`, or a French error naming the closest id of the deck."""
    found = index.kind_of.get(card_id)
    if found is None:
        candidates = list(index.ids[kind]) if kind else list(index.kind_of)
        close = difflib.get_close_matches(card_id, candidates, n=1)
        hint = f" (vouliez-vous dire « {close[0]} » ?)" if close else ""
        raise FictionError(f"« {card_id} » ne correspond à aucune carte du jeu{hint}.")
    if kind is not None and found != kind:
        raise FictionError(
            f"« {card_id} » est une carte {KIND_LABELS[found]}, pas une carte {KIND_LABELS[kind]}."
        )
    return found


def _fixed_cards(
    index: DeckIndex, request: DealRequest, hand: HandSpec, excluded: set[str]
) -> dict[int, dict[str, tuple[str, ...]]]:
    chosen: dict[int, dict[str, list[str]]] = {
        group: {kind: [] for kind in CARD_KINDS} for group in range(1, request.groups + 1)
    }

    def place(group: int, card_id: str, kind: str | None, how: str) -> None:
        found = _known(index, card_id, kind)
        if not 1 <= group <= request.groups:
            raise FictionError(
                f"{how} « {card_id} » pour le groupe {group} : il n'y a que "
                f"{request.groups} groupe(s)."
            )
        if card_id in excluded:
            raise FictionError(f"« {card_id} » est à la fois exclue et choisie : décidez-vous.")
        cards = chosen[group][found]
        if card_id in cards:
            raise FictionError(f"« {card_id} » est choisie deux fois pour le groupe {group}.")
        cards.append(card_id)
        if len(cards) > hand.count(found):
            raise FictionError(
                f"Trop de cartes {KIND_LABELS[found]} choisies pour le groupe {group} : "
                f"{', '.join(cards)} ; une main en contient {hand.count(found)}."
            )

    if request.figure is not None:
        if hand.figures == 0:
            raise FictionError(
                "Impossible d'imposer une figure : les mains n'en contiennent aucune."
            )
        for group in chosen:
            place(group, request.figure, "figures", "Figure imposée")
    for group, theme_id in request.themes:
        place(group, theme_id, "themes", "Thème")
    for group, card_id in request.picks:
        place(group, card_id, None, "Carte choisie")
    return {
        group: {kind: tuple(ids) for kind, ids in kinds.items()} for group, kinds in chosen.items()
    }


def _check_counts(pools: dict[str, tuple[str, ...]], hand: HandSpec) -> None:
    for kind in CARD_KINDS:
        wanted, available = hand.count(kind), len(pools[kind])
        if wanted > available:
            raise FictionError(
                f"Une main demande {count_cards(kind, wanted)}, mais il n'y a que "
                f"{count_cards(kind, available)} à distribuer (exclusions comprises)."
            )


def _check_own_cards(
    deck: Deck,
    index: DeckIndex,
    pools: dict[str, tuple[str, ...]],
    hand: HandSpec,
    excluded: set[str],
) -> None:
    """Every figure that can be dealt keeps enough of its own roles and vigilance points."""
    for figure_id in pools["figures"]:
        title = deck.card(figure_id).title
        for owned, wanted, label in (
            (index.own_roles[figure_id], hand.own_roles, "rôle(s) propre(s)"),
            (index.own_vigilance[figure_id], hand.own_vigilance, "point(s) de vigilance propre(s)"),
        ):
            left = [card_id for card_id in owned if card_id not in excluded]
            if len(left) < wanted:
                gone = [card_id for card_id in owned if card_id in excluded]
                cause = f" une fois exclus {', '.join(gone)}" if gone else ""
                raise FictionError(
                    f"La figure « {title} » n'a que {len(left)} {label}{cause} ; une main en "
                    f"demande {wanted}. Retirez une exclusion ou excluez aussi la figure."
                )


def _check_room_for_own_cards(
    index: DeckIndex, hand: HandSpec, fixed: dict[int, dict[str, tuple[str, ...]]]
) -> None:
    """Picked roles and points leave room for the figure's own ones."""
    for group, kinds in fixed.items():
        for kind, own_of, wanted in (
            ("roles", index.own_roles, hand.own_roles),
            ("vigilance", index.own_vigilance, hand.own_vigilance),
        ):
            picked = kinds[kind]
            own = {card_id for figure in kinds["figures"] for card_id in own_of[figure]}
            missing = wanted - sum(1 for card_id in picked if card_id in own)
            if len(picked) and hand.count(kind) - len(picked) < missing:
                most = hand.count(kind) - wanted
                raise FictionError(
                    f"Trop de cartes {KIND_LABELS[kind]} choisies pour le groupe {group} : une "
                    f"main en garde {wanted} pour celles de sa figure. Choisissez-en {most} au "
                    "plus, ou imposez aussi une figure à qui elles appartiennent."
                )


def _check_rounds(
    request: DealRequest,
    hand: HandSpec,
    pools: dict[str, tuple[str, ...]],
    fixed: dict[int, dict[str, tuple[str, ...]]],
) -> None:
    """No group meets the same dealt figure twice: enough figures for every round."""
    available = len(pools["figures"])
    for group, kinds in fixed.items():
        held = len(kinds["figures"])
        dealt_per_round = hand.figures - held
        if request.rounds * dealt_per_round > available - held:
            most = (available - held) // dealt_per_round
            raise FictionError(
                f"Avec {request.rounds} tours, le groupe {group} rencontrerait deux fois la même "
                f"figure : il n'y a que {available} figures à distribuer. Choisissez {most} "
                "tour(s) au plus, ou imposez une figure."
            )
