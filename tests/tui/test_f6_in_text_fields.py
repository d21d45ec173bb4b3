"""F6 does what the help says even with the cursor in a multi-line field.

Textual's TextArea binds F6 to « select the line »: in « Contexte » or « Récit »
F6 did not open « La salle », and in the news report's IMAGE or SON it did not
open « Vitesse et durée ». The journey's fields leave F6 to the journey.
"""

from __future__ import annotations

from fiction.tui.screens.group.room import RoomScreen
from fiction.tui.screens.pace import PaceScreen
from fiction.tui.widgets.text_area import FieldTextArea
from tests.tui.opening import open_group_at
from tests.tui.waiting import wait_for

NAME = "Atelier du Mans"


async def test_f6_from_a_text_field_opens_the_room_and_on_the_news_report_the_pace(
    app, dealt_workshop
):
    async with app().run_test(size=(120, 40)) as pilot:
        screen = await open_group_at(pilot, NAME, 1, 3)
        screen.query_one("#field-context", FieldTextArea).focus()
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, RoomScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: pilot.app.screen is screen)

        screen.go_to(5)
        await wait_for(pilot, lambda: screen.step is not None and screen.step.NUMBER == 5)
        screen.query_one("#report-sound", FieldTextArea).focus()
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, PaceScreen))
