"""The workshop store: every workshop in one SQLite file, every edit saved at once.

`Store` opens (or creates) the file and makes each change one durable
transaction with its history entry; `Workshop` and its parts are the frozen
snapshots it gives back. Creating a workshop from a deal is in `creation`,
JSON/YAML exports in `exchange`, the Markdown account in `markdown`, the
shared countdown's arithmetic in `phase`.
"""

from __future__ import annotations

from fiction.store.model import (
    DEFAULT_AGENDA,
    REVIEW_KINDS,
    SEGMENT_KINDS,
    DealRecord,
    DeckRef,
    Edit,
    Group,
    HandState,
    Phase,
    PhaseState,
    Review,
    Segment,
    Workshop,
    WorkshopSummary,
)
from fiction.store.store import Store, default_store_path

__all__ = [
    "DEFAULT_AGENDA",
    "REVIEW_KINDS",
    "SEGMENT_KINDS",
    "DealRecord",
    "DeckRef",
    "Edit",
    "Group",
    "HandState",
    "Phase",
    "PhaseState",
    "Review",
    "Segment",
    "Store",
    "Workshop",
    "WorkshopSummary",
    "default_store_path",
]
