"""Whole workshops in and out of the tables (creation, import, loading).

Both directions go through the plain-data forms of `plain`, so a workshop
loaded from the tables is equal to the one inserted, field for field.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from fiction.cards.model import CARD_KINDS
from fiction.errors import FictionError
from fiction.store import access, plain
from fiction.store.database import Database
from fiction.store.model import (
    REVIEW_KINDS,
    DealRecord,
    DeckRef,
    Edit,
    Group,
    Review,
    Workshop,
    WorkshopSummary,
)
from fiction.store.paths import GROUP_COLUMNS, target_of

_REVIEW_COLUMNS = tuple(f"review_{kind}" for kind in REVIEW_KINDS)
_WORKSHOP_COLUMNS = (
    "name",
    "date",
    "place",
    "deck_id",
    "deck_version",
    "deck_hash",
    "deal_seed",
    "deal_code",
    "deal_rounds",
    "deal_redraw_limit",
    "deal_parameters",
    *_REVIEW_COLUMNS,
    "weather",
    "created_at",
    "updated_at",
    "start_time",
    "join_code",
    *plain.ROOM_KEYS,  # the room's columns are named as its keys in plain data
)
_GROUP_ROOM_COLUMNS = (
    "weather",
    "weather_end",
    "votes",
    *_REVIEW_COLUMNS,
    "next_step",
    "feedback",
)
_GROUP_COLUMNS = ("number", "pseudonym", *GROUP_COLUMNS, *_GROUP_ROOM_COLUMNS, "updated_at")
_GROUP_JSON_COLUMNS = ("actions", "new_actors", "weather", "weather_end", "votes", *_REVIEW_COLUMNS)
_EDIT_COLUMNS = ("seq", "at", "author", "group_number", "path", "old", "new", "undoes")


def workshop_id(db: Database, name: str) -> int | None:
    row = db.execute("SELECT id FROM workshops WHERE name = ?", (name,)).fetchone()
    return None if row is None else row[0]


def insert_workshop(db: Database, workshop: Workshop, history: Sequence[Edit]) -> int:
    """Insert a whole workshop and its history (the name must be free)."""
    deal = workshop.deal
    review = [access.dumps(list(workshop.review.items(kind))) for kind in REVIEW_KINDS]
    inserted = db.execute(
        f"INSERT INTO workshops ({', '.join(_WORKSHOP_COLUMNS)})"
        f" VALUES ({', '.join('?' * len(_WORKSHOP_COLUMNS))}) RETURNING id",
        (
            workshop.name,
            workshop.date,
            workshop.place,
            workshop.deck.id,
            workshop.deck.version,
            workshop.deck.content_hash,
            str(deal.seed),
            deal.code,
            deal.rounds,
            deal.redraw_limit,
            access.dumps(deal.parameters),
            *review,
            access.dumps(list(workshop.weather)),
            workshop.created_at,
            workshop.updated_at,
            workshop.start_time,
            workshop.join_code,
            access.dumps(list(workshop.weather_end)),
            workshop.votes_per_group,
            workshop.votes_revealed,
            workshop.presentation_minutes,
            workshop.wall,
            workshop.presenting,
            workshop.presenting_since,
        ),
    )
    new_id: int = inserted.fetchall()[0][0]
    for group in workshop.groups:
        _insert_group(db, new_id, group)
    access.write_agenda(db, new_id, plain.agenda_to_data(workshop.agenda))
    phase = workshop.phase
    db.execute(
        "INSERT INTO phase_state VALUES (?, ?, ?, ?, ?)",
        (new_id, phase.index, phase.started_at, phase.elapsed, phase.extra_minutes),
    )
    db.executemany(
        f"INSERT INTO history (workshop_id, {', '.join(_EDIT_COLUMNS)})"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                new_id,
                e.seq,
                e.at,
                e.author,
                e.group,
                e.path,
                access.dumps(e.old),
                access.dumps(e.new),
                e.undoes,
            )
            for e in history
        ],
    )
    return new_id


def _insert_group(db: Database, workshop_id: int, group: Group) -> None:
    data = plain.group_to_data(group)
    data |= {f"review_{kind}": items for kind, items in data["review"].items()}
    values = [
        access.dumps(data[c]) if isinstance(data[c], list) else data[c] for c in _GROUP_COLUMNS
    ]
    db.execute(
        f"INSERT INTO groups (workshop_id, {', '.join(_GROUP_COLUMNS)})"
        f" VALUES (?, {', '.join('?' * len(_GROUP_COLUMNS))})",
        (workshop_id, *values),
    )
    for hand in data["hands"]:
        cards = {kind: hand[kind] for kind in CARD_KINDS}
        db.execute(
            "INSERT INTO hands VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                workshop_id,
                group.number,
                hand["round"],
                access.dumps(cards),
                access.dumps(hand["locked"]),
                access.dumps(hand["discarded"]),
                hand["redraws"],
            ),
        )
    db.executemany(
        "INSERT INTO vigilance_answers VALUES (?, ?, ?, ?)",
        [(workshop_id, group.number, card, answer) for card, answer in group.answers.items()],
    )
    for position, segment in enumerate(data["segments"]):
        access.insert_segment(
            db, workshop_id, group.number, segment["id"], segment | {"position": position}
        )


def load_workshop(db: Database, workshop_id: int) -> Workshop:
    """The whole workshop (call inside one read transaction for a consistent snapshot)."""
    row = db.execute(
        f"SELECT {', '.join(_WORKSHOP_COLUMNS)} FROM workshops WHERE id = ?", (workshop_id,)
    ).fetchone()
    w = dict(zip(_WORKSHOP_COLUMNS, row, strict=True))
    agenda = access.read(db, workshop_id, target_of(None, "agenda"))
    phase = access.read(db, workshop_id, target_of(None, "phase"))
    return Workshop(
        name=w["name"],
        date=w["date"],
        place=w["place"],
        deck=DeckRef(w["deck_id"], w["deck_version"], w["deck_hash"]),
        deal=DealRecord(
            seed=int(w["deal_seed"]),
            code=w["deal_code"],
            rounds=w["deal_rounds"],
            redraw_limit=w["deal_redraw_limit"],
            parameters=json.loads(w["deal_parameters"]),
        ),
        groups=_load_groups(db, workshop_id, w["deal_rounds"]),
        agenda=plain.agenda_from_data(agenda, "agenda"),
        phase=plain.phase_from_data(phase, "phase", len(agenda)),
        review=Review(**{kind: tuple(json.loads(w[f"review_{kind}"])) for kind in REVIEW_KINDS}),
        weather=tuple(json.loads(w["weather"])),
        created_at=w["created_at"],
        updated_at=w["updated_at"],
        start_time=w["start_time"],
        join_code=w["join_code"],
        weather_end=tuple(json.loads(w["weather_end"])),
        votes_per_group=w["votes_per_group"],
        votes_revealed=bool(w["votes_revealed"]),
        presentation_minutes=w["presentation_minutes"],
        wall=w["wall"],
        presenting=w["presenting"],
        presenting_since=w["presenting_since"],
    )


def _load_groups(db: Database, workshop_id: int, rounds: int) -> tuple[Group, ...]:
    groups: dict[int, dict[str, Any]] = {}
    for row in db.execute(
        f"SELECT {', '.join(_GROUP_COLUMNS)} FROM groups WHERE workshop_id = ? ORDER BY number",
        (workshop_id,),
    ):
        data = dict(zip(_GROUP_COLUMNS, row, strict=True))
        for column in _GROUP_JSON_COLUMNS:
            data[column] = json.loads(data[column])
        data["review"] = {kind: data.pop(f"review_{kind}") for kind in REVIEW_KINDS}
        groups[data["number"]] = data | {"hands": [], "answers": {}, "segments": []}
    for number, *hand in db.execute(
        f"SELECT group_number, {access.HAND_COLUMNS} FROM hands"
        " WHERE workshop_id = ? ORDER BY group_number, round",
        (workshop_id,),
    ):
        groups[number]["hands"].append(access.hand_from_row(*hand))
    for number, card, answer in db.execute(
        "SELECT group_number, card_id, answer FROM vigilance_answers"
        " WHERE workshop_id = ? ORDER BY group_number, card_id",
        (workshop_id,),
    ):
        groups[number]["answers"][card] = answer
    for number, segment_id, *segment in db.execute(
        f"SELECT group_number, segment_id, {access.SEGMENT_COLUMNS} FROM segments"
        " WHERE workshop_id = ? ORDER BY group_number, position",
        (workshop_id,),
    ):
        fields = access.segment_from_row(tuple(segment))
        del fields["position"]
        groups[number]["segments"].append({"id": segment_id} | fields)
    return tuple(
        plain.group_from_data(data, f"groupe {number}", rounds) for number, data in groups.items()
    )


def load_history(db: Database, workshop_id: int, group: int | None = None) -> tuple[Edit, ...]:
    """Every edit in order; with `group`, only that group's."""
    sql = f"SELECT {', '.join(_EDIT_COLUMNS)} FROM history WHERE workshop_id = ?"
    keys: tuple[int, ...] = (workshop_id,)
    if group is not None:
        sql += " AND group_number = ?"
        keys += (group,)
    return tuple(edit_from_row(row) for row in db.execute(sql + " ORDER BY seq", keys))


def edit_from_row(row: Sequence[Any]) -> Edit:
    seq, at, author, group, path, old, new, undoes = row
    return Edit(seq, at, author, group, path, json.loads(old), json.loads(new), undoes)


def summaries(db: Database) -> tuple[WorkshopSummary, ...]:
    rows = db.execute(
        "SELECT name, date, place,"
        " (SELECT count(*) FROM groups WHERE workshop_id = workshops.id), updated_at"
        " FROM workshops ORDER BY date DESC, name"
    )
    return tuple(WorkshopSummary(*row) for row in rows)


def undoable_edit(db: Database, workshop_id: int, author: str, seq: int | None) -> Edit:
    """`author`'s last edit that is neither an undo nor undone, or edit `seq`."""
    undone = (
        "EXISTS (SELECT 1 FROM history u WHERE u.workshop_id = h.workshop_id AND u.undoes = h.seq)"
    )
    columns = "h.seq, h.at, h.author, h.group_number, h.path, h.old, h.new, h.undoes"
    if seq is None:
        row = db.execute(
            f"SELECT {columns} FROM history h WHERE h.workshop_id = ? AND h.author = ?"
            f" AND h.undoes IS NULL AND NOT {undone} ORDER BY h.seq DESC LIMIT 1",
            (workshop_id, author),
        ).fetchone()
        if row is None:
            raise FictionError(f"Rien à annuler pour « {author} ».")
        return edit_from_row(row)
    row = db.execute(
        f"SELECT {columns}, {undone} FROM history h WHERE h.workshop_id = ? AND h.seq = ?",
        (workshop_id, seq),
    ).fetchone()
    if row is None:
        raise FictionError(f"La modification n° {seq} n'existe pas.")
    if row[-1]:
        raise FictionError(f"La modification n° {seq} est déjà annulée.")
    return edit_from_row(row[:-1])
