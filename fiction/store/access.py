"""Read and write the value at one target, inside the caller's transaction.

Every value goes in and out as plain JSON data, the form the history keeps,
so an edit and its undo are the same operation with old and new swapped.
Column names come from the fixed registry in `paths`, never from input.
"""

from __future__ import annotations

import json
from typing import Any

from fiction.cards.model import CARD_KINDS
from fiction.errors import FictionError
from fiction.store.database import Database
from fiction.store.model import SEGMENT_FIELDS
from fiction.store.paths import GROUP_LINES, Target

_JSON_COLUMNS = (*GROUP_LINES, "weather", "weather_end", "votes", "speakers")
_BOOLEAN_COLUMNS = ("votes_revealed",)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _decode(column: str, raw: Any) -> Any:
    if column in _BOOLEAN_COLUMNS:
        return bool(raw)
    return json.loads(raw) if column in _JSON_COLUMNS or column.startswith("review_") else raw


def read(db: Database, workshop_id: int, target: Target) -> Any:
    group = target.group
    if target.kind == "column":
        table, where, keys = _row_of(workshop_id, group)
        row = db.execute(f"SELECT {target.column} FROM {table} WHERE {where}", keys).fetchone()
        return _decode(target.column, row[0])
    if target.kind == "answer":
        row = db.execute(
            "SELECT answer FROM vigilance_answers"
            " WHERE workshop_id = ? AND group_number = ? AND card_id = ?",
            (workshop_id, group, target.key),
        ).fetchone()
        return row[0] if row else ""
    if target.kind == "agenda":
        rows = db.execute(
            "SELECT title, minutes, instructions, day FROM agenda_phases"
            " WHERE workshop_id = ? ORDER BY position",
            (workshop_id,),
        )
        # Instructions and day only when set, as `plain.agenda_to_data` writes them:
        # the history of an agenda without them reads as it always did.
        return [
            {"title": title, "minutes": minutes}
            | ({"instructions": instructions} if instructions else {})
            | ({"day": day} if day != 1 else {})
            for title, minutes, instructions, day in rows
        ]
    if target.kind == "phase":
        row = db.execute(
            "SELECT phase, started_at, elapsed, extra_minutes FROM phase_state"
            " WHERE workshop_id = ?",
            (workshop_id,),
        ).fetchone()
        return dict(zip(("index", "started_at", "elapsed", "extra_minutes"), row, strict=True))
    if target.kind == "presenting":
        row = db.execute(
            "SELECT presenting, presenting_since FROM workshops WHERE id = ?", (workshop_id,)
        ).fetchone()
        return {"group": row[0], "since": row[1]}
    assert group is not None, target  # hands and segments belong to a group
    if target.kind == "hand":
        return _read_hand(db, workshop_id, group, target.key)
    segment = _read_segment(db, workshop_id, group, target.key)
    if target.kind == "segment":
        return segment
    if segment is None:
        raise FictionError(f"La séquence {target.key} n'existe pas (ou plus) dans ce groupe.")
    return segment[target.column]


def write(db: Database, workshop_id: int, target: Target, value: Any) -> None:
    group = target.group
    if target.kind == "column":
        table, where, keys = _row_of(workshop_id, group)
        stored = dumps(value) if isinstance(value, list) else value
        db.execute(f"UPDATE {table} SET {target.column} = ? WHERE {where}", (stored, *keys))
    elif target.kind == "answer":
        answer = (workshop_id, group, target.key)
        db.execute(
            "DELETE FROM vigilance_answers"
            " WHERE workshop_id = ? AND group_number = ? AND card_id = ?",
            answer,
        )
        if value:
            db.execute("INSERT INTO vigilance_answers VALUES (?, ?, ?, ?)", (*answer, value))
    elif target.kind == "agenda":
        write_agenda(db, workshop_id, value)
    elif target.kind == "phase":
        db.execute(
            "UPDATE phase_state SET phase = ?, started_at = ?, elapsed = ?, extra_minutes = ?"
            " WHERE workshop_id = ?",
            (
                value["index"],
                value["started_at"],
                value["elapsed"],
                value["extra_minutes"],
                workshop_id,
            ),
        )
    elif target.kind == "presenting":
        db.execute(
            "UPDATE workshops SET presenting = ?, presenting_since = ? WHERE id = ?",
            (value["group"], value["since"], workshop_id),
        )
    elif target.kind == "hand":
        cards = {kind: value[kind] for kind in CARD_KINDS}
        db.execute(
            "UPDATE hands SET cards = ?, locked = ?, discarded = ?, redraws = ?"
            " WHERE workshop_id = ? AND group_number = ? AND round = ?",
            (
                dumps(cards),
                dumps(value["locked"]),
                dumps(value["discarded"]),
                value["redraws"],
                workshop_id,
                group,
                target.key,
            ),
        )
    elif target.kind == "segment":
        assert group is not None, target  # segments belong to a group
        _remove_segment(db, workshop_id, group, target.key)
        if value is not None:
            insert_segment(db, workshop_id, group, target.key, value)
    elif target.column == "position":
        assert group is not None, target
        segment = _read_segment(db, workshop_id, group, target.key)
        if segment is None:
            raise FictionError(f"La séquence {target.key} n'existe pas (ou plus) dans ce groupe.")
        _remove_segment(db, workshop_id, group, target.key)
        insert_segment(db, workshop_id, group, target.key, segment | {"position": value})
    else:
        stored = dumps(value) if target.column == "speakers" else value
        db.execute(
            f"UPDATE segments SET {target.column} = ?"
            " WHERE workshop_id = ? AND group_number = ? AND segment_id = ?",
            (stored, workshop_id, group, target.key),
        )


def _row_of(workshop_id: int, group: int | None) -> tuple[str, str, tuple[int, ...]]:
    if group is None:
        return "workshops", "id = ?", (workshop_id,)
    return "groups", "workshop_id = ? AND number = ?", (workshop_id, group)


HAND_COLUMNS = "round, cards, locked, discarded, redraws"
SEGMENT_COLUMNS = f"position, {', '.join(SEGMENT_FIELDS)}"


def hand_from_row(round_number: int, cards: str, locked: str, discarded: str, redraws: int) -> Any:
    """A `hands` row (from `SELECT HAND_COLUMNS`) as the plain data of a hand."""
    return (
        {"round": round_number}
        | json.loads(cards)
        | {"locked": json.loads(locked), "discarded": json.loads(discarded), "redraws": redraws}
    )


def segment_from_row(row: tuple[Any, ...]) -> dict[str, Any]:
    """A `segments` row (from `SELECT SEGMENT_COLUMNS`) as plain data, position included."""
    segment = dict(zip(("position", *SEGMENT_FIELDS), row, strict=True))
    return segment | {"speakers": json.loads(segment["speakers"])}


def _read_hand(db: Database, workshop_id: int, group: int, round_number: int) -> Any:
    row = db.execute(
        f"SELECT {HAND_COLUMNS} FROM hands"
        " WHERE workshop_id = ? AND group_number = ? AND round = ?",
        (workshop_id, group, round_number),
    ).fetchone()
    if row is None:
        raise FictionError(f"Le groupe {group} n'a pas de main pour le tour {round_number}.")
    return hand_from_row(*row)


def _read_segment(
    db: Database, workshop_id: int, group: int, segment_id: int
) -> dict[str, Any] | None:
    row = db.execute(
        f"SELECT {SEGMENT_COLUMNS} FROM segments"
        " WHERE workshop_id = ? AND group_number = ? AND segment_id = ?",
        (workshop_id, group, segment_id),
    ).fetchone()
    return None if row is None else segment_from_row(row)


def _remove_segment(db: Database, workshop_id: int, group: int, segment_id: int) -> None:
    keys = (workshop_id, group, segment_id)
    row = db.execute(
        "SELECT position FROM segments"
        " WHERE workshop_id = ? AND group_number = ? AND segment_id = ?",
        keys,
    ).fetchone()
    if row is not None:
        db.execute(
            "DELETE FROM segments WHERE workshop_id = ? AND group_number = ? AND segment_id = ?",
            keys,
        )
        db.execute(
            "UPDATE segments SET position = position - 1"
            " WHERE workshop_id = ? AND group_number = ? AND position > ?",
            (workshop_id, group, row[0]),
        )


def insert_segment(
    db: Database, workshop_id: int, group: int, segment_id: int, value: dict[str, Any]
) -> None:
    """Insert at `value["position"]` (at most the end), moving the later ones down."""
    count = db.execute(
        "SELECT count(*) FROM segments WHERE workshop_id = ? AND group_number = ?",
        (workshop_id, group),
    ).fetchone()[0]
    position = min(value["position"], count)
    db.execute(
        "UPDATE segments SET position = position + 1"
        " WHERE workshop_id = ? AND group_number = ? AND position >= ?",
        (workshop_id, group, position),
    )
    db.execute(
        f"INSERT INTO segments (workshop_id, group_number, segment_id, position,"
        f" {', '.join(SEGMENT_FIELDS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            workshop_id,
            group,
            segment_id,
            position,
            value["kind"],
            value["image"],
            value["sound"],
            dumps(list(value["speakers"])),
            value["cue"],
        ),
    )


def write_agenda(db: Database, workshop_id: int, agenda: list[dict[str, Any]]) -> None:
    db.execute("DELETE FROM agenda_phases WHERE workshop_id = ?", (workshop_id,))
    db.executemany(
        "INSERT INTO agenda_phases (workshop_id, position, title, minutes, instructions, day)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                workshop_id,
                i,
                phase["title"],
                phase["minutes"],
                phase.get("instructions", ""),
                phase.get("day", 1),
            )
            for i, phase in enumerate(agenda)
        ],
    )
