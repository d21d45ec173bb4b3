"""The French name of every field an edit can change, as people read it on screen.

The history and the code name fields by path (`narrative`, `segment/3/sound`);
a person reads « Récit » or « séquence 3 : SON ». Messages about a field (a
refusal, a conflict between two screens) name it with `field_label`.
"""

from __future__ import annotations

from fiction.store.model import REVIEW_LABELS

FIELD_LABELS = {
    "title": "Titre",
    "place_name": "Nom du lieu ou du service",
    "question": "Question « Et si demain… »",
    "context": "Contexte",
    "narrative": "Récit",
    "purpose": "Finalité",
    "actions": "Actions",
    "new_actors": "Nouveaux rôles",
    "step": "Étape",
    "reading_speed": "Vitesse de lecture",
    "target_seconds": "Durée visée",
    "date": "Date",
    "place": "Lieu",
    "start_time": "Heure de début",
    "join_code": "Code d'entrée",
    "agenda": "Ordre du jour",
    "weather": "Météo",
    "weather_end": "Météo de fin",
    "votes": "Votes",
    "next_step": "Mon prochain petit pas",
    "feedback": "En un mot",
    "votes_per_group": "Votes par groupe",
    "votes_revealed": "Votes révélés",
    "presentation_minutes": "Minutes de restitution par groupe",
    "wall": "Écran de salle",
    "presenting": "Restitution en cours",
    **{f"review/{kind}": f"Bilan : {label}" for kind, label in REVIEW_LABELS.items()},
}

SEGMENT_FIELD_LABELS = {
    "kind": "type",
    "image": "IMAGE",
    "sound": "SON",
    "speakers": "qui parle",
    "cue": "dernière phrase",
    "position": "place",
}


def field_label(path: str) -> str:
    """« Récit » for `narrative`, « séquence 3 : SON » for `segment/3/sound`,
    « point de vigilance v-07 » for `vigilance/v-07`; an unknown path as it is."""
    head, _, rest = path.partition("/")
    if head == "segment":
        number, _, field = rest.partition("/")
        name = SEGMENT_FIELD_LABELS.get(field, field)
        return f"séquence {number} : {name}" if field else f"séquence {number}"
    if head == "vigilance":
        return f"point de vigilance {rest}"
    return FIELD_LABELS.get(path, path)
