"""The names of everything an edit can change, and the check each value gets.

An edit names its field by a short path: `narrative`, `vigilance/<card id>`,
`segment/<id>/sound` for a group; `date`, `agenda`, `review/create` for the
workshop. The path is what the history records, so undo finds its way back
to the same place; unknown names are refused with the list of known ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fiction.errors import FictionError
from fiction.store import join_codes, plain
from fiction.store import values as check
from fiction.store.labels import field_label
from fiction.store.model import FINISHED_STEP, REVIEW_KINDS, SEGMENT_FIELDS, TARGET_RANGE

GROUP_TEXTS = ("title", "place_name", "question", "context", "narrative", "purpose")
GROUP_LINES = ("actions", "new_actors")
GROUP_PACE = ("reading_speed", "target_seconds")
GROUP_COLUMNS = (*GROUP_TEXTS, *GROUP_LINES, "step", *GROUP_PACE)
WORKSHOP_COLUMNS = (
    "date",
    "place",
    "start_time",
    "join_code",
    "weather",
    *(f"review/{kind}" for kind in REVIEW_KINDS),
)

GROUP_FIELDS = (*GROUP_COLUMNS, "vigilance/<carte>", *(f"segment/<n>/{f}" for f in SEGMENT_FIELDS))
WORKSHOP_FIELDS = (*WORKSHOP_COLUMNS, "agenda")


@dataclass(frozen=True)
class Target:
    """Where one edit lands.

    `kind` is `column` (a column of `groups` or `workshops`), `answer` (a
    vigilance answer, `key` = card id), `agenda`, `phase`, `hand` (`key` =
    round), `segment` (a whole segment, `key` = its id) or `segment-field`
    (`column` = the field, `position` for a move).
    """

    path: str
    group: int | None
    kind: str
    column: str = ""
    key: Any = None

    def check(self, value: Any) -> Any:
        """The value as plain JSON data, or a French error naming the field."""
        label = field_label(self.path)
        where = label if self.group is None else f"groupe {self.group} : {label}"
        if self.kind == "column":
            return _column_value(self.column, value, where)
        if self.kind == "answer":
            return check.text(value, where)
        if self.kind == "agenda":
            return plain.agenda_to_data(plain.agenda_from_data(value, where))
        if self.kind == "segment-field":
            if self.column == "position":
                return check.integer(value, where, 0)
            field = plain.segment_field(self.column, value, where)
            return list(field) if isinstance(field, tuple) else field
        raise FictionError(f"« {self.path} » se modifie par une opération dédiée.")


def _column_value(column: str, value: Any, where: str) -> Any:
    if column == "step":
        return check.integer(value, where, 1, FINISHED_STEP)
    if column == "reading_speed":
        return check.reading_speed(value, where)
    if column == "target_seconds":
        return check.integer(value, where, *TARGET_RANGE)
    if column == "date":
        return check.date(value, where)
    if column == "start_time":
        return check.clock_time(value, where)
    if column == "join_code":
        return join_codes.checked(value, where)
    if column in (*GROUP_LINES, "weather") or column.startswith("review_"):
        return list(check.lines(value, where))
    return check.text(value, where)


def editable(group: int | None, path: str) -> Target:
    """The target of `set_field`: a field a person types into."""
    target = target_of(group, path)
    if target.kind in ("phase", "hand", "segment") or target.column == "position":
        known = GROUP_FIELDS if group is not None else WORKSHOP_FIELDS
        raise check.unknown_field(path, known, _scope(group))
    return target


def target_of(group: int | None, path: str) -> Target:
    """Any path the history may hold, including hands, moves and the countdown."""
    if group is None:
        return _workshop_target(path)
    head, _, rest = path.partition("/")
    if path in GROUP_COLUMNS:
        return Target(path, group, "column", path)
    if head == "vigilance" and rest:
        return Target(path, group, "answer", key=check.card_id(rest, path))
    if head == "hand" and rest.isdigit():
        return Target(path, group, "hand", key=int(rest))
    if head == "segment":
        number, _, field = rest.partition("/")
        if number.isdigit() and not field:
            return Target(path, group, "segment", key=int(number))
        if number.isdigit() and field in (*SEGMENT_FIELDS, "position"):
            return Target(path, group, "segment-field", field, int(number))
    if path in WORKSHOP_FIELDS or path == "phase":
        raise FictionError(
            f"Le champ « {path} » appartient à l'atelier, pas à un groupe : "
            "n'indiquez pas de groupe."
        )
    raise check.unknown_field(path, GROUP_FIELDS, _scope(group))


def _workshop_target(path: str) -> Target:
    if path in WORKSHOP_COLUMNS:
        return Target(path, None, "column", path.replace("/", "_"))
    if path in ("agenda", "phase"):
        return Target(path, None, path)
    head = path.partition("/")[0]
    if path in GROUP_COLUMNS or head in ("vigilance", "hand", "segment"):
        raise FictionError(
            f"Le champ « {path} » appartient à un groupe : indiquez le numéro du groupe."
        )
    raise check.unknown_field(path, WORKSHOP_FIELDS, _scope(None))


def _scope(group: int | None) -> str:
    return "pour l'atelier" if group is None else "pour un groupe"


def hand_path(round_number: int) -> str:
    return f"hand/{round_number}"


def segment_path(segment_id: int, field: str = "") -> str:
    return f"segment/{segment_id}/{field}" if field else f"segment/{segment_id}"
