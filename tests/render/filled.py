"""A dealt workshop in which every group has written every part, for the print tests."""

from __future__ import annotations

from pathlib import Path

from fiction.cards.model import Deck
from fiction.engine import DealRequest, deal
from fiction.store.creation import new_workshop
from fiction.store.store import Store

NAME = "Atelier du Mans"


def group_texts(number: int) -> dict[str, object]:
    """What group `number` writes: distinct per group, so a test can find each one."""
    return {
        "title": f"La Maison des mille liens n° {number}",
        "place_name": f"La Maison des mille liens, quartier {number}",
        "question": f"Et si demain le CCAS ouvrait le café numéro {number} ?",
        "context": f"En 2050, dans un contexte d'isolement massif (groupe {number}).",
        "narrative": (
            f"Chaque matin, la maison du groupe {number} accueille les habitants du quartier.\n"
            "Les hôtes de convivialité y tiennent le comptoir et orientent chacun."
        ),
        "purpose": f"Que personne ne reste seul plus de {number + 2} jours.",
        "actions": [f"Ouvrir le café social {number}", "Former des hôtes bénévoles"],
        "new_actors": [f"Hôte de convivialité {number}", "Veilleur numérique"],
    }


def fill_workshop(path: Path, deck: Deck, groups: int) -> None:
    """Deal `groups` hands of `deck` into a new store at `path`, and fill them in."""
    dealt = deal(deck, DealRequest(groups=groups, seed=2050))
    workshop = new_workshop(NAME, deck, dealt, now=1.0, date="2025-03-12", place="Le Mans")
    with Store(path) as store:
        store.add(workshop)
        for group in workshop.groups:
            number, author = group.number, group.pseudonym
            for field, value in group_texts(number).items():
                store.set_field(NAME, number, field, value, author)
            for point in group.hand(1).vigilance:
                answer = f"Réponse du groupe {number} au point {point}."
                store.set_field(NAME, number, f"vigilance/{point}", answer, author)
            store.add_segment(
                NAME,
                number,
                "headlines",
                author,
                image="Vue aérienne du quartier\nBandeau : Le Mans, 2050",
                sound=f"À la une ce soir : la maison {number} fête ses dix ans !",
                speakers=["Présentatrice"],
            )
            store.add_segment(
                NAME,
                number,
                "report",
                author,
                image="Plan large du café\nGros plan sur le comptoir",
                sound="Ici, chaque matin, une centaine d'habitants se retrouvent autour d'un café.",
                speakers=["Voix off"],
                cue="…depuis 2048.",
            )
            store.add_segment(NAME, number, "studio-close", author, image="Plateau\nGénérique")
        store.set_field(NAME, None, "review/create", ["Un café social"], "animatrice")
        store.set_field(NAME, None, "review/stop", ["Les guichets fermés"], "animatrice")
        store.set_field(NAME, None, "weather", ["ensoleillé", "orageux"], "animatrice")
