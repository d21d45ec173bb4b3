"""Load a deck folder into a validated `Deck`, or report every problem in it.

A deck is a folder of YAML files; each file holds any of the sections `deck`
(the manifest, in exactly one file), `themes`, `figures`, `roles`,
`vigilance`, `contexts` and `inspirations`, and `conducteur` (the news
report's default running order, in one file at most). Cards keep file order,
files are read in path order, so a deck always loads the same way.

A deck is passed from hand to hand, so only its own real files are read: a
file or folder that is a symlink, or anything that is not a regular file, is
refused with a problem naming it (a symlink could point anywhere on the machine,
a FIFO would never end). The folder is walked without following symlinks and
no further than `MAX_FILES`, so `deck check /` answers at once.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
from pathlib import Path

from fiction.cards.build import Builder
from fiction.cards.checks import Placed, check_deck
from fiction.cards.model import (
    CARD_TYPES,
    DECK_KINDS,
    Deck,
    Figure,
    Inspiration,
    Manifest,
    RunningOrderItem,
)
from fiction.cards.yamlread import LocatedList, LocatedMap, read_yaml
from fiction.errors import DeckError, FictionError, Location, Problem
from fiction.fileio import outside_reason

SECTIONS = ("deck", *DECK_KINDS, "conducteur")
MAX_FILES = 200
DECK_SUFFIXES = (".yaml", ".yml")


def deck_files(root: Path) -> list[Path]:
    """The deck's YAML files in a stable order, hidden ones skipped (at most one
    more than `MAX_FILES`: a folder with more is not a deck)."""
    return _walk(root)[0]


def _walk(root: Path) -> tuple[list[Path], list[Path]]:
    """The YAML files under `root` and the symlinked folders met, never followed."""
    files: list[Path] = []
    linked: list[Path] = []
    for folder, folders, names in os.walk(root):
        here = Path(folder)
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        linked += [here / name for name in folders if (here / name).is_symlink()]
        for name in sorted(names):
            if not name.startswith(".") and Path(name).suffix in DECK_SUFFIXES:
                files.append(here / name)
        if len(files) > MAX_FILES:
            break
    return sorted(files), sorted(linked)


def resolve_deck_folder(path: Path) -> Path:
    """Accept a deck folder, or its manifest file; refuse anything else clearly."""
    if path.is_file() and path.suffix in DECK_SUFFIXES:
        return path.parent
    if not path.exists():
        raise FictionError(f"Le jeu de cartes « {path} » n'existe pas.")
    if not path.is_dir():
        raise FictionError(f"« {path} » n'est pas un dossier de jeu de cartes.")
    return path


def load_deck(path: Path | str) -> Deck:
    """Read, validate and resolve the deck at `path` (raises `DeckError`)."""
    root = resolve_deck_folder(Path(path))
    files, linked = _walk(root)
    if not files:
        raise DeckError(root, [Problem(Location(str(root)), "aucun fichier YAML dans ce dossier")])
    if len(files) > MAX_FILES:
        raise DeckError(
            root,
            [
                Problem(
                    Location(str(root)), f"plus de {MAX_FILES} fichiers YAML ; {MAX_FILES} au plus"
                )
            ],
        )

    problems: list[Problem] = [
        Problem(Location(str(folder)), "dossier refusé : c'est un lien symbolique")
        for folder in linked
    ]
    manifests: list[Placed] = []
    cards: dict[str, list[Placed]] = {kind: [] for kind in (*DECK_KINDS, "conducteur")}
    broken: dict[str, str] = {}
    unreadable = False
    for file in files:
        display = str(file)
        reason = outside_reason(file, root)
        if reason is not None:
            problems.append(Problem(Location(display), f"fichier refusé : {reason}"))
            unreadable = True
            continue
        value, read_problems = read_yaml(file, display)
        problems += read_problems
        if value is None:
            unreadable = True
        else:
            problems += _gather_file(value, Builder(display), manifests, cards, broken)

    if not manifests and not unreadable:
        problems.append(
            Problem(
                Location(str(root)),
                "aucun fichier ne contient la section « deck » (le manifeste du jeu)",
            )
        )
    for extra in manifests[1:]:
        first = manifests[0].at("id")
        problems.append(
            Problem(
                extra.at("id"),
                f"un seul manifeste « deck » par jeu (déjà dans {first.file}:{first.line})",
            )
        )
    problems += _one_running_order(cards["conducteur"])
    manifest = manifests[0] if manifests else None
    problems += check_deck(manifest, cards, broken, earlier_problems=bool(problems))
    if problems or manifest is None:
        raise DeckError(root, problems)
    built = {kind: [placed.obj for placed in cards[kind]] for kind in DECK_KINDS}
    running_order = cards["conducteur"]
    return dataclasses.replace(
        resolve(manifest.obj, built),
        conducteur=tuple(placed.obj for placed in running_order),
        folder=root,
        conducteur_sources=tuple(_source(placed) for placed in running_order),
    )


def _one_running_order(items: list[Placed]) -> list[Problem]:
    """The running order is one list, read top to bottom: it lives in one file."""
    if not items:
        return []
    first = items[0].where.file
    for placed in items:
        if placed.where.file != first:
            where = _source(placed)
            return [
                Problem(
                    placed.at("kind") if "kind" in placed.where.fields else Location(where),
                    f"la section « conducteur » est déjà dans {first} ; "
                    "écrivez tout le conducteur dans un seul fichier",
                )
            ]
    return []


def _source(placed: Placed) -> str:
    """`conducteur.yaml:12`: where a running-order item starts."""
    lines = [location.line for location in placed.where.fields.values() if location.line]
    return f"{placed.where.file}:{min(lines)}" if lines else placed.where.file


def _gather_file(
    value: object,
    builder: Builder,
    manifests: list[Placed],
    cards: dict[str, list[Placed]],
    broken: dict[str, str],
) -> list[Problem]:
    """Build one file's sections into `manifests` and `cards`; note in `broken`
    the ids of cards that could not be built."""
    if not isinstance(value, LocatedMap):
        builder.report(
            getattr(value, "pos", None),
            "",
            "un fichier de jeu doit être une table de sections (deck, themes, figures, roles, "
            "vigilance, contexts, inspirations, conducteur)",
        )
        return builder.problems

    for section, content in value.items():
        pos = value.value_pos[section]
        if section not in SECTIONS:
            close = difflib.get_close_matches(str(section), SECTIONS, n=1)
            hint = f" (vouliez-vous dire « {close[0]} » ?)" if close else ""
            builder.report(
                value.key_pos[section],
                str(section),
                f"section inconnue « {section} »{hint} ; sections permises : {', '.join(SECTIONS)}",
            )
        elif section == "deck":
            built = builder.build(Manifest, content, pos, "deck")
            if built is not None:
                manifests.append(Placed(*built))
        elif not isinstance(content, LocatedList):
            what = "séquences" if section == "conducteur" else "cartes"
            builder.report(
                pos, section, f"doit être une liste de {what} (chacune commençant par « - »)"
            )
        else:
            cls = RunningOrderItem if section == "conducteur" else CARD_TYPES[section]
            for index, (item, item_pos) in enumerate(zip(content, content.item_pos, strict=True)):
                built = builder.build(cls, item, item_pos, f"{section}[{index}]")
                if built is not None:
                    cards[section].append(Placed(*built))
                elif isinstance(item, dict) and isinstance(item.get("id"), str):
                    broken[item["id"]] = section
    return builder.problems


def resolve(manifest: Manifest, cards: dict[str, list]) -> Deck:
    """Fill the derived fields: who cites each role and point, and 2050 inspirations."""
    figures: list[Figure] = cards["figures"]
    role_figures: dict[str, list[str]] = {}
    point_figure: dict[str, str] = {}
    for figure in figures:
        for role_id in figure.roles:
            role_figures.setdefault(role_id, []).append(figure.id)
        for point_id in figure.vigilance:
            point_figure[point_id] = figure.id

    roles = tuple(
        dataclasses.replace(role, figures=tuple(role_figures.get(role.id, ())))
        for role in cards["roles"]
    )
    vigilance = tuple(
        dataclasses.replace(point, figure=point_figure.get(point.id, ""))
        for point in cards["vigilance"]
    )
    scenarios_2050 = tuple(
        Inspiration(
            id=scenario.id,
            title=scenario.title,
            city=scenario.place,
            year=2050,
            summary=scenario.narrative,
            source=figure.source,
            kind="scenario-2050",
            figure=figure.id,
        )
        for figure in figures
        for scenario in figure.scenarios
    )
    return Deck(
        manifest=manifest,
        themes=tuple(cards["themes"]),
        figures=tuple(figures),
        roles=roles,
        vigilance=vigilance,
        contexts=tuple(cards["contexts"]),
        inspirations=tuple(cards["inspirations"]) + scenarios_2050,
        activities=tuple(cards.get("activities", ())),
    )
