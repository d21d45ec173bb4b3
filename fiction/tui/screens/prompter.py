"""The prompter (« prompteur »): the SON column scrolling at reading speed, full screen.

What the presenter reads from while the group films. The text rolls up past
a reading line a little above the middle of the screen, at the reading speed
in words per second, measured with the app's clock (so tests move time
themselves). It starts paused: the presenter gets ready, then presses space.
The position is kept in words read, not in rows, so changing the speed or
the window size never loses the place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from fiction.report.timing import Pace, spoken_words
from fiction.store.model import SEGMENT_LABELS, Segment
from fiction.tui.access import fiction_app
from fiction.tui.widgets.footer import Footer

TICK_SECONDS = 0.1
"""How often the text moves: ten steps a second read as a smooth roll."""
SPEED_STEP = 0.25
"""+ and - change the speed by a quarter word a second (15 words a minute)."""
JUMP_SECONDS = 3.0
"""Up and down move the text by three seconds of reading."""


@dataclass(frozen=True)
class Paragraph:
    """One SON line to read, with its segment's name above the first one."""

    text: str
    words: int
    heading: str = ""


def paragraphs(segments: Iterable[Segment]) -> tuple[Paragraph, ...]:
    """The SON lines of a script, in order; segments with nothing to read are skipped."""
    found = []
    for number, segment in enumerate(segments, start=1):
        lines = [line.strip() for line in segment.sound.splitlines() if line.strip()]
        heading = f"{number} · {SEGMENT_LABELS.get(segment.kind, segment.kind)}"
        if segment.speakers:
            heading += f" — {', '.join(segment.speakers)}"
        for index, line in enumerate(lines):
            found.append(Paragraph(line, spoken_words(line), heading if index == 0 else ""))
    return tuple(found)


class PrompterScreen(Screen[None]):
    """Full screen, large text; open it with the group's segments and a reading speed."""

    CSS_PATH = "prompter.tcss"
    BINDINGS = [
        # « Fermer », not « Quitter »: Échap leaves the prompter, never the app.
        Binding("escape", "dismiss", "Fermer"),
        Binding("space", "play_pause", "Lire / pause"),
        Binding("plus,equals_sign", "faster", "Plus vite"),
        Binding("minus", "slower", "Moins vite"),
        Binding("up", "back", "Reculer"),
        Binding("down", "forward", "Avancer", show=False),
        Binding("left", "previous", "Paragraphe précédent", show=False),
        Binding("right", "next", "Paragraphe suivant", show=False),
        Binding("home", "restart", "Début", show=False),
    ]
    HELP = """\
# Le prompteur

Le texte de la colonne SON défile à la vitesse de lecture, en grand, pour la
personne qui présente pendant le tournage : lisez le paragraphe en clair, au
tiers haut de l'écran ; ce qui est déjà lu s'efface.

- **Espace** : lire, ou mettre en pause (le prompteur s'ouvre en pause) ;
- **+** et **−** : plus vite, moins vite (par pas de 15 mots par minute) ;
- **↑** et **↓** : reculer, avancer de trois secondes ; **←** et **→** :
  paragraphe précédent, suivant ; **Début** : revenir au début ;
- **Échap** : quitter le prompteur.
"""

    def __init__(self, segments: Sequence[Segment], words_per_second: float = 3.0) -> None:
        super().__init__()
        self.paragraphs = paragraphs(segments)
        self.starts = _starts(self.paragraphs)
        self.total_words = sum(paragraph.words for paragraph in self.paragraphs)
        self.words_per_second = Pace(words_per_second).words_per_second
        self.position = 0.0
        """Words read so far: where the reading line stands in the text."""
        self.running = False
        self._since: float | None = None
        """The clock when reading (re)started, with `_base` the position then."""
        self._base = 0.0

    def compose(self) -> ComposeResult:
        yield Static("", id="prompter-status", markup=False)
        with VerticalScroll(id="prompter-scroll", can_focus=False):
            yield Static("", id="prompter-top")
            if not self.paragraphs:
                yield Static(
                    "Rien à lire : écrivez d'abord la colonne SON du journal.",
                    classes="prompter-text",
                )
            for index, paragraph in enumerate(self.paragraphs):
                if paragraph.heading:
                    yield Static(paragraph.heading, classes="prompter-heading", markup=False)
                yield Static(
                    paragraph.text,
                    id=f"prompter-line-{index}",
                    classes="prompter-text",
                    markup=False,
                )
            yield Static("— Fin —", classes="prompter-heading")
            yield Static("", id="prompter-bottom")
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(TICK_SECONDS, self.advance, name="défilement du prompteur")
        self.call_after_refresh(self._show)

    def on_resize(self) -> None:
        self.call_after_refresh(self._show)

    # --- reading ------------------------------------------------------------------

    def advance(self) -> None:
        """Move to where the clock says the reader is (the timer's call)."""
        if self.running and self._since is not None:
            elapsed = fiction_app(self).clock() - self._since
            self._move_to(self._base + elapsed * self.words_per_second, keep_running=True)

    def action_play_pause(self) -> None:
        if self.running:
            self.advance()
            self.running = False
            self._since = None
        elif self.position < self.total_words:
            self.running = True
            self._rebase()
        self._show()

    def action_faster(self) -> None:
        self._set_speed(self.words_per_second + SPEED_STEP)

    def action_slower(self) -> None:
        self._set_speed(self.words_per_second - SPEED_STEP)

    def action_back(self) -> None:
        self._move_to(self.position - JUMP_SECONDS * self.words_per_second)

    def action_forward(self) -> None:
        self._move_to(self.position + JUMP_SECONDS * self.words_per_second)

    def action_previous(self) -> None:
        """To the start of the paragraph being read, or of the one before if already there."""
        index = self._current()
        if index is not None and self.position - self.starts[index] < 1 and index > 0:
            index -= 1
        self._move_to(self.starts[index] if index is not None else 0)

    def action_next(self) -> None:
        index = self._current()
        if index is not None and index + 1 < len(self.paragraphs):
            self._move_to(self.starts[index + 1])

    def action_restart(self) -> None:
        self._move_to(0)

    def _set_speed(self, words_per_second: float) -> None:
        self.advance()
        self.words_per_second = min(10.0, max(0.5, words_per_second))
        self._rebase()
        self._show()

    def _move_to(self, position: float, keep_running: bool = False) -> None:
        self.position = min(float(self.total_words), max(0.0, position))
        if self.position >= self.total_words and self.running:
            self.running = False
            self._since = None
        elif not keep_running:
            self._rebase()
        self._show()

    def _rebase(self) -> None:
        """Reading goes on from here, at the current speed."""
        self._base = self.position
        self._since = fiction_app(self).clock() if self.running else None

    def _current(self) -> int | None:
        """The paragraph under the reading line."""
        index = None
        for number, start in enumerate(self.starts):
            if start <= self.position:
                index = number
        return index

    # --- showing ------------------------------------------------------------------

    def _show(self) -> None:
        if not self.is_mounted:
            return
        index = self._current()
        for number in range(len(self.paragraphs)):
            line = self.query_one(f"#prompter-line-{number}", Static)
            line.set_class(number == index, "-current")
            line.set_class(index is not None and number < index, "-read")
        self._status()
        scroll = self.query_one("#prompter-scroll", VerticalScroll)
        if index is None:
            return
        line = self.query_one(f"#prompter-line-{index}", Static)
        paragraph = self.paragraphs[index]
        fraction = (self.position - self.starts[index]) / paragraph.words if paragraph.words else 0
        top = self.query_one("#prompter-top", Static).outer_size.height
        region = line.virtual_region
        target = region.y + min(1.0, fraction) * max(0, region.height - 1) - top
        scroll.scroll_to(y=max(0, round(target)), animate=False, immediate=True)

    def _status(self) -> None:
        wpm = round(self.words_per_second * 60)
        if self.position >= self.total_words and self.total_words:
            state = "fin du texte — ↑ ou Début pour relire"
        elif self.running:
            state = "lecture"
        else:
            state = "en pause — Espace pour lire"
        remaining = (self.total_words - self.position) / self.words_per_second
        minutes, seconds = divmod(round(remaining), 60)
        self.query_one("#prompter-status", Static).update(
            f"Prompteur · {wpm} mots par minute · {state} · reste {minutes}:{seconds:02d}"
        )

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Lire ou mettre en pause", "Le prompteur (Espace)", self.action_play_pause
        )
        yield SystemCommand("Lire plus vite", "+ 15 mots par minute (+)", self.action_faster)
        yield SystemCommand("Lire moins vite", "− 15 mots par minute (−)", self.action_slower)
        yield SystemCommand("Revenir au début", "Le prompteur (Début)", self.action_restart)
        yield SystemCommand("Quitter le prompteur", "Revenir au journal (Échap)", self.dismiss)


def _starts(found: Sequence[Paragraph]) -> tuple[float, ...]:
    """Where each paragraph starts, in words read from the top."""
    starts, total = [], 0.0
    for paragraph in found:
        starts.append(total)
        total += paragraph.words
    return tuple(starts)
