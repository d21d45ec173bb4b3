"""Step 5, the news report, driven with keys; every change is then read from a fresh Store."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select, TextArea

from fiction.report.conducteur import draft_script
from fiction.store.store import Store
from fiction.tui.screens.confirm import ConfirmScreen
from fiction.tui.screens.group import saving
from fiction.tui.screens.group.report import ReportStep
from fiction.tui.screens.group.wizard import GroupWizardScreen
from fiction.tui.screens.prompter import PrompterScreen
from tests.tui.opening import open_group_at
from tests.tui.waiting import wait_for

NAME = "Atelier du Mans"


def stored(store_path):
    with Store(store_path) as store:
        return store.load(NAME).group(1)


@pytest.fixture
def scenario(dealt_workshop, store_path, fixed_clock):
    """Group 1 has a title and a place; its script is still empty."""
    with Store(store_path, clock=fixed_clock) as store:
        store.set_field(NAME, 1, "title", "Le café des possibles", "Abeille")
        store.set_field(NAME, 1, "place_name", "Le Café du Coin", "Abeille")
    return dealt_workshop


async def open_report(pilot) -> GroupWizardScreen:
    """Group 1's journey opened on step 5 (walking there with F3 is what
    tests/tui/test_group_journey.py proves)."""
    screen = await open_group_at(pilot, NAME, 1, ReportStep.NUMBER)
    assert isinstance(screen.step, ReportStep)
    return screen


async def test_typed_columns_are_saved_as_typed_and_the_total_follows(app, scenario, store_path):
    async with app().run_test(size=(80, 24)) as pilot:
        screen = await open_report(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        screen.query_one("#report-sound", TextArea).focus()
        await pilot.press(*"Bonsoir et bienvenue")
        total = str(screen.query_one("#report-total").render())
        assert total.startswith("0:01 sur 3:00 : en dessous")
        screen.query_one("#report-image", TextArea).focus()
        await pilot.press(*"Plan large", "enter", *"Bandeau")
        screen.query_one("#report-speakers", Input).focus()
        await pilot.press(*"Voix off, Barista")
        screen.query_one("#report-cue", Input).focus()
        await pilot.press(*"bienvenue")
        await pilot.pause(saving.DELAY + 0.3)

        (segment,) = stored(store_path).segments
        assert (segment.kind, segment.sound) == ("report", "Bonsoir et bienvenue")
        assert segment.image == "Plan large\nBandeau"
        assert segment.speakers == ("Voix off", "Barista")
        assert segment.cue == "bienvenue"


async def test_the_decks_running_order_then_add_reorder_change_kind_and_remove_are_saved_at_once(
    app, scenario, store_path, builtin_deck
):
    """One journey on step 5: the group starts from the deck's running order, reads it in
    the prompter (F5), then adds, moves, retypes and removes segments."""
    async with app().run_test(size=(80, 24)) as pilot:
        screen = await open_report(pilot)
        await pilot.click("#report-template")
        await pilot.pause()
        group = stored(store_path)
        drafts = draft_script(builtin_deck, group)
        assert [(s.kind, s.image, s.sound, s.speakers) for s in group.segments] == [
            (d.kind, d.image, d.sound, d.speakers) for d in drafts
        ], "not the deck's running order"
        assert "Le café des possibles" in group.segments[0].sound

        await pilot.press("f5")  # the prompter opens from the step with its son lines
        await pilot.pause()
        prompter = pilot.app.screen
        assert isinstance(prompter, PrompterScreen)
        assert "Le café des possibles" in " ".join(p.text for p in prompter.paragraphs)
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen

        first, second = (s.id for s in group.segments[:2])

        screen.query_one("#report-table").focus()
        await pilot.press("ctrl+down")  # the headlines go second
        await pilot.pause()
        assert [s.id for s in stored(store_path).segments[:2]] == [second, first]

        screen.query_one("#report-sound", TextArea).focus()
        await pilot.press("end", *" Ajouté.")
        await pilot.press("ctrl+up")  # typing is saved before the move
        await pilot.pause()
        segments = stored(store_path).segments
        assert segments[0].id == first and "générique du journal] Ajouté." in segments[0].sound

        screen.query_one("#report-kind", Select).value = "brief"
        await pilot.pause()
        assert stored(store_path).segments[0].kind == "brief"

        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("escape")  # « Non »: nothing is removed
        await pilot.pause()
        assert len(stored(store_path).segments) == 7
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()

    segments = stored(store_path).segments
    assert len(segments) == 6 and first not in [s.id for s in segments]
    assert segments[0].id == second


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_the_news_report_step(snap_compare, app, scenario, size):
    async def with_a_script(pilot) -> None:
        # Moved to from step 4, not reopened on step 5: the progress bar, sized by
        # then, draws its 5/6 as a move does (reopened, it rounds it half a cell up).
        screen = await open_group_at(pilot, NAME, 1, ReportStep.NUMBER - 1)
        screen.go_to(ReportStep.NUMBER)
        await wait_for(pilot, lambda: isinstance(screen.step, ReportStep))
        await pilot.pause()
        await pilot.click("#report-template")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=with_a_script)
