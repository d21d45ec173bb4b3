"""The facilitator's controls of the room (issue 15), on the dashboard.

What the wall screen shows (`wall`), the votes revealed or hidden, the
restitution stepped group by group with its own timer, the room's settings
(votes per group, minutes per group) and the facilitator's own météo and
bilan. The dashboard binds the keys to `action_room('…')` and lists
`commands()` in its palette; each action writes to the store, then the
dashboard reads it again, so the wall screens and the groups follow.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from fiction.errors import FictionError
from fiction.report.room import presentation_left, votes_cast
from fiction.store.model import WALL_LABELS, WALL_MODES, Workshop
from fiction.store.store import Store
from fiction.tui.access import fiction_app
from fiction.tui.screens.room_settings import RoomSettings, RoomSettingsScreen

if TYPE_CHECKING:
    from fiction.tui.screens.dashboard import DashboardScreen

ROOM_HELP = """\
## La salle

- **a** : ce que montre l'écran de salle, à tour de rôle (avancement des groupes,
  météo du début, météo de fin, votes, restitution, bilan) ;
- **v** : révéler ou masquer les votes (avec le nombre de votes déjà donnés) ;
- **]** : le groupe suivant présente son scénario (le premier appui : le groupe 1 ;
  après le dernier, la restitution se termine), avec son propre minuteur ;
  **[** revient au groupe précédent ;
- **g** : réglages de la salle (votes par groupe, minutes de restitution par groupe) ;
- **m** : votre météo et votre bilan (ceux de l'animation, à côté des groupes).

Chaque groupe donne sa météo, ses votes et son bilan depuis son parcours (F6, « La salle »).
"""


def votes_count_text(count: int) -> str:
    return f"{count} vote{'s' if count > 1 else ''} donné{'s' if count > 1 else ''}"


def timer_text(seconds: float) -> str:
    """« 4:12 » left, or « dépassé de 0:35 » once over time."""
    if seconds < 0:
        minutes, rest = divmod(math.floor(-seconds), 60)
        return f"dépassé de {minutes}:{rest:02d}"
    minutes, rest = divmod(math.ceil(seconds), 60)
    return f"{minutes}:{rest:02d}"


def presenting_text(workshop: Workshop, now: float) -> str:
    """« Groupe 3 présente — 4:12 », or "" when no group is presenting."""
    left = presentation_left(workshop, now)
    if workshop.presenting is None or left is None:
        return ""
    return f"Groupe {workshop.presenting} présente — {timer_text(left)}"


def room_status(workshop: Workshop, now: float) -> str:
    """The dashboard's line about the room: wall mode, votes, restitution."""
    hidden = "révélés" if workshop.votes_revealed else "masqués"
    presenting = presenting_text(workshop, now)
    # The presenting group and its timer first: a narrow dashboard cuts the end of the line.
    parts = [presenting] if presenting else []
    parts += [
        f"Écran de salle : {WALL_LABELS.get(workshop.wall, workshop.wall)}",
        f"votes {hidden} ({votes_count_text(votes_cast(workshop))})",
    ]
    if not presenting:
        parts.append(f"restitution : {workshop.presentation_minutes} min par groupe")
    return " · ".join(parts)


def _setting(name: str, field: str, old: int, new: int, author: str) -> Callable[[Store], object]:
    """Write one setting of the room, if it still holds what the modal showed."""

    def change(store: Store) -> object:
        return store.set_field(name, None, field, new, author, expected=old)

    return change


class RoomControls:
    """The room's actions for one dashboard."""

    def __init__(self, screen: DashboardScreen) -> None:
        self.screen = screen

    @property
    def _author(self) -> str:
        return fiction_app(self.screen).author

    def _change(self, change: Callable[[Store], object], title: str = "La salle") -> bool:
        """Write a change; a refusal is a warning, not an error. Whether it was written."""
        try:
            change(fiction_app(self.screen).store)
        except FictionError as error:
            self.screen.notify(error.message, title=title, severity="warning")
            return False
        self.screen.refresh_now()
        return True

    def do(self, what: str) -> None:
        actions: dict[str, Callable[[], None]] = {
            "wall": self.cycle_wall,
            "votes": self.toggle_votes,
            "next": lambda: self.step(1),
            "previous": lambda: self.step(-1),
            "settings": self.settings,
            "notes": self.notes,
        }
        if self.screen.workshop is not None:
            actions[what]()

    # --- the wall ---------------------------------------------------------------------

    def cycle_wall(self) -> None:
        workshop = self.screen.workshop
        assert workshop is not None
        index = WALL_MODES.index(workshop.wall) if workshop.wall in WALL_MODES else -1
        self.show_on_wall(WALL_MODES[(index + 1) % len(WALL_MODES)])

    def show_on_wall(self, mode: str) -> None:
        name = self.screen.workshop_name
        if self._change(
            lambda store: store.set_field(name, None, "wall", mode, self._author),
            "Écran de salle",
        ):
            self.screen.notify(f"L'écran de salle montre : {WALL_LABELS[mode]}.")

    # --- votes ----------------------------------------------------------------------

    def toggle_votes(self) -> None:
        workshop = self.screen.workshop
        assert workshop is not None
        reveal = not workshop.votes_revealed
        name = self.screen.workshop_name
        if self._change(
            lambda store: store.set_field(name, None, "votes_revealed", reveal, self._author),
            "Votes",
        ):
            given = votes_count_text(votes_cast(workshop))
            what = "révélés sur l'écran de salle" if reveal else "masqués"
            self.screen.notify(f"Votes {what} ({given}).", title="Votes")

    # --- the restitution ------------------------------------------------------------

    def step(self, offset: int) -> None:
        """The next (1) or previous (-1) group presents; past the last, the restitution ends."""
        workshop = self.screen.workshop
        assert workshop is not None
        current, count = workshop.presenting, len(workshop.groups)
        if current is None:
            if offset < 0:
                self.screen.notify(
                    "Aucun groupe ne présente : « ] » fait présenter le groupe 1.",
                    title="Restitution",
                    severity="warning",
                )
                return
            target: int | None = 1
        elif current + offset < 1:
            self.screen.notify(
                f"Le groupe {current} est le premier à présenter.", title="Restitution"
            )
            return
        else:
            target = current + offset if current + offset <= count else None
        self.present(target)

    def present(self, group: int | None) -> None:
        name = self.screen.workshop_name
        if not self._change(lambda store: store.present(name, group, self._author), "Restitution"):
            return
        if group is None:
            self.screen.notify("Restitution terminée.", title="Restitution")
            return
        assert self.screen.workshop is not None
        minutes = self.screen.workshop.presentation_minutes
        self.screen.notify(f"Groupe {group} présente ({minutes} min).", title="Restitution")

    # --- settings and the facilitator's own answers ---------------------------------------

    def settings(self) -> None:
        workshop = self.screen.workshop
        assert workshop is not None
        before = RoomSettings(workshop.votes_per_group, workshop.presentation_minutes)
        name = self.screen.workshop_name

        def chosen(after: RoomSettings | None) -> None:
            if after is None or after == before:
                return
            for field, old, new in (
                ("votes_per_group", before.votes_per_group, after.votes_per_group),
                ("presentation_minutes", before.presentation_minutes, after.presentation_minutes),
            ):
                if old != new and not self._change(
                    _setting(name, field, old, new, self._author), "Réglages de la salle"
                ):
                    return
            self.screen.notify(
                f"{after.votes_per_group} votes par groupe, "
                f"{after.presentation_minutes} min de restitution par groupe.",
                title="Réglages de la salle",
            )

        self.screen.app.push_screen(RoomSettingsScreen(before), chosen)

    def notes(self) -> None:
        from fiction.tui.screens.group.room import RoomScreen

        self.screen.app.push_screen(RoomScreen(self.screen.workshop_name, None))

    # --- the palette ------------------------------------------------------------------

    def commands(self) -> Iterable[SystemCommand]:
        workshop = self.screen.workshop
        if workshop is None:
            return
        yield SystemCommand(
            "Affichage de la salle",
            "Ce que montre l'écran de salle, à tour de rôle (a)",
            self.cycle_wall,
        )
        for mode in WALL_MODES:
            yield SystemCommand(
                f"Écran de salle : {WALL_LABELS[mode]}",
                "Montrer ceci sur l'écran de salle",
                lambda mode=mode: self.show_on_wall(mode),
            )
        given = votes_count_text(votes_cast(workshop))
        yield SystemCommand(
            "Masquer les votes" if workshop.votes_revealed else "Révéler les votes",
            f"Sur l'écran de salle ; {given} (v)",
            self.toggle_votes,
        )
        yield SystemCommand(
            "Groupe suivant (restitution)",
            "Le groupe suivant présente son scénario, avec son minuteur (])",
            lambda: self.step(1),
        )
        yield SystemCommand(
            "Groupe précédent (restitution)",
            "Le groupe précédent présente à nouveau ([)",
            lambda: self.step(-1),
        )
        if workshop.presenting is not None:
            yield SystemCommand(
                "Terminer la restitution",
                "Plus aucun groupe ne présente",
                lambda: self.present(None),
            )
        yield SystemCommand(
            "Réglages de la salle",
            "Votes par groupe, minutes de restitution par groupe (g)",
            self.settings,
        )
        yield SystemCommand(
            "Météo et bilan de l'animation",
            "Vos propres mots de météo et idées du bilan (m)",
            self.notes,
        )
