"""What each kind of edit reads and decides, inside the edit's transaction.

A plan looks at the database (under the write lock) and returns the target,
its current value and the new one; `Store` then writes, reads back and
records the history entry. Deciding inside the transaction is what makes
"lock this card", "one more redraw", "add a segment at the end" or "+1
minute" safe when two processes do it at once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from fiction.errors import FictionError, StaleEdit
from fiction.store import access, hands, plain
from fiction.store import values as check
from fiction.store.database import Database
from fiction.store.labels import field_label
from fiction.store.model import SEGMENT_FIELDS, PhaseState
from fiction.store.paths import (
    PRESENTING,
    Target,
    editable,
    hand_path,
    segment_path,
    target_of,
)

Plan = Callable[[Database, int], tuple[Target, Any, Any]]
"""(database, workshop id) -> (target, current value, new value)."""


ANY_VALUE: Any = object()
"""`expected` of a typed edit that overwrites whatever the field holds (the CLI, undo)."""


def typed(group: int | None, field: str, value: Any, expected: Any = ANY_VALUE) -> Plan:
    """A field a person types into (`set_field`).

    With `expected` (what the screen last read), the edit is refused with
    `StaleEdit` when the field holds something else by now: another screen
    saved it meanwhile, and its text must not be overwritten unseen.
    """

    def plan(db: Database, workshop_id: int) -> tuple[Target, Any, Any]:
        target = editable(group, field)
        new = target.check(value)
        if target.kind == "answer" and target.key not in _vigilance_ids(db, workshop_id, group):
            raise FictionError(
                f"Le point de vigilance « {target.key} » n'est pas dans les cartes "
                f"du groupe {group}."
            )
        if target.path == "votes" and group is not None:
            _check_votes(db, workshop_id, group, new)
        try:
            current = access.read(db, workshop_id, target)
        except FictionError:
            if expected is ANY_VALUE or target.kind != "segment-field":
                raise
            # The segment was removed elsewhere while this screen was typing in it.
            raise StaleEdit(
                field, None, _last_author(db, workshop_id, target), field_label(field)
            ) from None
        stale = expected is not ANY_VALUE and not _holds(target, current, expected)
        if stale and not same(target, current, new):
            raise StaleEdit(
                field, current, _last_author(db, workshop_id, target), field_label(field)
            )
        return target, current, new

    return plan


def _check_votes(db: Database, workshop_id: int, group: int, votes: list[int]) -> None:
    """A group's votes: for existing groups, never its own, at most `votes_per_group`."""
    count, allowed = db.execute(
        "SELECT (SELECT count(*) FROM groups WHERE workshop_id = ?), votes_per_group"
        " FROM workshops WHERE id = ?",
        (workshop_id, workshop_id),
    ).fetchone()
    where = f"groupe {group} : {field_label('votes')}"
    if len(votes) > allowed:
        raise check.invalid(
            where, f"{len(votes)} votes, mais chaque groupe n'en a que {allowed} à donner"
        )
    for vote in votes:
        if vote == group:
            raise check.invalid(where, "un groupe ne vote pas pour son propre scénario")
        if vote > count:
            raise check.invalid(where, f"l'atelier n'a pas de groupe {vote} (groupes 1 à {count})")


def presenting(group: int | None, clock: Callable[[], float]) -> Plan:
    """The restitution: `group` presents from now on (its timer restarts), or None: nobody."""

    def plan(db: Database, workshop_id: int) -> tuple[Target, Any, Any]:
        target = target_of(None, PRESENTING)
        old = access.read(db, workshop_id, target)
        if group is None:
            return target, old, {"group": None, "since": None}
        count = _group_count(db, workshop_id)
        if isinstance(group, bool) or not isinstance(group, int) or not 1 <= group <= count:
            raise FictionError(
                f"Le groupe {group} ne peut pas présenter : l'atelier n'a que les groupes "
                f"1 à {count}."
            )
        return target, old, {"group": group, "since": clock()}

    return plan


def _group_count(db: Database, workshop_id: int) -> int:
    return db.execute(
        "SELECT count(*) FROM groups WHERE workshop_id = ?", (workshop_id,)
    ).fetchone()[0]


def _presenting_value(db: Database, workshop_id: int, value: Any, where: str) -> Any:
    value = check.mapping(value, where, ("group", "since"))
    group, since = value["group"], value["since"]
    if group is None:
        if since is not None:
            raise check.invalid(f"{where}.since", "pas de début sans groupe qui présente")
        return {"group": None, "since": None}
    group = check.integer(group, f"{where}.group", 1, _group_count(db, workshop_id))
    return {"group": group, "since": check.number(since, f"{where}.since")}


def _holds(target: Target, current: Any, expected: Any) -> bool:
    """Whether the stored `current` is the value a screen read as `expected`."""
    if current is None:
        return expected is None  # a segment removed meanwhile
    try:
        return same(target, current, target.check(expected))
    except FictionError:
        return False


def _last_author(db: Database, workshop_id: int, target: Target) -> str:
    """Who made the latest edit of `target`, as the history names them."""
    segment = target.path.rsplit("/", 1)[0] if target.kind == "segment-field" else target.path
    group = "group_number IS NULL" if target.group is None else "group_number = ?"
    row = db.execute(
        f"SELECT author FROM history WHERE workshop_id = ? AND {group} "
        "AND (path = ? OR path = ?) ORDER BY seq DESC LIMIT 1",
        (workshop_id, *([] if target.group is None else [target.group]), target.path, segment),
    ).fetchone()
    return row[0] if row else "un autre écran"


def moved(group: int, segment_id: int, position: int) -> Plan:
    def plan(db: Database, workshop_id: int) -> tuple[Target, Any, Any]:
        target = target_of(group, segment_path(segment_id, "position"))
        return target, access.read(db, workshop_id, target), target.check(position)

    return plan


def locked(group: int, round_number: int, card: str, lock: bool) -> Plan:
    return _hand(group, round_number, lambda hand, limit: hands.with_lock(hand, card, lock))


def redrawn(group: int, round_number: int, cards: Mapping[str, Sequence[str]]) -> Plan:
    return _hand(group, round_number, lambda hand, limit: hands.redrawn(hand, cards, limit))


def _hand(group: int, round_number: int, change: Callable[[dict[str, Any], int], Any]) -> Plan:
    def plan(db: Database, workshop_id: int) -> tuple[Target, Any, Any]:
        target = target_of(group, hand_path(round_number))
        old = access.read(db, workshop_id, target)
        limit = db.execute(
            "SELECT deal_redraw_limit FROM workshops WHERE id = ?", (workshop_id,)
        ).fetchone()[0]
        return target, old, change(old, limit)

    return plan


def new_segment(group: int, fields: Mapping[str, Any], position: int | None) -> Plan:
    """A segment with a fresh id, at `position` (None: at the end)."""
    checked = {f: plain.segment_field(f, fields[f], f"séquence : {f}") for f in SEGMENT_FIELDS}
    checked["speakers"] = list(checked["speakers"])

    def plan(db: Database, workshop_id: int) -> tuple[Target, Any, Any]:
        count = db.execute(
            "SELECT count(*) FROM segments WHERE workshop_id = ? AND group_number = ?",
            (workshop_id, group),
        ).fetchone()[0]
        if count >= check.MAX_ITEMS:  # what an export of the workshop could not hold
            raise FictionError(
                f"Le journal du groupe {group} compte déjà {count} séquences, le plus qu'il "
                "puisse en compter : retirez-en une avant d'en ajouter."
            )
        place = count if position is None else check.integer(position, "position", 0)
        target = target_of(group, segment_path(_next_segment_id(db, workshop_id, group)))
        return target, None, {"position": place} | checked

    return plan


def removed_segment(group: int, segment_id: int) -> Plan:
    def plan(db: Database, workshop_id: int) -> tuple[Target, Any, Any]:
        target = target_of(group, segment_path(segment_id))
        old = access.read(db, workshop_id, target)
        if old is None:
            raise FictionError(f"La séquence {segment_id} n'existe pas (ou plus) dans ce groupe.")
        return target, old, None

    return plan


def countdown(change: Callable[[PhaseState, int], PhaseState]) -> Plan:
    """The shared countdown after `change(state, number of phases)`."""

    def plan(db: Database, workshop_id: int) -> tuple[Target, Any, Any]:
        target = target_of(None, "phase")
        old = access.read(db, workshop_id, target)
        phases = db.execute(
            "SELECT count(*) FROM agenda_phases WHERE workshop_id = ?", (workshop_id,)
        ).fetchone()[0]
        state = plain.phase_from_data(old, "phase", phases)
        return target, old, plain.phase_to_data(change(state, phases))

    return plan


def restorable(db: Database, workshop_id: int, target: Target, value: Any) -> Any:
    """A value from the history, checked before undo writes it back.

    The history may come from an imported file: its values are checked as
    strictly as anything typed, so a hand-edited export cannot break a workshop.
    """
    where = f"historique : {target.path}"
    if target.kind == "hand":
        hand = plain.hand_from_data(value, where)
        if hand.round != target.key:
            raise check.invalid(where, f"main du tour {target.key} attendue")
        return plain.hand_to_data(hand)
    if target.kind == "phase":
        phases = db.execute(
            "SELECT count(*) FROM agenda_phases WHERE workshop_id = ?", (workshop_id,)
        ).fetchone()[0]
        return plain.phase_to_data(plain.phase_from_data(value, where, phases))
    if target.kind == PRESENTING:
        return _presenting_value(db, workshop_id, value, where)
    if target.kind == "segment":
        if value is None:
            return None
        value = check.mapping(value, where, ("position", *SEGMENT_FIELDS))
        fields = {f: plain.segment_field(f, value[f], f"{where}.{f}") for f in SEGMENT_FIELDS}
        position = check.integer(value["position"], f"{where}.position", 0)
        return {"position": position} | fields | {"speakers": list(fields["speakers"])}
    return target.check(value)


def same(target: Target, current: Any, expected: Any) -> bool:
    """Equal values; a segment's position is ignored (others may have moved it)."""
    if target.kind == "segment" and current is not None and expected is not None:
        return {**current, "position": 0} == {**expected, "position": 0}
    return current == expected


def _vigilance_ids(db: Database, workshop_id: int, group: int | None) -> set[str]:
    return {
        card
        for (cards,) in db.execute(
            "SELECT cards FROM hands WHERE workshop_id = ? AND group_number = ?",
            (workshop_id, group),
        )
        for card in json.loads(cards)["vigilance"]
    }


def _next_segment_id(db: Database, workshop_id: int, group: int) -> int:
    """An id no segment of this group ever had, so an old edit never meets a new segment.

    The history names every segment ever made (`segment/<id>...`): SQLite's
    CAST reads the leading digits of `<id>/<field>`, PostgreSQL needs them cut.
    """
    number = (
        "CAST(substring(path FROM '^segment/([0-9]+)') AS BIGINT)"
        if db.dialect == "postgresql"
        else "CAST(substr(path, 9) AS INTEGER)"
    )
    keys = (workshop_id, group)
    in_segments = db.execute(
        "SELECT coalesce(max(segment_id), 0) FROM segments"
        " WHERE workshop_id = ? AND group_number = ?",
        keys,
    ).fetchone()[0]
    in_history = db.execute(
        f"SELECT coalesce(max({number}), 0) FROM history"
        " WHERE workshop_id = ? AND group_number = ? AND path LIKE 'segment/%'",
        keys,
    ).fetchone()[0]
    return max(in_segments, in_history) + 1
