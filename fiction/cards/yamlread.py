"""Read one deck file safely, keeping where every value was written.

PyYAML's safe loader would turn a file into plain dicts and lists and forget
line numbers; a deck author needs `FILE:LINE:COL` for every problem. So the
file is composed into nodes (safe: no Python tags) and converted here, which
is also where the things plain loading lets through are refused: duplicate
keys, aliases (the door to "billion laughs" bombs), oversized files, bytes
that are not UTF-8 and tabs in indentation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from fiction.errors import Location, Problem

MAX_FILE_BYTES = 1_000_000
"""A whole deck is about 150 kB; anything near a megabyte is not a deck file."""

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALARS = yaml.constructor.SafeConstructor()


@dataclass(frozen=True)
class Pos:
    """1-based line and column of a value in its file."""

    line: int
    column: int

    @classmethod
    def of(cls, mark: Any) -> Pos:
        return cls(mark.line + 1, mark.column + 1)


class LocatedMap(dict):
    """A YAML mapping that remembers where it, its keys and its values are."""

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.key_pos: dict[Any, Pos] = {}
        self.value_pos: dict[Any, Pos] = {}


class LocatedList(list):
    """A YAML sequence that remembers where it and each of its items are."""

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.item_pos: list[Pos] = []


MAX_DEPTH = 40
"""Deck files nest five or six levels; deeper is a mistake or an attack (the C
composer would recurse into a stack overflow)."""

_ALIAS_MESSAGE = (
    "les ancres et alias YAML (&nom, *nom) ne sont pas acceptés dans un jeu de cartes : "
    "écrivez le contenu en entier"
)
_OPENING = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSING = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _prescan(text: str) -> tuple[Pos, str] | None:
    """Refuse aliases and deep nesting from the event stream, before composing.

    libyaml's parser is iterative, so this pass is safe on any input and cheap
    (a few milliseconds for the whole built-in deck). Refusing aliases outright
    is what makes "billion laughs" bombs and self-references harmless.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return Pos.of(event.start_mark), _ALIAS_MESSAGE
        if isinstance(event, _OPENING):
            depth += 1
            if depth > MAX_DEPTH:
                return Pos.of(event.start_mark), (
                    f"structure imbriquée sur plus de {MAX_DEPTH} niveaux : "
                    "ce n'est pas un jeu de cartes"
                )
        elif isinstance(event, _CLOSING):
            depth -= 1
    return None


class _Refused(Exception):
    """A construct the deck format refuses, raised while converting nodes."""

    def __init__(self, pos: Pos, message: str) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message


# PyYAML's own messages are English; these are the ones deck authors meet.
_YAML_PROBLEMS_FR = {
    "mapping values are not allowed here": (
        "« : » inattendu (une valeur contenant « : » doit être entre guillemets)"
    ),
    "could not find expected ':'": "« : » attendu après la clé",
    "found character that cannot start any token": (
        "caractère qui ne peut pas commencer une valeur (à mettre entre guillemets)"
    ),
    "did not find expected key": "clé attendue ici (vérifiez l'indentation)",
    "did not find expected '-' indicator": (
        "élément de liste « - » attendu (vérifiez l'indentation)"
    ),
    "found unexpected end of stream": (
        "fin de fichier inattendue (guillemet ou crochet non fermé ?)"
    ),
    "found undefined alias": "alias YAML inconnu",
    "expected a single document in the stream": (
        "un seul document YAML par fichier (retirez les « --- » en trop)"
    ),
    "found unknown escape character": (
        "séquence d'échappement inconnue dans un texte entre guillemets"
    ),
    "expected <block end>, but found": "structure inattendue (vérifiez l'indentation)",
    "while scanning a quoted scalar": "guillemet non fermé",
    "found unexpected ':'": "« : » inattendu",
    "found a tab character": "tabulation interdite (utilisez des espaces)",
    "expected ',' or ']'": "« , » ou « ] » attendu",
    "expected ',' or '}'": "« , » ou « } » attendu",
    "found duplicate anchor": "ancre YAML en double",
}


def _french_yaml_problem(error: yaml.MarkedYAMLError) -> str:
    english = " ".join(filter(None, [error.context, error.problem]))
    for key, french in _YAML_PROBLEMS_FR.items():
        if key in english:
            return f"syntaxe YAML invalide : {french}"
    return f"syntaxe YAML invalide ({english or 'erreur inconnue'})"


def _position_of_offset(text: str, offset: int) -> Pos:
    before = text[:offset]
    return Pos(before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)


def _tab_indents(text: str) -> Iterator[Pos]:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            yield Pos(number, indent.index("\t") + 1)


def read_yaml(path: Path, display: str) -> tuple[Any, list[Problem]]:
    """Read a deck file into located values, or say everything wrong with it.

    `display` is the file name shown to the user (relative to the deck).
    Returns `(value, [])` on success and `(None, problems)` otherwise.
    """

    def problem(pos: Pos | None, message: str) -> tuple[None, list[Problem]]:
        line, column = (pos.line, pos.column) if pos else (0, 0)
        return None, [Problem(Location(display, line, column), message)]

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return problem(
                None,
                f"fichier trop gros ({size} octets ; "
                f"{MAX_FILE_BYTES} au plus pour un fichier de jeu)",
            )
        raw = path.read_bytes()
    except OSError as error:
        return problem(None, f"fichier illisible ({error.strerror or error})")

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        good = raw[: error.start].decode("utf-8", errors="replace")
        return problem(
            _position_of_offset(good, len(good)),
            "octets invalides : le fichier doit être enregistré en UTF-8",
        )
    text = text.removeprefix("\ufeff")

    tabs = list(_tab_indents(text))
    if tabs:
        return None, [
            Problem(
                Location(display, pos.line, pos.column),
                "tabulation dans l'indentation : YAML n'accepte que des espaces",
            )
            for pos in tabs
        ]

    try:
        prescanned = _prescan(text)
        if prescanned is not None:
            return problem(*prescanned)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as error:
        return problem(
            _position_of_offset(text, error.position),
            f"caractère interdit dans un fichier YAML (code {error.character!r})",
        )
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return problem(Pos.of(mark) if mark else None, _french_yaml_problem(error))
    except yaml.YAMLError as error:
        return problem(None, f"syntaxe YAML invalide ({error})")

    if node is None:
        return problem(None, "le fichier est vide")
    duplicates: list[Problem] = []
    try:
        value = _convert(node, duplicates, display)
    except _Refused as refused:
        return problem(refused.pos, refused.message)
    return (None, duplicates) if duplicates else (value, [])


def _convert(node: yaml.Node, duplicates: list[Problem], display: str) -> Any:
    """Turn a node into located Python values (the tree is alias-free and shallow).

    Duplicate keys are collected in `duplicates` so that all are reported.
    """
    pos = Pos.of(node.start_mark)

    if isinstance(node, yaml.ScalarNode):
        try:
            return _SCALARS.construct_object(node)
        except yaml.constructor.ConstructorError as error:
            raise _Refused(pos, f"étiquette YAML non autorisée ({node.tag})") from error
        except ValueError as error:
            raise _Refused(pos, f"valeur illisible ({error})") from error

    if isinstance(node, yaml.SequenceNode):
        items = LocatedList(pos)
        for child in node.value:
            items.append(_convert(child, duplicates, display))
            items.item_pos.append(Pos.of(child.start_mark))
        return items

    if isinstance(node, yaml.MappingNode):
        mapping = LocatedMap(pos)
        for key_node, value_node in node.value:
            key = _convert(key_node, duplicates, display)
            key_pos = Pos.of(key_node.start_mark)
            if isinstance(key, (dict, list)):
                raise _Refused(
                    key_pos, "une clé doit être un simple mot, pas une liste ni une table"
                )
            value = _convert(value_node, duplicates, display)
            if key in mapping:
                first = mapping.key_pos[key]
                duplicates.append(
                    Problem(
                        Location(display, key_pos.line, key_pos.column, str(key)),
                        f"clé « {key} » en double (déjà à la ligne {first.line})",
                    )
                )
                continue
            mapping[key] = value
            mapping.key_pos[key] = key_pos
            mapping.value_pos[key] = Pos.of(value_node.start_mark)
        return mapping

    raise _Refused(pos, "nœud YAML inconnu")
