"""The Markdown export: a readable French account of what every group wrote."""

from __future__ import annotations

import dataclasses

import pytest

from fiction.render.markdown import french_date, group_file_name, group_markdown, workshop_markdown
from fiction.store.store import Store

NAME = "Atelier du Mans"


@pytest.mark.parametrize(
    ("iso", "french"),
    [("2025-03-12", "12 mars 2025"), ("2026-08-01", "1er août 2026"), ("", "")],
)
def test_dates_read_the_french_way(iso, french):
    assert french_date(iso) == french


def test_everything_written_appears_under_its_french_heading(store: Store, workshop, builtin_deck):
    store.set_field(NAME, 2, "question", "Et si demain le CCAS ouvrait un café ?", "Loutre")
    store.set_field(NAME, 2, "actions", ["Ouvrir le matin", "Former\ndes hôtes"], "Loutre")
    store.set_field(NAME, 2, "vigilance/deconvivialiser-les-lieux", "Les habitants décident.", "L")
    store.set_locked(NAME, 2, 1, "programmateur-convivialites", True, "Loutre")
    store.add_segment(NAME, 2, "vox-pop", "Loutre", image="Place du marché", speakers=["Habitante"])
    store.set_field(NAME, None, "review/amplify", ["Les cafés sociaux"], "animatrice")
    store.set_field(NAME, None, "weather", ["ensoleillé", "brumeux"], "animatrice")
    store.start_phase(NAME, 2, "animatrice")

    text = workshop_markdown(store.load(NAME), builtin_deck)

    for part in (
        "Phase en cours : Scénario.",
        "## Groupe 2 — Loutre Curieuse",
        "### Et si demain…\n\nEt si demain le CCAS ouvrait un café ?",
        "**Actions**\n\n- Ouvrir le matin\n- Former\n  des hôtes",
        "**Figure** : Programmateur de convivialités (verrouillée)",
        "- **« Déconvivialiser » le lieu** : Les habitants décident.",
        "| 1. **Micro-trottoir** — Habitante | Place du marché |  | 3 s (à 0:00) |",
        "## Bilan de l'atelier\n\n### Amplifier\n\n- Les cafés sociaux",
        "### Météo\n\nbrumeux, ensoleillé",
    ):
        assert part in text
    assert text.count("_Rien d’écrit pour l’instant._") == 2  # groups 1 and 3


def test_without_the_deck_cards_are_named_by_their_ids(store: Store, workshop):
    text = workshop_markdown(store.load(NAME))

    assert "**Figure** : programmateur-convivialites" in text


def test_a_groups_own_account_holds_its_cards_and_writing_under_its_pseudonym(
    store: Store, workshop, builtin_deck
):
    store.set_field(NAME, 2, "title", "Le café des possibles", "Loutre")
    store.set_field(NAME, 2, "actions", ["Ouvrir le matin"], "Loutre")
    store.set_field(NAME, 1, "title", "Un autre scénario", "Panda")
    loaded = store.load(NAME)

    text = group_markdown(loaded, loaded.group(2), builtin_deck)

    assert text.startswith("# Loutre Curieuse — atelier du Mans\n\n- **Date** : 12 mars")
    for part in (
        "## Les cartes\n\n- **Thème** : Vieillesses heureuses",
        "## Le scénario 2050 : Le café des possibles",
        "**Actions**\n\n- Ouvrir le matin",
        "## Points de vigilance",
    ):
        assert part in text
    assert "Un autre scénario" not in text
    assert "## Groupe 2 — Loutre Curieuse\n\n### Les cartes" in workshop_markdown(loaded)


def test_the_file_name_of_a_groups_account_is_plain_ascii(workshop):
    group = workshop.group(2)
    named = dataclasses.replace(workshop, name="Atelier d'Évreux (n° 2)")

    assert group_file_name(named, group) == "atelier-d-evreux-n-2-loutre-curieuse.md"


def test_the_room_is_told_with_its_sources_and_stays_inert(store: Store, workshop):
    store.set_field(NAME, 1, "weather", ["<script>x</script>", "soleil"], "Panda Zen")
    store.set_field(NAME, 2, "weather_end", ["Soleil"], "Loutre Curieuse")
    store.set_field(NAME, None, "weather_end", ["soleil"], "animatrice")
    store.set_field(NAME, 2, "review/create", ["<img src=x> &amp; un café"], "Loutre")
    store.set_field(NAME, 1, "votes", [2, 2], "Panda Zen")
    store.set_field(NAME, 1, "next_step", "Appeler <b>la mairie</b>", "Panda Zen")
    store.set_field(NAME, 3, "feedback", "Une après-midi | qui donne envie", "Renard Malin")

    hidden = workshop_markdown(store.load(NAME))
    assert "### Votes\n\nLes votes n'ont pas été révélés." in hidden
    assert "| 2. Loutre Curieuse" not in hidden

    store.set_field(NAME, None, "votes_revealed", True, "animatrice")
    text = workshop_markdown(store.load(NAME))

    for part in (
        "### Créer\n\n- &lt;img src=x> &amp;amp; un café _(Loutre Curieuse)_",
        "### Météo\n\nscript (2), soleil, x",
        "### Météo de fin\n\nsoleil (2)",
        "| Groupe | Scénario | Votes |\n|---|---|---|\n| 2. Loutre Curieuse | _sans titre_ | 2 |",
        "### Mes prochains petits pas\n\n- **Panda Zen** : Appeler &lt;b>la mairie&lt;/b>",
        "### En un mot\n\n- **Renard Malin** : Une après-midi | qui donne envie",
    ):
        assert part in text, part
    assert "<" not in text


def test_the_agenda_reads_as_the_booklet_prints_it(workshop):
    """Each day its own table starting again at the start time, the instructions
    beside each phase, and a `|` typed in a title kept inside its cell."""
    from fiction.store.agendas import AGENDA_FORMATS
    from fiction.store.model import Phase

    two_days = AGENDA_FORMATS["deux-jours"].phases
    agenda = (Phase("Accueil | café", 15, "Entrer\net s'asseoir", 1), *two_days[1:])
    text = workshop_markdown(dataclasses.replace(workshop, agenda=agenda, start_time="09:30"))
    section = text.split("## Ordre du jour", 1)[1].split("\n## ", 1)[0]
    assert section.count("| Début | Phase | Durée | Consignes |") == 2
    day_one, day_two = section.split("### Jour 2")
    assert "### Jour 1" in day_one
    assert "| 09:30 | Accueil \\| café | 15 min | Entrer et s'asseoir |" in day_one
    assert "| 09:30 | Accueil et météo | 15 min |" in day_two
    assert "Le groupe écrit son journal au conducteur" in day_two


def test_without_a_start_time_each_phase_starts_from_the_start_of_its_day(workshop):
    text = workshop_markdown(dataclasses.replace(workshop, start_time=""))
    assert "| + 0 min | Accueil et brise-glace | 15 min |" in text
    assert "| + 15 min | Exploration | 20 min |" in text
