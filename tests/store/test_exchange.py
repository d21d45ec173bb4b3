"""Import files are checked: every problem named in French, by file and field."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from fiction.errors import FictionError
from fiction.store import exchange
from tests.workshops import small_workshop

EDIT = {
    "seq": 1,
    "at": 1.0,
    "author": "Panda Zen",
    "group": 1,
    "path": "title",
    "old": "",
    "new": "Le café",
    "undoes": None,
}


def _document() -> dict:
    return exchange.document(small_workshop(), ())


def _import(tmp_path: Path, content: str | bytes, name: str = "atelier.json"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return exchange.read_export(path)


def _broken(change) -> str:
    document = _document()
    change(document)
    return json.dumps(document, ensure_ascii=False)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("format"), "ce n'est pas un export d'atelier fiction"),
        (
            lambda d: d.update(version=exchange.FORMAT_VERSION + 1),
            "version plus récente de fiction",
        ),
        (
            lambda d: d["workshop"].update(start_time="14h"),
            "« workshop.start_time » : heure attendue au format HH:MM",
        ),
        (lambda d: d["workshop"].pop("name"), "« workshop.name » : clé manquante"),
        (lambda d: d["workshop"].update(nom="x"), "« workshop.nom » : clé inconnue"),
        (
            lambda d: d["workshop"]["groups"][0].update(titel="x"),
            "groups\\[0\\].titel » : clé inconnue \\(vouliez-vous dire « title » \\?\\)",
        ),
        (lambda d: d["workshop"].update(date="12/03/2025"), "workshop.date » : date attendue"),
        (
            lambda d: d["workshop"]["groups"][2].update(step=0),
            "« workshop.groups\\[2\\].step » : doit être entre 1 et 7",
        ),
        (
            lambda d: d["workshop"]["groups"][1].update(pseudonym="Panda Zen"),
            "« workshop.groups\\[1\\].pseudonym » : « Panda Zen » déjà pris",
        ),
        (
            lambda d: d["workshop"]["groups"][0]["hands"][0].update(locked=["radar"]),
            "la carte « radar » n'est pas dans la main",
        ),
        (
            lambda d: d.update(history=[EDIT | {"seq": 2}]),
            "« history\\[0\\].seq » : numéro 1 attendu \\(et non 2\\)",
        ),
        (lambda d: d["workshop"].update(created_at="hier"), "created_at » : doit être un nombre"),
        (
            lambda d: d.update(history=[EDIT, EDIT | {"seq": 2, "undoes": 2}]),
            "« history\\[1\\].undoes » : doit être entre 1 et 1",
        ),
        (
            lambda d: d.update(history=[EDIT | {"group": 4}]),
            "« history\\[0\\].group » : doit être entre 1 et 3",
        ),
    ],
)
def test_a_wrong_value_is_named_with_its_path_in_the_file(tmp_path, change, message):
    with pytest.raises(
        FictionError, match="Impossible d'importer « .*atelier.json » : .*" + message
    ):
        _import(tmp_path, _broken(change))


def test_broken_json_says_where(tmp_path):
    with pytest.raises(FictionError, match="JSON invalide ligne 2, colonne 1"):
        _import(tmp_path, '{"format":\n}')


def test_broken_yaml_says_where(tmp_path):
    with pytest.raises(FictionError, match="syntaxe YAML invalide ligne 2"):
        _import(tmp_path, "format: x\n  - : [\n", "atelier.yaml")


def test_yaml_aliases_are_refused_before_anything_is_built(tmp_path):
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    with pytest.raises(FictionError, match="les alias YAML"):
        _import(tmp_path, bomb, "atelier.yaml")


def test_a_file_not_in_utf8_is_refused(tmp_path):
    with pytest.raises(FictionError, match="UTF-8"):
        _import(tmp_path, '{"name": "Atelier à Évry"}'.encode("latin-1"))


def test_a_missing_file_is_reported_in_french(tmp_path):
    with pytest.raises(FictionError, match=r"Le fichier « .*absent\.json » n'existe pas"):
        exchange.read_export(tmp_path / "absent.json")


def test_an_unquoted_yaml_date_is_read_as_the_date_written(tmp_path):
    text = exchange.to_yaml(small_workshop(), ()).replace("date: '2025-03-12'", "date: 2025-03-12")
    assert "date: 2025-03-12\n" in text

    workshop, _ = _import(tmp_path, text, "atelier.yaml")

    assert workshop.date == "2025-03-12"


def test_an_export_of_format_1_imports_without_a_start_time(tmp_path):
    document = _document()
    document["version"] = 1
    del document["workshop"]["start_time"]

    workshop, _ = _import(tmp_path, json.dumps(document, ensure_ascii=False))

    assert workshop == small_workshop()
    assert workshop.start_time == ""


def test_yaml_writes_multi_line_texts_as_readable_blocks():
    workshop = small_workshop()
    group = workshop.groups[0]
    written = dataclasses.replace(
        workshop,
        groups=(
            dataclasses.replace(group, narrative="Ligne un\nLigne deux\n"),
            *workshop.groups[1:],
        ),
    )
    assert "narrative: |\n      Ligne un\n      Ligne deux\n" in exchange.to_yaml(written, ())


def _segment(number: int) -> dict:
    return {"id": number, "kind": "report", "image": "", "sound": "", "speakers": [], "cue": ""}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["workshop"].update(agenda=[{"title": "Phase", "minutes": 1}] * 201),
            r"« workshop\.agenda » : liste trop longue \(201 éléments ; 200 au plus\)",
        ),
        (
            lambda d: d["workshop"]["groups"][0].update(
                segments=[_segment(n) for n in range(1, 202)]
            ),
            r"« workshop\.groups\[0\]\.segments » : liste trop longue",
        ),
    ],
)
def test_imported_lists_are_capped_like_the_others(tmp_path, change, message):
    with pytest.raises(FictionError, match=message):
        _import(tmp_path, _broken(change))


def test_the_imported_history_is_capped(tmp_path, monkeypatch):
    from fiction.store import plain

    monkeypatch.setattr(plain, "MAX_HISTORY", 2)
    edits = [EDIT | {"seq": n} for n in (1, 2, 3)]

    with pytest.raises(FictionError, match=r"« history » : historique trop long \(3 "):
        _import(tmp_path, _broken(lambda d: d.update(history=edits)))


def test_the_size_read_is_checked_not_the_size_the_path_claims(monkeypatch):
    monkeypatch.setattr(exchange, "MAX_FILE_BYTES", 1000)  # a red run must not eat the memory

    with pytest.raises(FictionError, match=r"« /dev/zero » : fichier trop gros"):
        exchange.read_export(Path("/dev/zero"))


def test_a_lone_surrogate_in_json_is_a_french_error(tmp_path):
    document = _broken(lambda d: d["workshop"].update(name="A\\ud800"))

    with pytest.raises(FictionError, match="caractère isolé"):
        _import(tmp_path, document.replace("A\\\\ud800", "A\\ud800"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["workshop"]["groups"][0]["hands"][0].update(redraws=10**30),
            r"« workshop\.groups\[0\]\.hands\[0\]\.redraws » : doit être entre 0 et",
        ),
        (
            lambda d: d["workshop"].update(created_at=10**400),
            r"« workshop\.created_at » : doit être un nombre fini",
        ),
    ],
)
def test_numbers_the_store_cannot_hold_are_refused_in_french(tmp_path, change, message):
    with pytest.raises(FictionError, match=message):
        _import(tmp_path, _broken(change))


@pytest.mark.parametrize("name", ["atelier.json", "atelier.yaml"])
def test_an_integer_of_thousands_of_digits_is_a_french_error(tmp_path, name):
    with pytest.raises(FictionError, match="Impossible d'importer"):
        _import(tmp_path, '{"format": ' + "9" * 5000 + "}", name)
