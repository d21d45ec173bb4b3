"""Step 1: « Nouveau tirage » replaces the card in focus, the arrows move on screen, and
Entrée opens a card in full."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Markdown

from fiction.store.store import Store
from fiction.tui.screens.group.cards import CardsStep
from fiction.tui.screens.group.wizard import GroupWizardScreen
from fiction.tui.widgets.card import CardView
from fiction.tui.widgets.card_detail import CardDetailScreen

NAME = "Atelier du Mans"


async def open_cards(pilot, number: int = 1) -> CardsStep:
    screen = GroupWizardScreen(NAME, number)
    await pilot.app.push_screen(screen)
    for _ in range(100):
        if isinstance(screen.focused, CardView):
            break
        await pilot.pause(0.05)
    step = screen.step
    assert isinstance(step, CardsStep)
    return step


def stored_hand(store_path: Path):
    with Store(store_path) as store:
        return store.load(NAME).group(1).hand(1)


def focused(pilot) -> CardView:
    widget = pilot.app.screen.focused
    assert isinstance(widget, CardView)
    return widget


async def test_a_redraw_replaces_only_the_card_in_focus_never_a_locked_one(
    app, dealt_workshop, store_path: Path
):
    """At 80×24, in one journey: « r » on a locked card is refused; on an unlocked one it
    replaces that card alone; then ↓ reaches the grid's last row, below the screen."""
    dealt = dealt_workshop.group(1).hand(1)
    fiction = app()
    async with fiction.run_test(size=(80, 24)) as pilot:
        step = await open_cards(pilot)
        await pilot.press("space", "r")  # the theme, locked, then « Nouveau tirage »
        await pilot.pause()
        messages = [n.message for n in fiction._notifications]
        assert any("est verrouillée : déverrouillez-la" in m for m in messages), messages
        assert stored_hand(store_path).redraws == 0, "a locked card was redrawn"

        await pilot.press("down")  # from the theme to the first card of the grid
        chosen = focused(pilot).card.id
        assert chosen in dealt.contexts
        await pilot.press("r")
        await pilot.pause()
        new = focused(pilot).card.id  # the new card takes the old one's place and focus
        assert new != chosen
        hand = stored_hand(store_path)
        assert set(dealt.all_ids()) - set(hand.all_ids()) == {chosen}
        assert set(hand.all_ids()) - set(dealt.all_ids()) == {new}
        assert hand.redraws == 1

        await pilot.press(*["down"] * 12)
        await pilot.pause()
        views = list(step.query(CardView))
        last_row = max(view.virtual_region.y for view in views)
        assert focused(pilot).virtual_region.y == last_row, "↓ stopped above the last row"


async def test_arrows_move_to_the_card_in_their_direction_and_entrée_opens_it_in_full(
    app, dealt_workshop, store_path: Path, builtin_deck
):
    """At 120×40: the arrows move on screen; Entrée opens the card in focus in full,
    where it can be locked."""
    figure_card = builtin_deck.card(dealt_workshop.group(1).hand(1).figures[0])
    fiction = app()
    async with fiction.run_test(size=(120, 40)) as pilot:
        step = await open_cards(pilot)
        views = list(step.query(CardView))
        theme, figure = views[0], views[1]
        assert focused(pilot) is theme

        await pilot.press("right")
        assert focused(pilot) is figure
        await pilot.press("right")  # the edge: the focus stays
        assert focused(pilot) is figure
        await pilot.press("left")
        assert focused(pilot) is theme

        await pilot.press("down")
        below = focused(pilot)
        assert below.region.y >= theme.region.bottom
        await pilot.press("right")
        beside = focused(pilot)
        assert beside.region.y == below.region.y and beside.region.x > below.region.x
        await pilot.press("down")
        assert focused(pilot).region.y > beside.region.y
        assert focused(pilot).region.x == beside.region.x
        await pilot.press("up", "up")
        assert focused(pilot) in (theme, figure)

        await pilot.press("right", "enter")  # the figure, opened in full
        detail = pilot.app.screen
        assert isinstance(detail, CardDetailScreen)
        text = detail.query_one(Markdown).source
        for part in (
            figure_card.question,
            figure_card.purpose,
            figure_card.actions[0],
            figure_card.scenarios[0].title,
            figure_card.scenarios[1].narrative,
            figure_card.monologue,
        ):
            assert part in text
        await pilot.click("#card-detail-lock")
        await pilot.pause()
        assert pilot.app.screen is step.screen
        assert figure.card.id == figure_card.id and figure.locked

    assert stored_hand(store_path).locked == (figure_card.id,)
