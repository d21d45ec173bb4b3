"""Workshops as plain data (dicts, lists, texts, numbers) and back, checked.

The plain form is what exports contain and what the history records for a
hand, a segment, the agenda or the countdown. Reading it back checks every
value and names the first wrong one by its path in the file
(`groups[2].segments[0].kind`), because a hand-edited export must fail with a
message a facilitator can act on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fiction.cards.model import CARD_KINDS
from fiction.store import join_codes
from fiction.store import values as check
from fiction.store.model import (
    FINISHED_STEP,
    MAX_FEEDBACK_CHARS,
    PRESENTATION_MINUTES,
    PRESENTATION_RANGE,
    READING_SPEED,
    REVIEW_KINDS,
    SEGMENT_FIELDS,
    SEGMENT_KINDS,
    TARGET_RANGE,
    TARGET_SECONDS,
    VOTES_PER_GROUP,
    VOTES_RANGE,
    WALL_MODES,
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
)

MAX_GROUPS = 32
"""As many as the engine deals (and as there are pseudonym animals)."""
MAX_ROUNDS = 16
MAX_MINUTES = 600
MAX_DAYS = 5
"""A workshop spread over more than a working week is not one workshop."""
MAX_INSTRUCTIONS = 1_000
"""A phase's instructions are read out or shown on the wall: a paragraph, not a page."""
MAX_HISTORY = 200_000
"""A day of workshop is a few thousand edits; an import beyond this is not one."""

HAND_KEYS = ("round", *CARD_KINDS, "locked", "discarded", "redraws")
GROUP_KEYS = (
    "number",
    "pseudonym",
    "step",
    "hands",
    "title",
    "place_name",
    "question",
    "context",
    "narrative",
    "purpose",
    "actions",
    "new_actors",
    "answers",
    "segments",
    "updated_at",
)
GROUP_PACE_KEYS = ("reading_speed", "target_seconds")
GROUP_ROOM_KEYS = ("weather", "weather_end", "votes", "review", "next_step", "feedback")
"""The room's keys (issue 15), which exports of an older fiction lack."""
WORKSHOP_KEYS = (
    "name",
    "date",
    "place",
    "deck",
    "deal",
    "groups",
    "agenda",
    "phase",
    "review",
    "weather",
    "created_at",
    "updated_at",
)
ROOM_KEYS = (
    "weather_end",
    "votes_per_group",
    "votes_revealed",
    "presentation_minutes",
    "wall",
    "presenting",
    "presenting_since",
)
OPTIONAL_WORKSHOP_KEYS = ("start_time", "join_code", *ROOM_KEYS)
"""Keys an export of an older fiction lacks: read with their default."""
EDIT_KEYS = ("seq", "at", "author", "group", "path", "old", "new", "undoes")


def hand_to_data(hand: HandState) -> dict[str, Any]:
    data: dict[str, Any] = {"round": hand.round}
    data |= {kind: list(hand.ids(kind)) for kind in CARD_KINDS}
    return data | {
        "locked": list(hand.locked),
        "discarded": list(hand.discarded),
        "redraws": hand.redraws,
    }


def hand_from_data(data: Any, where: str) -> HandState:
    data = check.mapping(data, where, HAND_KEYS)
    cards = {kind: check.card_ids(data[kind], f"{where}.{kind}") for kind in CARD_KINDS}
    held = {card for ids in cards.values() for card in ids}
    locked = check.card_ids(data["locked"], f"{where}.locked")
    for card in locked:
        if card not in held:
            raise check.invalid(f"{where}.locked", f"la carte « {card} » n'est pas dans la main")
    return HandState(
        round=check.integer(data["round"], f"{where}.round", 1, MAX_ROUNDS),
        **cards,
        locked=locked,
        discarded=check.card_ids(data["discarded"], f"{where}.discarded"),
        redraws=check.integer(data["redraws"], f"{where}.redraws", 0, check.MAX_INTEGER),
    )


def segment_field(name: str, value: Any, where: str) -> Any:
    """One edited field of a segment, checked (`speakers` is a list of names)."""
    if name == "kind":
        return check.choice(value, where, SEGMENT_KINDS)
    if name == "speakers":
        return check.lines(value, where)
    return check.text(value, where)


def segment_to_data(segment: Segment) -> dict[str, Any]:
    return {
        "id": segment.id,
        "kind": segment.kind,
        "image": segment.image,
        "sound": segment.sound,
        "speakers": list(segment.speakers),
        "cue": segment.cue,
    }


def segment_from_data(data: Any, where: str) -> Segment:
    data = check.mapping(data, where, ("id", *SEGMENT_FIELDS))
    fields = {name: segment_field(name, data[name], f"{where}.{name}") for name in SEGMENT_FIELDS}
    return Segment(id=check.integer(data["id"], f"{where}.id", 1, check.MAX_INTEGER), **fields)


def agenda_to_data(agenda: Sequence[Phase]) -> list[dict[str, Any]]:
    """Each phase's title and minutes, then its instructions and day unless they are
    the defaults: an agenda without them writes (and hashes) as it always did."""
    data = []
    for phase in agenda:
        item: dict[str, Any] = {"title": phase.title, "minutes": phase.minutes}
        if phase.instructions:
            item["instructions"] = phase.instructions
        if phase.day != 1:
            item["day"] = phase.day
        data.append(item)
    return data


def agenda_from_data(data: Any, where: str) -> tuple[Phase, ...]:
    """The agenda, checked: days from 1 to `MAX_DAYS` that never go back."""
    if not isinstance(data, (list, tuple)):
        raise check.invalid(where, "doit être une liste de phases (titre et minutes)")
    _at_most(data, check.MAX_ITEMS, where)
    phases: list[Phase] = []
    for index, item in enumerate(data):
        at = f"{where}[{index}]"
        item = check.mapping(item, at, ("title", "minutes"), ("instructions", "day"))
        day = check.integer(item.get("day", 1), f"{at}.day", 1, MAX_DAYS)
        if phases and day < phases[-1].day:
            raise check.invalid(
                f"{at}.day",
                f"la phase n° {index + 1} est au jour {day}, après une phase du jour "
                f"{phases[-1].day} : les jours se suivent dans l'ordre",
            )
        phases.append(
            Phase(
                title=check.label(item["title"], f"{at}.title"),
                minutes=check.integer(item["minutes"], f"{at}.minutes", 1, MAX_MINUTES),
                instructions=check.text(
                    item.get("instructions", ""), f"{at}.instructions", max_chars=MAX_INSTRUCTIONS
                ),
                day=day,
            )
        )
    return tuple(phases)


def phase_to_data(state: PhaseState) -> dict[str, Any]:
    return {
        "index": state.index,
        "started_at": state.started_at,
        "elapsed": state.elapsed,
        "extra_minutes": state.extra_minutes,
    }


def phase_from_data(data: Any, where: str, phases: int) -> PhaseState:
    data = check.mapping(data, where, ("index", "started_at", "elapsed", "extra_minutes"))
    index = data["index"]
    if index is not None:
        if not phases:
            raise check.invalid(f"{where}.index", "l'ordre du jour est vide")
        index = check.integer(index, f"{where}.index", 0, phases - 1)
    return PhaseState(
        index=index,
        started_at=check.optional_number(data["started_at"], f"{where}.started_at"),
        elapsed=check.number(data["elapsed"], f"{where}.elapsed"),
        extra_minutes=check.integer(data["extra_minutes"], f"{where}.extra_minutes", -MAX_MINUTES),
    )


def group_to_data(group: Group) -> dict[str, Any]:
    return {
        "number": group.number,
        "pseudonym": group.pseudonym,
        "step": group.step,
        "hands": [hand_to_data(hand) for hand in group.hands],
        "title": group.title,
        "place_name": group.place_name,
        "question": group.question,
        "context": group.context,
        "narrative": group.narrative,
        "purpose": group.purpose,
        "actions": list(group.actions),
        "new_actors": list(group.new_actors),
        "answers": dict(sorted(group.answers.items())),
        "segments": [segment_to_data(segment) for segment in group.segments],
        "updated_at": group.updated_at,
        "reading_speed": group.reading_speed,
        "target_seconds": group.target_seconds,
        "weather": list(group.weather),
        "weather_end": list(group.weather_end),
        "votes": list(group.votes),
        "review": review_to_data(group.review),
        "next_step": group.next_step,
        "feedback": group.feedback,
    }


def review_to_data(review: Review) -> dict[str, list[str]]:
    return {kind: list(review.items(kind)) for kind in REVIEW_KINDS}


def review_from_data(data: Any, where: str) -> Review:
    review = check.mapping(data, where, REVIEW_KINDS)
    return Review(**{k: check.lines(review[k], f"{where}.{k}") for k in REVIEW_KINDS})


def group_from_data(data: Any, where: str, rounds: int) -> Group:
    # Exports written before the reading pace (or the room) was stored lack their keys.
    data = check.mapping(data, where, GROUP_KEYS, (*GROUP_PACE_KEYS, *GROUP_ROOM_KEYS))
    hands = data["hands"]
    if not isinstance(hands, (list, tuple)) or len(hands) != rounds:
        raise check.invalid(
            f"{where}.hands", f"doit être une liste d'une main par tour de cartes, soit {rounds}"
        )
    hand_states = tuple(hand_from_data(h, f"{where}.hands[{i}]") for i, h in enumerate(hands))
    for index, hand in enumerate(hand_states):
        if hand.round != index + 1:
            raise check.invalid(f"{where}.hands[{index}].round", f"tour {index + 1} attendu")
    number = check.integer(data["number"], f"{where}.number", 1, MAX_GROUPS)
    votes = check.votes(data.get("votes", []), f"{where}.votes")
    if number in votes:
        raise check.invalid(f"{where}.votes", "un groupe ne vote pas pour son propre scénario")
    return Group(
        number=number,
        pseudonym=check.label(data["pseudonym"], f"{where}.pseudonym"),
        hands=hand_states,
        step=check.integer(data["step"], f"{where}.step", 1, FINISHED_STEP),
        title=check.text(data["title"], f"{where}.title"),
        place_name=check.text(data["place_name"], f"{where}.place_name"),
        question=check.text(data["question"], f"{where}.question"),
        context=check.text(data["context"], f"{where}.context"),
        narrative=check.text(data["narrative"], f"{where}.narrative"),
        purpose=check.text(data["purpose"], f"{where}.purpose"),
        actions=check.lines(data["actions"], f"{where}.actions"),
        new_actors=check.lines(data["new_actors"], f"{where}.new_actors"),
        answers=_answers(data["answers"], f"{where}.answers"),
        segments=_segments(data["segments"], f"{where}.segments"),
        updated_at=check.optional_number(data["updated_at"], f"{where}.updated_at"),
        reading_speed=check.reading_speed(
            data.get("reading_speed", READING_SPEED), f"{where}.reading_speed"
        ),
        target_seconds=check.integer(
            data.get("target_seconds", TARGET_SECONDS), f"{where}.target_seconds", *TARGET_RANGE
        ),
        weather=check.weather(data.get("weather", []), f"{where}.weather"),
        weather_end=check.weather(data.get("weather_end", []), f"{where}.weather_end"),
        votes=votes,
        review=review_from_data(data.get("review", review_to_data(Review())), f"{where}.review"),
        next_step=check.text(data.get("next_step", ""), f"{where}.next_step"),
        feedback=check.one_line(
            data.get("feedback", ""), f"{where}.feedback", max_chars=MAX_FEEDBACK_CHARS
        ),
    )


def _answers(answers: Any, where: str) -> dict[str, str]:
    """Answers by vigilance card id; an unanswered point has no line."""
    if not isinstance(answers, Mapping):
        raise check.invalid(where, "doit être une table (identifiant de carte : réponse)")
    result = {}
    for card, answer in answers.items():
        check.card_id(card, f"{where}.{card}")
        result[card] = check.text(answer, f"{where}.{card}")
        if not answer:
            raise check.invalid(f"{where}.{card}", "réponse vide : retirez la ligne")
    return result


def _segments(data: Any, where: str) -> tuple[Segment, ...]:
    if not isinstance(data, (list, tuple)):
        raise check.invalid(where, "doit être une liste de séquences")
    _at_most(data, check.MAX_ITEMS, where)
    segments = tuple(segment_from_data(item, f"{where}[{i}]") for i, item in enumerate(data))
    seen: set[int] = set()
    for index, segment in enumerate(segments):
        if segment.id in seen:
            raise check.invalid(f"{where}[{index}].id", f"identifiant {segment.id} en double")
        seen.add(segment.id)
    return segments


def workshop_to_data(workshop: Workshop) -> dict[str, Any]:
    deal = workshop.deal
    return {
        "name": workshop.name,
        "date": workshop.date,
        "place": workshop.place,
        "deck": {
            "id": workshop.deck.id,
            "version": workshop.deck.version,
            "content_hash": workshop.deck.content_hash,
        },
        "deal": {
            "seed": deal.seed,
            "code": deal.code,
            "rounds": deal.rounds,
            "redraw_limit": deal.redraw_limit,
            "parameters": deal.parameters,
        },
        "groups": [group_to_data(group) for group in workshop.groups],
        "agenda": agenda_to_data(workshop.agenda),
        "phase": phase_to_data(workshop.phase),
        "review": {kind: list(workshop.review.items(kind)) for kind in REVIEW_KINDS},
        "weather": list(workshop.weather),
        "created_at": workshop.created_at,
        "updated_at": workshop.updated_at,
        "start_time": workshop.start_time,
        "join_code": workshop.join_code,
        "weather_end": list(workshop.weather_end),
        "votes_per_group": workshop.votes_per_group,
        "votes_revealed": workshop.votes_revealed,
        "presentation_minutes": workshop.presentation_minutes,
        "wall": workshop.wall,
        "presenting": workshop.presenting,
        "presenting_since": workshop.presenting_since,
    }


def workshop_from_data(data: Any, where: str = "workshop") -> Workshop:
    data = check.mapping(data, where, WORKSHOP_KEYS, OPTIONAL_WORKSHOP_KEYS)
    deck = check.mapping(data["deck"], f"{where}.deck", ("id", "version", "content_hash"))
    deal = _deal(data["deal"], f"{where}.deal")
    groups = data["groups"]
    if not isinstance(groups, (list, tuple)) or not 1 <= len(groups) <= MAX_GROUPS:
        raise check.invalid(f"{where}.groups", f"doit être une liste de 1 à {MAX_GROUPS} groupes")
    group_list = tuple(
        group_from_data(item, f"{where}.groups[{index}]", deal.rounds)
        for index, item in enumerate(groups)
    )
    pseudonyms: set[str] = set()
    for index, group in enumerate(group_list):
        if group.number != index + 1:
            raise check.invalid(f"{where}.groups[{index}].number", f"groupe {index + 1} attendu")
        if group.pseudonym in pseudonyms:
            raise check.invalid(
                f"{where}.groups[{index}].pseudonym", f"« {group.pseudonym} » déjà pris"
            )
        pseudonyms.add(group.pseudonym)
        for vote in group.votes:
            if vote > len(group_list):
                raise check.invalid(
                    f"{where}.groups[{index}].votes",
                    f"l'atelier n'a pas de groupe {vote} (groupes 1 à {len(group_list)})",
                )
    presenting, since = _presenting(data, where, len(group_list))
    agenda = agenda_from_data(data["agenda"], f"{where}.agenda")
    review = check.mapping(data["review"], f"{where}.review", REVIEW_KINDS)
    return Workshop(
        name=check.label(data["name"], f"{where}.name"),
        date=check.date(data["date"], f"{where}.date"),
        place=check.text(data["place"], f"{where}.place", max_chars=check.MAX_NAME * 4),
        deck=DeckRef(
            id=check.card_id(deck["id"], f"{where}.deck.id"),
            version=check.label(deck["version"], f"{where}.deck.version"),
            content_hash=check.label(deck["content_hash"], f"{where}.deck.content_hash"),
        ),
        deal=deal,
        groups=group_list,
        agenda=agenda,
        phase=phase_from_data(data["phase"], f"{where}.phase", len(agenda)),
        review=Review(**{k: check.lines(review[k], f"{where}.review.{k}") for k in REVIEW_KINDS}),
        weather=check.lines(data["weather"], f"{where}.weather"),
        created_at=check.number(data["created_at"], f"{where}.created_at"),
        updated_at=check.number(data["updated_at"], f"{where}.updated_at"),
        start_time=check.clock_time(data.get("start_time", ""), f"{where}.start_time"),
        join_code=join_codes.checked(data.get("join_code", ""), f"{where}.join_code"),
        weather_end=check.weather(data.get("weather_end", []), f"{where}.weather_end"),
        votes_per_group=check.integer(
            data.get("votes_per_group", VOTES_PER_GROUP), f"{where}.votes_per_group", *VOTES_RANGE
        ),
        votes_revealed=check.boolean(data.get("votes_revealed", False), f"{where}.votes_revealed"),
        presentation_minutes=check.integer(
            data.get("presentation_minutes", PRESENTATION_MINUTES),
            f"{where}.presentation_minutes",
            *PRESENTATION_RANGE,
        ),
        wall=check.choice(data.get("wall", "progress"), f"{where}.wall", WALL_MODES),
        presenting=presenting,
        presenting_since=since,
    )


def _presenting(
    data: Mapping[str, Any], where: str, groups: int
) -> tuple[int | None, float | None]:
    """The restitution's group and start: both set, or neither."""
    group, since = data.get("presenting"), data.get("presenting_since")
    if group is None:
        if since is not None:
            raise check.invalid(
                f"{where}.presenting_since", "pas de début sans groupe qui présente"
            )
        return None, None
    group = check.integer(group, f"{where}.presenting", 1, groups)
    return group, check.number(since, f"{where}.presenting_since")


def _deal(data: Any, where: str) -> DealRecord:
    data = check.mapping(data, where, ("seed", "code", "rounds", "redraw_limit", "parameters"))
    parameters = check.json_data(data["parameters"], f"{where}.parameters")
    if not isinstance(parameters, dict):
        raise check.invalid(f"{where}.parameters", "doit être une table")
    return DealRecord(
        seed=check.integer(data["seed"], f"{where}.seed", 0),
        code=check.label(data["code"], f"{where}.code"),
        rounds=check.integer(data["rounds"], f"{where}.rounds", 1, MAX_ROUNDS),
        redraw_limit=check.integer(data["redraw_limit"], f"{where}.redraw_limit", 0, 100),
        parameters=parameters,
    )


def edit_to_data(edit: Edit) -> dict[str, Any]:
    return {
        "seq": edit.seq,
        "at": edit.at,
        "author": edit.author,
        "group": edit.group,
        "path": edit.path,
        "old": edit.old,
        "new": edit.new,
        "undoes": edit.undoes,
    }


def history_from_data(data: Any, where: str, groups: int) -> tuple[Edit, ...]:
    """The history, checked: numbered 1, 2, 3…, each undo naming an earlier edit."""
    if not isinstance(data, (list, tuple)):
        raise check.invalid(where, "doit être une liste de modifications")
    if len(data) > MAX_HISTORY:
        raise check.invalid(
            where, f"historique trop long ({len(data)} modifications ; {MAX_HISTORY} au plus)"
        )
    edits: list[Edit] = []
    for index, item in enumerate(data):
        at = f"{where}[{index}]"
        item = check.mapping(item, at, EDIT_KEYS)
        seq = check.integer(item["seq"], f"{at}.seq", 1, check.MAX_INTEGER)
        if seq != index + 1:
            raise check.invalid(f"{at}.seq", f"numéro {index + 1} attendu (et non {seq})")
        group = item["group"]
        undoes = item["undoes"]
        edits.append(
            Edit(
                seq=seq,
                at=check.number(item["at"], f"{at}.at"),
                author=check.label(item["author"], f"{at}.author"),
                group=None if group is None else check.integer(group, f"{at}.group", 1, groups),
                path=check.label(item["path"], f"{at}.path"),
                old=check.json_data(item["old"], f"{at}.old"),
                new=check.json_data(item["new"], f"{at}.new"),
                undoes=None
                if undoes is None
                else check.integer(undoes, f"{at}.undoes", 1, seq - 1),
            )
        )
    return tuple(edits)


def _at_most(items: Sequence[Any], limit: int, where: str) -> None:
    if len(items) > limit:
        raise check.invalid(where, f"liste trop longue ({len(items)} éléments ; {limit} au plus)")
