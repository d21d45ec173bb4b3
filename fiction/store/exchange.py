"""Export files (JSON, YAML) holding a whole workshop and its history, and reading them back.

An export is lossless: importing it gives the same workshop, history
included, so undo still works after a move to another computer. A file to
import is read defensively (size, encoding, YAML aliases and nesting) and
every value is checked, the first wrong one named by its path in the file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from fiction.errors import FictionError
from fiction.store import plain
from fiction.store import values as check
from fiction.store.model import Edit, Workshop

FORMAT = "fiction-atelier"
FORMAT_VERSION = 4
"""2 added the workshop's `start_time`, 3 its `join_code`, 4 the room's météo, votes,
bilan and restitution (issue 15); older files still import (without them)."""
MAX_FILE_BYTES = 50_000_000
"""A workshop with a long history is a few megabytes; far beyond is not an export."""
MAX_DEPTH = 30

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENING = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSING = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def document(workshop: Workshop, history: tuple[Edit, ...]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "workshop": plain.workshop_to_data(workshop),
        "history": [plain.edit_to_data(edit) for edit in history],
    }


def to_json(workshop: Workshop, history: tuple[Edit, ...]) -> str:
    return json.dumps(document(workshop, history), ensure_ascii=False, indent=2) + "\n"


class _Dumper(yaml.SafeDumper):
    """Multi-line texts as `|` blocks, readable in an editor (PyYAML falls back to
    quotes whenever a block could not hold the text exactly)."""


_YAML_11_BREAKS = ("\x85", "\u2028", "\u2029")
"""Line breaks for YAML 1.1 that PyYAML writes raw (and so loses) outside double
quotes: a text holding one is always written double-quoted, where it is escaped."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if any(bad in value for bad in _YAML_11_BREAKS):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def to_yaml(workshop: Workshop, history: tuple[Edit, ...]) -> str:
    return yaml.dump(
        document(workshop, history),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )


def read_export(path: Path) -> tuple[Workshop, tuple[Edit, ...]]:
    """The workshop and history in an export file, or a French error saying what is wrong."""
    try:
        with path.open("rb") as stream:  # what is read is measured: /dev/zero has size 0
            raw = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as error:
        raise FictionError(f"Le fichier « {path} » n'existe pas.") from error
    except OSError as error:
        raise FictionError(f"Impossible de lire « {path} » ({error.strerror or error}).") from error
    if len(raw) > MAX_FILE_BYTES:
        raise _bad(path, f"fichier trop gros ({MAX_FILE_BYTES} octets au plus)")
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise _bad(path, "le fichier doit être enregistré en UTF-8") from error
    return parse_export(text, path)


def parse_export(text: str, path: Path) -> tuple[Workshop, tuple[Edit, ...]]:
    as_json = path.suffix.lower() == ".json" or (
        path.suffix.lower() not in (".yaml", ".yml") and text.lstrip().startswith("{")
    )
    data = _parse_json(text, path) if as_json else _parse_yaml(text, path)
    try:
        return _from_document(data)
    except FictionError as error:
        raise _bad(path, error.message) from error


def _from_document(data: Any) -> tuple[Workshop, tuple[Edit, ...]]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FictionError("ce n'est pas un export d'atelier fiction (clé « format » absente)")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FictionError("« version » : numéro de version du format attendu")
    if version > FORMAT_VERSION:
        raise FictionError(
            f"exporté par une version plus récente de fiction (format {version}) : "
            "mettez fiction à jour pour l'importer"
        )
    check.mapping(data, "", ("format", "version", "workshop", "history"))
    workshop = plain.workshop_from_data(data["workshop"])
    history = plain.history_from_data(data["history"], "history", len(workshop.groups))
    return workshop, history


def _parse_json(text: str, path: Path) -> Any:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise _bad(path, f"JSON invalide ligne {error.lineno}, colonne {error.colno}") from error
    except RecursionError as error:
        raise _bad(path, "structure trop imbriquée") from error
    except ValueError as error:  # an integer of thousands of digits
        raise _bad(path, f"valeur illisible ({error})") from error
    try:  # `"\ud800"` is valid JSON but no text: the store could never save it
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as error:
        code = f"\\u{ord(error.object[error.start]):04x}"
        raise _bad(path, f"caractère isolé {code} : ce n'est pas du texte") from error
    return data


def _parse_yaml(text: str, path: Path) -> Any:
    """Refuse aliases ("billion laughs") and deep nesting before building anything."""
    try:
        depth = 0
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise _bad(path, "les alias YAML (*nom) ne sont pas acceptés")
            if isinstance(event, _OPENING):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _bad(path, "structure trop imbriquée")
            elif isinstance(event, _CLOSING):
                depth -= 1
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f" ligne {mark.line + 1}, colonne {mark.column + 1}" if mark else ""
        raise _bad(path, f"syntaxe YAML invalide{where}") from error
    except yaml.YAMLError as error:
        raise _bad(path, "syntaxe YAML invalide") from error
    except (ValueError, RecursionError) as error:  # an integer of thousands of digits
        raise _bad(path, f"valeur illisible ({error})") from error


def _bad(path: Path, problem: str) -> FictionError:
    return FictionError(f"Impossible d'importer « {path} » : {problem.rstrip('.')}.")
