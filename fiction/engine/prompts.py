"""Compose a group's "Et si demain…" question and scenario starter from its hand.

The wording belongs to the deck: `prompts/question.j2` and `prompts/starter.j2`
in the deck folder are Jinja2 templates (plain text, rendered in the project's
sandbox, `fiction.sandbox`, so a shared deck cannot reach into the machine: no
Python internals, no template read through a symlink or from outside the deck,
and a budget of time and size). A deck without them, or
without one of them, uses the defaults in `fiction/engine/templates/`.
Undefined names are errors, not blanks, and any error names the template
file and line, in French, for the deck author to fix.

Templates see `theme`, `figure`, `context`, `inspiration` (the first card of
each kind, or nothing), the lists `themes`, `figures`, `contexts`, `roles`,
`own_roles`, `vigilance`, `inspirations`, `figure_name` (the figure as it
follows "le CCAS devenu"), `group`, `round` and `deck` (the manifest), plus
the filters `minuscule`, `de`, `a` and `liste` (see `french.py`).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from types import TracebackType
from typing import Any

from fiction.cards.model import Deck
from fiction.engine import french
from fiction.engine.index import deck_index
from fiction.engine.model import Hand, Prompt
from fiction.errors import FictionError

PROMPTS_FOLDER = "prompts"
DEFAULT_FOLDER = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAMES = ("question.j2", "starter.j2")


class Prompts:
    """The two compiled templates of a deck, ready to compose any hand's prompt."""

    def __init__(self, deck_folder: Path | str | None = None) -> None:
        from jinja2 import TemplateError

        from fiction.sandbox import Folder, FolderLoader, TemplateRefused

        folders = [DEFAULT_FOLDER]
        sources = [Folder(DEFAULT_FOLDER)]
        own = Path(deck_folder) / PROMPTS_FOLDER if deck_folder is not None else None
        if own is not None and own.is_symlink():
            raise TemplateRefused(
                f"Dossier de modèles « {own} » refusé : c'est un lien symbolique ; "
                "les modèles d'un jeu sont de vrais fichiers dans son dossier."
            )
        if own is not None and own.is_dir():
            folders.insert(0, own)
            sources.insert(0, Folder(own, within=own.parent))
        environment = sandbox(FolderLoader(sources))
        self._templates: dict[str, Any] = {}
        for name in TEMPLATE_NAMES:
            try:
                self._templates[name] = environment.get_template(name)
            except TemplateError as error:
                raise _template_error(error, name, folders) from error

    def compose(self, deck: Deck, hand: Hand) -> Prompt:
        """The question and the starter for `hand`, each as one line of French prose."""
        context = template_context(deck, hand)
        question, starter = (self._render(name, context) for name in TEMPLATE_NAMES)
        return Prompt(question=question, starter=starter)

    def _render(self, name: str, context: dict[str, Any]) -> str:
        from jinja2 import TemplateError

        template = self._templates[name]
        try:
            text = template.render(context)
        except FictionError:
            raise
        except TemplateError as error:
            raise _template_error(error, template.filename, [], error.__traceback__) from error
        except Exception as error:  # a deck's template must never crash the app
            line = _template_line(error.__traceback__, template.filename)
            if isinstance(error, OverflowError):  # the sandbox's limit on ranges
                problem = f"opération interdite dans un modèle ({error})"
            else:
                problem = f"impossible de le remplir ({type(error).__name__} : {error})"
            raise _located(template.filename, line, problem) from error
        return french.tidy(text)


def sandbox(loader: Any = None) -> Any:
    """The Jinja2 environment every deck template runs in: the project's sandbox with
    the deck's budget (a shared deck cannot reach into the machine nor exhaust it),
    plain text, undefined names as errors, and the French filters."""
    from jinja2 import StrictUndefined

    from fiction.sandbox import DECK_LIMITS, sandboxed

    environment = sandboxed(loader, limits=DECK_LIMITS, autoescape=False, undefined=StrictUndefined)
    environment.filters.update(
        minuscule=french.minuscule, de=french.de, a=french.a, liste=french.liste
    )
    return environment


def load_prompts(deck_folder: Path | str | None = None) -> Prompts:
    """The prompt templates of the deck in `deck_folder` (defaults where it has none)."""
    if deck_folder is None:
        return _default_prompts()
    return Prompts(deck_folder)


def compose_prompt(deck: Deck, hand: Hand, prompts: Prompts | None = None) -> Prompt:
    """The "Et si demain…" question and scenario starter of `hand`, in the
    wording of the deck's own templates (found in the folder it was read from)."""
    return (prompts or _prompts_of_folder(deck.folder)).compose(deck, hand)


@functools.lru_cache(maxsize=8)
def _prompts_of_folder(folder: Path | None) -> Prompts:
    """Templates compile once per deck folder: composing is then cheap."""
    return load_prompts(folder)


@functools.cache
def _default_prompts() -> Prompts:
    return Prompts(None)


def template_context(deck: Deck, hand: Hand) -> dict[str, Any]:
    """What a deck template sees of a hand: its cards by kind and the names in `NAMES`."""
    cards = {kind: [deck.card(card_id) for card_id in hand.ids(kind)] for kind in _KINDS}
    index = deck_index(deck)
    own = {role for figure in hand.figures for role in index.own_roles[figure]}
    figure = cards["figures"][0] if cards["figures"] else None
    return {
        "deck": deck.manifest,
        "group": hand.group,
        "round": hand.round,
        **cards,
        "theme": cards["themes"][0] if cards["themes"] else None,
        "figure": figure,
        "figure_name": french.figure_name(figure.title) if figure else "",
        "context": cards["contexts"][0] if cards["contexts"] else None,
        "inspiration": cards["inspirations"][0] if cards["inspirations"] else None,
        "own_roles": [role for role in cards["roles"] if role.id in own],
    }


_KINDS = ("themes", "figures", "contexts", "roles", "vigilance", "inspirations")
NAMES = (
    "theme",
    "figure",
    "figure_name",
    "context",
    "inspiration",
    "themes",
    "figures",
    "contexts",
    "roles",
    "own_roles",
    "vigilance",
    "inspirations",
    "group",
    "round",
    "deck",
)


def _template_error(
    error: Exception, name: str | None, folders: list[Path], traceback: TracebackType | None = None
) -> FictionError:
    """A French error naming the template file and line."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SecurityError

    from fiction.sandbox import BudgetExceeded

    filename = getattr(error, "filename", None) or name or "?"
    if isinstance(error, TemplateNotFound):
        searched = ", ".join(str(folder) for folder in folders)
        return FictionError(f"Modèle de texte « {name} » introuvable (cherché dans {searched}).")
    if isinstance(error, TemplateSyntaxError):
        return _located(filename, error.lineno, f"erreur de syntaxe ({error.message})")
    line = _template_line(traceback, filename)
    if isinstance(error, UndefinedError):
        found = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(error))
        what = (found.group(2) or found.group(1)) if found else str(error)
        names = ", ".join(NAMES)
        return _located(filename, line, f"« {what} » n'existe pas (noms disponibles : {names})")
    if isinstance(error, BudgetExceeded):
        return _located(filename, line, str(error))
    if isinstance(error, SecurityError):
        return _located(filename, line, f"opération interdite dans un modèle ({error})")
    return _located(filename, line, f"modèle invalide ({error})")


def _located(filename: str, line: int, problem: str) -> FictionError:
    where = f"{filename}, ligne {line}" if line else filename
    return FictionError(f"Modèle de texte {where} : {problem}.")


def _template_line(traceback: TracebackType | None, filename: str | None) -> int:
    """The line of the deepest traceback frame inside the template file (0 if none)."""
    line = 0
    while traceback is not None:
        if filename and traceback.tb_frame.f_code.co_filename == filename:
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line
