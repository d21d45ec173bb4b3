"""The groups' screens on a phone (about 40 columns) and on touch screens (issue 15).

At phone width every screen stands in one column and nothing is cut: every
widget shown lies inside the screen, and the lines that used to be cut (the
step title, « Suivant », the countdown) are shown whole. On a touch screen
the screens show buttons (Précédent, Suivant, Retour, Aide) instead of naming
keys. A group's browser tab gets a group-only home.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widget import Widget
from textual.widgets import Button, Footer, OptionList, Static

from fiction.serve.session import main as session_main
from fiction.store.store import Store
from fiction.tui.app import FACILITATOR, GROUP
from fiction.tui.screens.group.wizard import STEPS, GroupWizardScreen
from fiction.tui.screens.help import HelpScreen
from fiction.tui.screens.home import HomeScreen
from fiction.tui.screens.join import JoinScreen
from tests.tui.opening import open_group_at
from tests.workshops import small_workshop

NAME = "Atelier du Mans"
PHONE = (40, 30)
KEYS = ("(F2)", "(F3)", "Échap", "Ctrl+Q", "F1", "(r)", "(F5)", "(e)", "Ctrl+T")


def shown(app: App) -> list[Widget]:
    """The widgets of the current screen that are drawn (displayed, with an area)."""
    return [
        widget
        for widget in app.screen.query("*")
        if widget.display and widget.visible and widget.region.area > 0
    ]


def outside(app: App) -> list[str]:
    """The shown widgets that reach beyond the screen's right edge."""
    width = app.screen.region.width
    return [
        f"{widget!r} {widget.region}"
        for widget in shown(app)
        if widget.region.x < 0 or widget.region.right > width
    ]


def text_of(widget: Static) -> str:
    return str(widget.render())


def screen_text(app: App) -> str:
    """Every word the screen's Statics, buttons and footer keys draw."""
    parts = [str(widget.render()) for widget in shown(app) if isinstance(widget, Static)]
    parts += [str(button.label) for button in app.screen.query(Button) if button.display]
    return "\n".join(parts)


async def open_group(pilot, fiction) -> GroupWizardScreen:
    await pilot.pause(0.2)
    if isinstance(fiction.screen, HomeScreen):  # the facilitator's app: « Rejoindre un groupe »
        await pilot.press("j")
        await pilot.pause(0.3)
    await pilot.press("enter")  # the one workshop is chosen: its first group
    await pilot.pause(0.3)
    screen = fiction.screen
    assert isinstance(screen, GroupWizardScreen)
    return screen


async def test_a_group_tab_gets_a_home_without_the_facilitators_screens_or_paths(
    app, dealt_workshop, store_path: Path, fixed_clock
):
    with Store(store_path, clock=fixed_clock) as store:
        store.add(small_workshop("Autre atelier"))
    fiction = app(role=GROUP)
    async with fiction.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        assert isinstance(fiction.screen, JoinScreen)
        workshops = fiction.screen.query_one("#join-workshops", OptionList)
        assert workshops.option_count == 2  # on this computer: every workshop
        text = screen_text(fiction)
        assert "Nouvel atelier" not in [str(b.label) for b in fiction.screen.query(Button)]
        assert str(store_path.parent) not in text
        await pilot.press("escape", "escape")
        assert isinstance(fiction.screen, JoinScreen), "no way back to the facilitator's home"
        assert fiction.without_paths(f"Base illisible : {store_path}") == (
            "Base illisible : (ordinateur de l'animation)"
        )


async def test_the_facilitators_app_still_starts_on_the_home(app, dealt_workshop):
    fiction = app()
    async with fiction.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.2)
        assert isinstance(fiction.screen, HomeScreen)
        assert fiction.without_paths("/tmp/x") == "/tmp/x"


async def test_at_phone_width_the_facilitators_home_stands_in_one_column(app, dealt_workshop):
    fiction = app()
    async with fiction.run_test(size=PHONE) as pilot:
        await pilot.pause(0.3)
        assert isinstance(fiction.screen, HomeScreen)
        assert outside(fiction) == []
        choice = fiction.screen.query_one("#home-deck-choice").region
        folder = fiction.screen.query_one("#home-deck-folder").region
        assert folder.y > choice.y  # one above the other


@pytest.mark.parametrize(("role", "touch"), [(GROUP, True), (FACILITATOR, False)])
async def test_at_phone_width_every_step_stands_in_the_screen_with_its_title_and_suivant_whole(
    app, dealt_workshop, role: str, touch: bool
):
    fiction = app(role=role, touch=touch)
    async with fiction.run_test(size=PHONE) as pilot:
        await pilot.pause(0.3)
        assert outside(fiction) == [], "the group home"
        screen = await open_group(pilot, fiction)
        assert screen.has_class("-phone")
        for step in STEPS:
            screen.go_to(step.NUMBER)
            await pilot.pause(0.3)
            assert screen.step is not None and screen.step.NUMBER == step.NUMBER
            assert outside(fiction) == [], step.TITLE
            trail = text_of(screen.query_one("#wizard-trail", Static))
            assert f"Étape {step.NUMBER} sur 6 · {step.TITLE}" in trail
            next_button = screen.query_one("#wizard-next", Button)
            if step is not STEPS[-1]:
                assert str(next_button.label) == "Suivant →"
                assert next_button.region.width >= len("Suivant →")
            countdown = screen.query_one("#countdown-phase", Static)
            assert text_of(countdown) == "En attente du départ"
            assert countdown.region.width >= len("En attente du départ")
            for key in KEYS if touch else ():
                assert key not in screen_text(fiction), (step.TITLE, key)
        # A group writes no file on the server's disk, and sees none of its folders.
        assert not screen.query("#review-folder") or role != GROUP


async def test_at_phone_width_with_a_keyboard_the_keys_stay_in_the_footer(app, dealt_workshop):
    fiction = app(role=GROUP)
    async with fiction.run_test(size=PHONE) as pilot:
        screen = await open_group(pilot, fiction)
        assert outside(fiction) == []
        assert str(screen.query_one("#wizard-next", Button).label) == "Suivant →"
        assert not screen.query_one(Footer).display  # its keys do not fit: F1 lists them
        assert screen.query_one("#wizard-help", Button).display
        await pilot.press("f3")
        await pilot.pause(0.3)
        assert screen.step is not None and screen.step.NUMBER == 2


async def test_on_a_touch_screen_buttons_stand_for_the_keys(app, dealt_workshop):
    fiction = app(role=GROUP, touch=True)
    async with fiction.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        home = fiction.screen
        assert not home.query(Footer)
        assert "(Entrée)" not in screen_text(fiction)
        screen = await open_group(pilot, fiction)
        assert not screen.query(Footer)
        labels = [str(button.label) for button in screen.query(Button) if button.display]
        assert "← Précédent" in labels and "Retour" in labels and "Aide" in labels
        assert "Suivant : Et si demain… →" in labels

        await pilot.click("#wizard-next")
        await pilot.pause(0.3)
        assert screen.step is not None and screen.step.NUMBER == 2
        await pilot.click("#wizard-previous")
        await pilot.pause(0.3)
        assert screen.step.NUMBER == 1

        await pilot.click("#wizard-help")
        await pilot.pause(0.2)
        assert isinstance(fiction.screen, HelpScreen)
        help_text = fiction.screen.help_text + str(fiction.screen.keys)
        assert "**Suivant**" in help_text and "**Retour**" in help_text
        for key in ("F2", "F3", "Échap"):
            assert f"**{key}**" not in help_text
        assert fiction.screen.keys == []
        # Its footer's « Fermer » is a button: no key name beside it.
        assert fiction.get_key_display(fiction.screen.active_bindings["escape"].binding) == ""
        fiction.screen.dismiss()
        await pilot.pause(0.2)

        await pilot.click("#wizard-back")
        await pilot.pause(0.2)
        assert fiction.screen is home


async def test_a_shorter_screen_keeps_the_field_being_typed_in_in_view(
    app, dealt_workshop, store_path: Path, fixed_clock
):
    with Store(store_path, clock=fixed_clock) as store:
        store.set_field(NAME, 1, "step", 3, "animation")  # the scenario: many fields
    fiction = app(role=GROUP, touch=True)
    async with fiction.run_test(size=PHONE) as pilot:
        screen = await open_group(pilot, fiction)
        fields = [w for w in screen.step.query("Input, TextArea") if w.focusable]  # type: ignore[union-attr]
        last = fields[-1]
        last.focus()
        await pilot.pause(0.2)
        # The on-screen keyboard opens: the page fits the terminal to what is left.
        await pilot.resize_terminal(40, 12)
        await pilot.pause(0.4)
        assert fiction.focused is last
        body = screen.query_one("#wizard-body").region
        assert last.region.overlaps(body) and body.contains(last.region.x, last.region.y)


def test_the_session_entry_point_gives_each_role_its_app(tmp_path: Path, monkeypatch):
    built = []
    monkeypatch.setattr("fiction.tui.app.FictionApp.run", lambda app: built.append(app))
    store = str(tmp_path / "a.sqlite3")
    session_main(["--store", store, "--role", "animation"])
    session_main(["--store", store, "--touch"])
    facilitator, group = built
    assert isinstance(facilitator.get_default_screen(), HomeScreen)
    assert not facilitator.touch
    home = group.get_default_screen()
    assert isinstance(home, JoinScreen) and home.home and home.only is None
    assert group.touch and group.for_group


async def test_a_group_tab_downloads_its_scenario_instead_of_writing_on_the_server(
    app, dealt_workshop, tmp_path: Path, monkeypatch
):
    """The Relecture step's export in a group's browser tab: the browser downloads the
    Markdown (textual-serve's delivery); no file on the server's disk, no path shown."""
    monkeypatch.chdir(tmp_path)
    fiction = app(role=GROUP, touch=True)
    delivered: list[tuple[str, str | None]] = []

    def deliver_text(path_or_file, *, save_filename=None, **options):
        delivered.append((path_or_file.read(), save_filename))
        return "key"

    monkeypatch.setattr(fiction, "deliver_text", deliver_text)
    async with fiction.run_test(size=(100, 30)) as pilot:
        # Opened on its last step, over the group home (the way there is the tests' above).
        await pilot.pause()
        assert isinstance(fiction.screen, JoinScreen)
        screen = await open_group_at(pilot, NAME, 1, STEPS[-1].NUMBER)
        assert not screen.query("#review-folder")
        export = screen.query_one("#review-export", Button)
        assert str(export.label) == "Télécharger en Markdown"
        await pilot.click("#review-export")
        await pilot.pause(0.2)
        written = text_of(screen.query_one("#review-written", Static))
    assert len(delivered) == 1
    text, file_name = delivered[0]
    assert (
        dealt_workshop.group(1).pseudonym in text
        and file_name is not None
        and file_name.endswith(".md")
    )
    assert not list(tmp_path.glob("*.md"))
    assert written == f"Scénario envoyé au navigateur : {file_name}"
    assert str(tmp_path) not in written
