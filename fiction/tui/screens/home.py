"""Accueil: start a workshop, resume one, join a group, and choose the deck.

The home must work for what it can even when the store or a deck does not:
a damaged store file is explained in place (creating and resuming then say
why they cannot go on), a broken deck is refused with the list of its
problems, and joining a group never needs the facilitator's deck.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Select, Static

from fiction.errors import FictionError
from fiction.resources import builtin_deck_path, data_dir
from fiction.tui.access import fiction_app
from fiction.tui.widgets.footer import Footer
from fiction.tui.widgets.title_bar import TitleBar


def builtin_deck_folders() -> tuple[Path, ...]:
    """Every deck shipped with fiction: each folder of `decks/` holding a deck.yaml."""
    root = data_dir("decks")
    return tuple(
        folder.resolve()
        for folder in sorted(root.iterdir())
        if folder.is_dir() and (folder / "deck.yaml").is_file()
    )


def deck_label(folder: Path) -> str:
    """« Le CCAS en 2050 (ccas2050) »: the title in the deck's manifest, read alone.

    Only the manifest is read, so the home opens at once; the whole deck is
    loaded and checked when it is chosen or used.
    """
    import yaml

    try:
        text = (folder / "deck.yaml").read_text(encoding="utf-8")
        title = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["deck"][
            "title"
        ]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError):
        return folder.name
    return f"{title} ({folder.name})" if isinstance(title, str) else folder.name


class HomeScreen(Screen[None]):
    """The first screen: three ways in, the deck in use and the state of the store."""

    CSS_PATH = "home.tcss"
    # Focused from the start: Textual's default (the first focusable widget) is the
    # scrolling body, which restyles all it holds when it gains and loses the focus.
    AUTO_FOCUS = "#home-new"
    BINDINGS = [
        Binding("n", "new_workshop", "Nouvel atelier"),
        Binding("r", "workshops", "Reprendre"),
        Binding("j", "join", "Rejoindre"),
        # Not in the footer (no room at 80 columns): F1 and the palette name it.
        Binding("b", "library", "Bibliothèque", show=False),
        # Échap is « back » everywhere else: here it only says how to quit.
        Binding("escape", "app.help_quit", show=False),
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-phone"), (50, "-normal")]
    HELP = """\
# Accueil

Bienvenue dans **fiction**, l'atelier de design fiction « Le CCAS en 2050 ».

- **Nouvel atelier** (`n`) : l'animation prépare l'atelier (date, lieu, nombre
  de groupes, ordre du jour) puis distribue les cartes ; le tableau de bord
  s'ouvre ensuite.
- **Reprendre un atelier** (`r`) : la liste des ateliers déjà créés ; choisissez-en
  un pour retrouver son tableau de bord.
- **Rejoindre un groupe** (`j`) : pour un groupe, qui retrouve ses cartes et son
  scénario là où il les avait laissés.
- **Bibliothèque des scénarios** (`b`) : les scénarios de tous les ateliers,
  par figure et par thème.

**Jeu de cartes** : le jeu intégré « Le CCAS en 2050 » est choisi d'office. Pour
utiliser votre propre jeu, choisissez-le dans la liste ou tapez le chemin de
son dossier puis Entrée ; s'il contient des erreurs, elles sont listées.

Tout est enregistré au fur et à mesure dans la base d'ateliers indiquée en bas
de l'écran : rien à configurer.
"""

    def __init__(self) -> None:
        super().__init__()
        self._deck_options: list[tuple[str, str]] = []
        """(label, folder) of each deck offered: the built-in ones and any typed."""

    def compose(self) -> ComposeResult:
        current = self._current_deck_folder()
        folders = builtin_deck_folders()
        # Folder names until the screen is drawn: see _show_deck_titles.
        self._deck_options = [(folder.name, str(folder)) for folder in folders]
        if current not in folders:
            self._deck_options.append((current.name, str(current)))
        yield TitleBar()
        with VerticalScroll(id="home-body"):
            yield Static("Le CCAS en 2050 — atelier de design fiction", classes="title")
            with Center(), Vertical(id="home-actions"):
                yield Button("Nouvel atelier", id="home-new", variant="primary")
                yield Button("Reprendre un atelier", id="home-resume")
                yield Button("Rejoindre un groupe", id="home-join")
            yield Static("Jeu de cartes", classes="home-label")
            with Horizontal(id="home-deck"):
                yield Select(
                    self._deck_options,
                    value=str(current),
                    allow_blank=False,
                    id="home-deck-choice",
                )
                yield Input(
                    placeholder="ou le dossier d'un autre jeu, puis Entrée", id="home-deck-folder"
                )
            yield Static(id="home-store", classes="hint", markup=False)
        # No room at 80 columns for the palette's key beside F1: F1 lists it.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.call_after_refresh(self._show_deck_titles)

    def _show_deck_titles(self) -> None:
        """The decks' titles in place of their folders' names, once the screen is drawn:
        reading them takes the YAML reader, whose import would hold up the first screen."""
        self._deck_options = [(deck_label(Path(path)), path) for _, path in self._deck_options]
        choice = self.query_one("#home-deck-choice", Select)
        with choice.prevent(Select.Changed):
            value = choice.value
            choice.set_options(self._deck_options)
            choice.value = value

    def on_screen_resume(self) -> None:
        """On arrival and on each return: another window may have changed the store."""
        # Once the screen is drawn: opening the store (its first import, the schema
        # check) would otherwise hold up the app's first screen.
        self.call_after_refresh(self._check_store)

    def _current_deck_folder(self) -> Path:
        return Path(fiction_app(self).deck_path or builtin_deck_path()).resolve()

    # --- the store ----------------------------------------------------------------

    @work(exclusive=True, group="home-store")
    async def _check_store(self) -> None:
        """Say where the workshops are kept, or why the store cannot be used."""
        status = self.query_one("#home-store", Static)
        try:
            store = fiction_app(self).store  # opened here, on the app's thread, once
            summaries = await asyncio.to_thread(store.workshops)
        except FictionError as error:
            status.update(f"Base d'ateliers inutilisable : {error.message}")
            status.add_class("-error")
            return
        count = len(summaries)
        saved = {0: "aucun atelier", 1: "1 atelier"}.get(count, f"{count} ateliers")
        status.update(f"Base d'ateliers : {store.path} ({saved})")
        status.remove_class("-error")

    def _store_ready(self) -> bool:
        """Open the store now, or explain why not (the user may have fixed it since)."""
        try:
            fiction_app(self).store.workshops()
        except FictionError as error:
            fiction_app(self).show_error(error, "La base d'ateliers est inutilisable")
            self._check_store()
            return False
        return True

    # --- the three ways in ----------------------------------------------------------

    def action_new_workshop(self) -> None:
        if not self._store_ready():
            return
        try:
            deck = fiction_app(self).deck
        except FictionError as error:
            fiction_app(self).show_error(error, "Ce jeu de cartes est inutilisable")
            return
        from fiction.tui.screens.new_workshop import NewWorkshopScreen

        self.app.push_screen(NewWorkshopScreen(deck))

    def action_workshops(self) -> None:
        if not self._store_ready():
            return
        from fiction.tui.screens.workshops import WorkshopsScreen

        self.app.push_screen(WorkshopsScreen())

    def action_join(self) -> None:
        from fiction.tui.screens.join import JoinScreen

        self.app.push_screen(JoinScreen())

    def action_library(self) -> None:
        if fiction_app(self).for_group or not self._store_ready():
            return
        from fiction.tui.screens.library import LibraryScreen

        self.app.push_screen(LibraryScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A group's browser tab has no library: it shows every workshop's scenarios.
        return not (action == "library" and fiction_app(self).for_group)

    @on(Button.Pressed, "#home-new")
    def _pressed_new(self) -> None:
        self.action_new_workshop()

    @on(Button.Pressed, "#home-resume")
    def _pressed_resume(self) -> None:
        self.action_workshops()

    @on(Button.Pressed, "#home-join")
    def _pressed_join(self) -> None:
        self.action_join()

    # --- the deck -----------------------------------------------------------------

    @on(Select.Changed, "#home-deck-choice")
    def _deck_chosen(self, event: Select.Changed) -> None:
        folder = Path(str(event.value))
        if folder != self._current_deck_folder():  # not the Select showing its first value
            self.use_deck(folder)

    @on(Input.Submitted, "#home-deck-folder")
    def _deck_typed(self, event: Input.Submitted) -> None:
        typed = event.value.strip()
        if typed and self.use_deck(Path(typed).expanduser()):
            event.input.value = ""

    def use_deck(self, folder: Path) -> bool:
        """Make `folder` the deck of new workshops, or show why it cannot be."""
        try:
            from fiction.cards.loader import resolve_deck_folder

            folder = resolve_deck_folder(folder).resolve()
            deck = fiction_app(self).load_deck(folder)
        except FictionError as error:
            fiction_app(self).show_error(error, "Ce jeu de cartes est inutilisable")
            self._show_chosen_deck()
            return False
        fiction_app(self).deck_path = folder
        self._show_chosen_deck()
        self.notify(f"Jeu choisi : {deck.manifest.title}.", title="Jeu de cartes")
        return True

    def _show_chosen_deck(self) -> None:
        """Put the Select back on the deck in use (adding it when typed as a folder)."""
        choice = self.query_one("#home-deck-choice", Select)
        current = self._current_deck_folder()
        if str(current) not in (value for _, value in self._deck_options):
            self._deck_options.append((deck_label(current), str(current)))
            with choice.prevent(Select.Changed):
                choice.set_options(self._deck_options)
        with choice.prevent(Select.Changed):
            choice.value = str(current)

    # --- palette ------------------------------------------------------------------

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Nouvel atelier",
            "Préparer un atelier et distribuer les cartes",
            self.action_new_workshop,
        )
        yield SystemCommand(
            "Reprendre un atelier", "Ouvrir le tableau de bord d'un atelier", self.action_workshops
        )
        yield SystemCommand(
            "Rejoindre un groupe",
            "Retrouver les cartes et le scénario d'un groupe",
            self.action_join,
        )
        if not fiction_app(self).for_group:
            yield SystemCommand(
                "Bibliothèque des scénarios",
                "Parcourir les scénarios de tous les ateliers par figure et par thème",
                self.action_library,
            )
