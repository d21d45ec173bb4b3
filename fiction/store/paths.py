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
from fiction.store.model import (
    FINISHED_STEP,
    MAX_FEEDBACK_CHARS,
    PRESENTATION_RANGE,
    REVIEW_KINDS,
    SEGMENT_FIELDS,
    TARGET_RANGE,
    VOTES_RANGE,
    WALL_MODES,
)

GROUP_TEXTS = ("title", "place_name", "question", "context", "narrative", "purpose")
GROUP_LINES = ("actions", "new_actors")
GROUP_PACE = ("reading_speed", "target_seconds")
GROUP_COLUMNS = (*GROUP_TEXTS, *GROUP_LINES, "step", *GROUP_PACE)
REVIEW_PATHS = tuple(f"review/{kind}" for kind in REVIEW_KINDS)
WEATHER_PATHS = ("weather", "weather_end")
"""The météo answers, at the start and at the end (group and workshop fields)."""
GROUP_ROOM = (*WEATHER_PATHS, "votes", *REVIEW_PATHS, "next_step", "feedback")
"""A group's fields of the room (issue 15): météo, votes, bilan, next step, feedback."""
WORKSHOP_ROOM = ("weather_end", "votes_per_group", "votes_revealed", "presentation_minutes", "wall")
WORKSHOP_COLUMNS = (
    "date",
    "place",
    "start_time",
    "join_code",
    "weather",
    *REVIEW_PATHS,
    *WORKSHOP_ROOM,
)
PRESENTING = "presenting"
"""The history path of `Store.present` (which group presents, since when)."""

GROUP_FIELDS = (
    *GROUP_COLUMNS,
    *GROUP_ROOM,
    "vigilance/<carte>",
    *(f"segment/<n>/{f}" for f in SEGMENT_FIELDS),
)
WORKSHOP_FIELDS = (*WORKSHOP_COLUMNS, "agenda")


@dataclass(frozen=True)
class Target:
    """Where one edit lands.

    `kind` is `column` (a column of `groups` or `workshops`), `answer` (a
    vigilance answer, `key` = card id), `agenda`, `phase`, `presenting` (the
    restitution's group and start), `hand` (`key` = round), `segment` (a whole
    segment, `key` = its id) or `segment-field` (`column` = the field,
    `position` for a move).
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
    if column in WEATHER_PATHS:
        return list(check.weather(value, where))
    if column == "votes":
        return list(check.votes(value, where))
    if column == "feedback":
        return check.one_line(value, where, max_chars=MAX_FEEDBACK_CHARS)
    if column == "votes_per_group":
        return check.integer(value, where, *VOTES_RANGE)
    if column == "presentation_minutes":
        return check.integer(value, where, *PRESENTATION_RANGE)
    if column == "votes_revealed":
        return check.boolean(value, where)
    if column == "wall":
        return check.choice(value, where, WALL_MODES)
    if column in GROUP_LINES or column.startswith("review_"):
        return list(check.lines(value, where))
    return check.text(value, where)


def editable(group: int | None, path: str) -> Target:
    """The target of `set_field`: a field a person types into."""
    target = target_of(group, path)
    if target.kind in ("phase", PRESENTING, "hand", "segment") or target.column == "position":
        known = GROUP_FIELDS if group is not None else WORKSHOP_FIELDS
        raise check.unknown_field(path, known, _scope(group))
    return target


def target_of(group: int | None, path: str) -> Target:
    """Any path the history may hold, including hands, moves and the countdown."""
    if group is None:
        return _workshop_target(path)
    head, _, rest = path.partition("/")
    if path in GROUP_COLUMNS or path in GROUP_ROOM:
        return Target(path, group, "column", path.replace("/", "_"))
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
    if path in WORKSHOP_FIELDS or path in ("phase", PRESENTING):
        raise FictionError(
            f"Le champ « {path} » appartient à l'atelier, pas à un groupe : "
            "n'indiquez pas de groupe."
        )
    raise check.unknown_field(path, GROUP_FIELDS, _scope(group))


def _workshop_target(path: str) -> Target:
    if path in WORKSHOP_COLUMNS:
        return Target(path, None, "column", path.replace("/", "_"))
    if path in ("agenda", "phase", PRESENTING):
        return Target(path, None, path)
    head = path.partition("/")[0]
    if path in GROUP_COLUMNS or path in GROUP_ROOM or head in ("vigilance", "hand", "segment"):
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
