"""Nothing typed is lost: list lines left without Entrée, text the store refused.

A line typed at the bottom of a list is saved however the group leaves it;
text the store refuses stays on screen, quitting asks first, and what could
not be saved comes back as a draft when the group reopens.

Each test opens the journey on the step it is about (tests/tui/opening.py):
walking there with F3 is what tests/tui/test_group_journey.py proves.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from fiction.store.drafts import DraftBox
from fiction.store.store import Store
from fiction.tui.screens.confirm import ConfirmScreen
from fiction.tui.screens.error import ErrorScreen
from fiction.tui.screens.group.scenario import ScenarioStep
from fiction.tui.widgets.list_editor import ListEditor
from tests.tui.opening import open_group_at
from tests.tui.waiting import wait_for

NAME = "Atelier du Mans"


def stored(store_path: Path):
    with Store(store_path) as store:
        return store.load(NAME).group(1)


def new_line_of(screen, field: str) -> Input:
    return screen.query_one(f"#field-{field}", ListEditor).query_one(".list-new", Input)


def assert_seen(new_line: Input, text: str) -> None:
    """One line high with no border: the typed text is on screen, not hidden by an edge."""
    assert new_line.content_region.height == 1
    drawn = "".join(
        strip.text for strip in new_line.render_lines(new_line.content_region.reset_offset)
    )
    assert text in drawn, drawn


async def test_a_list_line_typed_without_enter_is_seen_kept_and_saved_on_tab_or_f3(
    app, dealt_workshop, store_path: Path
):
    """At 80×24: the line typed shows; Tab then Maj+Tab come back to it without wiping
    it at the first key; leaving it by Tab, or the step by F3, saves it, Entrée or not."""
    async with app().run_test(size=(80, 24)) as pilot:
        screen = await open_group_at(pilot, NAME, 1, ScenarioStep.NUMBER)
        new_line = new_line_of(screen, "actions")
        new_line.focus()
        await pilot.press(*"Ouvrir")
        await pilot.pause()
        assert_seen(new_line, "Ouvrir")

        await pilot.press("tab", "shift+tab", *" le jardin")
        await pilot.pause()
        assert new_line.value == "Ouvrir le jardin", "coming back wiped the line"

        await pilot.press("tab")  # left by Tab: saved as typed, half a second later
        await wait_for(pilot, lambda: stored(store_path).actions == ("Ouvrir le jardin",))

        actors = new_line_of(screen, "new_actors")
        actors.focus()
        await pilot.press(*"Barista", "f3")  # the step left at once: saved first
        await pilot.pause()
        assert screen.step is not None and screen.step.NUMBER == ScenarioStep.NUMBER + 1
        assert stored(store_path).new_actors == ("Barista",), "F3 left the line unsaved"


async def test_a_list_line_typed_without_enter_is_seen_and_saved_on_ctrl_q(
    app, dealt_workshop, store_path: Path
):
    """At 120×40: the line typed shows; Ctrl+Q quits the app with it saved."""
    async with app().run_test(size=(120, 40)) as pilot:
        screen = await open_group_at(pilot, NAME, 1, ScenarioStep.NUMBER)
        new_line = new_line_of(screen, "actions")
        new_line.focus()
        await pilot.press(*"Ouvrir")
        await pilot.pause()
        assert_seen(new_line, "Ouvrir")
        await pilot.press(*" le jardin", "ctrl+q")
        await pilot.pause()
    assert stored(store_path).actions == ("Ouvrir le jardin",)


async def test_quitting_with_refused_text_asks_then_keeps_a_draft_offered_back(
    app, dealt_workshop, store_path: Path
):
    too_long = "x" * 20_050  # the store keeps 20 000 characters at most
    async with app().run_test(size=(80, 24)) as pilot:
        screen = await open_group_at(pilot, NAME, 1, 2)
        screen.query_one("#field-question", TextArea).insert(too_long)
        # Refused half a second later: « non enregistré », and an error shown.
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ErrorScreen))
        await pilot.press("escape")  # close the error
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")  # stay: nothing lost, still on screen
        await pilot.pause()
        assert screen.query_one("#field-question", TextArea).text == too_long
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("o")  # quit anyway
        await pilot.pause()

    draft = DraftBox(store_path).read(NAME, 1)
    assert draft is not None and draft.fields == {"question": too_long}

    async with app().run_test(size=(80, 24)) as pilot:
        screen = await open_group_at(pilot, NAME)
        assert isinstance(pilot.app.screen, ConfirmScreen)  # « Reprendre le brouillon ? »
        await pilot.press("o")
        question = screen.query_one("#field-question", TextArea)
        await wait_for(pilot, lambda: question.text == too_long)
