"""The facilitator's side of the app, driven as a facilitator drives it: keys, then the store."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static

from fiction.store.agendas import AFTERNOON
from fiction.store.model import Phase
from fiction.store.store import Store
from fiction.tui.screens.dashboard import DashboardScreen
from fiction.tui.screens.error import ErrorScreen
from fiction.tui.screens.help import HelpScreen
from fiction.tui.screens.home import HomeScreen
from fiction.tui.screens.new_workshop import NewWorkshopScreen
from fiction.tui.screens.workshops import WorkshopsScreen
from fiction.tui.widgets.countdown import Countdown
from tests.tui.opening import push_dashboard
from tests.tui.waiting import wait_for

NAME = "Atelier du Mans"


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def type_into(pilot, text: str) -> None:
    """Tab to the next field (its text is then selected) and type over it."""
    await pilot.press("tab", *text)


async def paste_folder(pilot, folder: Path) -> None:
    """Put a deck folder's path in the home's field, as a paste would, and press Enter."""
    await pilot.click("#home-deck-folder")
    pilot.app.screen.query_one("#home-deck-folder", Input).insert_text_at_cursor(str(folder))
    await pilot.press("enter")


def row(app, number: int) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(cell) for cell in table.get_row(str(number))]


async def test_a_facilitator_creates_a_workshop_deals_and_runs_the_agenda(
    app, store_path: Path, fixed_clock
):
    fiction = app()
    async with fiction.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        assert isinstance(fiction.screen, NewWorkshopScreen)
        await pilot.press(*"Brest")
        await type_into(pilot, "3/4/25")
        await type_into(pilot, "Salle")
        await type_into(pilot, "13h30")
        await type_into(pilot, "5")  # groups
        await type_into(pilot, "2")  # rounds
        await type_into(pilot, "3")  # redraws
        await type_into(pilot, "2019")  # seed
        await type_into(pilot, "1")  # themes per hand
        await type_into(pilot, "1")  # figures
        await type_into(pilot, "4")  # roles
        await type_into(pilot, "2")  # vigilance points
        await type_into(pilot, "3")  # contexts
        await pilot.press("tab", "tab")  # inspirations, then how themes are dealt
        await pilot.press("enter", "down", "enter")  # « gardés à chaque tour »
        await pilot.press("ctrl+n", *"Pot", "tab", *"20")
        await pilot.click("#agenda-row-1 .agenda-remove")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert isinstance(fiction.screen, DashboardScreen)
        assert fiction.screen.query_one(DataTable).row_count == 5
        assert "code du tirage" in text_of(fiction, "#dashboard-info")
        await pilot.press("space")  # the first phase starts
        fixed_clock.advance(60)
        await pilot.press("5", "space")  # five more minutes, then a pause
        await pilot.press("n")  # the next phase starts at once
        await pilot.pause()
        countdown = fiction.screen.query_one(Countdown)
        assert "2/6 · Scénario" in str(countdown.query_one("#countdown-phase", Static).render())

    with Store(store_path) as store:
        workshop, history = store.snapshot("Brest")
    assert (workshop.date, workshop.place, workshop.start_time) == (
        "2025-04-03",
        "Salle",
        "13:30",
    )
    assert len(workshop.groups) == 5
    assert (workshop.deal.seed, workshop.deal.rounds, workshop.deal.redraw_limit) == (2019, 2, 3)
    assert workshop.deal.parameters["theme_per_group"] is True
    assert workshop.deal.parameters["hand"]["contexts"] == 3
    assert workshop.deal.parameters["hand"]["roles"] == 4
    assert all(len(group.hand(1).contexts) == 3 for group in workshop.groups)
    assert [group.hand(2).themes for group in workshop.groups] == [
        group.hand(1).themes for group in workshop.groups
    ]
    # The afternoon format, with its instructions, less its first line, plus « Pot ».
    assert workshop.agenda == (*AFTERNOON[1:], Phase("Pot", 20))
    assert [phase.title for phase in AFTERNOON[1:]] == [
        "Exploration",
        "Scénario",
        "Journal télévisé",
        "Restitution",
        "Bilan",
    ]
    assert [edit.path for edit in history] == ["phase"] * 4
    started, extended, paused, following = (edit.new for edit in history)
    assert started["index"] == 0 and started["started_at"] == fixed_clock.now - 60
    assert extended["extra_minutes"] == 5
    assert paused["started_at"] is None and paused["elapsed"] == 60
    assert following == {
        "index": 1,
        "started_at": fixed_clock.now,
        "elapsed": 0.0,
        "extra_minutes": 0,
    }
    assert {edit.author for edit in history} == {"animation"}


async def test_wrong_fields_a_name_taken_and_an_impossible_deal_are_explained_in_the_form(
    app, dealt_workshop, store_path: Path
):
    """Three refusals in turn on one form (opening it costs most of a second of rendering):
    each is explained beside its field, the form is kept, and nothing is created."""
    fiction = app()
    async with fiction.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        await type_into(pilot, "31/02/2025")  # date
        await pilot.press("tab")
        await type_into(pilot, "9h75")  # start
        await type_into(pilot, "13")  # groups
        await pilot.press("ctrl+s")

        assert isinstance(fiction.screen, NewWorkshopScreen)
        form = fiction.screen
        assert text_of(fiction, "#error-name").startswith("Donnez un nom à l'atelier")
        assert text_of(fiction, "#error-date").startswith("Date non reconnue : « 31/02/2025 »")
        assert text_of(fiction, "#error-start").startswith("Heure non reconnue : « 9h75 »")
        assert text_of(fiction, "#error-groups") == "Groupes : un nombre entier de 1 à 12."
        assert not form.query_one("#error-place").display
        assert fiction.focused is form.query_one("#input-name", Input)

        await pilot.press(*NAME)  # typing in a field clears its message
        assert not form.query_one("#error-name").display

        # The other fields put right: the name is already taken, and refused beside it.
        for key, value in (("date", "12/03/2025"), ("start", "14:00"), ("groups", "4")):
            form.query_one(f"#input-{key}", Input).value = value
        await pilot.press("ctrl+s")
        assert fiction.screen is form
        assert "Un atelier s'appelle déjà « Atelier du Mans »" in text_of(fiction, "#error-name")

        # A free name, and a hand the deck cannot deal: explained, the form kept.
        form.query_one("#input-name", Input).value = "Brest"
        form.query_one("#input-hand-themes", Input).focus()
        await pilot.press("6")  # themes in a hand: the deck has 5
        await pilot.press("ctrl+s")

        assert fiction.screen is form
        problem = text_of(fiction, "#error-form")
        assert problem.startswith("Impossible de distribuer : Une main demande 6 ")
        assert "il n'y a que 5 " in problem

    with Store(store_path) as store:
        assert [summary.name for summary in store.workshops()] == [NAME]


async def test_themes_chosen_by_the_facilitator_are_dealt_to_their_groups(app, store_path: Path):
    fiction = app()
    async with fiction.run_test(size=(100, 50)) as pilot:
        await pilot.press("n", *"Brest")
        await pilot.click("#theme-mode")
        await pilot.press("down", "down", "enter")  # « Choisis par l'animation »
        # One Select a group, mounted in the screen's own time.
        await wait_for(pilot, lambda: len(fiction.screen.query("#themes-chosen Select")) == 4)
        await pilot.click("#theme-3")
        await pilot.press("down", "down", "down", "enter")  # « Au hasard », then the 2nd theme
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(fiction.screen, DashboardScreen)

    with Store(store_path) as store:
        workshop = store.load("Brest")
    assert workshop.group(3).hand(1).themes == ("bonnes-santes",)
    assert workshop.deal.parameters["themes"] == [[3, "bonnes-santes"]]


async def test_the_dashboard_follows_what_other_processes_write(
    app, dealt_workshop, store_path: Path, fixed_clock, monkeypatch
):
    monkeypatch.setattr(DashboardScreen, "POLL_SECONDS", 0.05)
    monkeypatch.setattr(Countdown, "TICK_SECONDS", 0.05)
    fiction = app()
    async with fiction.run_test(size=(120, 40)) as pilot:
        await push_dashboard(pilot, NAME)
        assert row(fiction, 2)[2:5] == ["1 Les cartes", "░░░░░░ 0/11", "pas encore"]

        with Store(store_path, clock=fixed_clock) as other:  # another group's process
            other.set_field(NAME, 2, "title", "Le café des habitants", "Panda")
            other.set_field(NAME, 2, "step", 3, "Panda")
            other.start_phase(NAME, 2, "animation")
        fixed_clock.advance(150)
        followed = ["3 Le scénario 2050", "█░░░░░ 1/11", "il y a 2 min"]
        phase = fiction.screen.query_one("#countdown-phase", Static)
        await wait_for(
            pilot,
            lambda: row(fiction, 2)[2:5] == followed and str(phase.render()) == "3/6 · Scénario",
        )

        assert row(fiction, 2)[2:5] == followed
        assert str(phase.render()) == "3/6 · Scénario"
        agenda = str(fiction.screen.query_one("#dashboard-agenda", Static).render())
        assert "▶ 14:35  Scénario (45 min)" in agenda


async def test_the_countdown_turns_orange_then_red_and_rings_once(
    app, dealt_workshop, store_path: Path, fixed_clock, monkeypatch
):
    monkeypatch.setattr(Countdown, "TICK_SECONDS", 0.05)
    with Store(store_path, clock=fixed_clock) as store:
        store.start_phase(NAME, 2, "animation")  # Scénario: 45 minutes
    fiction = app()
    rings = []
    monkeypatch.setattr(fiction, "bell", lambda: rings.append(fixed_clock.now))
    async with fiction.run_test(size=(100, 40)) as pilot:
        countdown = (await push_dashboard(pilot, NAME)).query_one(Countdown)

        async def at(share_left: float) -> set[str]:
            fixed_clock.now = dealt_workshop.created_at + 45 * 60 * (1 - share_left)
            await pilot.pause(0.15)
            return {"-warning", "-danger"} & set(countdown.classes)

        assert await at(0.21) == set()
        assert str(countdown.query_one("#countdown-time").value) == "09:27"
        assert await at(0.19) == {"-warning"}
        assert await at(0.06) == {"-warning"}
        assert await at(0.04) == {"-warning", "-danger"}
        assert rings == []
        assert await at(-0.01) == {"-warning", "-danger"}
        assert await at(-0.02) == {"-warning", "-danger"}
        assert len(rings) == 1
        assert str(countdown.query_one("#countdown-state").render()) == "temps écoulé"


async def test_a_damaged_store_is_explained_and_the_home_still_works(app, store_path: Path):
    store_path.write_text("Compte rendu de l'atelier\n" * 20, encoding="utf-8")
    fiction = app()
    async with fiction.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        status = text_of(fiction, "#home-store")
        assert status.startswith("Base d'ateliers inutilisable : ")
        assert "n'est pas une base d'ateliers fiction" in status

        await pilot.press("n")
        assert isinstance(fiction.screen, ErrorScreen)
        assert "n'est pas une base d'ateliers fiction" in str(
            fiction.screen.query_one("#error-message Static", Static).render()
        )
        await pilot.press("escape", "r")
        assert isinstance(fiction.screen, ErrorScreen)
        await pilot.press("escape")
        assert isinstance(fiction.screen, HomeScreen)


async def test_a_broken_deck_lists_its_problems_and_the_deck_stays(app, model_deck_dir: Path):
    (model_deck_dir / "cartes.yaml").write_text("themes:\n  - id: Pas Un Id\n", encoding="utf-8")
    fiction = app()
    async with fiction.run_test(size=(100, 30)) as pilot:
        await paste_folder(pilot, model_deck_dir)

        assert isinstance(fiction.screen, ErrorScreen)
        message = str(fiction.screen.query_one("#error-message Static", Static).render())
        assert message.startswith(f"Le jeu de cartes {model_deck_dir}")
        assert "• " in message
        await pilot.press("escape")
        assert fiction.deck_path is None
        assert fiction.deck.manifest.id == "ccas2050"


async def test_another_deck_folder_becomes_the_deck_of_new_workshops(app, model_deck_dir: Path):
    fiction = app()
    async with fiction.run_test(size=(100, 30)) as pilot:
        await paste_folder(pilot, model_deck_dir)
        await pilot.click("#home-new")

        assert fiction.deck.manifest.id == "mon-jeu"
        assert isinstance(fiction.screen, NewWorkshopScreen)
        assert "Mon jeu de cartes" in str(fiction.screen.query_one(".title", Static).render())


async def test_escape_leads_back_f1_explains_and_the_dashboard_offers_its_actions(
    app, dealt_workshop
):
    """F1 on « Reprendre un atelier » and on the dashboard, Échap back home from each; on
    the dashboard, the palette's actions, a refusal that is only a warning, and a group
    opened; from home, a group joins. « Nouvel atelier » (F1, then Échap twice back home)
    is test_french.py's test_the_form_names_keys_as_on_the_keyboard_and_escape_leaves_it_untouched,
    which opens that form and its help anyway."""
    from fiction.tui.screens.group.wizard import GroupWizardScreen
    from fiction.tui.screens.join import JoinScreen

    async def help_of(screen: type, heading: str) -> None:
        assert isinstance(fiction.screen, screen)
        await pilot.press("f1")
        assert isinstance(fiction.screen, HelpScreen)
        assert fiction.screen.help_text.startswith(heading)
        await pilot.press("escape")
        assert isinstance(fiction.screen, screen)

    fiction = app()
    async with fiction.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await help_of(WorkshopsScreen, "# Reprendre un atelier")
        await pilot.press("escape")
        assert isinstance(fiction.screen, HomeScreen)

        await pilot.press("r", "enter")
        await help_of(DashboardScreen, "# Tableau de bord")
        titles = [command.title for command in fiction.get_system_commands(fiction.screen)]
        assert {"Phase suivante", "Ajouter cinq minutes", "Copier le code du tirage"} <= set(titles)
        assert any(title.startswith("Ouvrir le groupe 4 — ") for title in titles)

        await pilot.press("5")  # no phase started yet: refused, only a warning
        assert isinstance(fiction.screen, DashboardScreen)
        messages = [notification.message for notification in fiction._notifications]
        assert messages == ["Aucune phase en cours : démarrez-en une avant d'ajouter du temps."]

        await pilot.press("down", "enter")  # the group under the cursor opens
        assert isinstance(fiction.screen, GroupWizardScreen)
        assert (fiction.screen.workshop_name, fiction.screen.group_number) == (NAME, 2)
        for back_on in (DashboardScreen, WorkshopsScreen, HomeScreen):
            await pilot.press("escape")
            assert isinstance(fiction.screen, back_on)
        await pilot.press("j")
        assert isinstance(fiction.screen, JoinScreen)


async def test_a_workshop_deleted_meanwhile_is_explained_and_the_list_stays(
    app, dealt_workshop, store_path: Path
):
    fiction = app()
    async with fiction.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        with Store(store_path) as other:
            other.delete(NAME)
        await pilot.press("enter")

        assert isinstance(fiction.screen, ErrorScreen)
        await pilot.press("escape")
        assert isinstance(fiction.screen, WorkshopsScreen)
        assert fiction.screen.query_one(DataTable).row_count == 0


async def test_the_compact_countdown_of_the_group_screens_fits_on_one_line(
    app, dealt_workshop, store_path: Path, fixed_clock
):
    from textual.screen import Screen

    class GroupLike(Screen[None]):
        def compose(self):
            yield Countdown(compact=True)

        def on_mount(self):
            self.query_one(Countdown).show(self.app.store.load(NAME))

    with Store(store_path, clock=fixed_clock) as store:
        store.start_phase(NAME, 0, "animation")
        store.pause_phase(NAME, "animation")
    fiction = app()
    async with fiction.run_test(size=(80, 24)) as pilot:
        await fiction.push_screen(GroupLike())
        await pilot.pause()
        countdown = fiction.screen.query_one(Countdown)

        assert countdown.region.height == 1
        assert str(countdown.query_one("#countdown-phase", Static).render()) == (
            "1/6 · Accueil et brise-glace · 15:00 · en pause"
        )
