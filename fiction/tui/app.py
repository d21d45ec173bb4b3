"""The workshop app: one Textual application for the facilitator and the groups.

The app owns what every screen shares: the store (opened on first use), the
deck, who is editing (for the history), the clock and the theme. Screens call
the domain through it; widgets post messages up to their screen and never open
the store themselves.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from fiction.errors import DeckError, FictionError
from fiction.tui.french import FrenchCommandPalette, description, key_display
from fiction.tui.themes import DEFAULT_THEME, THEME_LABELS, THEMES

if TYPE_CHECKING:
    # The first screen is up before these are needed: the store is opened, a
    # deck loaded, help (Markdown) and errors shown later, each importing its own.
    from fiction.cards.model import Deck
    from fiction.store.location import StoreLocation
    from fiction.store.model import Workshop
    from fiction.store.store import Store

APP_HELP = """\
# fiction — le CCAS en 2050

Un atelier de design fiction : chaque groupe reçoit des cartes (un thème, une
figure du CCAS, des contextes, des rôles, des points de vigilance, une
inspiration) et écrit ensemble l'action sociale de 2050, puis son journal télévisé.

Tout ce qui est écrit est enregistré aussitôt : fermer la fenêtre ne perd rien.
"""


def home_screen() -> Screen:
    from fiction.tui.screens.home import HomeScreen

    return HomeScreen()


def _join_screen(workshop: str | None) -> Screen:
    from fiction.tui.screens.join import JoinScreen

    return JoinScreen(only=workshop, home=True)


FACILITATOR = "animation"
GROUP = "groupe"
"""Who the app serves: the facilitator (every screen) or a group (the groups' screens only)."""


class FictionApp(App[None]):
    """The `fiction` workshop app."""

    TITLE = "fiction — le CCAS en 2050"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quitter", priority=True),
        Binding("f1", "help", "Aide"),
        # Declared here so that its description and tooltip are French (Textual
        # adds an English one otherwise); the footer shows it on the right.
        Binding(
            "ctrl+p",
            "command_palette",
            "Commandes",
            show=False,
            priority=True,
            tooltip="Ouvrir la palette de commandes",
        ),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    def __init__(
        self,
        *,
        store_path: StoreLocation | None = None,
        deck_path: Path | None = None,
        clock: Callable[[], float] = time.time,
        author: str = "animation",
        group_workshop: str | None = None,
        role: str = FACILITATOR,
        touch: bool = False,
    ) -> None:
        """`role`: GROUP for a group's browser tab, whose home is choosing its group (and,
        with `group_workshop`, that workshop's groups only); `touch`: the screen is a
        touch screen, so screens show buttons where they would name keys."""
        super().__init__()
        self.role = GROUP if group_workshop is not None else role
        self.touch = touch
        self._first_screen: Callable[[], Screen] = home_screen
        if self.role == GROUP:
            # Never the facilitator's home (new workshops, the deck folder, the
            # store's path), dashboards or, with a join code, other workshops.
            self._first_screen = partial(_join_screen, group_workshop)
        self.store_path = store_path
        self.deck_path = deck_path
        self.clock = clock
        self.author = author
        self._store: Store | None = None
        self._decks: dict[Path, Deck] = {}
        self._crash: BaseException | None = None
        # Before the first screen, so its styles are computed once, with our colours.
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = DEFAULT_THEME

    def get_default_screen(self) -> Screen:
        """The home, or the join screen of the one workshop a browser entered."""
        screen = self._first_screen()
        # Textual does not read the default screen's CSS_PATH; read it now, before
        # anything is styled. (As a mode's screen, it would be read after, at the
        # cost of parsing every stylesheet and restyling the app twice more.)
        for path in screen.css_path:
            css = Path(path).read_text(encoding="utf-8")
            self.stylesheet.add_source(css, read_from=(str(path), ""))
        if self.css_monitor is not None:
            self.css_monitor.add_paths(screen.css_path)
        return screen

    # --- what screens share -------------------------------------------------

    @property
    def store(self) -> Store:
        """The workshop store, opened on first use (raises FictionError if unusable)."""
        if self._store is None:
            from fiction.store.store import Store

            self._store = Store(self.store_path, clock=self.clock)
        return self._store

    @property
    def deck(self) -> Deck:
        """The deck chosen for this run (the built-in one unless --deck was given)."""
        from fiction.resources import builtin_deck_path

        return self.load_deck(self.deck_path or builtin_deck_path())

    def load_deck(self, path: Path) -> Deck:
        """Load a deck once per folder; a broken deck raises `DeckError`."""
        from fiction.cards.loader import load_deck

        folder = Path(path).resolve()
        if folder not in self._decks:
            self._decks[folder] = load_deck(folder)
        return self._decks[folder]

    def deck_for(self, workshop: Workshop) -> Deck:
        """The deck a workshop was dealt from: the chosen deck or the built-in one."""
        from fiction.cards.locate import workshop_deck

        return workshop_deck(workshop.name, workshop.deck.id, self.deck_path, load=self.load_deck)

    @property
    def for_group(self) -> bool:
        """A group's browser tab: no facilitator screen, no path of the server's files."""
        return self.role == GROUP

    def with_key(self, label: str, key: str) -> str:
        """A button's label naming its key (« Prompteur (F5) »), but not on a touch
        screen, which has no such key: the button is what one taps."""
        return label if self.touch else f"{label} ({key})"

    def without_paths(self, message: str) -> str:
        """`message` as a group may read it: the server's folders replaced by a word."""
        if not self.for_group:
            return message
        paths = [self.store_path, self.deck_path, self._store.path if self._store else None]
        for place in paths:  # a database server's address (shown without its password)
            if place is not None and not isinstance(place, Path):
                message = message.replace(str(place), "(base d'ateliers de l'animation)")
        folders = {str(Path(path).expanduser()) for path in paths if isinstance(path, Path)}
        folders |= {str(Path(folder).parent) for folder in folders} | {str(Path.home())}
        for folder in sorted(folders, key=len, reverse=True):
            if len(folder) > 1:
                message = message.replace(folder, "(ordinateur de l'animation)")
        return message

    def show_error(self, error: FictionError | str, title: str = "Impossible de continuer") -> None:
        """Show a French message in a modal; the app keeps running."""
        if isinstance(error, DeckError):
            message = "\n".join([error.message, *(f"• {p}" for p in error.problems)])
        else:
            message = str(error)
        message = self.without_paths(message)
        from fiction.tui.screens.error import ErrorScreen

        self.push_screen(ErrorScreen(title, message))

    # --- lifecycle ------------------------------------------------------------

    async def action_quit(self) -> None:
        """Leave every screen's edits saved (screens flush on unmount), then exit; a screen
        holding text the store refused asks first (it would be kept as a draft)."""
        for screen in reversed(self.screen_stack):
            warning = getattr(screen, "unsaved_warning", lambda: None)()
            if warning:
                from fiction.tui.screens.confirm import ConfirmScreen

                def answered(leave: bool | None) -> None:
                    if leave:
                        self.exit()

                self.push_screen(ConfirmScreen(warning, "Quitter"), answered)
                return
        self.exit()

    def on_unmount(self) -> None:
        if self._store is not None:
            self._store.close()

    # --- keys, help, palette -------------------------------------------------

    def get_key_display(self, binding: Binding) -> str:
        """Keys as people read them, in the footer and the help (Ctrl+S, Maj+Tab, Échap…);
        none on a touch screen, whose footer's words are buttons to tap."""
        if self.touch:
            return ""
        return binding.key_display or key_display(binding.key)

    def action_help(self) -> None:
        from fiction.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        # A screen whose help depends on what it shows (the wizard's step) says it.
        text = getattr(self.screen, "help_text", lambda: self.screen.HELP)() or APP_HELP
        # Only the keys the footer shows: hidden ones include Textual's own
        # widget keys ("Ligne suivante", "Champ suivant"), which say little here.
        keys = (
            []
            if self.touch
            else [
                (self.get_key_display(binding), description(binding.description))
                for (_, binding, enabled, _) in self.screen.active_bindings.values()
                if enabled
                and binding.description
                and (binding.show or binding.action == "command_palette")
            ]
        )
        self.push_screen(HelpScreen(text, keys))

    def action_help_quit(self) -> None:
        self.notify("Pour quitter, appuyez sur [b]Ctrl+Q[/b].", title="Quitter ?")

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(
                FrenchCommandPalette(placeholder="Rechercher une commande…", id="--command-palette")
            )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for theme_name, label in THEME_LABELS.items():
            yield SystemCommand(
                label,
                f"Passer l'affichage en « {label.lower()} »",
                lambda name=theme_name: setattr(self, "theme", name),
            )
        yield SystemCommand("Aide", "Afficher l'aide de cet écran (F1)", self.action_help)
        yield SystemCommand("Quitter", "Quitter fiction (tout est déjà enregistré)", self.exit)
        yield from getattr(screen, "commands", lambda: ())()

    # --- errors: never a traceback --------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        # Textual's hook for an exception escaping a handler. A refusal from the
        # domain (FictionError) is an answer for the user, not a crash: show it
        # and keep running. Anything else still ends the app, but _fatal_error
        # below replaces the traceback with a French message.
        if isinstance(error, FictionError):
            self.show_error(error)
            return
        self._crash = error
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        report = _save_crash_report(self._crash)
        self.bell()
        where = "sur l'ordinateur de l'animation" if self.for_group else str(report)
        self._exit_renderables.append(
            "fiction a rencontré une erreur inattendue et doit s'arrêter.\n"
            "Tout ce qui avait été écrit est déjà enregistré.\n"
            f"Détails techniques pour l'équipe : {where}"
        )
        self._close_messages_no_wait()


def _save_crash_report(error: BaseException | None) -> Path | str:
    """Write the traceback where a developer can find it; never show it to users."""
    try:
        from platformdirs import user_log_dir

        folder = Path(user_log_dir("fiction"))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"erreur-{time.strftime('%Y%m%d-%H%M%S')}.txt"
        details = "".join(traceback.format_exception(error)) if error else traceback.format_exc()
        path.write_text(details, encoding="utf-8")
        return path
    except OSError:
        return "(rapport impossible à écrire)"
