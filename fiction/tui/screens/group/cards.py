"""Step 1, « Les cartes »: the hand as cards, to read, lock and redraw one by one.

The theme and the figure lead, larger; the other cards follow in a grid that
scrolls, and the arrows move to the card in their direction. Locking and
redrawing go straight to the store (they are actions, not typing); the engine
draws the new card by the deal's own rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.widgets import Button, Static

from fiction.cards.model import CARD_KINDS
from fiction.errors import FictionError
from fiction.store.model import Workshop
from fiction.tui.access import fiction_app
from fiction.tui.screens.group.step import Step
from fiction.tui.widgets.card import CardView
from fiction.tui.widgets.card_detail import CardDetailScreen

LEADING = ("themes", "figures")
"""The kinds shown first and larger: what the group's scenario is about."""
GRID = ("contexts", "roles", "vigilance", "inspirations")
"""The other kinds, in the grid: the world, the people, the risks, a model."""


def counted(count: int, noun: str, adjective: str) -> str:
    """`1 carte verrouillée`, `2 cartes verrouillées`: regular French plurals."""
    ending = "s" if count > 1 else ""
    return f"{count} {noun}{ending} {adjective}{ending}"


def limit_reached(limit: int) -> str:
    if limit == 0:
        return "Cet atelier ne prévoit pas de nouveau tirage : vos cartes sont celles-ci."
    redraws = "1 nouveau tirage" if limit == 1 else f"{limit} nouveaux tirages"
    return (
        f"La limite de {redraws} est atteinte pour ce tour : faites avec ces cartes, "
        "elles ont toutes quelque chose à raconter."
    )


def redraws_phrase(left: int) -> str:
    if left <= 0:
        return "Plus de nouveau tirage possible"
    return counted(left, "tirage", "restant")


class CardsStep(Step):
    NUMBER = 1
    TITLE = "Les cartes"
    STYLES = Path(__file__).with_suffix(".tcss")
    HELP = """\
## Étape 1 : les cartes

Votre main : un **thème**, une **figure** du CCAS de demain, des **contextes**,
des **rôles** (les nouveaux métiers), des **points de vigilance** et une
**inspiration**. La couleur du bord dit le type de carte.

- Les **flèches** passent à la carte voisine dans leur direction.
- **Entrée** (ou un clic) ouvre une carte pour la lire en entier.
- **Espace** verrouille la carte : elle ne peut plus être remplacée.
- **r** fait un nouveau tirage de la carte choisie : elle seule est remplacée,
  dans la limite fixée par l'animation (le nombre restant est affiché).
"""

    BINDINGS = [
        Binding("r", "redraw", "Nouveau tirage", show=False),  # the button shows the key
        # Priority: before the scrolling container's own arrows (it scrolls as the focus moves).
        Binding("right", "move(1, 0)", "Carte à droite", show=False, priority=True),
        Binding("left", "move(-1, 0)", "Carte à gauche", show=False, priority=True),
        Binding("down", "move(0, 1)", "Carte en dessous", show=False, priority=True),
        Binding("up", "move(0, -1)", "Carte au-dessus", show=False, priority=True),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._chosen: str | None = None
        """The card last in focus: the one « Nouveau tirage » replaces."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="cards-status"):
            yield Static(self._status(), id="cards-redraws")
            yield Button(
                fiction_app(self).with_key("Nouveau tirage", "r"),
                id="cards-redraw",
                compact=True,
                disabled=self._left() <= 0,
            )
        with VerticalScroll(id="cards-scroll", can_focus=False):
            with Horizontal(id="cards-lead"):
                yield from self._cards(LEADING, "-prominent")
            with Grid(id="cards-grid"):
                yield from self._cards(GRID, "")

    def _cards(self, kinds: Iterable[str], classes: str) -> Iterable[CardView]:
        colours = self.session.deck.manifest.colours
        hand = self.hand
        for kind in kinds:
            for card_id in hand.ids(kind):
                yield CardView(
                    self.session.deck.card(card_id),
                    kind,
                    getattr(colours, kind),
                    locked=card_id in hand.locked,
                    classes=classes,
                )

    def _left(self) -> int:
        return max(0, self.workshop.deal.redraw_limit - self.hand.redraws)

    def _status(self) -> str:
        hand = self.hand
        parts = [redraws_phrase(self._left())]
        if hand.locked:
            parts.append(counted(len(hand.locked), "carte", "verrouillée"))
        if len(self.group.hands) > 1:
            parts.insert(0, f"Tour {hand.round}")
        return " · ".join(parts)

    def focus_start(self) -> None:
        cards = self.query(CardView)
        if cards:
            cards.first().focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, CardView):
            self._chosen = event.widget.card.id

    def chosen_card(self) -> CardView | None:
        """The card in focus, or the one last in focus (the button takes it when clicked)."""
        views = list(self.query(CardView))
        focused = self.screen.focused
        if isinstance(focused, CardView) and focused in views:
            return focused
        return next((view for view in views if view.card.id == self._chosen), None)

    def action_move(self, across: int, down: int) -> None:
        """Focus the nearest card to the right, left, below or above the chosen one."""
        views = list(self.query(CardView))
        current = self.chosen_card()
        if current is None:
            if views:
                views[0].focus()
            return
        target = card_towards(current, views, across, down)
        (target or current).focus()

    async def refresh_from(self, workshop: Workshop, fields: dict[str, Any]) -> None:
        before = self.hand
        self.workshop = workshop
        if self.hand != before:
            await self._show_hand(same_cards=self.hand.all_ids() == before.all_ids())

    async def _show_hand(self, *, same_cards: bool) -> None:
        """Show the hand now in `self.workshop`; keep the focused card if it is still there."""
        self.query_one("#cards-redraws", Static).update(self._status())
        self.query_one("#cards-redraw", Button).disabled = self._left() <= 0
        if same_cards:
            for view in self.query(CardView):
                view.locked = view.card.id in self.hand.locked
            return
        views = list(self.query(CardView))
        focused = self.screen.focused
        on_card = focused in views or focused is None
        position = views.index(focused) if focused in views else 0
        for container in self.query("#cards-lead, #cards-grid"):
            await container.remove_children()
        await self.query_one("#cards-lead").mount_all(self._cards(LEADING, "-prominent"))
        await self.query_one("#cards-grid").mount_all(self._cards(GRID, ""))
        views = list(self.query(CardView))
        if views and on_card:
            views[min(position, len(views) - 1)].focus()

    async def _reload(self) -> bool:
        """Read the hand again (another screen may have changed it) and show it."""
        before = self.hand
        try:
            self.workshop = self.session.load()
        except FictionError as error:
            fiction_app(self).show_error(error)
            return False
        await self._show_hand(same_cards=self.hand.all_ids() == before.all_ids())
        return True

    # --- what the group does ------------------------------------------------------

    @on(CardView.LockToggled)
    async def _toggle_lock(self, event: CardView.LockToggled) -> None:
        event.stop()
        await self._toggle(event.card_id)

    async def _toggle(self, card_id: str) -> None:
        locked = card_id not in self.hand.locked
        try:
            self.session.set_locked(self.hand.round, card_id, locked)
        except FictionError as error:
            fiction_app(self).show_error(error)
        await self._reload()

    @on(CardView.Opened)
    def _open(self, event: CardView.Opened) -> None:
        event.stop()
        card_id = event.card_id
        kind = next(k for k in CARD_KINDS if card_id in self.hand.ids(k))
        detail = CardDetailScreen(
            self.session.deck.card(card_id),
            kind,
            colour=getattr(self.session.deck.manifest.colours, kind),
            locked=card_id in self.hand.locked,
            deck=self.session.deck,
        )

        async def answered(toggle: bool | None) -> None:
            if toggle and card_id in self.hand.all_ids():
                await self._toggle(card_id)

        self.app.push_screen(detail, answered)

    @on(Button.Pressed, "#cards-redraw")
    async def _redraw_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_redraw()

    async def action_redraw(self) -> None:
        """Replace the chosen card (and it alone) by a new one of its kind."""
        chosen = self.chosen_card()
        card_id = chosen.card.id if chosen is not None else None
        if not await self._reload():
            return
        hand = self.hand
        if self._left() <= 0:
            limit = self.workshop.deal.redraw_limit
            self.notify(limit_reached(limit), title="Plus de nouveau tirage", severity="warning")
            return
        if card_id is None or card_id not in hand.all_ids():
            self.notify(
                "Choisissez d'abord la carte à remplacer (flèches), puis r.",
                title="Quelle carte ?",
                severity="warning",
            )
            return
        title = self.session.deck.card(card_id).title
        if card_id in hand.locked:
            self.notify(
                f"« {title} » est verrouillée : déverrouillez-la (Espace) pour la remplacer.",
                title="Carte verrouillée",
                severity="warning",
            )
            return
        try:
            self.session.redraw(hand.round, card_id)
        except FictionError as error:
            fiction_app(self).show_error(error, "Nouveau tirage impossible")
            return
        if await self._reload():
            new = [card for card in self.hand.all_ids() if card not in hand.all_ids()]
            if new:
                self._chosen = new[0]
                self._focus_card(new[0])
            drawn = f" par « {self.session.deck.card(new[0]).title} »" if new else ""
            self.notify(
                f"« {title} » remplacée{drawn} · {redraws_phrase(self._left())}.",
                title="Nouveau tirage",
            )

    def _focus_card(self, card_id: str) -> None:
        for view in self.query(CardView):
            if view.card.id == card_id:
                view.focus()

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Nouveau tirage",
            "Remplacer la carte choisie par une autre du même type (r)",
            lambda: self.call_later(self.action_redraw),
        )


def card_towards(
    current: CardView, views: list[CardView], across: int, down: int
) -> CardView | None:
    """The card nearest to `current` in one direction on screen (None at the edge).

    Across: a card sharing some of its lines, the closest first. Down or up: the
    next row in that direction, then the card closest to the same column.
    """
    here = current.region
    middle_x = here.x + here.width / 2
    middle_y = here.y + here.height / 2
    best: tuple[tuple[float, float], CardView] | None = None
    for view in views:
        there = view.region
        if view is current or not there.area:
            continue
        x = there.x + there.width / 2
        y = there.y + there.height / 2
        if across:
            same_row = there.y < here.bottom and here.y < there.bottom
            if not same_row or (x - middle_x) * across <= 0:
                continue
            distance = (abs(x - middle_x), abs(y - middle_y))
        else:
            beyond = there.y >= here.bottom if down > 0 else there.bottom <= here.y
            if not beyond:
                continue
            distance = (abs(y - middle_y), abs(x - middle_x))
        if best is None or distance < best[0]:
            best = (distance, view)
    return best[1] if best else None
