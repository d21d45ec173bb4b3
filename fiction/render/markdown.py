"""A workshop as readable French Markdown: what each group wrote, in order.

For sharing by e-mail or pasting into a report; the print booklet is the
polished version. Card ids become card titles when the deck is at hand;
texts the groups typed are kept as typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from fiction.cards.model import CARD_KINDS, Deck
from fiction.store.model import (
    REVIEW_KINDS,
    REVIEW_LABELS,
    SEGMENT_LABELS,
    Group,
    HandState,
    Segment,
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


def workshop_markdown(workshop: Workshop, deck: Deck | None = None) -> str:
    names = _CardNames(deck)
    parts = [f"# Atelier « {workshop.name} »", _facts(workshop), _agenda(workshop)]
    parts += [_group(group, names, len(workshop.groups[0].hands)) for group in workshop.groups]
    parts.append(_review(workshop))
    return "\n\n".join(part for part in parts if part) + "\n"


class _CardNames:
    """Card titles from the deck, or the ids when the deck is not available."""

    def __init__(self, deck: Deck | None) -> None:
        self.deck = deck

    def title(self, card_id: str) -> str:
        if self.deck is None:
            return card_id
        try:
            return self.deck.card(card_id).title
        except KeyError:
            return card_id


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
    if not workshop.agenda:
        return ""
    rows = [f"| {phase.title} | {phase.minutes} min |" for phase in workshop.agenda]
    table = "\n".join(["## Ordre du jour", "", "| Phase | Durée |", "|---|---|", *rows])
    if workshop.phase.index is not None:
        table += f"\n\nPhase en cours : {workshop.agenda[workshop.phase.index].title}."
    return table


def _group(group: Group, names: _CardNames, rounds: int) -> str:
    parts = [f"## Groupe {group.number} — {group.pseudonym}"]
    for hand in group.hands:
        heading = "### Les cartes" + (f" (tour {hand.round})" if rounds > 1 else "")
        parts.append(f"{heading}\n\n{_hand(hand, names)}")
    parts.append(_block("### Et si demain…", group.question))
    title = f"### Le scénario 2050 : {group.title}" if group.title else "### Le scénario 2050"
    scenario = [
        _block("**Lieu ou service de 2050**", group.place_name),
        _block("**Contexte**", group.context),
        _block("**Récit**", group.narrative),
        _block("**Finalité**", group.purpose),
        _block("**Actions**", _bullets(group.actions)),
        _block("**Nouveaux acteurs**", _bullets(group.new_actors)),
    ]
    body = "\n\n".join(part for part in scenario if part)
    parts.append(f"{title}\n\n{body or '_Rien d’écrit pour l’instant._'}")
    parts.append(_vigilance(group, names))
    parts.append(_script(group.segments))
    return "\n\n".join(part for part in parts if part)


def _hand(hand: HandState, names: _CardNames) -> str:
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


def _vigilance(group: Group, names: _CardNames) -> str:
    points = dict.fromkeys(card for hand in group.hands for card in hand.vigilance)
    points.update(dict.fromkeys(group.answers))
    if not points:
        return ""
    items = [
        f"- **{names.title(card)}** : {_indented(group.answers.get(card, '')) or '_sans réponse_'}"
        for card in points
    ]
    return "### Points de vigilance\n\n" + "\n".join(items)


def _script(segments: Iterable[Segment]) -> str:
    items = []
    for number, segment in enumerate(segments, start=1):
        lines = [f"{number}. **{SEGMENT_LABELS[segment.kind]}**"]
        if segment.speakers:
            lines[0] += f" — {', '.join(segment.speakers)}"
        for label, value in (
            ("Image", segment.image),
            ("Son", segment.sound),
            ("Relance", segment.cue),
        ):
            if value:
                lines.append(f"   - {label} : {_indented(value, '     ')}")
        items.append("\n".join(lines))
    return "### Le journal télévisé\n\n" + "\n".join(items) if items else ""


def _review(workshop: Workshop) -> str:
    columns = [
        _block(f"### {REVIEW_LABELS[kind]}", _bullets(workshop.review.items(kind)))
        for kind in REVIEW_KINDS
    ]
    parts = [part for part in columns if part]
    if workshop.weather:
        parts.append(f"### Météo\n\n{', '.join(workshop.weather)}")
    return "\n\n".join(["## Bilan de l'atelier", *parts]) if parts else ""


def _block(heading: str, text: str) -> str:
    return f"{heading}\n\n{text}" if text.strip() else ""


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {_indented(item)}" for item in items if item.strip())


def _indented(text: str, indent: str = "  ") -> str:
    """Continuation lines indented, so a multi-line text stays inside its list item."""
    return text.strip().replace("\n", "\n" + indent)
