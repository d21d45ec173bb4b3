"""A workshop as readable French Markdown: what each group wrote, in order.

For sharing by e-mail or pasting into a report; the print booklet is the
polished version. Card ids become card titles when the deck is at hand;
texts the groups typed are kept as typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from fiction.cards.model import CARD_KINDS, Deck
from fiction.render.agenda import agenda_rows
from fiction.render.card_names import CardNames
from fiction.report.norms import VERDICT_LABELS, Target
from fiction.report.room import Moment, review_board, vote_tally, votes_cast, weather_counts
from fiction.report.script import clock, duration, timed_script
from fiction.report.timing import Pace
from fiction.slug import slugify
from fiction.store.model import (
    REVIEW_KINDS,
    REVIEW_LABELS,
    Group,
    HandState,
    Workshop,
)

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip

HAND_LABELS = {
    "themes": "Thème",
    "figures": "Figure",
    "contexts": "Contextes",
    "roles": "Rôles",
    "vigilance": "Points de vigilance",
    "inspirations": "Inspiration",
}


def french_date(iso: str) -> str:
    """`2025-03-12` as « 12 mars 2025 » (« 1er » for the first of the month)."""
    if not iso:
        return ""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{'1er' if day == 1 else day} {MONTHS[month - 1]} {year}"


def workshop_heading(name: str) -> str:
    """« Atelier « Fresque » », but « Atelier du Mans » as is (never « Atelier « Atelier … » »)."""
    if name.strip().casefold().startswith("atelier"):
        return name.strip()
    return f"Atelier « {name} »"


def escape_html(text: str) -> str:
    """Markdown with any HTML the groups typed made inert: `<script>` prints as text.

    Markdown renderers pass raw HTML through; every `<` becomes `&lt;` and an
    `&` that would start an entity becomes `&amp;`. The export's own
    Markdown never uses either.
    """
    return _ENTITY.sub("&amp;", text).replace("<", "&lt;")


_ENTITY = re.compile(r"&(?=#?\w+;)")


def workshop_markdown(workshop: Workshop, deck: Deck | None = None) -> str:
    """The whole workshop: its facts, agenda, every group, the closing review."""
    names = CardNames(deck)
    parts = [f"# {workshop_heading(workshop.name)}", _facts(workshop), _agenda(workshop)]
    parts += [_group(group, names, len(workshop.groups[0].hands)) for group in workshop.groups]
    parts.append(_review(workshop))
    return escape_html("\n\n".join(part for part in parts if part) + "\n")


def group_markdown(workshop: Workshop, group: Group, deck: Deck | None = None) -> str:
    """One group's account on its own, as the group takes it home from the Relecture step."""
    heading = f"# {group.pseudonym} — {_lower_first(workshop_heading(workshop.name))}"
    facts = [("Date", french_date(workshop.date)), ("Lieu", workshop.place)]
    lines = "\n".join(f"- **{label}** : {value}" for label, value in facts if value)
    body = _group_body(group, CardNames(deck), len(group.hands), "##")
    return escape_html("\n\n".join(part for part in (heading, lines, body) if part) + "\n")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def group_file_name(workshop: Workshop, group: Group) -> str:
    """`atelier-du-mans-panda-zen.md`: the workshop and pseudonym, safe on any disk."""
    return f"{_slug(workshop.name)}-{_slug(group.pseudonym)}.md"


def _slug(text: str) -> str:
    return slugify(text) or "groupe"


def _facts(workshop: Workshop) -> str:
    facts = [
        ("Date", french_date(workshop.date)),
        ("Lieu", workshop.place),
        ("Jeu de cartes", f"{workshop.deck.id}, version {workshop.deck.version}"),
        ("Code du tirage", f"{workshop.deal.code} (pour rejouer le même tirage)"),
        ("Groupes", ", ".join(group.pseudonym for group in workshop.groups)),
    ]
    return "\n".join(f"- **{label}** : {value}" for label, value in facts if value)


def _agenda(workshop: Workshop) -> str:
    """The agenda as the booklet prints it: one table per day, each phase's start
    (a clock time, or « + 40 min » without a start time) and instructions."""
    if not workshop.agenda:
        return ""
    lines = ["## Ordre du jour"]
    for index, row in enumerate(agenda_rows(workshop)):
        if row.day_heading:
            lines += ["", f"### {row.day_heading}"]
        if index == 0 or row.day_heading:
            lines += ["", "| Début | Phase | Durée | Consignes |", "|---|---|---|---|"]
        cells = (row.start, row.title, f"{row.minutes} min", row.instructions)
        lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    if workshop.phase.index is not None:
        lines += ["", f"Phase en cours : {workshop.agenda[workshop.phase.index].title}."]
    return "\n".join(lines)


def _group(group: Group, names: CardNames, rounds: int) -> str:
    body = _group_body(group, names, rounds, "###")
    return f"## Groupe {group.number} — {group.pseudonym}\n\n{body}"


def _group_body(group: Group, names: CardNames, rounds: int, h: str) -> str:
    """A group's cards and writing, each part under a heading `h` (`##`, `###`)."""
    parts = []
    for hand in group.hands:
        heading = f"{h} Les cartes" + (f" (tour {hand.round})" if rounds > 1 else "")
        parts.append(f"{heading}\n\n{_hand(hand, names)}")
    parts.append(_block(f"{h} Et si demain…", group.question))
    title = f"{h} Le scénario 2050 : {group.title}" if group.title else f"{h} Le scénario 2050"
    scenario = [
        _block("**Lieu ou service de 2050**", group.place_name),
        _block("**Contexte**", group.context),
        _block("**Récit**", group.narrative),
        _block("**Finalité**", group.purpose),
        _block("**Actions**", _bullets(group.actions)),
        _block("**Nouveaux rôles**", _bullets(group.new_actors)),
    ]
    body = "\n\n".join(part for part in scenario if part)
    parts.append(f"{title}\n\n{body or '_Rien d’écrit pour l’instant._'}")
    parts.append(_vigilance(group, names, h))
    parts.append(_script(group, h))
    return "\n\n".join(part for part in parts if part)


def _hand(hand: HandState, names: CardNames) -> str:
    lines = []
    for kind in CARD_KINDS:
        titles = [
            names.title(card) + (" (verrouillée)" if card in hand.locked else "")
            for card in hand.ids(kind)
        ]
        if titles:
            lines.append(f"- **{HAND_LABELS[kind]}** : {' ; '.join(titles)}")
    if hand.redraws:
        lines.append(f"- Nouveaux tirages : {hand.redraws}")
    return "\n".join(lines)


def _vigilance(group: Group, names: CardNames, h: str) -> str:
    points = dict.fromkeys(card for hand in group.hands for card in hand.vigilance)
    points.update(dict.fromkeys(group.answers))
    if not points:
        return ""
    items = [
        f"- **{names.title(card)}** : {_indented(group.answers.get(card, '')) or '_sans réponse_'}"
        for card in points
    ]
    return f"{h} Points de vigilance\n\n" + "\n".join(items)


def _script(group: Group, h: str) -> str:
    """The news report as the two-column A/V table (IMAGE | SON), each row timed at the
    group's reading speed against its target."""
    script = timed_script(group.segments, Pace(group.reading_speed), Target(group.target_seconds))
    if not script.lines:
        return ""
    rows = ["| Séquence | Image | Son | Durée |", "|---|---|---|---|"]
    for line in script.lines:
        segment = f"{line.number}. **{line.label}**"
        if line.segment.speakers:
            segment += f" — {', '.join(line.segment.speakers)}"
        image = " / ".join((*line.shots, *line.captions))
        sound = line.segment.sound.strip()
        if line.cue:
            sound += f" _(dernière phrase : {line.cue})_"
        timing = f"{duration(line.seconds)} (à {clock(line.start)})"
        rows.append(f"| {_cell(segment)} | {_cell(image)} | {_cell(sound)} | {timing} |")
    total = (
        f"Durée estimée : {duration(script.total)} pour {duration(script.target.seconds)} "
        f"visées ({VERDICT_LABELS[script.verdict]}), lecture à "
        f"{round(script.pace.words_per_second * 60)} mots par minute."
    )
    return f"{h} Le journal télévisé\n\n" + "\n".join(rows) + f"\n\n{total}"


def _cell(text: str) -> str:
    """A table cell on one line: line breaks become spaces, pipes are escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def _review(workshop: Workshop) -> str:
    """The bilan's five columns (each item with who wrote it), the météo's words at the
    start and at the end, the votes once revealed, each group's next step and feedback."""
    board = review_board(workshop)
    columns = [
        _block(
            f"### {REVIEW_LABELS[kind]}",
            _bullets(f"{item.text.strip()} _({item.pseudonym})_" for item in board[kind]),
        )
        for kind in REVIEW_KINDS
    ]
    parts = [part for part in columns if part]
    moments: tuple[tuple[str, Moment], ...] = (("Météo", "start"), ("Météo de fin", "end"))
    for heading, moment in moments:
        words = weather_counts(workshop, moment)
        if words:
            listing = ", ".join(f"{w.word} ({w.count})" if w.count > 1 else w.word for w in words)
            parts.append(f"### {heading}\n\n{listing}")
    if votes_cast(workshop):
        if workshop.votes_revealed:
            rows = ["| Groupe | Scénario | Votes |", "|---|---|---|"]
            rows += [
                f"| {result.number}. {_cell(result.pseudonym)} "
                f"| {_cell(result.title) or '_sans titre_'} | {result.votes} |"
                for result in vote_tally(workshop)
            ]
            parts.append("### Votes\n\n" + "\n".join(rows))
        else:
            parts.append("### Votes\n\nLes votes n'ont pas été révélés.")
    for heading, said in (
        ("Mes prochains petits pas", [(g.pseudonym, g.next_step) for g in workshop.groups]),
        ("En un mot", [(g.pseudonym, g.feedback) for g in workshop.groups]),
    ):
        items = [f"- **{who}** : {_indented(text)}" for who, text in said if text.strip()]
        if items:
            parts.append(f"### {heading}\n\n" + "\n".join(items))
    return "\n\n".join(["## Bilan de l'atelier", *parts]) if parts else ""


def _block(heading: str, text: str) -> str:
    return f"{heading}\n\n{text}" if text.strip() else ""


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {_indented(item)}" for item in items if item.strip())


def _indented(text: str, indent: str = "  ") -> str:
    """Continuation lines indented, so a multi-line text stays inside its list item."""
    return text.strip().replace("\n", "\n" + indent)
