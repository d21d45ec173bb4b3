"""French wording for Click's own messages (usage lines, errors, prompts),
and the command settings every `fiction` command shares.

Click passes every message it prints through `gettext`, bound in each of its
modules as `_` and `ngettext`. Users of fiction read French whatever their
system locale, so rather than depend on installed locales we rebind those
names to this catalogue. A message missing here stays in English, which the
CLI tests would catch on the paths users meet.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
"""Every command takes -h as well as --help, and wraps help at 100 columns."""


class FrenchGroup(click.Group):
    """A command group whose usage line reads in French."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", "COMMANDE [ARGUMENTS]...")
        kwargs.setdefault("options_metavar", "[OPTIONS]")
        super().__init__(*args, **kwargs)


CATALOGUE = {
    "Usage:": "Utilisation :",
    "Options": "Options",
    "Commands": "Commandes",
    "Positional arguments": "Arguments",
    "Show this message and exit.": "Afficher cette aide et quitter.",
    "Show the version and exit.": "Afficher la version et quitter.",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "Error: {message}": "Erreur : {message}",
    "Try '{command} {option}' for help.": "Essayez « {command} {option} » pour l'aide.",
    "No such command {name!r}.": "Commande inconnue : « {name} ».",
    "No such option {name!r}.": "Option inconnue : « {name} ».",
    "No such option: {name}": "Option inconnue : {name}",
    "Missing command.": "Commande manquante.",
    "Missing argument": "Argument manquant",
    "Missing option": "Option manquante",
    "Missing parameter": "Paramètre manquant",
    "Missing parameter: {param_name}": "Paramètre manquant : {param_name}",
    "Missing {param_type}": "{param_type} manquant",
    "Invalid value: {message}": "Valeur invalide : {message}",
    "Invalid value for {param_hint}: {message}": "Valeur invalide pour {param_hint} : {message}",
    "Option {name!r} does not take a value.": "L'option « {name} » ne prend pas de valeur.",
    "Argument {name!r} takes {nargs} values.": "L'argument « {name} » prend {nargs} valeurs.",
    "{value!r} is not a valid {number_type}.": "« {value} » n'est pas un nombre valide.",
    "{value} is not in the range {range}.": "{value} n'est pas dans l'intervalle {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "« {value} » n'est pas un booléen valide. Valeurs reconnues : {states}"
    ),
    "{name} {filename!r} does not exist.": "{name} « {filename} » n'existe pas.",
    "{name} {filename!r} is a file.": "{name} « {filename} » est un fichier.",
    "{name} {filename!r} is a directory.": "{name} « {filename} » est un dossier.",
    "{name} {filename!r} is not readable.": "{name} « {filename} » n'est pas lisible.",
    "{name} {filename!r} is not writable.": "{name} « {filename} » n'est pas modifiable.",
    "{name} {filename!r} is not executable.": "{name} « {filename} » n'est pas exécutable.",
    "Could not open file {filename!r}: {message}": (
        "Impossible d'ouvrir le fichier « {filename} » : {message}"
    ),
    "file": "Fichier",
    "directory": "Dossier",
    "path": "Chemin",
    "Aborted!": "Abandon.",
    "Do you want to continue?": "Voulez-vous continuer ?",
    "Confirm the action without prompting.": "Confirmer sans poser la question.",
    "Error: invalid input": "Erreur : saisie invalide",
    "Error: The two entered values do not match.": "Erreur : les deux valeurs diffèrent.",
    "Repeat for confirmation": "Répétez pour confirmer",
    "Press any key to continue...": "Appuyez sur une touche pour continuer…",
    "default: {default}": "par défaut : {default}",
    "env var: {var}": "variable d'environnement : {var}",
    "required": "obligatoire",
    "(dynamic)": "(dynamique)",
    "deprecated": "obsolète",
    "unknown error": "erreur inconnue",
}

PLURALS = {
    "Got unexpected extra argument ({args})": (
        "Argument en trop : {args}",
        "Arguments en trop : {args}",
    ),
    "Option {name!r} requires an argument.": (
        "L'option « {name} » attend une valeur.",
        "L'option « {name} » attend {nargs} valeurs.",
    ),
    "Did you mean {possibility}?": (
        "Vouliez-vous dire {possibility} ?",
        "(Vouliez-vous dire l'une de celles-ci : {possibilities} ?)",
    ),
    "{value!r} is not {choice}.": (
        "« {value} » n'est pas {choice}.",
        "« {value} » n'est pas l'une des valeurs {choices}.",
    ),
}

_CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.utils",
)


def gettext(message: str) -> str:
    return CATALOGUE.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    french = PLURALS.get(singular)
    if french is None:
        return singular if count == 1 else plural
    return french[0] if count == 1 else french[1]


def install() -> None:
    """Make Click speak French in this process."""
    for name in _CLICK_MODULES:
        names = vars(importlib.import_module(name))  # the module's own globals
        if "_" in names:
            names["_"] = gettext
        if "ngettext" in names:
            names["ngettext"] = ngettext
