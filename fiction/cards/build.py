"""Turn located YAML values into model objects, noting every problem on the way.

The builder is driven by the dataclasses themselves (their type hints and field
metadata), so a new field on a card needs no change here. It never stops at
the first problem: a deck author fixes a whole file in one go.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
import typing
from dataclasses import dataclass, field
from typing import Any

from fiction.cards.model import authored_fields
from fiction.cards.yamlread import LocatedList, LocatedMap, Pos
from fiction.errors import Location, Problem

_TYPE_NAMES = {
    str: "un texte",
    int: "un nombre entier",
    "list": "une liste",
    "map": "une table de champs",
}


@functools.cache
def field_types(cls: type) -> dict[str, Any]:
    """Resolved type hints of a dataclass (the model uses postponed annotations)."""
    return typing.get_type_hints(cls)


def item_type(hint: Any) -> Any:
    """`tuple[X, ...]` → `X`; anything else → None."""
    if typing.get_origin(hint) is tuple:
        return typing.get_args(hint)[0]
    return None


@dataclass
class Located:
    """Where the parts of one built object were written."""

    file: str
    fields: dict[str, Location] = field(default_factory=dict)

    def at(self, name: str) -> Location:
        return self.fields[name]


@dataclass
class Builder:
    """Builds objects from one file's values and collects that file's problems."""

    file: str
    problems: list[Problem] = field(default_factory=list)

    def report(self, pos: Pos | None, path: str, message: str) -> None:
        line, column = (pos.line, pos.column) if pos else (0, 0)
        self.problems.append(Problem(Location(self.file, line, column, path), message))

    def location(self, pos: Pos, path: str) -> Location:
        return Location(self.file, pos.line, pos.column, path)

    def build(self, cls: type, value: Any, pos: Pos, path: str) -> tuple[Any, Located] | None:
        """Build a `cls` from a mapping; None when the mapping is unusable."""
        located = Located(self.file)
        if not isinstance(value, LocatedMap):
            self.report(pos, path, f"doit être {_TYPE_NAMES['map']}, pas {_describe(value)}")
            return None

        known = {f.name for f in authored_fields(cls)}
        for key in value:
            if key not in known:
                self.report(value.key_pos[key], _join(path, key), _unknown_field(key, known, cls))

        kwargs: dict[str, Any] = {}
        complete = True
        hints = field_types(cls)
        for spec in authored_fields(cls):
            name = spec.name
            where = _join(path, name)
            if name not in value:
                if spec.default is dataclasses.MISSING:
                    self.report(value.pos, where, "champ obligatoire manquant")
                    complete = False
                continue
            value_pos = value.value_pos[name]
            located.fields[name] = self.location(value_pos, where)
            converted = self._convert(
                hints[name], spec.metadata, value[name], value_pos, where, located
            )
            if converted is _INVALID:
                complete = False
            else:
                kwargs[name] = converted
        if not complete:
            return None
        return cls(**kwargs), located

    def _convert(
        self, hint: Any, meta: Any, value: Any, pos: Pos, path: str, located: Located
    ) -> Any:
        inner = item_type(hint)
        if inner is not None:
            return self._convert_list(inner, meta, value, pos, path, located)
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            built = self.build(hint, value, pos, path)
            if built is None:
                return _INVALID
            obj, sub = built
            located.fields.update(
                {f"{path.rsplit('.', 1)[-1]}.{k}": v for k, v in sub.fields.items()}
            )
            return obj
        if hint is int:
            if isinstance(value, bool) or not isinstance(value, int):
                self.report(pos, path, f"doit être {_TYPE_NAMES[int]}, pas {_describe(value)}")
                return _INVALID
            if value < 0:
                self.report(pos, path, "ne peut pas être négatif")
                return _INVALID
            return value
        if hint is str:
            return self._convert_text(meta, value, pos, path)
        raise TypeError(f"unsupported field type {hint!r}")  # a model bug, not user input

    def _convert_list(
        self, inner: Any, meta: Any, value: Any, pos: Pos, path: str, located: Located
    ) -> Any:
        if not isinstance(value, LocatedList):
            hint = " (écrivez une liste, un élément par ligne commençant par « - »)"
            self.report(pos, path, f"doit être {_TYPE_NAMES['list']}, pas {_describe(value)}{hint}")
            return _INVALID
        count = len(value)
        least, most = meta.get("min_items"), meta.get("max_items")
        if (least is not None and count < least) or (most is not None and count > most):
            self.report(pos, path, _count_message(count, least, most))
        items = []
        ok = True
        for index, (item, item_pos) in enumerate(zip(value, value.item_pos, strict=True)):
            where = f"{path}[{index}]"
            located.fields[where.rsplit(".", 1)[-1]] = self.location(item_pos, where)
            if isinstance(inner, type) and dataclasses.is_dataclass(inner):
                built = self.build(inner, item, item_pos, where)
                if built is None:
                    ok = False
                    continue
                obj, sub = built
                prefix = where.rsplit(".", 1)[-1]
                located.fields.update({f"{prefix}.{k}": v for k, v in sub.fields.items()})
                items.append(obj)
            else:
                converted = self._convert(inner, meta, item, item_pos, where, located)
                if converted is _INVALID:
                    ok = False
                else:
                    items.append(converted)
        if not ok or (least is not None and count < least) or (most is not None and count > most):
            return _INVALID
        return tuple(items)

    def _convert_text(self, meta: Any, value: Any, pos: Pos, path: str) -> Any:
        if not isinstance(value, str):
            hint = ""
            if isinstance(value, (int, float, bool)) or value is None:
                hint = " (mettez la valeur entre guillemets)"
            self.report(pos, path, f"doit être {_TYPE_NAMES[str]}, pas {_describe(value)}{hint}")
            return _INVALID
        text = value.strip()
        if not text:
            self.report(pos, path, "ne doit pas être vide")
            return _INVALID
        limit = meta.get("max_chars")
        if limit is not None and len(text) > limit:
            self.report(
                pos,
                path,
                f"texte trop long pour sa carte imprimée : {len(text)} caractères, {limit} au plus",
            )
            return _INVALID
        pattern = meta.get("pattern")
        if pattern and not re.fullmatch(pattern, text):
            self.report(pos, path, _pattern_message(text, pattern))
            return _INVALID
        choices = meta.get("choices")
        if choices and text not in choices:
            listed = ", ".join(choices)
            self.report(pos, path, f"« {text} » n'est pas une valeur permise ({listed})")
            return _INVALID
        return text


_INVALID = object()


def _join(path: str, name: Any) -> str:
    return f"{path}.{name}" if path else str(name)


def _describe(value: Any) -> str:
    if value is None:
        return "une valeur vide"
    if isinstance(value, bool):
        return "un booléen"
    if isinstance(value, int):
        return f"le nombre {value}"
    if isinstance(value, float):
        return f"le nombre {value}"
    if isinstance(value, str):
        return "un texte"
    if isinstance(value, list):
        return "une liste"
    if isinstance(value, dict):
        return "une table de champs"
    return f"une valeur de type {type(value).__name__}"


def _unknown_field(key: Any, known: set[str], cls: type) -> str:
    message = f"champ inconnu « {key} »"
    close = difflib.get_close_matches(str(key), sorted(known), n=1, cutoff=0.6)
    if close:
        return f"{message} (vouliez-vous dire « {close[0]} » ?)"
    return f"{message} (champs permis : {', '.join(sorted(known))})"


def _count_message(count: int, least: int | None, most: int | None) -> str:
    if least is not None and most is not None and least == most:
        wanted = f"exactement {least}"
    elif least is not None and most is not None:
        wanted = f"de {least} à {most}"
    elif least is not None:
        wanted = f"au moins {least}"
    else:
        wanted = f"au plus {most}"
    return f"{count} élément{'s' if count > 1 else ''} ; il en faut {wanted}"


def _pattern_message(text: str, pattern: str) -> str:
    if pattern.startswith("^[a-z0-9]+"):
        return (
            f"« {text} » n'est pas un identifiant valide : lettres minuscules sans accent, "
            "chiffres et tirets (par exemple « mon-identifiant »)"
        )
    if pattern.startswith("^#"):
        return f"« {text} » n'est pas une couleur valide (format #RRGGBB, par exemple #1f77b4)"
    return f"« {text} » n'a pas le format attendu"
