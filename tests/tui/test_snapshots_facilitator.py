"""What the facilitator's screens look like, at 80×24 and 120×40, kept from drifting.

Every snapshot is drawn from fixed content: the fixed clock, the same dealt
workshop (seed 2019), and a store path relative to the test's folder so that
no temporary path shows on screen. Update with `--snapshot-update` and look
at the SVG files before accepting them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from fiction.store.store import Store

SIZES = [(80, 24), (120, 40)]
NAME = "Atelier du Mans"


@pytest.fixture
def here(tmp_path: Path, monkeypatch) -> Path:
    """The store as « ateliers.sqlite3 » in the current folder, as the home shows it."""
    monkeypatch.chdir(tmp_path)
    return Path("ateliers.sqlite3")


@pytest.fixture
def store_path(here: Path) -> Path:
    return here


async def settle(pilot) -> None:
    """Let the workers finish and stop the cursor from blinking: the same picture every time."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def written_by_the_groups(store_path: Path, clock) -> None:
    """A workshop under way: two groups writing, the third phase running for 10 minutes."""
    with Store(store_path, clock=clock) as store:
        store.set_field(NAME, 2, "title", "Le café des habitants", "Panda")
        store.set_field(NAME, 2, "place_name", "La Maison des liens", "Panda")
        store.set_field(NAME, 2, "step", 3, "Panda")
        clock.advance(240)
        store.set_field(NAME, 4, "question", "Et si demain…", "Colibri")
        store.set_field(NAME, 4, "step", 2, "Colibri")
        store.start_phase(NAME, 2, "animation")
        store.extend_phase(NAME, 5, "animation")
    clock.advance(600)


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare, app, size):
    assert snap_compare(app(), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_new_workshop_form(snap_compare, app, size):
    async def open_form(pilot) -> None:
        await pilot.press("n")
        await settle(pilot)

    assert snap_compare(app(), terminal_size=size, run_before=open_form)


def test_new_workshop_form_with_its_errors(snap_compare, app):
    async def wrong(pilot) -> None:
        await pilot.press("n", "tab", *"31/02", "ctrl+s")
        await settle(pilot)

    assert snap_compare(app(), terminal_size=(80, 24), run_before=wrong)


@pytest.mark.parametrize("size", SIZES)
def test_workshops_list(snap_compare, app, dealt_workshop, size):
    async def open_list(pilot) -> None:
        await pilot.press("r")
        await settle(pilot)

    assert snap_compare(app(), terminal_size=size, run_before=open_list)


@pytest.mark.parametrize("size", SIZES)
def test_dashboard(snap_compare, app, dealt_workshop, store_path, fixed_clock, size):
    written_by_the_groups(store_path, fixed_clock)

    async def open_dashboard(pilot) -> None:
        await pilot.press("r", "enter")
        await settle(pilot)

    assert snap_compare(app(), terminal_size=size, run_before=open_dashboard)
