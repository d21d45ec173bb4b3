"""Which screens have a group open right now, so two of them never work blind.

Each group screen says it is there when it opens and again at every poll
(`seen`), and says goodbye when it closes (`gone`). A screen killed outright
never says goodbye: it stops counting once it has not been seen for
`TIMEOUT` seconds. Nothing here is part of the workshop: no history, no
export, and the workshop's revision does not move.
"""

from __future__ import annotations

from fiction.store.database import Database

TIMEOUT = 15.0
"""Seconds after its last sign of life that a screen no longer counts as open."""

TABLE = (
    """CREATE TABLE open_screens (
        workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        group_number INTEGER NOT NULL,
        screen TEXT NOT NULL,  -- a random id per screen
        seen_at REAL NOT NULL,
        PRIMARY KEY (workshop_id, group_number, screen)
    )""",
)


def seen(db: Database, workshop_id: int, group: int, screen: str, now: float) -> None:
    db.execute(
        "INSERT INTO open_screens VALUES (?, ?, ?, ?) ON CONFLICT "
        "(workshop_id, group_number, screen) DO UPDATE SET seen_at = excluded.seen_at",
        (workshop_id, group, screen, now),
    )
    # Forget the screens killed long ago, so the table stays as small as the room.
    db.execute(
        "DELETE FROM open_screens WHERE workshop_id = ? AND seen_at < ?",
        (workshop_id, now - 20 * TIMEOUT),
    )


def gone(db: Database, workshop_id: int, group: int, screen: str) -> None:
    db.execute(
        "DELETE FROM open_screens WHERE workshop_id = ? AND group_number = ? AND screen = ?",
        (workshop_id, group, screen),
    )


def counts(db: Database, workshop_id: int, now: float) -> dict[int, int]:
    """Group number → how many screens have it open (groups with none are left out)."""
    found = db.execute(
        "SELECT group_number, count(*) FROM open_screens "
        "WHERE workshop_id = ? AND seen_at >= ? GROUP BY group_number",
        (workshop_id, now - TIMEOUT),
    )
    return dict(found.fetchall())
