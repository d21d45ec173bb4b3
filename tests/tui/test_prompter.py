"""The prompter, driven as a presenter would: it scrolls as time passes, pauses, resumes,
changes speed and goes back. Time is the app's fixed clock, moved by the test."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll

from fiction.store.model import Segment
from fiction.tui.screens.prompter import PrompterScreen, paragraphs

SCRIPT = (
    Segment(1, "headlines", sound="[Musique : générique]\nÀ la une ce soir : le café ouvre.",
            speakers=("Présentatrice",)),
    Segment(2, "report", sound=" ".join(f"mot{i}" for i in range(150)), speakers=("Voix off",)),
    Segment(3, "studio-close", image="Plateau"),
    Segment(4, "studio-close", sound="Merci, et à demain."),
)  # fmt: skip


async def open_prompter(app, pilot, speed: float = 3.0) -> PrompterScreen:
    screen = PrompterScreen(SCRIPT, speed)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


def scrolled(screen: PrompterScreen) -> float:
    return screen.query_one("#prompter-scroll", VerticalScroll).scroll_y


def test_the_son_lines_are_read_in_order_under_their_segment():
    found = paragraphs(SCRIPT)

    assert [p.words for p in found] == [0, 8, 150, 4]
    assert found[0].heading == "1 · Titres — Présentatrice"
    assert found[3].heading == "4 · Retour plateau"  # segment 3 has nothing to read


async def test_it_opens_paused_then_scrolls_as_the_clock_advances(app, fixed_clock):
    application = app()
    async with application.run_test(size=(80, 24)) as pilot:
        screen = await open_prompter(application, pilot)
        start = scrolled(screen)
        fixed_clock.advance(10)
        await pilot.pause(0.2)
        assert screen.position == 0 and scrolled(screen) == start

        await pilot.press("space")
        fixed_clock.advance(10)
        await pilot.pause(0.2)

        assert screen.position == pytest.approx(30)
        assert scrolled(screen) > start
        assert "lecture" in str(screen.query_one("#prompter-status").render())


async def test_space_pauses_and_resumes_where_it_stopped(app, fixed_clock):
    application = app()
    async with application.run_test(size=(80, 24)) as pilot:
        screen = await open_prompter(application, pilot)
        await pilot.press("space")
        fixed_clock.advance(5)
        await pilot.pause(0.2)
        await pilot.press("space")
        paused_at, paused_scroll = screen.position, scrolled(screen)

        fixed_clock.advance(30)
        await pilot.pause(0.2)
        assert screen.position == paused_at == pytest.approx(15)
        assert scrolled(screen) == paused_scroll

        await pilot.press("space")
        fixed_clock.advance(2)
        await pilot.pause(0.2)
        assert screen.position == pytest.approx(21)


async def test_plus_and_minus_change_the_reading_speed_from_now_on(app, fixed_clock):
    application = app()
    async with application.run_test(size=(80, 24)) as pilot:
        screen = await open_prompter(application, pilot)
        await pilot.press("space")
        fixed_clock.advance(4)
        await pilot.press("plus", "plus", "plus", "plus")  # 3 → 4 words a second
        fixed_clock.advance(5)
        await pilot.pause(0.2)

        assert screen.words_per_second == 4
        assert screen.position == pytest.approx(12 + 20)
        await pilot.press("minus", "minus")
        assert "210 mots par minute" in str(screen.query_one("#prompter-status").render())


async def test_up_and_left_go_back_and_the_end_stops_the_reading(app, fixed_clock):
    application = app()
    async with application.run_test(size=(80, 24)) as pilot:
        screen = await open_prompter(application, pilot)
        await pilot.press("space")
        fixed_clock.advance(20)
        await pilot.pause(0.2)
        assert screen.position == pytest.approx(60)

        await pilot.press("up")  # three seconds back
        assert screen.position == pytest.approx(51)
        await pilot.press("left")  # to the start of the report's text
        assert screen.position == 8
        await pilot.press("left")
        assert screen.position == 0

        fixed_clock.advance(600)
        await pilot.pause(0.2)
        assert screen.position == screen.total_words == 162
        assert not screen.running


async def test_escape_leaves_the_prompter(app):
    application = app()
    async with application.run_test(size=(80, 24)) as pilot:
        screen = await open_prompter(application, pilot)
        await pilot.press("escape")
        assert application.screen is not screen


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_the_prompter_reads_large_and_clear(snap_compare, app, fixed_clock, size):
    async def read_a_little(pilot) -> None:
        await open_prompter(pilot.app, pilot)
        await pilot.press("space")
        fixed_clock.advance(12)
        await pilot.pause(0.2)
        await pilot.press("space")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=read_a_little)
