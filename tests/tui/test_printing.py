"""Printing and deleting from the app, driven as a facilitator drives them: keys and palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from fiction.store.model import Workshop
from fiction.store.store import Store
from fiction.tui import printing
from fiction.tui.screens.confirm import ConfirmScreen
from fiction.tui.screens.dashboard import DashboardScreen
from fiction.tui.screens.error import ErrorScreen
from fiction.tui.screens.home import HomeScreen
from fiction.tui.screens.workshops import WorkshopsScreen
from tests.render.pdftext import comparable, page_texts
from tests.tui.conftest import stored_workshop
from tests.tui.opening import push_dashboard
from tests.tui.waiting import wait_for

PRINTING = 120.0
"""Seconds a printout may take on a loaded machine (a few on a quiet one)."""

NAME = "Atelier du Mans"


@pytest.fixture
def dealt_workshop(builtin_deck, store_path: Path, fixed_clock) -> Workshop:
    """Two groups really dealt from the built-in deck (seed 2019), saved: what is printed
    here is the keys' and the palette's doing, and a printout of two groups takes half
    the layout time of the four of tests/tui/conftest.py's workshop."""
    return stored_workshop(builtin_deck, store_path, fixed_clock, groups=2, name=NAME)


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def run_command(pilot, title: str) -> None:
    """Open the palette, type a command's title and run it."""
    await pilot.press("ctrl+p")
    await pilot.press(*title)
    await pilot.pause(0.3)  # the palette searches in the background
    await pilot.press("enter")


async def test_the_booklet_prints_from_the_palette_and_says_where(
    app, dealt_workshop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.chdir(tmp_path)
    booklet = tmp_path / "livret-atelier-du-mans.pdf"
    fiction = app()
    async with fiction.run_test(size=(100, 30)) as pilot:
        await push_dashboard(pilot, NAME)
        await run_command(pilot, "Imprimer le livret")

        assert "Livret en cours d'impression…" in messages(fiction)
        assert isinstance(fiction.screen, DashboardScreen)  # the screen does not wait
        await wait_for(pilot, lambda: f"Livret écrit dans {booklet}" in messages(fiction), PRINTING)

    pages = page_texts(booklet.read_bytes())
    assert any(comparable(NAME) in page for page in pages)


async def test_the_cards_and_a_groups_script_print_from_the_dashboard_keys(
    app, dealt_workshop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.chdir(tmp_path)
    cards = tmp_path / "cartes-atelier-du-mans.pdf"
    script = tmp_path / "journal-groupe-2-atelier-du-mans.pdf"
    fiction = app()
    async with fiction.run_test(size=(100, 30)) as pilot:
        await push_dashboard(pilot, NAME)
        await pilot.press("c")
        written = f"Cartes de l'atelier écrites dans {cards}"
        await wait_for(pilot, lambda: written in messages(fiction), PRINTING)
        await pilot.press("down", "j")  # the group under the cursor
        assert "Journal du groupe 2 en cours d'impression…" in messages(fiction)
        await wait_for(
            pilot, lambda: f"Journal du groupe 2 écrit dans {script}" in messages(fiction), PRINTING
        )
        assert isinstance(fiction.screen, DashboardScreen)

    assert cards.read_bytes().startswith(b"%PDF")
    pseudonym = dealt_workshop.group(2).pseudonym
    assert any(comparable(pseudonym) in page for page in page_texts(script.read_bytes()))


async def test_a_printout_finishing_after_its_dashboard_closed_touches_nothing(
    app, dealt_workshop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.chdir(tmp_path)
    script = tmp_path / "journal-groupe-1-atelier-du-mans.pdf"
    fiction = app()
    async with fiction.run_test(size=(100, 30)) as pilot:
        await push_dashboard(pilot, NAME)
        with printing._ONE_AT_A_TIME:  # another printout is being laid out: this one waits
            await pilot.press("j")
            await pilot.press("escape")  # back home before it is written
            assert isinstance(fiction.screen, HomeScreen)
        await wait_for(pilot, script.exists, PRINTING)
        await pilot.pause(0.5)
        assert isinstance(fiction.screen, HomeScreen)
        assert not any("écrit dans" in message for message in messages(fiction))


async def test_a_printout_that_cannot_be_made_is_explained_in_french(
    app, dealt_workshop, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.chdir(tmp_path)
    fiction = app()
    async with fiction.run_test(size=(100, 30)) as pilot:
        await push_dashboard(pilot, NAME)
        with Store(store_path) as other:
            other.delete(NAME)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(fiction.screen, ErrorScreen))
        assert fiction.screen.title_text == "Cartes de l'atelier : impression impossible"
        assert NAME in fiction.screen.message
    assert not list(tmp_path.glob("*.pdf"))


async def test_deleting_a_workshop_asks_first_then_removes_it(
    app, dealt_workshop, store_path: Path
):
    fiction = app()
    async with fiction.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "delete")
        assert isinstance(fiction.screen, ConfirmScreen)
        assert NAME in fiction.screen.question
        await pilot.press("escape")  # « Non »
        assert isinstance(fiction.screen, WorkshopsScreen)
        with Store(store_path) as store:
            assert [summary.name for summary in store.workshops()] == [NAME]

        await pilot.press("delete", "o")  # « Oui »
        await pilot.pause()
        assert isinstance(fiction.screen, WorkshopsScreen)
        assert fiction.screen.query_one(DataTable).row_count == 0
        assert "Aucun atelier" in str(fiction.screen.query_one("#workshops-empty", Static).render())
        assert f"Atelier « {NAME} » supprimé." in messages(fiction)
    with Store(store_path) as store:
        assert store.workshops() == ()
