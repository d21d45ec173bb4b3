"""The group's journey, driven as a group drives it: keys, then the store read afresh."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Markdown, OptionList, Static, TextArea

from fiction.errors import FictionError
from fiction.render.markdown import group_file_name
from fiction.store.model import FINISHED_STEP
from fiction.store.store import Store
from fiction.tui.screens.error import ErrorScreen
from fiction.tui.screens.group import saving, wizard
from fiction.tui.screens.group.cards import CardsStep
from fiction.tui.screens.group.conflict import ConflictScreen
from fiction.tui.screens.group.report import ReportStep
from fiction.tui.screens.group.review import ReviewStep
from fiction.tui.screens.group.scenario import ScenarioStep
from fiction.tui.screens.group.wizard import GroupWizardScreen
from fiction.tui.screens.help import HelpScreen
from fiction.tui.screens.join import JoinScreen
from tests.tui.opening import open_group_at
from tests.tui.waiting import wait_for

NAME = "Atelier du Mans"


def text_of(widget) -> str:
    return str(widget.render())


async def open_group(pilot, number: int = 1, step: int | None = None) -> GroupWizardScreen:
    """The group's journey opened straight away, as the dashboard opens it; on `step`
    (stored first) for the tests of what happens there: walking there with F3 is
    what the first test of this file proves, reopening on the stored step the second."""
    return await open_group_at(pilot, NAME, number, step)


async def join_group(pilot, number: int = 1) -> GroupWizardScreen:
    """From the home screen: « Rejoindre un groupe », the only workshop, group `number`."""
    await pilot.press("j")
    await pilot.pause()
    assert isinstance(pilot.app.screen, JoinScreen)
    await pilot.press(*["down"] * (number - 1), "enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, GroupWizardScreen)
    return screen


async def test_a_group_goes_from_its_cards_to_its_exported_scenario(
    app, dealt_workshop, store_path: Path, tmp_path: Path, monkeypatch, builtin_deck
):
    monkeypatch.chdir(tmp_path)
    dealt = dealt_workshop.group(2).hand(1)
    fiction = app()
    async with fiction.run_test() as pilot:
        screen = await join_group(pilot, 2)
        assert isinstance(screen.step, CardsStep)

        # Les cartes: lock the theme and the figure, redraw a context twice, then hit the limit.
        await pilot.press("space", "right", "space")
        await pilot.press("down", "r")
        await pilot.press("r")  # the new card has the focus: it is replaced in turn
        await pilot.press("r")
        status = text_of(screen.query_one("#cards-redraws", Static))
        assert status.startswith("Plus de nouveau tirage possible")
        assert "2 cartes verrouillées" in status
        messages = [notification.message for notification in fiction._notifications]
        assert any("La limite de 2 nouveaux tirages est atteinte" in m for m in messages)
        hand = screen.step.hand
        assert hand.themes == dealt.themes and hand.figures == dealt.figures
        assert len(set(hand.contexts) - set(dealt.contexts)) == 1
        assert set(hand.all_ids()) - set(hand.contexts) == set(dealt.all_ids()) - set(
            dealt.contexts
        )

        # Et si demain…: the composed question is there; the group writes its own.
        await pilot.press("f3")
        proposed = text_of(screen.query_one("#question-proposed", Static))
        assert proposed.startswith("Et si demain")
        await pilot.press(*"Et si un café ?")

        # Le scénario 2050: every field, the lists included.
        await pilot.press("f3")
        assert isinstance(screen.step, ScenarioStep)
        await pilot.press(*"Le café", "tab", *"Chez Lou")
        await pilot.press("tab", *"Aînés seuls")
        await pilot.press("tab", *"Un café", "enter", *"à tous")
        await pilot.press("tab", *"Se voir")
        await pilot.press("tab", *"Ouvrir", "enter", *"Former", "enter")
        await pilot.press("shift+tab", "ctrl+up")  # « Former » goes first
        await pilot.press("tab", "tab", "tab", "enter", "down", "enter")  # the hand's first role
        await pilot.press("tab", "tab", *"Barista", "enter")  # past the role, to a new line

        # Points de vigilance: one answer per vigilance card.
        await pilot.press("f3")
        points = screen.step.points
        for index, _ in enumerate(points):
            screen.query_one(f"#answer-{index}", TextArea).focus()
            await pilot.press(*f"R{index + 1}")

        # Le journal télévisé: the deck's running order, then the group's own cue.
        await pilot.press("f3")
        assert isinstance(screen.step, ReportStep)
        await pilot.click("#report-template")
        await pilot.pause()
        screen.query_one("#report-cue", Input).focus()
        await pilot.press(*"Fin")

        # Relecture: the whole scenario, then the export.
        await pilot.press("f3")
        assert isinstance(screen.step, ReviewStep)
        review = screen.query_one("#review-text", Markdown)
        assert "Le café" in review.source
        await pilot.press("e")
        await pilot.pause()
        written = text_of(screen.query_one("#review-written", Static))

    exported = tmp_path / group_file_name(dealt_workshop, dealt_workshop.group(2))
    assert str(exported) in written
    assert "Et si un café ?" in exported.read_text(encoding="utf-8")

    with Store(store_path) as store:
        group = store.load(NAME).group(2)
        history = store.history(NAME, 2)
    role = builtin_deck.card(group.hand(1).roles[0]).title
    assert group.step == 6
    assert group.question == "Et si un café ?"
    assert (group.title, group.place_name) == ("Le café", "Chez Lou")
    assert group.context == "Aînés seuls"
    assert group.narrative == "Un café\nà tous"
    assert group.purpose == "Se voir"
    assert group.actions == ("Former", "Ouvrir")
    assert group.new_actors == (role, "Barista")
    assert group.answers == {point: f"R{n}" for n, point in enumerate(points, start=1)}
    assert [segment.kind for segment in group.segments] == [
        item.kind for item in builtin_deck.conducteur
    ]
    assert group.segments[0].cue == "Fin"
    hand = group.hand(1)
    assert hand.redraws == 2 and set(hand.locked) == {*dealt.themes, *dealt.figures}
    assert {edit.author for edit in history} == {dealt_workshop.group(2).pseudonym}


async def test_typing_is_saved_after_half_a_second_and_at_once_on_quitting(
    app, dealt_workshop, store_path
):
    async with app().run_test() as pilot:
        await open_group(pilot, 1, 2)
        await pilot.press(*"Et si")
        with Store(store_path) as store:
            assert store.load(NAME).group(1).question == ""
            await pilot.pause(saving.DELAY + 0.2)
            assert store.load(NAME).group(1).question == "Et si"
            assert len(store.history(NAME, 1)) == 2  # the step, then one save for five keys
        await pilot.press(*" demain")
        await pilot.press("ctrl+q")  # well before the next half-second

    with Store(store_path) as store:
        assert store.load(NAME).group(1).question == "Et si demain"


async def test_reopening_the_group_lands_on_its_step_with_its_text(app, dealt_workshop, store_path):
    # Where group 3 left its journey: on step 3, a title typed. That F3 stores the step
    # and typing its text, even just before quitting, is what the tests above prove.
    with Store(store_path) as store:
        store.set_field(NAME, 3, "step", ScenarioStep.NUMBER, "Abeille")
        store.set_field(NAME, 3, "title", "Le café", "Abeille")

    async with app().run_test() as pilot:
        screen = await join_group(pilot, 3)
        assert isinstance(screen.step, ScenarioStep)
        assert screen.query_one("#field-title", Input).value == "Le café"
        assert screen.query_one("#field-title", Input).has_focus
        titles = [command.title for command in screen.commands()]
        assert titles[:2] == ["Étape suivante", "Étape précédente"]
        await pilot.press("f1")  # the help of the step the group is on
        assert isinstance(pilot.app.screen, HelpScreen)
        assert "## Étape 3 : le scénario 2050" in pilot.app.screen.help_text


async def test_edits_made_elsewhere_come_down_and_are_never_overwritten(
    app, dealt_workshop, store_path, monkeypatch
):
    monkeypatch.setattr(wizard, "POLL_SECONDS", 0.1)
    async with app().run_test() as pilot:
        screen = await open_group(pilot, 1, ScenarioStep.NUMBER)
        await pilot.press(*"Mon titre")
        with Store(store_path) as elsewhere:
            elsewhere.set_field(NAME, 1, "title", "Leur titre", "Autre onglet")
            elsewhere.set_field(NAME, 1, "narrative", "Leur récit", "Autre onglet")
            narrative = screen.query_one("#field-narrative", TextArea)
            await wait_for(pilot, lambda: narrative.text == "Leur récit")
            # Their narrative shows; the title being typed here stays as typed.
            assert screen.query_one("#field-title", Input).value == "Mon titre"
            await pilot.press(*" à moi", "f2")  # leaving the step saves the title…
            # …but it was changed elsewhere meanwhile: both versions are shown first.
            assert isinstance(pilot.app.screen, ConflictScreen)
            await pilot.press("m")  # keep mine
            await pilot.pause()
            group = elsewhere.load(NAME).group(1)
    assert group.title == "Mon titre à moi"  # the same field: kept by choice, never unseen
    assert group.narrative == "Leur récit"  # another field: never written over


async def test_a_refusing_store_keeps_the_text_on_screen_and_saves_it_later(
    app, dealt_workshop, store_path, monkeypatch
):
    from fiction.tui.screens.group.session import GroupSession

    real = GroupSession.set_field
    refusing = True

    def set_field(self, field, value, **options):
        if refusing and field == "question":
            raise FictionError("La base d'ateliers est verrouillée par un autre programme.")
        real(self, field, value, **options)

    monkeypatch.setattr(GroupSession, "set_field", set_field)
    async with app().run_test() as pilot:
        screen = await open_group(pilot, 1, 2)
        await pilot.press(*"Et si demain")
        await pilot.press("f3")  # saving fails: the group stays on its text
        await pilot.pause()
        assert isinstance(pilot.app.screen, ErrorScreen)
        assert "verrouillée par un autre programme" in pilot.app.screen.message
        await pilot.press("escape")
        assert screen.step.NUMBER == 2
        assert screen.query_one("#field-question", TextArea).text == "Et si demain"

        refusing = False
        await pilot.press("f3")
        assert screen.step.NUMBER == 3

    with Store(store_path) as store:
        assert store.load(NAME).group(1).question == "Et si demain"


async def test_the_export_says_where_it_wrote_or_why_it_could_not_then_the_group_finishes(
    app, dealt_workshop, tmp_path: Path, store_path
):
    """On the last step: the export says where it wrote or why it could not; then
    « Terminer » (Ctrl+T) finishes the journey for the dashboard."""
    async with app().run_test() as pilot:
        screen = await open_group(pilot, 1, ReviewStep.NUMBER)
        folder = screen.query_one("#review-folder", Input)
        folder.value = str(tmp_path / "absent")
        screen.query_one("#review-export").press()
        await pilot.pause()
        assert isinstance(pilot.app.screen, ErrorScreen)
        assert "n'existe pas" in pilot.app.screen.message
        await pilot.press("escape")

        (tmp_path / "exports").mkdir()
        folder.value = str(tmp_path / "exports")
        folder.focus()
        await pilot.press("enter")
        files = list((tmp_path / "exports").glob("*.md"))
        assert len(files) == 1
        assert str(files[0]) in text_of(screen.query_one("#review-written", Static))

        await pilot.press("ctrl+t")
        await pilot.pause()
    with Store(store_path) as store:
        assert store.load(NAME).group(1).step == FINISHED_STEP


async def test_join_lists_workshops_as_they_appear(app, store_path, fixed_clock, monkeypatch):
    from fiction.tui.screens import join
    from tests.workshops import small_workshop

    monkeypatch.setattr(join, "POLL_SECONDS", 0.1)
    async with app().run_test() as pilot:
        await pilot.press("j")
        await pilot.pause()
        hint = text_of(pilot.app.screen.query_one("#join-hint", Static))
        assert hint.startswith("Aucun atelier pour l'instant")
        with Store(store_path, clock=fixed_clock) as store:
            store.add(small_workshop("Atelier de Brest"))
        await pilot.pause(0.3)
        workshops = pilot.app.screen.query_one("#join-workshops", OptionList)
        assert workshops.option_count == 1
        groups = pilot.app.screen.query_one("#join-groups", OptionList)
        assert groups.option_count == 3
        assert "Panda Zen" in str(groups.get_option_at_index(0).prompt)
        await pilot.press("escape", "escape")
        assert not isinstance(pilot.app.screen, JoinScreen)


async def test_a_group_that_cannot_open_says_so_and_lets_the_user_go_back(app, dealt_workshop):
    async with app().run_test() as pilot:
        for name, number in (("Atelier disparu", 1), (NAME, 9)):
            screen = GroupWizardScreen(name, number)
            await pilot.app.push_screen(screen)
            await pilot.pause()
            assert isinstance(pilot.app.screen, ErrorScreen)
            await pilot.press("escape", "escape")
            assert pilot.app.screen is not screen


async def test_join_explains_a_damaged_store_in_french(app, store_path):
    store_path.write_text("ceci n'est pas une base", encoding="utf-8")
    async with app().run_test() as pilot:
        await pilot.app.push_screen(JoinScreen())
        await pilot.pause(0.2)
        hint = text_of(pilot.app.screen.query_one("#join-hint", Static))
        assert str(store_path) in hint
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, JoinScreen)
