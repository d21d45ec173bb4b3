"""Take a migration's added columns out of a current store, to build an older one."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence

_ADD_COLUMN = re.compile(r"ALTER TABLE (\w+) ADD COLUMN (\w+)")


def drop_added_columns(db: sqlite3.Connection, statements: Sequence[str]) -> None:
    """Undo the `ALTER TABLE … ADD COLUMN …` of a migration's `statements`, last first."""
    for statement in reversed(statements):
        found = _ADD_COLUMN.match(statement)
        assert found, statement  # only column additions can be taken back this way
        db.execute(f"ALTER TABLE {found[1]} DROP COLUMN {found[2]}")
