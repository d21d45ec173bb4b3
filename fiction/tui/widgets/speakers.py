"""Completion for a list of speakers typed as « Présentatrice, Barista social »."""

from __future__ import annotations

from collections.abc import Iterable

from textual.suggester import Suggester


class SpeakerSuggester(Suggester):
    """Completes the name being typed after the last comma, from the hand and the group."""

    def __init__(self, choices: Iterable[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.choices = tuple(choices)

    async def get_suggestion(self, value: str) -> str | None:
        before, comma, typed = value.rpartition(",")
        typed = typed.lstrip()
        if not typed:
            return None
        for choice in self.choices:
            if choice.casefold().startswith(typed.casefold()):
                return f"{before}{comma}{' ' if comma else ''}{choice}"
        return None
