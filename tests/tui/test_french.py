"""Every word on screen in French, keys named as on the keyboard, and no key that
quits or throws a form away unasked."""

from __future__ import annotations

import pytest
from textual.dom import DOMNode
from textual.widgets import Input, Select
from textual.widgets._footer import FooterKey

from fiction.tui import french
from fiction.tui.french import DESCRIPTIONS, SHOWN_KEYS, key_display
from fiction.tui.screens.confirm import ConfirmScreen
from fiction.tui.screens.help import HelpScreen
from fiction.tui.screens.home import HomeScreen
from fiction.tui.screens.new_workshop import NewWorkshopScreen
from tests.tui.waiting import wait_for


def footer(app) -> list[tuple[str, str]]:
    """(key, description) of each key the footer of the current screen shows."""
    return [(key.key_display, key.description) for key in app.screen.query(FooterKey)]


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("ctrl+s", "Ctrl+S"),
        ("ctrl+q", "Ctrl+Q"),
        ("f5", "F5"),
        ("f12", "F12"),
        ("shift+tab", "Maj+Tab"),
        ("escape", "Échap"),
        ("enter", "Entrée"),
        ("space", "Espace"),
        ("ctrl+up", "Ctrl+↑"),
        ("ctrl+shift+a", "Ctrl+Maj+A"),
        ("alt+pagedown", "Alt+Page↓"),
        ("n", "n"),
        ("1", "1"),
        ("minus", "-"),
        ("left,up", "←/↑"),
    ],
)
def test_keys_are_named_as_printed_on_the_keyboard(key: str, shown: str):
    assert key_display(key) == shown


async def test_the_form_names_keys_as_on_the_keyboard_and_escape_leaves_it_untouched(app):
    """The footer and the help of « Nouvel atelier » name keys as printed on the keyboard;
    Échap closes the help, then leaves the form, left untouched, at once (opening the
    form costs most of a second: one form for all of it)."""
    fiction = app()
    async with fiction.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(fiction.screen, NewWorkshopScreen))
        await pilot.pause()
        shown = footer(fiction)
        assert ("Ctrl+S", "Distribuer") in shown
        assert ("Ctrl+N", "Ajouter une phase") in shown
        assert not [key for key, _ in shown if key.startswith("^") or key == "esc"]

        await pilot.press("f1")
        assert isinstance(fiction.screen, HelpScreen)
        assert fiction.screen.help_text.startswith("# Nouvel atelier")
        keys = dict(fiction.screen.keys)
        assert keys["Ctrl+S"] == "Distribuer"
        assert keys["Ctrl+Q"] == "Quitter"

        await pilot.press("escape")  # the help closes
        assert isinstance(fiction.screen, NewWorkshopScreen)
        await pilot.press("escape")  # nothing typed: back home at once, nothing asked
        assert isinstance(fiction.screen, HomeScreen)


async def test_the_home_never_quits_on_escape_and_its_menus_speak_french(app):
    """Three checks of the home screen on one app."""
    from textual.command import CommandList

    fiction = app()
    async with fiction.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape", "escape")
        await pilot.pause()

        assert fiction.is_running
        assert isinstance(fiction.screen, HomeScreen)
        assert [n.message for n in fiction._notifications] == [
            "Pour quitter, appuyez sur [b]Ctrl+Q[/b]."
        ] * 2

        # An open drop-down is dismissed in French.
        choice = fiction.screen.query_one("#home-deck-choice", Select)
        choice.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: choice.expanded)
        await pilot.pause()

        shown = footer(fiction)
        assert ("Échap", "Fermer la liste") in shown
        assert not [description for _, description in shown if description == "Dismiss menu"]
        await pilot.press("escape")
        await wait_for(pilot, lambda: not choice.expanded)

        # The palette says in French that no command matches.
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: fiction.screen.id == "--command-palette")
        await pilot.press(*"zzqqxx")
        commands = fiction.screen.query_one(CommandList)
        await wait_for(pilot, lambda: commands.option_count == 1)

        shown_hit = str(commands.get_option_at_index(0).prompt.renderable)
        assert shown_hit == french.NO_MATCHES
        assert "No matches" not in shown_hit


def test_textual_keys_the_footer_can_show_are_described_in_french():
    loaded = [cls for cls in _subclasses(DOMNode) if cls.__module__.startswith("textual.")]
    for cls in (*SHOWN_KEYS, Input, Select, *loaded):
        for bindings in cls._merged_bindings.key_to_bindings.values():
            for binding in bindings:
                if binding.show or cls in SHOWN_KEYS:
                    assert binding.description not in DESCRIPTIONS, (cls, binding)
                    assert binding.tooltip not in DESCRIPTIONS, (cls, binding)


def test_every_english_description_of_textual_has_a_french_one():
    assert all(french.description(english) != english for english in DESCRIPTIONS)
    assert french.description("Cursor up") == "Ligne précédente"  # a hidden key, in the help


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


async def test_escape_gives_up_a_filled_new_workshop_only_once_confirmed(app):
    fiction = app()
    async with fiction.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.press(*"Lyon")
        await pilot.press("escape")
        assert isinstance(fiction.screen, ConfirmScreen)

        await pilot.press("escape")  # « Non »: back to the form, as it was
        assert isinstance(fiction.screen, NewWorkshopScreen)
        assert fiction.screen.query_one("#input-name", Input).value == "Lyon"

        await pilot.press("escape", "o")
        assert isinstance(fiction.screen, HomeScreen)
