"""Nothing typed is lost: list lines left without Entrée, text the store refused.

A line typed at the bottom of a list is saved however the group leaves it;
text the store refuses stays on screen, quitting asks first, and what could
not be saved comes back as a draft when the group reopens.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from fiction.store.drafts import DraftBox
from fiction.store.model import FINISHED_STEP
from fiction.store.store import Store
from fiction.tui.screens.confirm import ConfirmScreen
from fiction.tui.screens.group.wizard import GroupWizardScreen
from fiction.tui.widgets.list_editor import ListEditor

NAME = "Atelier du Mans"


async def _open(pilot, step_keys: tuple[str, ...] = ()) -> GroupWizardScreen:
    screen = GroupWizardScreen(NAME, 1)
    await pilot.app.push_screen(screen)
    await pilot.pause()
    if step_keys:
        await pilot.press(*step_keys)
        await pilot.pause()
    return screen


@pytest.mark.parametrize("leave", ["tab", "f3", "ctrl+q"])
async def test_a_list_line_typed_without_enter_is_saved_however_the_group_leaves(
    app, dealt_workshop, store_path: Path, leave
):
    async with app().run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, ("f3", "f3"))
        actions = screen.query_one("#field-actions", ListEditor)
        actions.query_one(".list-new", Input).focus()
        await pilot.press(*"Ouvrir le jardin", leave)
        await pilot.pause()
    with Store(store_path) as store:
        assert store.load(NAME).group(1).actions == ("Ouvrir le jardin",)


async def test_coming_back_to_a_list_line_does_not_wipe_it_at_the_first_key(
    app, dealt_workshop, store_path: Path
):
    async with app().run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, ("f3", "f3"))
        new_line = screen.query_one("#field-actions", ListEditor).query_one(".list-new", Input)
        new_line.focus()
        await pilot.press(*"Ouvrir", "tab", "shift+tab", *" le jardin")
        await pilot.pause()
        assert new_line.value == "Ouvrir le jardin"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_text_of_a_list_line_can_be_seen(app, dealt_workshop, size):
    async with app().run_test(size=size) as pilot:
        screen = await _open(pilot, ("f3", "f3"))
        new_line = screen.query_one("#field-actions", ListEditor).query_one(".list-new", Input)
        new_line.focus()
        await pilot.press(*"Ouvrir")
        await pilot.pause()
        # One line high with no border: the typed text is on screen, not hidden by an edge.
        assert new_line.content_region.height == 1
        assert "Ouvrir" in "".join(
            strip.text for strip in new_line.render_lines(new_line.content_region.reset_offset)
        )


async def test_quitting_with_refused_text_asks_then_keeps_a_draft_offered_back(
    app, dealt_workshop, store_path: Path
):
    too_long = "x" * 20_050  # the store keeps 20 000 characters at most
    async with app().run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, ("f3",))
        screen.query_one("#field-question", TextArea).insert(too_long)
        await pilot.pause(0.8)  # refused: « non enregistré », and an error shown
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
        screen = await _open(pilot)
        assert isinstance(pilot.app.screen, ConfirmScreen)  # « Reprendre le brouillon ? »
        await pilot.press("o")
        await pilot.pause(0.3)
        assert screen.query_one("#field-question", TextArea).text == too_long


async def test_the_last_step_finishes_the_journey_for_the_dashboard(
    app, dealt_workshop, store_path: Path
):
    async with app().run_test(size=(80, 24)) as pilot:
        await _open(pilot, ("f3",) * 5)
        await pilot.press("ctrl+t")
        await pilot.pause()
    with Store(store_path) as store:
        assert store.load(NAME).group(1).step == FINISHED_STEP
