"""The script as timed rows, and as the Markdown A/V table of the Relecture export."""

from __future__ import annotations

import pytest

from fiction.render.markdown import group_markdown
from fiction.report.norms import OVER, Target
from fiction.report.script import clock, duration, timed_script
from fiction.store.model import Segment
from fiction.store.store import Store

NAME = "Atelier du Mans"

SCRIPT = (
    Segment(1, "headlines", image="Vue du quartier\nBandeau : Le Mans, 2050", sound="un " * 45),
    Segment(2, "report", image="Plan large\nGros plan", sound="deux " * 270, cue="Fin."),
    Segment(3, "studio-close", image="Plateau\nGénérique"),
)


def test_each_row_starts_where_the_previous_ended():
    script = timed_script(SCRIPT)

    assert [line.start for line in script.lines] == pytest.approx([0, 15, 105])
    assert [line.seconds for line in script.lines] == pytest.approx([15, 90, 6])
    assert script.total == pytest.approx(111)
    assert script.verdict == "under"


def test_rows_keep_shots_and_captions_apart_and_find_the_cue():
    first, second, _ = timed_script(SCRIPT).lines

    assert first.shots == ("Vue du quartier",) and first.captions == ("Bandeau : Le Mans, 2050",)
    assert first.cue == "…un un un un un"
    assert second.cue == "Fin."  # the group's own cue wins over the last words


def test_a_long_script_is_over_its_target():
    assert timed_script(SCRIPT, target=Target(60)).verdict == OVER


@pytest.mark.parametrize(
    ("seconds", "text", "at"), [(42, "42 s", "0:42"), (75.4, "1 min 15 s", "1:15")]
)
def test_durations_read_the_french_way(seconds, text, at):
    assert duration(seconds) == text
    assert clock(seconds) == at


def test_the_relecture_export_holds_the_script_as_a_timed_av_table(store: Store, workshop):
    sound = "Oui, le café | la place ! " * 2
    store.add_segment(
        NAME, 2, "vox-pop", "Loutre", image="Place du marché", sound=sound, speakers=["Habitante"]
    )
    store.add_segment(NAME, 2, "studio-close", "Loutre", image="Plateau\nBandeau : Fin")

    text = group_markdown(store.load(NAME), store.load(NAME).group(2))

    assert "## Le journal télévisé\n\n| Séquence | Image | Son | Durée |\n|---|---|---|---|" in text
    assert (
        "| 1. **Micro-trottoir** — Habitante | Place du marché | Oui, le café \\| la place ! "
        "Oui, le café \\| la place ! _(dernière phrase : …Oui, le café \\| la place !)_ "
        "| 3 s (à 0:00) |"
    ) in text
    assert "| 2. **Retour plateau** | Plateau / Bandeau : Fin |  | 3 s (à 0:03) |" in text
    assert (
        "Durée estimée : 6 s pour 3 min 00 s visées (en dessous), lecture à 180 mots par minute."
        in text
    )
