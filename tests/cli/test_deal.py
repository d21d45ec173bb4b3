"""`fiction deal` as a facilitator uses it: panels or JSON, a code that replays, French errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from fiction.cli import french
from fiction.cli.deal import deal_command
from fiction.engine import DEFAULT_REDRAW_LIMIT
from fiction.errors import FictionError

HAND_KEYS = ["group", "theme", "figure", "contexts", "roles", "vigilance", "inspiration", "prompt"]


@pytest.fixture(autouse=True, scope="module")
def french_click():
    french.install()


def invoke(*args: str):
    return CliRunner().invoke(deal_command, list(args), terminal_width=100)


def as_json(*args: str) -> dict:
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_json_has_the_documented_shape():
    data = as_json("--groups", "3", "--rounds", "2", "--seed", "42")
    assert list(data) == ["code", "seed", "rounds"]
    assert data["seed"] == 42
    assert len(data["rounds"]) == 2
    for round_data in data["rounds"]:
        assert list(round_data) == ["hands"]
        assert [hand["group"] for hand in round_data["hands"]] == [1, 2, 3]
        for hand in round_data["hands"]:
            assert list(hand) == HAND_KEYS
            for key in ("theme", "figure", "inspiration"):
                assert set(hand[key]) == {"id", "title"}
            assert len(hand["contexts"]) == 2 and len(hand["roles"]) == 3
            assert all(set(card) == {"id", "title"} for card in hand["vigilance"])
            assert set(hand["prompt"]) == {"question", "starter"}
            assert hand["prompt"]["question"].startswith("Et si demain")


def test_replaying_the_code_prints_the_same_deal():
    first = as_json("--groups", "4", "--rounds", "3", "--exclude", "radar", "--roles", "4")
    assert as_json("--replay", first["code"]) == first
    assert all(len(h["roles"]) == 4 for r in first["rounds"] for h in r["hands"])


def test_several_cards_of_a_kind_become_a_list_and_none_becomes_null():
    data = as_json("--groups", "2", "--seed", "1", "--themes", "2", "--inspirations", "0")
    hand = data["rounds"][0]["hands"][0]
    assert [set(card) for card in hand["theme"]] == [{"id", "title"}] * 2
    assert hand["inspiration"] is None


def test_facilitator_choices_reach_the_hands():
    data = as_json(
        "--groups",
        "3",
        "--seed",
        "5",
        "--figure",
        "radar",
        "--theme",
        "2=bonheur",
        "--pick",
        "3=isolement-ecrans",
    )
    hands = data["rounds"][0]["hands"]
    assert {hand["figure"]["id"] for hand in hands} == {"radar"}
    assert hands[1]["theme"]["id"] == "bonheur"
    assert "isolement-ecrans" in [card["id"] for card in hands[2]["contexts"]]


def test_panels_show_each_group_its_question_and_the_code():
    result = invoke("--groups", "2", "--seed", "8")
    assert result.exit_code == 0, result.output
    assert "Groupe 1" in result.output and "Groupe 2" in result.output
    assert "Et si demain" in result.output
    code = json.loads(invoke("--groups", "2", "--seed", "8", "--json").output)["code"]
    assert f"fiction deal --replay {code}" in result.output


def test_a_mistyped_code_is_refused_in_french():
    code = as_json("--groups", "2", "--seed", "8")["code"]
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    result = invoke("--replay", wrong)
    assert isinstance(result.exception, FictionError)
    assert "erroné" in result.exception.message


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((), "Indiquez le nombre de groupes"),
        (("--replay", "K7F3-92QX", "--groups", "2"), "retirez --groups"),
        (("--replay", "K7F3-92QX", "--roles", "4", "--exclude", "x"), "retirez --exclude, --roles"),
        (("--groups", "2", "--pick", "veilleur"), "écrivez GROUPE=CARTE"),
    ],
)
def test_usage_mistakes_are_explained_in_french(args, words):
    result = invoke(*args)
    assert result.exit_code == 2
    assert words in result.output
    assert "Error" not in result.output and "Usage:" not in result.output


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--groups", "0"), "Nombre de groupes impossible"),
        (("--groups", "2", "--exclude", "radar", "--figure", "radar"), "exclue et choisie"),
        (("--groups", "2", "--roles", "99"), "de 0 à 15"),
        (("--groups", "2", "--figure", "radarr"), "vouliez-vous dire « radar »"),
    ],
)
def test_impossible_requests_are_refused_in_french(args, words):
    result = invoke(*args)
    assert isinstance(result.exception, FictionError)
    assert words in result.exception.message


def test_help_is_french_and_states_the_engine_defaults():
    result = invoke("--help")
    assert result.exit_code == 0
    assert "Utilisation :" in result.output
    assert f"(par défaut : {DEFAULT_REDRAW_LIMIT})" in result.output
    for option in ("--groups", "--rounds", "--seed", "--theme-per-group", "--replay", "--json"):
        assert option in result.output


def test_the_command_module_imports_nothing_heavy():
    probe = (
        "import sys, json; import fiction.cli.deal; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} | "
        "{m for m in sys.modules if m.startswith('fiction.')})))"
    )
    loaded = set(
        json.loads(
            subprocess.run(
                [sys.executable, "-c", probe], capture_output=True, text=True, check=True
            ).stdout
        )
    )
    assert not loaded & {"rich", "jinja2", "yaml", "textual", "weasyprint", "hypothesis"}
    assert "fiction.engine" not in loaded


def test_dealing_imports_neither_textual_nor_weasyprint_nor_hypothesis():
    probe = (
        "import sys, json; from fiction.cli.deal import deal_command; "
        "deal_command.main(['--groups', '2', '--json'], standalone_mode=False); "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stderr.strip().splitlines()[-1]))
    assert not loaded & {"textual", "weasyprint", "hypothesis"}
    assert "jinja2" in loaded  # the prompts need it, and only then


def test_an_empty_replay_code_is_a_french_error(capsys):
    from fiction.cli.root import main

    with pytest.raises(SystemExit) as exit_info:
        main(["deal", "--replay", ""])

    err = capsys.readouterr().err
    assert exit_info.value.code == 1
    assert "Code de tirage" in err and "Erreur inattendue" not in err


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="no /dev/full here")
def test_output_to_a_full_device_is_a_french_error():
    result = subprocess.run(
        [sys.executable, "-m", "fiction", "deal", "--groups", "2", "--json"],
        stdout=open("/dev/full", "wb"),  # noqa: SIM115
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
    )

    assert result.returncode == 1
    assert "Impossible d'écrire" in result.stderr and "Traceback" not in result.stderr
