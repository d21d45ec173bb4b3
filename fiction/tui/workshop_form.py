"""The « Nouvel atelier » form read into a deal request and the workshop's facts.

Kept apart from the screen so every rule is a plain function: what the
facilitator typed goes in as texts, and comes out either as a `WorkshopPlan`
or as French messages keyed by the field they belong to, for the screen to
show next to that field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from fiction.cards.model import CARD_KINDS, HandSpec
from fiction.engine.model import MAX_PER_KIND, MAX_REDRAWS, MAX_ROUNDS, MAX_SEED, DealRequest
from fiction.errors import FictionError
from fiction.store.model import Phase
from fiction.store.phase import start_times
from fiction.store.plain import MAX_DAYS, MAX_INSTRUCTIONS
from fiction.store.values import MAX_NAME
from fiction.tui.formats import parse_clock, parse_count, parse_date

MAX_GROUPS = 12
"""The issue's bound for one room: beyond, split the room into two workshops."""

MAX_PHASE_MINUTES = 240
"""Four hours: longer is a typing slip (an afternoon is the whole workshop)."""

THEME_MODES = {
    "dealt": "Tirés au sort à chaque tour",
    "kept": "Tirés au sort, gardés à chaque tour",
    "chosen": "Choisis par l'animation",
}

KIND_FIELDS = {
    "themes": "Thèmes",
    "figures": "Figures",
    "contexts": "Contextes",
    "roles": "Rôles",
    "vigilance": "Vigilance",
    "inspirations": "Inspirations",
}
"""The hand's composition fields (`hand-<kind>`), labelled as on the cards."""


class AgendaLine(NamedTuple):
    """One line of the agenda as typed: title, minutes, day and instructions."""

    title: str
    minutes: str
    day: str = "1"
    instructions: str = ""


@dataclass(frozen=True)
class WorkshopPlan:
    """Everything needed to deal and save the workshop."""

    name: str
    date: str
    place: str
    start_time: str
    request: DealRequest
    agenda: tuple[Phase, ...]


def read_form(
    fields: Mapping[str, str],
    agenda_rows: Sequence[tuple[str, ...]],
    theme_mode: str,
    chosen_themes: Mapping[int, str],
) -> tuple[WorkshopPlan | None, dict[str, str]]:
    """The plan, or None and a French message per wrong field.

    `fields` holds the texts typed: name, date, place, start, groups, rounds,
    redraws, seed and `hand-<kind>`; `agenda_rows` the `AgendaLine`s;
    `chosen_themes` a theme id per group number, for the "chosen" mode.
    """
    errors: dict[str, str] = {}

    def read(key: str, parse: Callable[[str], Any]) -> Any:
        try:
            return parse(fields.get(key, ""))
        except FictionError as error:
            errors[key] = error.message
            return None

    name = read("name", _name)
    date = read("date", parse_date)
    start = read("start", parse_clock)
    groups = read("groups", lambda t: parse_count(t, "Groupes", 1, MAX_GROUPS))
    rounds = read("rounds", lambda t: parse_count(t, "Tours de cartes", 1, MAX_ROUNDS))
    redraws = read("redraws", lambda t: parse_count(t, "Nouveaux tirages", 0, MAX_REDRAWS))
    seed = read("seed", _seed)

    def card_count(kind: str) -> Callable[[str], int]:
        return lambda text: parse_count(text, KIND_FIELDS[kind], 0, MAX_PER_KIND)

    counts = {kind: read(f"hand-{kind}", card_count(kind)) for kind in CARD_KINDS}
    if counts["figures"] == 0:
        errors["hand-figures"] = (
            "Figures : au moins une par main, c'est le personnage du CCAS que le groupe raconte."
        )
    agenda = read("agenda", lambda _: read_agenda(agenda_rows))
    themes: tuple[tuple[int, str], ...] = ()
    if theme_mode == "chosen" and groups is not None:
        themes = tuple(
            (group, theme) for group, theme in sorted(chosen_themes.items()) if group <= groups
        )
    if errors:
        return None, errors
    request = DealRequest(
        groups=groups,
        rounds=rounds,
        seed=seed,
        hand=HandSpec(**counts),
        theme_per_group=theme_mode in ("kept", "chosen"),
        themes=themes,
        redraw_limit=redraws,
    )
    place = fields.get("place", "").strip()
    return WorkshopPlan(name, date, place, start, request, agenda), {}


def _name(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise FictionError("Donnez un nom à l'atelier, par exemple « Atelier du Mans ».")
    if len(name) > MAX_NAME:
        raise FictionError(f"Nom trop long : {MAX_NAME} caractères au plus.")
    return name


def _seed(text: str) -> int | None:
    """Empty: a fresh random deal. A number: the same deal again, for a replay."""
    text = text.strip()
    return parse_count(text, "Graine", 0, MAX_SEED) if text else None


def read_agenda(rows: Sequence[tuple[str, ...]]) -> tuple[Phase, ...]:
    """The agenda's lines (`AgendaLine`s, or (title, minutes) pairs for day 1), each
    with a title, 1 to 240 minutes, a day that never goes back; at least one line."""
    phases: list[Phase] = []
    for number, row in enumerate(rows, start=1):
        line = AgendaLine(*row)
        title = " ".join(line.title.split())
        if not title:
            raise FictionError(f"Ligne {number} de l'ordre du jour : donnez-lui un titre.")
        if len(title) > MAX_NAME:
            raise FictionError(
                f"Ligne {number} de l'ordre du jour : titre trop long "
                f"({MAX_NAME} caractères au plus)."
            )
        day = phase_day(line.day, number)
        if phases and day < phases[-1].day:
            raise FictionError(
                f"Ligne {number} de l'ordre du jour : jour {day} après le jour "
                f"{phases[-1].day} ; les jours se suivent dans l'ordre."
            )
        instructions = " ".join(line.instructions.split())
        if len(instructions) > MAX_INSTRUCTIONS:
            raise FictionError(
                f"Ligne {number} de l'ordre du jour : consignes trop longues "
                f"({MAX_INSTRUCTIONS} caractères au plus)."
            )
        phases.append(Phase(title, phase_minutes(line.minutes, number), instructions, day))
    if not phases:
        raise FictionError("L'ordre du jour doit compter au moins une phase.")
    return tuple(phases)


def phase_minutes(text: str, number: int) -> int:
    """The minutes typed on agenda line `number`, or an error naming that line."""
    if not text.strip():
        raise FictionError(f"Ligne {number} : durée manquante.")
    return parse_count(text, f"Ligne {number} de l'ordre du jour, durée", 1, MAX_PHASE_MINUTES)


def phase_day(text: str, number: int) -> int:
    """The day typed on agenda line `number` (1 when left empty)."""
    if not text.strip():
        return 1
    return parse_count(text, f"Ligne {number} de l'ordre du jour, jour", 1, MAX_DAYS)


@dataclass(frozen=True)
class AgendaTimes:
    """Each line's start ("HH:MM", as far as known), the end, the minutes typed so far,
    and the first line whose minutes are missing or wrong ("" when none)."""

    starts: tuple[str, ...]
    end: str
    total: int
    problem: str


def agenda_starts(start: str, minutes: Sequence[str], days: Sequence[str] = ()) -> AgendaTimes:
    """What the form shows while the agenda is typed: a line's start time is known
    once every line above it has its minutes, whatever the lines below hold; each
    day (`days`, as typed, "1" when missing) starts again at `start`."""
    known: list[Phase] = []
    problem = ""
    total = 0
    for number, text in enumerate(minutes, start=1):
        try:
            count = phase_minutes(text, number)
            day = phase_day(days[number - 1] if number <= len(days) else "", number)
        except FictionError as error:
            problem = problem or error.message
            continue
        total += count
        if not problem:
            known.append(Phase("", count, day=day))
    last_day = known[-1].day if known else 1
    times = start_times(start, (*known, Phase("", 1, day=last_day)))
    end = times[-1] if times and not problem else ""
    return AgendaTimes(times[: len(minutes)], end, total, problem)
