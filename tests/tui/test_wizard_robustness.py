"""The group wizard under ordinary use: steps changed quickly while others write.

Each test reproduces what a group met in a real afternoon (issue 12): moving
back and forth between steps while the store changes underneath must never
reach a widget that is gone or not yet there.
"""

from __future__ import annotations

import threading
from pathlib import Path

from fiction.store.store import Store
from fiction.tui.screens.group import wizard
from fiction.tui.screens.group.wizard import GroupWizardScreen
from tests.tui.opening import open_group_at

NAME = "Atelier du Mans"


class OtherScreen(threading.Thread):
    """Another process's edits on group 1, as fast as the store takes them."""

    def __init__(self, store_path: Path) -> None:
        super().__init__(daemon=True)
        self.store_path = store_path
        self.stop = threading.Event()

    def run(self) -> None:
        with Store(self.store_path) as store:
            number = 0
            while not self.stop.is_set():
                number += 1
                field = ("narrative", "title", "purpose")[number % 3]
                store.set_field(NAME, 1, field, f"ailleurs {number}", "animation")
                if number % 5 == 0 and number <= 100:
                    store.add_segment(NAME, 1, "report", "animation", sound=f"son {number}")
                self.stop.wait(0.05)


async def test_moving_between_steps_while_the_store_changes_never_crashes(
    app, dealt_workshop, store_path: Path, monkeypatch
):
    monkeypatch.setattr(wizard, "POLL_SECONDS", 0.1)
    other = OtherScreen(store_path)
    fiction = app()
    async with fiction.run_test(size=(80, 24)) as pilot:
        await pilot.app.push_screen(GroupWizardScreen(NAME, 1))
        await pilot.pause()
        other.start()
        try:
            for index in range(60):
                await pilot.press("f3" if (index // 4) % 2 == 0 else "f2")
                if index % 3 == 0:
                    await pilot.pause(0.01)
        finally:
            other.stop.set()
            other.join()
        await pilot.pause(0.2)
        shown = pilot.app.screen
        assert isinstance(shown, GroupWizardScreen), getattr(shown, "message", shown)
    assert fiction._crash is None


async def test_a_text_field_drawn_before_its_styles_are_resolved_draws_blank(app):
    """Textualize/textual#6528: drawing a TextArea before its component styles are
    resolved raises KeyError in Textual 8.2; a group moving quickly between steps
    met it. The step's field draws blank for that frame instead."""
    from textual.geometry import Region

    from fiction.tui.widgets.text_area import FieldTextArea

    async with app().run_test(size=(80, 24)):
        field = FieldTextArea("Notre récit")  # never styled: what the race draws
        lines = field.render_lines(Region(0, 0, 20, 3))

    assert len(lines) == 3 and all(line.cell_length == 20 for line in lines)


async def test_coming_back_to_a_visited_step_saves_it_and_echap_twice_leaves_once(
    app, dealt_workshop, store_path: Path, monkeypatch
):
    """Coming back to a step already visited saves where the group is; then Échap
    pressed twice, before the first took the screen away, leaves once."""
    monkeypatch.setattr(wizard, "POLL_SECONDS", 0.05)
    fiction = app()
    async with fiction.run_test(size=(80, 24)) as pilot:
        screen = await open_group_at(pilot, NAME, 1, 2)  # step 2, stored as the group's step
        await pilot.pause(0.3)  # the watcher reads that the group is on step 2
        await pilot.press("f3", "f2")  # step 3, then back to the kept step 2
        await pilot.pause()
        with Store(store_path) as store:
            assert store.load(NAME).group(1).step == 2

        screen.action_leave()
        screen.action_leave()  # before the first has taken the screen away
        await pilot.pause()
        assert not isinstance(pilot.app.screen, GroupWizardScreen)
    assert fiction._crash is None


async def test_a_step_kept_from_before_a_redraw_shows_the_new_hand(
    app, dealt_workshop, store_path: Path
):
    from fiction.tui.screens.group.vigilance import VigilanceStep

    async with app().run_test(size=(120, 40)) as pilot:
        screen = await open_group_at(pilot, NAME, 1, VigilanceStep.NUMBER)
        before = set(screen.step.fields)
        screen.go_to(VigilanceStep.NUMBER - 1)  # another step: the vigilance one is kept
        await pilot.pause()
        with Store(store_path) as store:  # the facilitator redraws the group's hand
            hand = store.load(NAME).group(1).hand(1)
            assert screen.session is not None
            screen.session.redraw(1)
            redrawn = store.load(NAME).group(1).hand(1)
        assert redrawn.vigilance != hand.vigilance
        screen.go_to(VigilanceStep.NUMBER)
        await pilot.pause()

        assert before == {f"vigilance/{card}" for card in hand.vigilance}
        assert set(screen.step.fields) == {f"vigilance/{card}" for card in redrawn.vigilance}
