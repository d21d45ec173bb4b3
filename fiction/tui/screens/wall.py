"""The wall screen (« écran de salle ») in the terminal: full screen, for the projector.

What `/salle` shows in browsers, from the same view (`fiction.report.wall`):
the current phase and a big countdown (orange with a fifth of the phase left,
red for the last twentieth), the next phases with their clock times, the join
code and its QR code, each group's progress or, as the workshop's `wall`
says, the room's live results: the météo's words (largest first), the votes
(« Votes masqués » until revealed, then bars), the presenting group with its
own timer, the bilan's five columns. Opened from the dashboard (s), closed
with Échap.

Like every screen it follows the store through its one `WorkshopWatcher`:
each newer reading becomes a `WallView` handed down to display-only widgets;
between readings the screen's own timer only moves the clock. The QR code's
address is looked up off the UI thread and comes back as a message, which
Textual drops once the screen is closed: nothing reaches a widget that is gone.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Digits, Static

from fiction.report.room import WordCount
from fiction.report.wall import (
    Board,
    GroupProgress,
    Restitution,
    Votes,
    WallView,
    Weather,
    step_text,
    wall_view,
)
from fiction.store.model import Workshop
from fiction.tui.access import fiction_app
from fiction.tui.formats import clock_text, minutes_text
from fiction.tui.watcher import WorkshopChanged, WorkshopUnreadable, WorkshopWatcher
from fiction.tui.widgets.footer import Footer

ROOM_PORT = 8000
"""`fiction serve`'s default port: the QR code leads to `fiction serve --host 0.0.0.0`."""
NEXT_SHOWN = 4
BAR_WIDTH = 20
SHORT_HEIGHT = 30
"""Below this many rows the join panel gives way to the results (the code goes on top)."""


@dataclass
class JoinAddress(Message):
    """The address the room's phones open, and its QR code drawn in half blocks."""

    url: str
    qr: str


class WallClock(Widget):
    """The current phase, its time left in large digits, and the next phases."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._phase = Static(id="wall-phase", markup=False)
        self._time = Digits("--:--", id="wall-time")
        self._plain = Static(id="wall-plain", markup=False)
        """The time in ordinary characters, where the large digits do not fit."""
        self._state = Static(id="wall-state", markup=False)
        self._instructions = Static(id="wall-instructions", markup=False)
        """The phase's instructions, for the room to read."""
        self._next = Static(id="wall-next", markup=False)
        self._view: WallView | None = None
        self._problem = ""

    def compose(self) -> ComposeResult:
        yield self._phase
        yield self._time
        yield self._plain
        yield self._state
        yield self._instructions
        yield self._next

    def show(self, view: WallView, now: float) -> None:
        self._view, self._problem = view, ""
        self.tick(now)

    def unavailable(self, problem: str) -> None:
        self._problem = problem
        self._phase.update("Lecture de l'atelier impossible pour l'instant")
        self._state.update(problem)

    def tick(self, now: float) -> None:
        """Redraw at `now` from the last view (the screen's timer, or a new view)."""
        view = self._view
        if view is None or self._problem or not self.is_attached:
            return
        phase, left = view.phase, view.left(now)
        if phase is None or left is None:
            title, time, state = "L'atelier n'a pas encore commencé", "--:--", ""
        else:
            title = f"{phase.index + 1}/{phase.count} · {phase.title}"
            time = clock_text(left)
            extra = f" (+{phase.extra_minutes} min)" if phase.extra_minutes else ""
            if left <= 0:
                state = f"Temps écoulé{extra}"
            else:
                state = ("En cours" if phase.running else "En pause") + extra
        self._phase.update(title)
        self._time.update(time)
        self._plain.update(time)
        self._state.update(state)
        self._instructions.update(phase.instructions if phase is not None else "")
        self._instructions.display = phase is not None and bool(phase.instructions)
        self._next.update(_next_phases(view, now))
        # Each large digit (and the colon) is 3 cells wide.
        self.set_class(self.content_region.width < 3 * len(time) + 2, "-narrow")
        colour = view.level(now)
        self.set_class(colour == "warning", "-warning")
        self.set_class(colour == "danger", "-danger")
        self.set_class(phase is not None and not phase.running, "-paused")

    def on_resize(self) -> None:
        if self._view is not None:
            self.tick(fiction_app(self).clock())


def _next_phases(view: WallView, now: float) -> Text:
    text = Text()
    shown = view.following[:NEXT_SHOWN]
    if not shown:
        return Text("Dernière phase de l'ordre du jour", style="dim")
    times = view.next_times(now)[:NEXT_SHOWN]
    for index, (phase, when) in enumerate(zip(shown, times, strict=True)):
        if index:
            text.append("\n")
        text.append(f"{when or '     '}  ", style="bold")
        text.append(f"{phase.title} ({minutes_text(phase.minutes)})")
    return text


class JoinPanel(Widget):
    """How a device joins: the join code, large, and the address's QR code."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._qr = Static(id="wall-qr", markup=False)
        self._url = Static(id="wall-url", markup=False)
        self._code = Static("—", id="wall-code", markup=False)

    def compose(self) -> ComposeResult:
        yield Static("Pour rejoindre l'atelier", classes="wall-label")
        yield self._qr
        yield self._url
        yield Static("code d'entrée", classes="wall-label")
        yield self._code

    def show_code(self, code: str) -> None:
        self._code.update(" ".join(code) if code else "—")

    def show_address(self, url: str, qr: str) -> None:
        self._qr.update(qr.rstrip("\n"))
        self._url.update(url)


class WallResults(Static):
    """Under the countdown: each group's progress, or the room's live results."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._view: WallView | None = None

    def show(self, view: WallView, now: float) -> None:
        self._view = view
        self.border_title = view.mode_title
        self.set_class(view.mode != "progress", "-results")
        self.tick(now)

    def tick(self, now: float) -> None:
        """Redraw at `now`: only the restitution's timer moves between readings."""
        view = self._view
        if view is None or not self.is_attached:
            return
        results = view.results
        if isinstance(results, Weather):
            self.update(cloud_text(results.words))
        elif isinstance(results, Votes):
            self.update(votes_text(results))
        elif isinstance(results, Restitution):
            self.update(presentation_text(view, now))
        elif isinstance(results, Board):
            self.update(board_table(results))
        else:
            self.update(progress_text(view.groups))


CLOUD_STYLES = ("bold magenta", "bold cyan", "bold green", "bold yellow", "bold blue", "bold red")
LEVEL_STYLES = {"warning": "bold dark_orange", "danger": "bold red", "": "bold"}


def cloud_text(words: tuple[WordCount, ...]) -> Text:
    """The météo's words, largest first: the most frequent in spaced capitals, then in
    capitals, the rarest dimmer, each in a colour of its own."""
    if not words:
        return Text("Aucune réponse pour l'instant.", style="dim", justify="center")
    most = words[0].count
    text = Text(justify="center")
    for index, counted in enumerate(words):
        share = counted.count / most
        colour = CLOUD_STYLES[index % len(CLOUD_STYLES)]
        if share > 2 / 3:
            shown, style = " ".join(counted.word.upper()), colour
        elif share > 1 / 3:
            shown, style = counted.word.upper(), colour
        else:
            shown, style = counted.word, colour.replace("bold ", "")
        if index:
            text.append("    ")
        text.append(shown, style=style)
        text.append(f" {counted.count}", style="dim")
    return text


def votes_text(votes: Votes) -> Text:
    """« Votes masqués » until revealed, then each scenario's votes as a bar."""
    if not votes.revealed:
        text = Text("Votes masqués", style="bold", justify="center")
        text.append(f"\n\n{given(votes.cast)} pour l'instant", style="dim")
        return text
    text = Text()
    most = max((result.votes for result in votes.tally), default=0)
    width = max((len(f"{r.number}. {r.title or r.pseudonym}") for r in votes.tally), default=0)
    for index, result in enumerate(votes.tally):
        if index:
            text.append("\n")
        name = f"{result.number}. {result.title or result.pseudonym}"
        text.append(f"{name:<{width}}  ", style="bold")
        filled = round(BAR_WIDTH * result.votes / most) if most else 0
        text.append("█" * filled, style="cyan")
        text.append(f" {_votes(result.votes)}")
    return text


def given(count: int) -> str:
    """« Aucun vote donné », « 1 vote donné », « 3 votes donnés »."""
    if not count:
        return "Aucun vote donné"
    return f"{count} vote donné" if count == 1 else f"{count} votes donnés"


def _votes(count: int) -> str:
    """« 0 vote », « 1 vote », « 2 votes »: French counts 0 in the singular."""
    return f"{count} vote" if count <= 1 else f"{count} votes"


def presentation_text(view: WallView, now: float) -> Text:
    """The presenting group: who, its title, its question, its scenario, its own timer."""
    results = view.results
    presenting = results.presenting if isinstance(results, Restitution) else None
    left = view.presentation_left(now)
    if presenting is None or left is None:
        return Text("Aucun groupe ne présente pour l'instant.", style="dim")
    text = Text()
    text.append(f"Groupe {presenting.number} · {presenting.pseudonym}", style="dim")
    text.append("   Temps de parole ")
    text.append(clock_text(left), style=LEVEL_STYLES[view.presentation_level(now)])
    text.append(f"\n\n{presenting.title or 'Scénario sans titre'}", style="bold")
    if presenting.question:
        text.append(f"\n{presenting.question}", style="italic")
    if presenting.summary:
        text.append(f"\n\n{presenting.summary}")
    return text


def board_table(board: Board) -> Table:
    """The bilan: its five columns side by side, each item with who wrote it."""
    table = Table(expand=True, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for label, _ in board.columns:
        table.add_column(label, ratio=1, header_style="bold", overflow="fold")
    cells = []
    for _, items in board.columns:
        column = Text()
        for index, item in enumerate(items):
            if index:
                column.append("\n")
            column.append(f"• {item.text}")
            column.append(f" ({item.pseudonym})", style="dim")
        cells.append(column)
    table.add_row(*cells)
    return table


def progress_text(groups: tuple[GroupProgress, ...]) -> Text:
    """One line a group: « 1. Panda Zen  3 Le scénario 2050  ████░░ 6/12 »."""
    text = Text()
    width = max((len(f"{group.number}. {group.pseudonym}") for group in groups), default=0)
    steps = max((len(step_text(group.step)) for group in groups), default=0)
    for index, group in enumerate(groups):
        if index:
            text.append("\n")
        name = f"{group.number}. {group.pseudonym}"
        text.append(f"{name:<{width}}  ", style="bold")
        style = "bold green" if group.finished else ""
        text.append(f"{step_text(group.step):<{steps}}  ", style=style)
        filled = round(BAR_WIDTH * group.share)
        text.append("█" * filled, style="green")
        text.append("░" * (BAR_WIDTH - filled), style="dim")
        text.append(f" {group.written}/{group.parts}")
    if not groups:
        text.append("Aucun groupe.", style="dim")
    return text


class WallScreen(Screen[None]):
    """A workshop's wall screen; open it with the dashboard's last reading."""

    CSS_PATH = "wall.tcss"
    POLL_SECONDS = 1.0
    TICK_SECONDS = 1.0
    BINDINGS = [Binding("escape", "dismiss", "Fermer l'écran de salle")]
    HELP = """\
# Écran de salle

À montrer au vidéoprojecteur (ou sur un grand écran), lisible du fond de la
salle : la phase en cours et son compte à rebours, qui passe à l'orange quand
il reste un cinquième du temps et au rouge pour le dernier vingtième ; les
phases suivantes avec leur heure ; le code d'entrée et le QR code de l'adresse
que les téléphones et les tablettes ouvrent quand l'atelier est servi aux
navigateurs (`fiction serve --host 0.0.0.0`, port 8000) ; l'avancement de
chaque groupe, ou ce que l'animation choisit de montrer : la météo (les mots
les plus fréquents en plus grand), les votes (masqués jusqu'à ce qu'ils soient
révélés), le groupe qui présente avec son propre temps de parole, le bilan.

L'écran suit de lui-même le tableau de bord et les groupes : le compte à
rebours se pilote depuis le tableau de bord (dans une autre fenêtre, ou après
être revenu avec **Échap**).

Dans les navigateurs, la même chose s'affiche à l'adresse `/salle` de
`fiction serve`.

- **Échap** : revenir au tableau de bord.
"""

    def __init__(self, workshop_name: str, workshop: Workshop, revision: int) -> None:
        super().__init__()
        self.workshop_name = workshop_name
        self.workshop = workshop
        self._revision = revision
        self.view: WallView | None = None
        self.watcher = WorkshopWatcher(self, workshop_name, self.POLL_SECONDS)
        self._clock = WallClock(id="wall-clock")
        self._join = JoinPanel(id="wall-join")
        self._results = WallResults(id="wall-results")
        self._title = Static(id="wall-title", markup=False)

    def compose(self) -> ComposeResult:
        yield self._title
        with Horizontal(id="wall-body"):
            with Vertical(id="wall-main"):
                yield self._clock
                yield self._results
            yield self._join
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._show(self.workshop)
        self._fit()
        self.watcher.start(self.workshop, self._revision)
        self.set_interval(self.TICK_SECONDS, self._tick, name="compte à rebours de la salle")
        self.run_worker(self._find_address, thread=True, exit_on_error=False, name="adresse")

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        self.set_class(self.size.height < SHORT_HEIGHT, "-short")
        if self.view is not None:
            self._show_title(self.view)

    def _show_title(self, view: WallView) -> None:
        """The workshop's name; on a short screen, the join code too (its panel gives way)."""
        title = f"« {view.name} » · écran de salle"
        if self.has_class("-short") and view.join_code:
            title += f" · code d'entrée {view.join_code}"
        self._title.update(title)

    # --- from the store and the clock -------------------------------------------------

    def on_workshop_changed(self, message: WorkshopChanged) -> None:
        self._show(message.workshop)

    def on_workshop_unreadable(self, message: WorkshopUnreadable) -> None:
        self._clock.unavailable(message.problem)

    def on_join_address(self, message: JoinAddress) -> None:
        self._join.show_address(message.url, message.qr)

    def _show(self, workshop: Workshop) -> None:
        now = fiction_app(self).clock()
        self.workshop = workshop
        self.view = view = wall_view(workshop, now)
        self._show_title(view)
        self._clock.show(view, now)
        self._join.show_code(view.join_code)
        self._results.show(view, now)

    def _tick(self) -> None:
        if self.is_attached:
            now = fiction_app(self).clock()
            self._clock.tick(now)
            self._results.tick(now)

    def _find_address(self) -> None:
        """The room's address and its QR code (a name lookup: off the UI thread)."""
        import segno

        from fiction.serve import address

        url = address.urls("0.0.0.0", ROOM_PORT)[0]
        drawn = io.StringIO()
        segno.make(url, error="m").terminal(out=drawn, compact=True, border=2)
        self.post_message(JoinAddress(url, drawn.getvalue()))
