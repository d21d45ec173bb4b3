"""A small modal form: fields, « Annuler » and « Enregistrer »; Entrée saves, Échap cancels."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Button, Input

ResultType = TypeVar("ResultType")


class FormDialog(ModalScreen[ResultType | None]):
    """Dismissed by `_save` with what was typed, or with None for « Annuler » or Échap.

    A subclass composes its fields and two buttons, names its save button in
    `SAVE_BUTTON` and writes `_save`, which reads the fields and either dismisses
    with the result or shows what is wrong and stays open."""

    BINDINGS = [Binding("escape", "cancel", "Annuler")]
    SAVE_BUTTON: ClassVar[str]

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _save(self) -> None:
        raise NotImplementedError

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._save()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == self.SAVE_BUTTON:
            self._save()
        else:
            self.dismiss(None)
