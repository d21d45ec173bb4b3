"""The project's one error family.

Every error a user can meet carries a French message and, when it comes from a
file, where it happened. Only the CLI and the app decide how to show it; domain
code never prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file: 1-based line and column, and the dotted field path."""

    file: str
    line: int = 0
    column: int = 0
    field: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        return where


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input, phrased for the person who wrote it."""

    location: Location
    message: str

    def __str__(self) -> str:
        field = f" {self.location.field} —" if self.location.field else ""
        return f"{self.location}:{field} {self.message}"


class FictionError(Exception):
    """Base error: a French message meant for the user, never a traceback."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location is None:
            return self.message
        return str(Problem(self.location, self.message))


class DeckError(FictionError):
    """A deck that cannot be used, with every problem found in it at once."""

    def __init__(self, deck_path: Path | str, problems: list[Problem]) -> None:
        self.deck_path = str(deck_path)
        self.problems = sorted(problems)
        count = len(self.problems)
        plural = "s" if count > 1 else ""
        super().__init__(f"Le jeu de cartes {self.deck_path} a {count} problème{plural}.")

    def __str__(self) -> str:
        return "\n".join([self.message, *(str(problem) for problem in self.problems)])


class StaleEdit(FictionError):
    """A typed field was changed elsewhere since this screen read it: nothing was written.

    The screen shows both versions and lets the person choose, instead of
    overwriting unseen what another screen saved (`current`, by `author`).
    """

    def __init__(self, field: str, current: object, author: str, label: str = "") -> None:
        self.field = field
        self.current = current
        self.author = author
        super().__init__(
            f"« {label or field} » a été modifié ailleurs (par {author}) depuis que cet écran "
            "l'a lu : rien n'a été écrit par-dessus."
        )
