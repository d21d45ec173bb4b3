"""A group's first draft of its news report, filled from its scenario by the deck's templates."""

from __future__ import annotations

import dataclasses
import time

import pytest

from fiction.cards.loader import load_deck
from fiction.cards.model import RunningOrderItem
from fiction.engine import DealRequest, deal
from fiction.errors import FictionError
from fiction.report.conducteur import draft_script, speaker_choices
from fiction.store.creation import new_workshop
from fiction.store.model import Group


@pytest.fixture
def group(builtin_deck) -> Group:
    dealt = deal(builtin_deck, DealRequest(groups=3, seed=2019))
    workshop = new_workshop("Atelier du Mans", builtin_deck, dealt, now=0)
    return dataclasses.replace(
        workshop.group(1),
        title="Le café des possibles",
        place_name="Le Café du Coin",
        question="Et si demain le CCAS tenait le café du village ?",
        new_actors=("Barista social",),
    )


def test_the_draft_follows_the_decks_running_order(builtin_deck, group):
    drafts = draft_script(builtin_deck, group)

    assert [draft.kind for draft in drafts] == [item.kind for item in builtin_deck.conducteur]


def test_the_draft_is_filled_from_the_scenario_in_french(builtin_deck, group):
    drafts = draft_script(builtin_deck, group)
    text = "\n".join(f"{d.image}\n{d.sound}\n{' '.join(d.speakers)}" for d in drafts)

    assert "Le café des possibles" in text
    assert "Bandeau\u00a0: Le Café du Coin, 2050" in drafts[0].image.splitlines()
    assert "Et si demain le CCAS tenait le café du village\u00a0?" in drafts[1].sound
    figure = builtin_deck.card(group.hands[0].figures[0])
    own = [builtin_deck.card(role) for role in group.hands[0].roles if role in figure.roles]
    interview = next(d for d in drafts if d.kind == "interview")
    assert interview.speakers == (own[0].title,)
    assert "{{" not in text and "{%" not in text and "}}" not in text


def test_an_empty_scenario_still_gives_readable_prompts(builtin_deck, group):
    blank = dataclasses.replace(group, title="", place_name="", question="", new_actors=())

    drafts = draft_script(builtin_deck, blank)

    assert all(draft.image and draft.sound for draft in drafts)
    assert "Plan large\u00a0: le lieu que vous inventez, un matin ordinaire" in drafts[0].image


def test_the_model_deck_has_a_short_running_order(model_deck_dir, group):
    deck = load_deck(model_deck_dir)
    workshop = new_workshop("Essai", deck, deal(deck, DealRequest(groups=1, seed=1)), now=0)
    mine = dataclasses.replace(workshop.group(1), place_name="Le Café du Coin")

    drafts = draft_script(deck, mine)

    assert [draft.kind for draft in drafts] == ["studio-intro", "report", "studio-close"]
    assert drafts[0].sound == "Bonsoir. En 2050, à Le Café du Coin, … Reportage."


@pytest.mark.parametrize(
    ("template", "problem"),
    [
        ("{{ place ", "erreur de syntaxe ligne 1"),
        ("{{ lieu }}", "« lieu » n'existe pas"),
        ("{{ ().__class__ }}", "opération interdite"),
    ],
)
def test_a_broken_template_names_the_deck_file_line_and_field(
    builtin_deck, group, template, problem
):
    items = list(builtin_deck.conducteur)
    items[2] = RunningOrderItem(kind="report", image="Plan large", sound=template)
    deck = dataclasses.replace(builtin_deck, conducteur=tuple(items))

    with pytest.raises(FictionError) as caught:
        draft_script(deck, group)

    message = str(caught.value)
    assert message.startswith("Conducteur du jeu, séquence 3 (")
    assert "conducteur.yaml:29), champ « sound »" in message and problem in message


def test_speakers_come_from_the_usual_voices_the_hand_and_the_group(builtin_deck, group):
    choices = speaker_choices(builtin_deck, group)

    assert choices[0] == "Présentateur·rice"
    assert builtin_deck.card(group.hands[0].roles[0]).title in choices
    assert choices[-1] == "Barista social"


@pytest.mark.parametrize(
    "template",
    [
        "{{ 'a' * 10**9 }}",
        "{% for a in range(9999) %}{% for b in range(9999) %}{% endfor %}{% endfor %}",
        "{{ lipsum(10**6) }}",
    ],
)
def test_a_hostile_template_ends_in_a_french_error_not_a_frozen_app(builtin_deck, group, template):
    items = list(builtin_deck.conducteur)
    items[2] = RunningOrderItem(kind="report", image="Plan large", sound=template)
    deck = dataclasses.replace(builtin_deck, conducteur=tuple(items))
    started = time.monotonic()

    with pytest.raises(FictionError, match=r"séquence 3 .*champ « sound »"):
        draft_script(deck, group)

    assert time.monotonic() - started < 10


def test_the_groups_writing_is_never_compiled_as_a_template(builtin_deck, group):
    sly = dataclasses.replace(group, place_name="{{ 7 * 7 }}")

    drafts = draft_script(builtin_deck, sly)

    assert "{{ 7 * 7 }}" in drafts[0].image and "49" not in drafts[0].image
