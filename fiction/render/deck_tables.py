"""Rich renderables that show a deck in the terminal (`fiction deck show`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from fiction.cards.model import CARD_KINDS, DECK_KINDS, Deck, count_cards

KIND_TITLES = {
    "themes": "Thèmes",
    "figures": "Figures",
    "roles": "Rôles (nouveaux métiers des figures et métiers inventés)",
    "vigilance": "Points de vigilance",
    "contexts": "Contextes",
    "inspirations": "Inspirations",
    "activities": "Activités d'animation (jamais distribuées)",
}


def deck_summary(deck: Deck) -> Panel:
    """The deck's identity and how many cards of each kind it holds."""
    manifest = deck.manifest
    counts = Table.grid(padding=(0, 2))
    counts.add_column(justify="right")
    counts.add_column()
    for kind in DECK_KINDS:
        colour = getattr(manifest.colours, kind)
        counts.add_row(str(len(deck.cards(kind))), Text(KIND_TITLES[kind], style=f"bold {colour}"))
    hand = ", ".join(
        count_cards(kind, manifest.hand.count(kind))
        for kind in CARD_KINDS
        if manifest.hand.count(kind)
    )
    source = manifest.source
    body = Group(
        Text(manifest.description),
        Text(""),
        counts,
        Text(""),
        Text(f"Une main : {hand}.", style="italic"),
        Text(
            f"Source : {source.document} — {', '.join(source.authors)}, {source.years}.",
            style="dim",
        ),
    )
    return Panel(body, title=f"{manifest.title} (v{manifest.version})", title_align="left")


def _join(items: tuple[str, ...]) -> str:
    return "\n".join(f"• {item}" for item in items)


def _titles(deck: Deck, ids: tuple[str, ...]) -> str:
    return "\n".join(deck.card(card_id).title for card_id in ids)


def _practical(deck: Deck, card: Any) -> str:
    return f"{card.duration}\n{card.group_size}\n{_join(card.material)}"


Column = tuple[str, Callable[[Deck, Any], str], int | None]

_COLUMNS: dict[str, list[Column]] = {
    "themes": [
        ("Thème", lambda d, c: c.title, 24),
        ("Description", lambda d, c: c.summary, None),
        ("Questions", lambda d, c: _join(c.questions), None),
    ],
    "figures": [
        ("Figure", lambda d, c: c.title, 22),
        ("Et si demain…", lambda d, c: c.question, None),
        ("Rôles", lambda d, c: _titles(d, c.roles), 24),
        ("Vigilance", lambda d, c: _titles(d, c.vigilance), 24),
    ],
    "roles": [
        ("Rôle", lambda d, c: c.title, 26),
        ("Mission", lambda d, c: c.mission, None),
        ("Figures", lambda d, c: _titles(d, c.figures), 24),
    ],
    "vigilance": [
        ("Point", lambda d, c: c.title, 24),
        ("Texte", lambda d, c: c.text, None),
        ("Question au groupe", lambda d, c: c.question, None),
        ("Figure", lambda d, c: d.card(c.figure).title if c.figure else "—", 18),
    ],
    "contexts": [
        ("Contexte", lambda d, c: c.title, 24),
        ("Type", lambda d, c: c.kind, 10),
        ("Dans un contexte…", lambda d, c: c.phrase, None),
    ],
    "inspirations": [
        ("Scénario", lambda d, c: c.title, 26),
        ("Où, quand", lambda d, c: f"{c.city}, {c.year}", 20),
        ("Résumé", lambda d, c: c.summary, None),
    ],
    "activities": [
        ("Activité", lambda d, c: c.title, 24),
        ("But", lambda d, c: c.purpose, None),
        ("Durée, groupe, matériel", _practical, 28),
        ("Déroulé", lambda d, c: _join(c.steps), None),
    ],
}


def kind_table(deck: Deck, kind: str) -> Table:
    """One table listing every card of `kind`, coloured with the deck's colour."""
    colour = getattr(deck.manifest.colours, kind)
    table = Table(
        title=f"{KIND_TITLES[kind]} ({len(deck.cards(kind))})",
        title_style=f"bold {colour}",
        title_justify="left",
        header_style=f"bold {colour}",
        show_lines=True,
        expand=True,
    )
    columns = _COLUMNS[kind]
    for heading, _, width in columns:
        table.add_column(heading, max_width=width, ratio=None if width else 1)
    for card in deck.cards(kind):
        table.add_row(*(cell(deck, card) for _, cell, _ in columns))
    return table
