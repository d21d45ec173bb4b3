"""« Rejoindre un groupe »: pick the workshop, then the group, then its journey.

Each group is shown by its pseudonym with its figure and theme (when the
workshop's deck is at hand) and where it is in the journey, so a table
recognises its own. The list follows the store: a workshop the facilitator
creates meanwhile appears by itself.

In a group's browser tab it is the home: no way back to the facilitator's
screens, no path of the server's files. On a touch screen, buttons stand for
the keys; at phone width the two lists stand one above the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from fiction.errors import FictionError
from fiction.render.markdown import french_date
from fiction.store.model import WIZARD_STEPS, Group, Workshop, WorkshopSummary
from fiction.tui.access import fiction_app
from fiction.tui.widgets.footer import Footer

POLL_SECONDS = 3.0
"""How often the workshop list is read again (one light query)."""


@dataclass
class _Workshops(Message):
    summaries: tuple[WorkshopSummary, ...]


@dataclass
class _StoreProblem(Message):
    error: FictionError


def _listed(summaries: tuple[WorkshopSummary, ...]) -> list[tuple[str, str, str, int]]:
    """What the list shows of each workshop (not its last edit time, which moves all along)."""
    return [(s.name, s.date, s.place, s.groups) for s in summaries]


def workshop_option(summary: WorkshopSummary) -> Option:
    facts = " · ".join(
        part
        for part in (french_date(summary.date), summary.place, f"{summary.groups} groupes")
        if part
    )
    prompt = Content(summary.name).stylize("bold").append("\n").append(Content(facts))
    return Option(prompt, id=summary.name)


def written(done: int, total: int) -> str:
    """`1 partie écrite sur 11`, `3 parties écrites sur 11`."""
    plural = "s" if done > 1 else ""
    return f"{done} partie{plural} écrite{plural} sur {total}"


TOUCH_HELP = """\
# Rejoindre un groupe

1. Touchez l'atelier dans la liste « 1. L'atelier ».
2. Touchez votre groupe : son pseudonyme, sa figure et son thème sont ceux
   annoncés par l'animation.

Le parcours du groupe s'ouvre à l'étape où il s'était arrêté : tout ce qui
a été écrit est déjà enregistré. Faites glisser le doigt pour faire défiler
une liste.
"""

STORE_UNREADABLE = (
    "La liste des ateliers est illisible pour l'instant : prévenez l'animation. "
    "fiction réessaie toutes les quelques secondes."
)


class JoinScreen(Screen[None]):
    """Choose a workshop, then a group; Entrée opens the group's journey."""

    CSS_PATH = "join.tcss"
    BINDINGS = [Binding("escape", "back", "Retour")]
    HORIZONTAL_BREAKPOINTS = [(0, "-phone"), (50, "-normal")]
    HELP = """\
# Rejoindre un groupe

1. Choisissez l'atelier dans la liste de gauche (flèches puis **Entrée**).
2. Choisissez votre groupe : son pseudonyme, sa figure et son thème sont
   ceux annoncés par l'animation.

Le parcours du groupe s'ouvre à l'étape où il s'était arrêté : tout ce qui
a été écrit est déjà enregistré.
"""

    def __init__(self, only: str | None = None, *, home: bool = False) -> None:
        """`only`: show that workshop alone — for a browser that entered with its code.
        `home` (implied by `only`): the first screen of a group's tab, with no way
        back to the facilitator's home."""
        super().__init__()
        self.only = only
        self.home = home or only is not None
        self._summaries: tuple[WorkshopSummary, ...] | None = None
        self.workshop: Workshop | None = None

    def compose(self) -> ComposeResult:
        yield Static("Rejoindre un groupe", classes="title", id="join-title")
        with Horizontal(id="join-lists"):
            with Vertical(id="join-workshops-box"):
                yield Static("1. L'atelier", classes="join-label")
                yield OptionList(id="join-workshops")
            with Vertical(id="join-groups-box"):
                yield Static("2. Votre groupe", classes="join-label")
                yield OptionList(id="join-groups")
        yield Static("", id="join-hint", classes="hint", markup=False)
        # No keys on a tablet, no room for them on a phone: buttons instead (F1 lists the keys).
        touch = fiction_app(self).touch
        self.set_class(touch, "-touch")
        with Horizontal(id="join-buttons"):
            if not self.home:
                yield Button("← Retour", id="join-back", compact=True)
            yield Button("Aide", id="join-help", compact=True)
        if not touch:
            yield Footer()

    def help_text(self) -> str:
        return TOUCH_HELP if fiction_app(self).touch else self.HELP

    @on(Button.Pressed, "#join-back")
    def _back_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss()

    @on(Button.Pressed, "#join-help")
    def _help_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        fiction_app(self).action_help()

    def on_mount(self) -> None:
        self.query_one("#join-workshops", OptionList).focus()
        self.set_interval(POLL_SECONDS, self._read_workshops, name="liste des ateliers")
        self._read_workshops()

    def on_screen_resume(self) -> None:
        if self.workshop is not None:
            self._show_groups(self.workshop.name)

    # --- the workshops -------------------------------------------------------------

    @work(thread=True, exclusive=True, group="ateliers", exit_on_error=False)
    def _read_workshops(self) -> None:
        # Messages, not calls: a screen closed meanwhile simply never gets them.
        try:
            self.post_message(_Workshops(fiction_app(self).store.workshops()))
        except FictionError as error:
            self.post_message(_StoreProblem(error))

    def on__store_problem(self, message: _StoreProblem) -> None:
        self._summaries = None  # the next good reading shows the list again
        problem = STORE_UNREADABLE if fiction_app(self).for_group else str(message.error)
        self.query_one("#join-hint", Static).update(problem)

    def on__workshops(self, message: _Workshops) -> None:
        summaries = message.summaries
        if self.only is not None:
            summaries = tuple(summary for summary in summaries if summary.name == self.only)
        if self._summaries is not None and _listed(summaries) == _listed(self._summaries):
            return
        self._summaries = summaries
        options = self.query_one("#join-workshops", OptionList)
        highlighted = options.highlighted_option.id if options.highlighted_option else None
        options.clear_options()
        options.add_options(workshop_option(summary) for summary in summaries)
        names = [summary.name for summary in summaries]
        if highlighted in names:
            options.highlighted = names.index(highlighted)
        hint = self.query_one("#join-hint", Static)
        if not summaries:
            hint.update(
                "Aucun atelier pour l'instant : l'animation le crée depuis l'accueil "
                "(« Nouvel atelier »), puis il apparaît ici."
            )
            return
        if fiction_app(self).touch:
            hint.update("Touchez l'atelier, puis votre groupe.")
        else:
            hint.update("Choisissez l'atelier, puis votre groupe (Entrée).")
        if self.workshop is None and len(summaries) == 1:
            options.highlighted = 0
            self._show_groups(summaries[0].name, focus=True)

    @on(OptionList.OptionSelected, "#join-workshops")
    def _workshop_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self._show_groups(event.option.id, focus=True)

    # --- the groups ------------------------------------------------------------------

    def _show_groups(self, name: str, *, focus: bool = False) -> None:
        try:
            workshop = fiction_app(self).store.load(name)
        except FictionError as error:
            fiction_app(self).show_error(error)
            return
        self.workshop = workshop
        options = self.query_one("#join-groups", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        for group in workshop.groups:
            if group.number > 1:
                options.add_option(None)  # a line between two groups
            options.add_option(self._group_option(workshop, group))
        if highlighted is not None and highlighted < len(workshop.groups):
            options.highlighted = highlighted
        if focus:
            options.highlighted = options.highlighted or 0
            options.focus()

    def _group_option(self, workshop: Workshop, group: Group) -> Option:
        done, total = group.progress()
        lines = [
            Content(group.pseudonym).stylize("bold").append(f" (groupe {group.number})"),
            Content(self._card_titles(workshop, group)).stylize("italic"),
            Content(f"étape {group.step} sur {WIZARD_STEPS} · {written(done, total)}"),
        ]
        return Option(Content("\n").join(line for line in lines if line), id=str(group.number))

    def _card_titles(self, workshop: Workshop, group: Group) -> str:
        """The group's figure and theme, when the workshop's deck is open."""
        try:
            deck = fiction_app(self).deck_for(workshop)
        except FictionError:
            return ""
        hand = group.hands[-1]
        return " — ".join(deck.card(card_id).title for card_id in (*hand.figures, *hand.themes))

    @on(OptionList.OptionSelected, "#join-groups")
    def _group_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.workshop is None or event.option.id is None:
            return
        from fiction.tui.screens.group.wizard import GroupWizardScreen

        self.app.push_screen(GroupWizardScreen(self.workshop.name, int(event.option.id)))

    def action_back(self) -> None:
        groups = self.query_one("#join-groups", OptionList)
        if groups.has_focus:
            self.query_one("#join-workshops", OptionList).focus()
        elif not self.home:
            self.dismiss()
