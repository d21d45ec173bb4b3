"""A group's first draft of its news report, from the deck's default running order.

The deck's `conducteur` section lists segments with writing prompts for the
IMAGE and SON columns, as Jinja2 templates; filled from the group's scenario
(title, place, question, figure, theme, roles…) they give a draft the group
then edits freely. The templates run in the same sandbox and budget as the deck's
prompt templates (`fiction.engine.prompts`), with the same names and French
filters, plus the group's own writing.

Jinja2 is imported only when a draft is asked for, never at start-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from fiction.cards.model import CARD_KINDS, Deck
from fiction.engine import french
from fiction.engine.model import Hand
from fiction.engine.prompts import NAMES, sandbox, template_context
from fiction.errors import FictionError
from fiction.store.model import Group

SCENARIO_NAMES = ("title", "place", "question", "narrative", "purpose", "new_actors", "pseudonym")
"""What a running-order template sees of the group's writing, beside the hand's `NAMES`."""

PRESENTER = "Présentateur·rice"
"""Who reads the studio segments when the deck names nobody."""

USUAL_SPEAKERS = (PRESENTER, "Journaliste", "Voix off", "Habitant·e")


@dataclass(frozen=True)
class Draft:
    """One segment of the draft, ready for the store's `add_segment`."""

    kind: str
    image: str
    sound: str
    speakers: tuple[str, ...]


def scenario_context(deck: Deck, group: Group) -> dict[str, Any]:
    """The names a running-order template sees: the group's latest hand and writing."""
    hand = group.hands[-1]
    cards = {kind: hand.ids(kind) for kind in CARD_KINDS}
    context = template_context(deck, Hand(group.number, hand.round, **cards))
    context.update(
        title=group.title.strip(),
        place=group.place_name.strip(),
        question=group.question.strip(),
        narrative=group.narrative.strip(),
        purpose=group.purpose.strip(),
        new_actors=[actor.strip() for actor in group.new_actors if actor.strip()],
        pseudonym=group.pseudonym,
    )
    return context


def draft_script(deck: Deck, group: Group) -> tuple[Draft, ...]:
    """The deck's running order filled from `group`'s scenario (empty if the deck has none).

    Raises `FictionError` naming the deck file, line and field of a broken template.
    """
    if not deck.conducteur:
        return ()
    environment = sandbox()
    context = scenario_context(deck, group)
    drafts = []
    for index, item in enumerate(deck.conducteur):
        where = _where(deck, index)

        def fill(field: str, text: str, where: str = where) -> str:
            return _render(environment, text, context, f"{where}, champ « {field} »")

        speakers = tuple(
            speaker
            for number, template in enumerate(item.speakers)
            if (speaker := " ".join(fill(f"speakers[{number}]", template).split()))
        )
        drafts.append(
            Draft(
                kind=item.kind,
                image=fill("image", item.image),
                sound=fill("sound", item.sound),
                speakers=speakers,
            )
        )
    return tuple(drafts)


def speaker_choices(deck: Deck, group: Group) -> tuple[str, ...]:
    """Who may speak: the usual voices, the hand's roles and the actors the group invented."""
    roles = [deck.card(role).title for hand in group.hands for role in hand.roles]
    invented = [actor.strip() for actor in group.new_actors if actor.strip()]
    return tuple(dict.fromkeys([*USUAL_SPEAKERS, *roles, *invented]))


def _render(environment: Any, text: str, context: dict[str, Any], where: str) -> str:
    """A template's output as tidy French lines: one shot, one line of speech each."""
    from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SecurityError

    from fiction.sandbox import BudgetExceeded

    try:
        output = environment.from_string(text).render(context)
    except TemplateSyntaxError as error:
        raise _error(where, f"erreur de syntaxe ligne {error.lineno} ({error.message})") from error
    except UndefinedError as error:
        found = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(error))
        what = (found.group(2) or found.group(1)) if found else str(error)
        names = ", ".join((*NAMES, *SCENARIO_NAMES))
        raise _error(where, f"« {what} » n'existe pas (noms disponibles : {names})") from error
    except BudgetExceeded as error:
        raise _error(where, str(error)) from error
    except SecurityError as error:
        raise _error(where, f"opération interdite dans un modèle ({error})") from error
    except TemplateError as error:
        raise _error(where, f"modèle invalide ({error})") from error
    except Exception as error:  # a deck's template must never crash the app
        raise _error(
            where, f"impossible de le remplir ({type(error).__name__} : {error})"
        ) from error
    lines = (french.tidy(line) for line in output.splitlines())
    return "\n".join(line for line in lines if line)


def _where(deck: Deck, index: int) -> str:
    source = deck.conducteur_sources[index] if index < len(deck.conducteur_sources) else ""
    return f"séquence {index + 1}" + (f" ({source})" if source else "")


def _error(where: str, problem: str) -> FictionError:
    return FictionError(f"Conducteur du jeu, {where} : {problem}.")
