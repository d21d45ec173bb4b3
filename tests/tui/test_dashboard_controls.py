"""The dashboard: phases restarted or gone back to once confirmed, columns never cut,
and a countdown readable on a small screen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Digits, Static
from textual.widgets._footer import FooterKey

from fiction.store.store import Store
from fiction.tui.screens.confirm import ConfirmScreen
from fiction.tui.screens.dashboard import DashboardScreen
from fiction.tui.widgets.countdown import Countdown
from fiction.tui.widgets.group_table import GroupTable, column_widths
from tests.tui.opening import push_dashboard
from tests.tui.waiting import wait_for

NAME = "Atelier du Mans"


def phase_of(store_path: Path):
    with Store(store_path) as store:
        return store.load(NAME).phase


async def test_restarting_or_going_back_to_a_phase_is_in_the_footer_and_asks_first(
    app, dealt_workshop, store_path: Path, fixed_clock
):
    fiction = app()
    async with fiction.run_test(size=(80, 24)) as pilot:
        await push_dashboard(pilot, NAME)
        shown = [(key.key_display, key.description) for key in fiction.screen.query(FooterKey)]
        assert ("r", "Recommencer") in shown
        assert ("p", "Précédente") in shown

        await pilot.press("p")  # nothing started: refused, nothing asked
        assert isinstance(fiction.screen, DashboardScreen)
        assert "pas de phase précédente" in list(fiction._notifications)[-1].message

        await pilot.press("space")  # the first phase starts
        fixed_clock.advance(300)
        await pilot.press("space")  # and pauses after 5 minutes
        await pilot.press("r")
        assert isinstance(fiction.screen, ConfirmScreen)
        assert "Recommencer la phase « Accueil et brise-glace »" in fiction.screen.question
        await pilot.press("escape")  # « Non »
        assert phase_of(store_path).elapsed == 300

        await pilot.press("r", "o")
        await pilot.pause()
        restarted = phase_of(store_path)
        assert (restarted.index, restarted.elapsed, restarted.started_at) == (
            0,
            0.0,
            fixed_clock.now,
        )

        await pilot.press("n")
        assert phase_of(store_path).index == 1
        await pilot.press("p")
        assert isinstance(fiction.screen, ConfirmScreen)
        assert "Revenir à la phase « Accueil et brise-glace »" in fiction.screen.question
        await pilot.press("o")
        await pilot.pause()
        assert phase_of(store_path).index == 0


def test_free_texts_give_way_when_the_columns_do_not_fit():
    labels = {"n": "N°", "edited": "Modifié", "figure": "Figure", "theme": "Thème"}
    rows = {"1": {"n": "1", "edited": "pas encore", "figure": "F" * 40, "theme": "T" * 20}}

    wide = column_widths(labels, rows, 200, flexible=("figure", "theme"), floors={"edited": 14})
    assert wide == {"n": 2, "edited": 14, "figure": 40, "theme": 20}

    narrow = column_widths(labels, rows, 46, flexible=("figure", "theme"), floors={"edited": 14})
    assert narrow["n"] == 2 and narrow["edited"] == 14
    assert sum(narrow.values()) <= 46
    assert narrow["figure"] > narrow["theme"] >= 10


async def test_columns_are_not_cut_at_120_columns_as_the_afternoon_goes(
    app, dealt_workshop, store_path: Path, fixed_clock
):
    fiction = app()
    async with fiction.run_test(size=(120, 40)) as pilot:
        screen = await push_dashboard(pilot, NAME)
        with Store(store_path, clock=fixed_clock) as other:  # the group writes elsewhere
            for field in ("title", "place_name", "question", "context", "narrative", "purpose"):
                other.set_field(NAME, 1, field, "Un texte", "Panda")
            other.set_field(NAME, 1, "actions", ["a", "b", "c"], "Panda")
            other.set_field(NAME, 1, "new_actors", ["d"], "Panda")
        fixed_clock.advance(200)
        screen.refresh_now()
        table = screen.query_one(GroupTable)

        def row_one() -> dict:
            return dict(zip(table.labels, table.get_row("1"), strict=True))

        # The « il y a » column ticks every second.
        await wait_for(pilot, lambda: row_one()["edited"] == "il y a 3 min")
        cells = row_one()
        assert cells["written"] == "████░░ 8/11"
        written = table.columns[next(k for k in table.columns if k == "written")]
        assert written.width >= len("██████ 10/11")  # room for what comes next
        assert cells["edited"] == "il y a 3 min"
        for key, column in table.columns.items():
            longest = max(len(str(table.get_cell(row, key))) for row in table.rows)
            assert column.width >= longest, key
        padding = 2 * table.cell_padding * len(table.columns)
        assert sum(column.width for column in table.columns.values()) + padding <= 120


async def test_the_countdown_digits_stay_readable_on_a_small_screen(app, dealt_workshop):
    fiction = app()
    async with fiction.run_test(size=(60, 20)) as pilot:
        screen = await push_dashboard(pilot, NAME)
        await pilot.press("space")
        await pilot.pause()
        countdown = screen.query_one(Countdown)
        digits = countdown.query_one("#countdown-time", Digits)
        assert digits.display and not countdown.has_class("-narrow")
        assert digits.region.width >= 3 * len("15:00")
        assert countdown.content_region.right >= digits.region.right

        countdown.styles.width = 14  # narrower than the digits: the time in plain text
        plain = countdown.query_one("#countdown-plain", Static)
        await wait_for(pilot, lambda: countdown.has_class("-narrow") and plain.display)
        assert not digits.display or not digits.region
        assert str(plain.render()) == "15:00"
