"""Ready-made agendas (an afternoon, a day, the two days of the source workshops)
and a deck's facilitation activities turned into agenda phases.

The two-day format follows the workshops of the UNCCAS manual (2019–2020):
« une journée dédiée à l'exploration des thématiques et à l'imagination de
scénarios ; puis une seconde à la réalisation d'un film prenant la forme d'un
journal télévisé », in groups of 6 to 10 with a map, job sheets and narration
tools. The manual gives no durations: every length here is the kit's own
proposal, and every line stays editable.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from fiction.cards.model import Activity
from fiction.store.model import DEFAULT_AGENDA, Phase
from fiction.store.plain import MAX_INSTRUCTIONS
from fiction.store.values import MAX_NAME

ACTIVITY_MINUTES = 15
"""An activity's length when its source gives none (most give none)."""


@dataclass(frozen=True)
class AgendaFormat:
    """A ready-made agenda, chosen by its `id` (`--format` on the command line)."""

    id: str
    label: str
    phases: tuple[Phase, ...]

    @property
    def days(self) -> int:
        return max((phase.day for phase in self.phases), default=1)


_AFTERNOON_INSTRUCTIONS = {
    "Accueil et brise-glace": (
        "Chacun·e se présente en quelques mots ; les groupes de 6 à 10 personnes se "
        "forment et reçoivent leur pseudonyme."
    ),
    "Exploration": (
        "Chaque groupe découvre son thème et ses cartes : contextes, figure du CCAS, "
        "rôles, points de vigilance."
    ),
    "Scénario": (
        "Le groupe imagine le CCAS de 2050 à partir de sa figure : un lieu, une "
        "question « Et si demain… », un récit, les nouveaux métiers."
    ),
    "Journal télévisé": (
        "Le groupe raconte son scénario en journal télévisé : titres, lancement "
        "plateau, sujet, interview, micro-trottoir, retour plateau."
    ),
    "Restitution": "Chaque groupe lit ou joue son journal télévisé devant la salle.",
    "Bilan": (
        "Ce qu'il faut créer, maintenir, amplifier, réduire ou arrêter ; chacun·e dit "
        "son prochain petit pas."
    ),
}

AFTERNOON = tuple(
    dataclasses.replace(phase, instructions=_AFTERNOON_INSTRUCTIONS[phase.title])
    for phase in DEFAULT_AGENDA
)
"""The 2 h 45 afternoon (`DEFAULT_AGENDA`), with what to say at each phase."""

_WEATHER = Phase(
    "Météo du jour",
    10,
    "En un mot, quel est votre état d'esprit du jour ? Le nuage de mots montre celui de la salle.",
)
"""The morning's weather, the same in the one-day and the two-day agendas."""

ONE_DAY = (
    Phase(
        "Accueil et brise-glace",
        30,
        "Chacun·e se présente ; les groupes de 6 à 10 personnes se forment et "
        "reçoivent leur pseudonyme. Un brise-glace ouvre la journée.",
    ),
    _WEATHER,
    Phase(
        "Exploration des thématiques",
        60,
        "Chaque groupe explore son thème avec la carte et les cartes de contexte : "
        "ce qui change d'ici 2050, ce qui inquiète, ce qui donne envie.",
    ),
    Phase(
        "Figure et scénario",
        90,
        "Le groupe s'empare de sa figure du CCAS, invente les nouveaux métiers avec "
        "les fiches de rôles et écrit son scénario pour 2050.",
    ),
    Phase("Pause déjeuner", 60),
    Phase(
        "Journal télévisé",
        90,
        "Le groupe écrit son journal télévisé au conducteur (titres, plateau, sujet, "
        "interview, micro-trottoir) et le répète au prompteur.",
    ),
    Phase(
        "Restitution",
        45,
        "Chaque groupe présente son journal télévisé ; la salle réagit et pose ses questions.",
    ),
    Phase(
        "Bilan",
        20,
        "Ce qu'il faut créer, maintenir, amplifier, réduire ou arrêter ; chacun·e "
        "dit son prochain petit pas et laisse un retour en une ligne.",
    ),
)
"""6 h 45 with lunch (9:30 to 16:15): the two days of the source workshops, shortened."""

TWO_DAYS = (
    # Day 1: explore the themes and imagine the scenarios.
    Phase(
        "Accueil et brise-glace",
        30,
        "Chacun·e se présente ; les groupes de 6 à 10 personnes se forment autour de "
        "leur thème et reçoivent leur pseudonyme.",
    ),
    _WEATHER,
    Phase(
        "Exploration des thématiques",
        90,
        "Chaque groupe explore son thème sur la carte, avec les cartes de contexte et "
        "les points de vigilance : ce qui change d'ici 2050.",
    ),
    Phase("Pause déjeuner", 60),
    Phase(
        "Figure du CCAS et nouveaux métiers",
        60,
        "Le groupe découvre sa figure du CCAS et invente, avec les fiches de rôles, "
        "les métiers de l'action sociale de 2050.",
    ),
    Phase(
        "Écriture du scénario",
        90,
        "Le groupe imagine son scénario : un lieu, une question « Et si demain… », "
        "un récit, les actions du CCAS et les points de vigilance tranchés.",
    ),
    Phase(
        "Partage des scénarios",
        30,
        "Chaque groupe résume son scénario en quelques phrases ; les autres posent "
        "leurs questions.",
    ),
    # Day 2: make the film, a television news report.
    Phase(
        "Accueil et météo",
        15,
        "Retour sur la veille ; en un mot, l'état d'esprit du jour.",
        day=2,
    ),
    Phase(
        "Écriture du journal télévisé",
        90,
        "Le groupe écrit son journal au conducteur : titres, lancement plateau, sujet, "
        "interview, micro-trottoir, retour plateau ; il répartit les rôles.",
        day=2,
    ),
    Phase("Pause déjeuner", 60, day=2),
    Phase(
        "Tournage du journal télévisé",
        120,
        "Le groupe répète au prompteur puis tourne son journal, plan par plan, avec "
        "sa feuille de tournage et ses bandeaux.",
        day=2,
    ),
    Phase(
        "Projection et restitution",
        45,
        "Les journaux télévisés sont projetés l'un après l'autre ; chaque groupe "
        "répond aux questions de la salle.",
        day=2,
    ),
    Phase(
        "Bilan",
        30,
        "Ce qu'il faut créer, maintenir, amplifier, réduire ou arrêter ; chacun·e "
        "dit son prochain petit pas et laisse un retour en une ligne.",
        day=2,
    ),
)
"""The source workshops' format: day 1 explore and imagine, day 2 film the news report."""

AGENDA_FORMATS: dict[str, AgendaFormat] = {
    agenda_format.id: agenda_format
    for agenda_format in (
        AgendaFormat("apres-midi", "Après-midi (2 h 45)", AFTERNOON),
        AgendaFormat("journee", "Une journée", ONE_DAY),
        AgendaFormat("deux-jours", "Deux jours", TWO_DAYS),
    )
}
"""Every ready-made agenda, the afternoon first (the default)."""

DEFAULT_FORMAT = "apres-midi"

_MINUTES = re.compile(r"(\d{1,3})\s*min")


def activity_minutes(activity: Activity) -> int:
    """The minutes its duration states (« 20 min »), else `ACTIVITY_MINUTES`."""
    found = _MINUTES.search(activity.duration)
    minutes = int(found.group(1)) if found else 0
    return minutes if 1 <= minutes <= 240 else ACTIVITY_MINUTES


def activity_instructions(activity: Activity) -> str:
    """What the facilitator reads out: the activity's purpose, then its steps."""
    text = " ".join(" ".join(part.split()) for part in (activity.purpose, *activity.steps))
    return text[:MAX_INSTRUCTIONS]


def activity_phase(activity: Activity, day: int = 1) -> Phase:
    """A deck activity as an agenda phase: its title, minutes and instructions."""
    return Phase(
        title=activity.title[:MAX_NAME],
        minutes=activity_minutes(activity),
        instructions=activity_instructions(activity),
        day=day,
    )
