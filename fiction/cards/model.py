"""The deck model: one frozen dataclass per card kind.

Field metadata carries what both the validator and the JSON Schema need to know
about a field: its French description for deck authors, the longest text that
still fits a printed card, the allowed values, and list sizes. Keeping it on the
model means the schema, the checks and the printed cards cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fiction.cards.kinds import CARD_KINDS, DECK_KINDS

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"

CONTEXT_KINDS = ("tendance", "transition", "territoire", "chiffre", "numerique")
NEWS_SEGMENT_KINDS = (
    "headlines",
    "studio-intro",
    "report",
    "interview",
    "vox-pop",
    "live",
    "brief",
    "studio-close",
)
"""The kinds of news-report segment (the store keeps the same list for groups' scripts)."""
INSPIRATION_KINDS = ("atelier", "scenario-2050")


def spec(
    doc: str,
    *,
    max_chars: int | None = None,
    choices: tuple[str, ...] | None = None,
    pattern: str | None = None,
    min_items: int | None = None,
    max_items: int | None = None,
    default: Any = dataclasses.MISSING,
    derived: bool = False,
) -> Any:
    """Declare a field with the facts the validator and the schema read from it.

    `derived` marks fields the loader computes (never written in a deck file).
    """
    metadata = {
        "doc": doc,
        "max_chars": max_chars,
        "choices": choices,
        "pattern": pattern,
        "min_items": min_items,
        "max_items": max_items,
        "derived": derived,
    }
    if default is dataclasses.MISSING:
        return field(metadata=metadata)
    if isinstance(default, (list, dict, set)):
        raise TypeError("mutable defaults are not allowed in frozen cards")
    return field(default=default, metadata=metadata)


def _id() -> Any:
    return spec(
        "Identifiant unique dans tout le jeu (minuscules, chiffres, tirets).", pattern=ID_PATTERN
    )


def _title() -> Any:
    return spec("Titre imprimé en tête de la carte.", max_chars=60)


def _source() -> Any:
    return spec("D'où vient la carte : document, page ou atelier cité.", max_chars=200)


# --- manifest -----------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    """Where the deck's content comes from (printed in every booklet)."""

    document: str = spec("Titre du document source.", max_chars=200)
    authors: tuple[str, ...] = spec("Organisations autrices du document source.", min_items=1)
    years: str = spec("Années du document source, par exemple « 2019–2020 ».", max_chars=40)


@dataclass(frozen=True)
class Colours:
    """One colour per card kind, so a card's kind reads at a glance."""

    themes: str = spec("Couleur des cartes thème (#RRGGBB).", pattern=COLOUR_PATTERN)
    figures: str = spec("Couleur des cartes figure (#RRGGBB).", pattern=COLOUR_PATTERN)
    roles: str = spec("Couleur des cartes rôle (#RRGGBB).", pattern=COLOUR_PATTERN)
    vigilance: str = spec("Couleur des cartes vigilance (#RRGGBB).", pattern=COLOUR_PATTERN)
    contexts: str = spec("Couleur des cartes contexte (#RRGGBB).", pattern=COLOUR_PATTERN)
    inspirations: str = spec("Couleur des cartes inspiration (#RRGGBB).", pattern=COLOUR_PATTERN)
    activities: str = spec(
        "Couleur des cartes activité d'animation (#RRGGBB).",
        pattern=COLOUR_PATTERN,
        default="#3b6e74",
    )


@dataclass(frozen=True)
class HandSpec:
    """How many cards of each kind one group's hand holds."""

    themes: int = spec("Nombre de cartes thème par main.", default=1)
    figures: int = spec("Nombre de cartes figure par main.", default=1)
    contexts: int = spec("Nombre de cartes contexte par main.", default=2)
    roles: int = spec("Nombre de cartes rôle par main.", default=3)
    vigilance: int = spec("Nombre de cartes vigilance par main.", default=2)
    inspirations: int = spec("Nombre de cartes inspiration par main.", default=1)

    def count(self, kind: str) -> int:
        return int(getattr(self, kind))

    @property
    def own_roles(self) -> int:
        """Roles that must be the dealt figure's own "nouveaux acteurs"."""
        return min(2, self.roles) if self.figures else 0

    @property
    def own_vigilance(self) -> int:
        """Vigilance points that must be the dealt figure's own."""
        return min(1, self.vigilance) if self.figures else 0


@dataclass(frozen=True)
class Manifest:
    """The deck's identity card: what it is, where it comes from, how it deals."""

    id: str = _id()
    title: str = spec("Titre du jeu, imprimé au dos des cartes.", max_chars=60)
    language: str = spec(
        "Langue du jeu (code ISO 639-1, par exemple « fr »).", pattern=r"^[a-z]{2}$"
    )
    version: str = spec("Version du jeu, par exemple « 1.0.0 ».", pattern=r"^\d+(\.\d+){0,2}$")
    description: str = spec("Présentation du jeu en quelques phrases.", max_chars=600)
    source: Attribution = spec("Attribution du contenu du jeu.")
    colours: Colours = spec("Couleur de chaque type de carte.")
    hand: HandSpec = spec("Composition d'une main.", default=HandSpec())


# --- cards --------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    """One of the workshop themes a group explores."""

    id: str = _id()
    title: str = _title()
    summary: str = spec("Ce que le thème explore.", max_chars=300)
    questions: tuple[str, ...] = spec(
        "Questions d'exploration pour le groupe (2 à 4).", max_chars=160, min_items=2, max_items=4
    )
    source: str = _source()


@dataclass(frozen=True)
class Evidence:
    """The report or statistic that opens a figure, with its source."""

    text: str = spec("Le constat (rapport, chiffre) qui ouvre la figure.", max_chars=600)
    source: str = spec("Source du constat.", max_chars=200)


@dataclass(frozen=True)
class Scenario:
    """One of a figure's augmented 2050 scenarios (also dealt as an inspiration)."""

    id: str = _id()
    title: str = _title()
    place: str = spec("Le lieu ou le service de 2050 que le scénario invente.", max_chars=80)
    narrative: str = spec("Le récit du scénario, en 2050.", max_chars=900)


@dataclass(frozen=True)
class Figure:
    """One of the seven figures a CCAS could become."""

    id: str = _id()
    title: str = _title()
    summary: str = spec("La figure en une ligne.", max_chars=160)
    evidence: Evidence = spec("Le constat qui ouvre la figure.")
    question: str = spec("La question « Et si demain… ».", max_chars=260)
    description: str = spec("Description de la figure.", max_chars=1200)
    purpose: str = spec("La finalité.", max_chars=400)
    actions: tuple[str, ...] = spec("Les actions du CCAS.", max_chars=300, min_items=1)
    scenarios: tuple[Scenario, ...] = spec(
        "Les deux scénarios augmentés de 2050.", min_items=2, max_items=2
    )
    roles: tuple[str, ...] = spec("Identifiants des rôles (nouveaux métiers) de la figure.")
    vigilance: tuple[str, ...] = spec("Identifiants des points de vigilance de la figure.")
    monologue: str = spec(
        "Monologue à la première personne (atelier du Mans, 2020).", max_chars=1200
    )
    source: str = _source()


@dataclass(frozen=True)
class Role:
    """A profession of tomorrow: a "nouvel acteur" or one invented in a workshop."""

    id: str = _id()
    title: str = _title()
    mission: str = spec("Sa mission, en une ligne.", max_chars=220)
    source: str = _source()
    figures: tuple[str, ...] = spec(
        "Figures qui citent ce rôle (calculé).", default=(), derived=True
    )


@dataclass(frozen=True)
class Vigilance:
    """A risk a figure carries, with the question the group must answer."""

    id: str = _id()
    title: str = _title()
    text: str = spec("Le point de vigilance.", max_chars=320)
    question: str = spec("La question à laquelle le groupe doit répondre.", max_chars=200)
    source: str = _source()
    figure: str = spec("Figure à laquelle appartient ce point (calculé).", default="", derived=True)


@dataclass(frozen=True)
class Context:
    """A context prompt: the world of 2050 the scenario takes place in."""

    id: str = _id()
    title: str = _title()
    kind: str = spec("Type de contexte.", choices=CONTEXT_KINDS)
    phrase: str = spec(
        "Complète « En 2050, dans un contexte … » (avec sa préposition).", max_chars=140
    )
    text: str = spec("Texte de la carte.", max_chars=280)
    source: str = _source()


@dataclass(frozen=True)
class Inspiration:
    """A scenario to borrow from: a 2019 workshop one or an augmented 2050 one."""

    id: str = _id()
    title: str = _title()
    city: str = spec("Ville de l'atelier, ou lieu du scénario.", max_chars=80)
    year: int = spec("Année de l'atelier, ou 2050.")
    summary: str = spec("Résumé du scénario.", max_chars=900)
    source: str = _source()
    kind: str = spec(
        "Atelier de 2019 ou scénario augmenté de 2050 (calculé).",
        choices=INSPIRATION_KINDS,
        default="atelier",
        derived=True,
    )
    figure: str = spec("Figure dont vient le scénario de 2050 (calculé).", default="", derived=True)


@dataclass(frozen=True)
class Activity:
    """A facilitation activity from a source workshop: for the facilitators, never dealt.

    Duration, group size and material say what the source says; where it is
    silent the card says so, and any figure the deck suggests is marked as its own.
    """

    id: str = _id()
    title: str = _title()
    purpose: str = spec("À quoi sert l'activité.", max_chars=140)
    duration: str = spec(
        "Durée, telle que la source la donne ; sinon « Non précisée par la source », "
        "suivie s'il y a lieu d'une « Proposition du jeu : … ».",
        max_chars=70,
    )
    group_size: str = spec(
        "Taille du groupe, telle que la source la donne (ou « Non précisée par la source »).",
        max_chars=70,
    )
    material: tuple[str, ...] = spec(
        "Matériel (un élément par ligne).", max_chars=60, min_items=1, max_items=2
    )
    steps: tuple[str, ...] = spec(
        "Déroulé, une étape par ligne (1 à 4) : ce que la source en dit.",
        max_chars=90,
        min_items=1,
        max_items=4,
    )
    source: str = _source()


# --- the news report's default running order ----------------------------------


@dataclass(frozen=True)
class RunningOrderItem:
    """One segment of the deck's default news report, with writing prompts for a group.

    Its texts are Jinja2 templates filled from the group's scenario, so a group
    starts from « Bonsoir, en direct du Café du Coin… » rather than a blank page.
    """

    kind: str = spec(
        "Type de séquence : headlines (titres), studio-intro (lancement plateau), report "
        "(sujet), interview, vox-pop (micro-trottoir), live (duplex), brief (brève), "
        "studio-close (retour plateau).",
        choices=NEWS_SEGMENT_KINDS,
    )
    image: str = spec(
        "Consigne de la colonne IMAGE (modèle Jinja2) : un plan par ligne, « Bandeau : » "
        "pour un texte à l'écran.",
        max_chars=800,
    )
    sound: str = spec(
        "Consigne de la colonne SON (modèle Jinja2) : ce qui est dit, [musique] entre crochets.",
        max_chars=800,
    )
    speakers: tuple[str, ...] = spec(
        "Qui parle (modèles Jinja2, par exemple « {{ own_roles[0].title }} »).",
        max_chars=120,
        default=(),
    )


CARD_TYPES: dict[str, type] = dict(
    zip(DECK_KINDS, (Theme, Figure, Role, Vigilance, Context, Inspiration, Activity), strict=True)
)
"""The model of every kind of card (dealt or not: see `kinds.UNDEALT_KINDS`)."""

KIND_LABELS = {
    "themes": "thème",
    "figures": "figure",
    "roles": "rôle",
    "vigilance": "vigilance",
    "contexts": "contexte",
    "inspirations": "inspiration",
    "activities": "activité d'animation",
}

_KIND_NOUNS = {
    "themes": ("thème", "thèmes"),
    "figures": ("figure", "figures"),
    "roles": ("rôle", "rôles"),
    "vigilance": ("point de vigilance", "points de vigilance"),
    "contexts": ("contexte", "contextes"),
    "inspirations": ("inspiration", "inspirations"),
    "activities": ("activité d'animation", "activités d'animation"),
}


class ByKind:
    """For objects holding one tuple of card ids per kind (a dealt hand, a saved hand)."""

    def ids(self, kind: str) -> tuple[str, ...]:
        """The ids of one kind (`kind` from `CARD_KINDS`)."""
        return getattr(self, kind)

    def all_ids(self) -> tuple[str, ...]:
        """Every card id, kind after kind."""
        return tuple(card_id for kind in CARD_KINDS for card_id in self.ids(kind))


def count_cards(kind: str, count: int) -> str:
    """`1 thème`, `2 points de vigilance`: a count of cards in correct French."""
    singular, plural = _KIND_NOUNS[kind]
    return f"{count} {singular if count <= 1 else plural}"


@dataclass(frozen=True)
class Deck:
    """A whole, validated deck: its manifest and every card, by kind, in file order."""

    manifest: Manifest
    themes: tuple[Theme, ...]
    figures: tuple[Figure, ...]
    roles: tuple[Role, ...]
    vigilance: tuple[Vigilance, ...]
    contexts: tuple[Context, ...]
    inspirations: tuple[Inspiration, ...]
    activities: tuple[Activity, ...] = ()
    """Facilitation activities: shown and printed, never dealt (`kinds.UNDEALT_KINDS`)."""
    conducteur: tuple[RunningOrderItem, ...] = ()
    """The default running order of the news report (none: groups start from a blank page)."""
    folder: Path | None = field(default=None, compare=False, repr=False)
    """Where the deck was read from: its prompt templates live there too."""
    conducteur_sources: tuple[str, ...] = field(default=(), compare=False, repr=False)
    """Where each running-order item was written (`file:line`), for template errors."""

    def cards(self, kind: str) -> tuple[Any, ...]:
        return getattr(self, kind)

    @functools.cached_property
    def _by_id(self) -> dict[str, Any]:
        return {card.id: card for kind in DECK_KINDS for card in self.cards(kind)}

    def card(self, card_id: str) -> Any:
        """The card with this id, whatever its kind (ids are unique in a deck)."""
        return self._by_id[card_id]


def authored_fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    """The fields a deck author writes (derived ones are computed by the loader)."""
    return tuple(f for f in dataclasses.fields(cls) if not f.metadata.get("derived"))
