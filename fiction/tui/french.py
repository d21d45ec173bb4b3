"""Textual's own words in French: key names, its widgets' key descriptions, the palette.

Textual ships English descriptions for its widgets' keys (« Dismiss menu » in
the footer while a drop-down is open), English key names (`^s`, `esc`) and an
English « No matches found » in the command palette. Everything that turns
them into French is here, so a Textual upgrade has one place to check
(`tests/tui/test_french.py` lists what a person could still meet in English).
"""

from __future__ import annotations

import dataclasses
import re

from rich.align import Align
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.keys import format_key
from textual.widgets._select import SelectOverlay
from textual.widgets.option_list import Option

MODIFIER_NAMES = {"ctrl": "Ctrl", "shift": "Maj", "alt": "Alt", "super": "Cmd", "meta": "Méta"}

KEY_NAMES = {
    "escape": "Échap",
    "enter": "Entrée",
    "space": "Espace",
    "tab": "Tab",
    "backspace": "Retour arrière",
    "delete": "Suppr",
    "insert": "Inser",
    "pageup": "Page↑",
    "pagedown": "Page↓",
    "home": "Début",
    "end": "Fin",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
}
"""Keys whose Textual names are English words ("escape", "space", "pagedown")."""

_FUNCTION_KEY = re.compile(r"f\d{1,2}")


def key_display(key: str) -> str:
    """A key as people read it on their keyboard: « Ctrl+S », « Maj+Tab », « F5 », « Échap ».

    `key` is a Textual key ("ctrl+s"), or several separated by commas ("left,up").
    """
    return "/".join(_one_key(part.strip()) for part in key.split(","))


def _one_key(key: str) -> str:
    *modifiers, name = key.split("+") if key != "+" else ("+",)
    if name in KEY_NAMES:
        shown = KEY_NAMES[name]
    elif _FUNCTION_KEY.fullmatch(name):
        shown = name.upper()
    elif len(name) == 1:
        # "n" alone is the letter as typed; with a modifier, keyboards print it upper case.
        shown = name.upper() if modifiers else name
    else:
        shown = format_key(name)  # "minus" → "-", "full_stop" → "."
        shown = shown if len(shown) == 1 else shown.capitalize()
    return "+".join([*(MODIFIER_NAMES.get(m, m.capitalize()) for m in modifiers), shown])


# --- the descriptions of Textual's own keys -----------------------------------------

DESCRIPTIONS = {
    # Select and its drop-down (the footer shows "Dismiss menu" while it is open)
    "Dismiss menu": "Fermer la liste",
    "Show menu": "Ouvrir la liste",
    # the command palette
    "Exit the command palette": "Fermer la palette",
    "Next command": "Commande suivante",
    "Previous command": "Commande précédente",
    "Next page": "Page suivante",
    "Previous page": "Page précédente",
    "Go to top": "Aller en haut",
    "Go to bottom": "Aller en bas",
    # screens and scrolling
    "Focus Next": "Champ suivant",
    "Focus Previous": "Champ précédent",
    "Copy selected text": "Copier la sélection",
    "Scroll Up": "Défiler vers le haut",
    "Scroll Down": "Défiler vers le bas",
    "Scroll Left": "Défiler vers la gauche",
    "Scroll Right": "Défiler vers la droite",
    "Scroll Home": "Aller au début",
    "Scroll End": "Aller à la fin",
    "Page Up": "Page précédente",
    "Page Down": "Page suivante",
    "Page Left": "Page à gauche",
    "Page Right": "Page à droite",
    # buttons, lists, tables, collapsibles
    "Press button": "Appuyer",
    "Select": "Choisir",
    "Up": "Monter",
    "Down": "Descendre",
    "First": "Premier",
    "Last": "Dernier",
    "Cursor up": "Ligne précédente",
    "Cursor down": "Ligne suivante",
    "Cursor left": "Vers la gauche",
    "Cursor right": "Vers la droite",
    "Page up": "Page précédente",
    "Page down": "Page suivante",
    "Top": "Tout en haut",
    "Bottom": "Tout en bas",
    "Home": "Début",
    "End": "Fin",
    "Toggle": "Cocher ou décocher",
    "Toggle option": "Cocher ou décocher",
    "Toggle collapsible": "Déplier ou replier",
    "Next option": "Option suivante",
    "Previous option": "Option précédente",
    "Next tab": "Onglet suivant",
    "Previous tab": "Onglet précédent",
    "Open link": "Ouvrir le lien",
    # one-line inputs
    "Move cursor left": "Curseur à gauche",
    "Move cursor left and select": "Sélectionner à gauche",
    "Move cursor left a word": "Mot précédent",
    "Move cursor left a word and select": "Sélectionner le mot précédent",
    "Move cursor right or accept the completion suggestion": "Curseur à droite ou compléter",
    "Move cursor right and select": "Sélectionner à droite",
    "Move cursor right a word": "Mot suivant",
    "Move cursor right a word and select": "Sélectionner le mot suivant",
    "Delete character left": "Effacer à gauche",
    "Delete character right": "Effacer à droite",
    "Delete left to start of word": "Effacer le mot à gauche",
    "Delete right to start of word": "Effacer le mot à droite",
    "Delete all to the left": "Effacer jusqu'au début",
    "Delete all to the right": "Effacer jusqu'à la fin",
    "Select all": "Tout sélectionner",
    "Go to start": "Aller au début",
    "Go to end": "Aller à la fin",
    "Select line start": "Sélectionner jusqu'au début",
    "Select line end": "Sélectionner jusqu'à la fin",
    "Submit": "Valider",
    "Cut selected text": "Couper la sélection",
    "Paste text from the clipboard": "Coller",
    # multi-line text areas
    "Cursor up select": "Sélectionner vers le haut",
    "Cursor down select": "Sélectionner vers le bas",
    "Cursor left select": "Sélectionner à gauche",
    "Cursor right select": "Sélectionner à droite",
    "Cursor word left": "Mot précédent",
    "Cursor word right": "Mot suivant",
    "Cursor left word select": "Sélectionner le mot précédent",
    "Cursor right word select": "Sélectionner le mot suivant",
    "Cursor line start": "Début de ligne",
    "Cursor line end": "Fin de ligne",
    "Cursor line start select": "Sélectionner jusqu'au début de ligne",
    "Cursor line end select": "Sélectionner jusqu'à la fin de ligne",
    "Cursor page up": "Page précédente",
    "Cursor page down": "Page suivante",
    "Select line": "Sélectionner la ligne",
    "Delete line": "Effacer la ligne",
    "Delete to line start": "Effacer jusqu'au début de ligne",
    "Delete to line end": "Effacer jusqu'à la fin de ligne",
    "Copy": "Copier",
    "Cut": "Couper",
    "Paste": "Coller",
    "Undo": "Annuler",
    "Redo": "Rétablir",
    # the app's own defaults (ours replace them, but a Textual upgrade may add some)
    "Quit": "Quitter",
    "Quit the app and return to the command prompt.": "Quitter fiction",
    "Open the command palette": "Ouvrir la palette de commandes",
}
"""Textual's English descriptions (and tooltips) of its widgets' keys, in French."""


def description(text: str) -> str:
    """The French for one of Textual's key descriptions (other texts unchanged)."""
    return DESCRIPTIONS.get(text, text)


def _french_binding(binding: BindingType) -> BindingType:
    if isinstance(binding, tuple):
        binding = Binding(*binding)
    return dataclasses.replace(
        binding,
        description=description(binding.description),
        tooltip=description(binding.tooltip),
    )


def translate_textual_bindings() -> None:
    """Give every Textual widget class loaded so far French key descriptions.

    Textual merges a class's `BINDINGS` with its bases' when the class is
    created, and each widget copies the merged set when it is built; so the
    classes are translated first, then every loaded class merges again. A
    widget module Textual loads later keeps its English descriptions, which
    are all hidden keys (the footer never shows them; the help translates
    them with `description()`).
    """
    classes = list(_subclasses(DOMNode))
    for cls in classes:
        if cls.__module__.startswith("textual.") and "BINDINGS" in cls.__dict__:
            cls.BINDINGS = [_french_binding(binding) for binding in cls.__dict__["BINDINGS"]]
    for cls in classes:
        cls._merged_bindings = cls._merge_bindings()


def _subclasses(cls: type[DOMNode]) -> list[type[DOMNode]]:
    found: list[type[DOMNode]] = []
    pending = [cls]
    while pending:
        for sub in pending.pop().__subclasses__():
            if sub not in found:
                found.append(sub)
                pending.append(sub)
    return found


# --- the command palette ------------------------------------------------------------

NO_MATCHES = "Aucune commande ne correspond"


class FrenchCommandPalette(CommandPalette):
    """Textual's command palette, saying in French that nothing matched."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own method, with its English line replaced; the rest as it does.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(NO_MATCHES, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(
            self._NO_MATCHES_COUNTDOWN, show_no_matches, name="no-matches"
        )


SHOWN_KEYS = (SelectOverlay, CommandPalette)
"""Textual's classes whose keys a footer shows: imported above, so translated below."""

translate_textual_bindings()
