"""A JSON Schema of the deck format, generated from the model.

Kept in the repository as `decks/deck.schema.json` (a test checks it is up to
date) so that deck authors' editors offer completion and catch typos; every
deck file starts with a `yaml-language-server: $schema=` comment pointing to it.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from fiction.cards.build import field_types, item_type
from fiction.cards.model import CARD_TYPES, Manifest, RunningOrderItem, authored_fields

# Deck authors read these in their editor, so they are French (class
# docstrings are for developers).
DESCRIPTIONS = {
    "Manifest": "Le manifeste : identité du jeu, source, couleurs, composition d'une main.",
    "Attribution": "D'où vient le contenu du jeu.",
    "Colours": "Une couleur par type de carte.",
    "HandSpec": "Combien de cartes de chaque type reçoit un groupe.",
    "Theme": "Un thème d'atelier à explorer.",
    "Evidence": "Le constat (rapport, chiffre) qui ouvre une figure.",
    "Scenario": "Un scénario augmenté de 2050 (distribué aussi comme carte inspiration).",
    "Figure": "Une figure de ce que le CCAS pourrait devenir.",
    "Role": "Un rôle : nouveau métier d'une figure ou métier inventé en atelier.",
    "Vigilance": "Un point de vigilance et la question que le groupe doit trancher.",
    "Context": "Un contexte pour 2050 (« dans un contexte … »).",
    "Inspiration": "Un scénario d'atelier dont s'inspirer.",
    "Activity": (
        "Une activité d'animation tirée d'un atelier source : pour l'équipe d'animation, "
        "jamais distribuée aux groupes."
    ),
    "RunningOrderItem": (
        "Une séquence du conducteur du journal télévisé, avec ses consignes d'écriture."
    ),
}


def _definition_name(cls: type) -> str:
    return cls.__name__


def _field_schema(hint: Any, meta: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    inner = item_type(hint)
    if inner is not None:
        schema: dict[str, Any] = {
            "type": "array",
            "items": _field_schema(
                inner, {**meta, "min_items": None, "max_items": None}, definitions
            ),
        }
        if meta.get("min_items") is not None:
            schema["minItems"] = meta["min_items"]
        if meta.get("max_items") is not None:
            schema["maxItems"] = meta["max_items"]
        return schema
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        _define(hint, definitions)
        return {"$ref": f"#/$defs/{_definition_name(hint)}"}
    if hint is int:
        return {"type": "integer", "minimum": 0}
    schema = {"type": "string", "minLength": 1}
    if meta.get("max_chars") is not None:
        schema["maxLength"] = meta["max_chars"]
    if meta.get("pattern"):
        schema["pattern"] = meta["pattern"]
    if meta.get("choices"):
        schema["enum"] = list(meta["choices"])
    return schema


def _define(cls: type, definitions: dict[str, Any]) -> None:
    name = _definition_name(cls)
    if name in definitions:
        return
    definitions[name] = {}  # reserve the name first: definitions may nest
    hints = field_types(cls)
    properties = {}
    required = []
    for spec in authored_fields(cls):
        schema = _field_schema(hints[spec.name], spec.metadata, definitions)
        properties[spec.name] = {"description": spec.metadata["doc"], **schema}
        if spec.default is dataclasses.MISSING:
            required.append(spec.name)
    definitions[name] = {
        "type": "object",
        "description": DESCRIPTIONS[name],
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def deck_file_schema() -> dict[str, Any]:
    """The schema of one deck file: any of the sections, each a list of cards."""
    definitions: dict[str, Any] = {}
    properties: dict[str, Any] = {
        "deck": {
            "description": "Le manifeste du jeu (dans un seul fichier, deck.yaml).",
            **_field_schema(Manifest, {}, definitions),
        }
    }
    for kind, cls in CARD_TYPES.items():
        properties[kind] = {
            "description": f"Liste de cartes. {DESCRIPTIONS[cls.__name__]}",
            "type": "array",
            "items": _field_schema(cls, {}, definitions),
        }
    properties["conducteur"] = {
        "description": (
            "Le conducteur du journal télévisé, séquence après séquence (dans un seul fichier)."
        ),
        "type": "array",
        "items": _field_schema(RunningOrderItem, {}, definitions),
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Fichier de jeu de cartes fiction",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "$defs": dict(sorted(definitions.items())),
    }


def schema_text() -> str:
    return json.dumps(deck_file_schema(), ensure_ascii=False, indent=2) + "\n"
