"""Every class of bad deck input gets its own French message and location."""

from __future__ import annotations

from pathlib import Path

import pytest

from fiction.cards.loader import load_deck
from fiction.cards.yamlread import MAX_FILE_BYTES
from fiction.errors import DeckError, FictionError


def problems_of(deck_dir: Path) -> list[str]:
    with pytest.raises(DeckError) as caught:
        load_deck(deck_dir)
    return [str(problem) for problem in caught.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_model_deck_is_valid(model_deck_dir):
    deck = load_deck(model_deck_dir)
    assert deck.manifest.id == "mon-jeu"


def test_unknown_field_names_file_line_and_suggests_the_right_name(model_deck_dir):
    cards = model_deck_dir / "cartes.yaml"
    edit(cards, "    summary: Comment vivre", "    sumary: Comment vivre")
    line = line_of(cards, "sumary:")
    found = problems_of(model_deck_dir)
    assert (
        f"{cards}:{line}:5: themes[0].sumary — "
        "champ inconnu « sumary » (vouliez-vous dire « summary » ?)" in found
    )
    assert any("themes[0].summary — champ obligatoire manquant" in p for p in found)


def test_wrong_type_says_what_was_expected(model_deck_dir):
    deck_yaml = model_deck_dir / "deck.yaml"
    edit(deck_yaml, '  version: "0.1.0"', "  version: 0.1")
    found = problems_of(model_deck_dir)
    assert any(
        "deck.version — doit être un texte, pas le nombre 0.1 (mettez la valeur entre guillemets)"
        in p
        for p in found
    )


def test_list_expected_but_text_given(model_deck_dir):
    cards = model_deck_dir / "cartes.yaml"
    edit(cards, "      - Cartographier les ressources du territoire avec les habitant·es.\n", "")
    edit(cards, "    actions:\n", "    actions: Former des habitant·es relais.\n")
    edit(cards, "      - Former des habitant·es relais dans chaque quartier.\n", "")
    found = problems_of(model_deck_dir)
    assert any("figures[0].actions — doit être une liste" in p for p in found)


def test_duplicate_id_points_at_both_places(model_deck_dir):
    cards = model_deck_dir / "cartes.yaml"
    edit(cards, "  - id: agent-itinerant", "  - id: habitant-relais")
    found = problems_of(model_deck_dir)
    first = line_of(cards, "- id: habitant-relais")
    assert any(
        "identifiant « habitant-relais » déjà utilisé" in p and f"cartes.yaml:{first}" in p
        for p in found
    )


def test_dangling_role_reference_is_reported_at_the_reference(model_deck_dir):
    cards = model_deck_dir / "cartes.yaml"
    edit(
        cards,
        "roles: [habitant-relais, cartographe-social]",
        "roles: [habitant-relais, cartographe]",
    )
    line = line_of(cards, "roles: [habitant-relais, cartographe]")
    found = problems_of(model_deck_dir)
    assert any(
        f":{line}:" in p
        and "figures[0].roles[1]" in p
        and "« cartographe » ne correspond à aucune carte" in p
        for p in found
    )


def test_reference_to_a_card_of_the_wrong_kind(model_deck_dir):
    edit(
        model_deck_dir / "cartes.yaml",
        "vigilance: [relais-surcharges]",
        "vigilance: [habitant-relais]",
    )
    found = problems_of(model_deck_dir)
    assert any(
        "« habitant-relais » est une carte rôle, pas une carte vigilance" in p for p in found
    )


def test_text_too_long_for_its_printed_card(model_deck_dir):
    edit(
        model_deck_dir / "cartes.yaml",
        "    mission: Connaît son immeuble",
        "    mission: " + "x" * 300 + " Connaît",
    )
    found = problems_of(model_deck_dir)
    assert any(
        "roles[0].mission — texte trop long pour sa carte imprimée" in p and "220 au plus" in p
        for p in found
    )


def test_deck_that_cannot_deal_a_hand(model_deck_dir):
    edit(model_deck_dir / "deck.yaml", "    roles: 3", "    roles: 9")
    found = problems_of(model_deck_dir)
    assert any("une main demande 9 carte(s) rôle mais le jeu n'en a que 3" in p for p in found)


def test_figure_without_enough_own_roles_cannot_deal(model_deck_dir):
    edit(
        model_deck_dir / "cartes.yaml",
        "roles: [habitant-relais, cartographe-social]",
        "roles: [habitant-relais]",
    )
    found = problems_of(model_deck_dir)
    assert any("« ccas-passeur » n'a que 1 rôle(s)" in p for p in found)


def test_vigilance_point_owned_by_two_figures(model_deck_dir):
    cards = model_deck_dir / "cartes.yaml"
    text = cards.read_text(encoding="utf-8")
    start = text.index("figures:\n") + len("figures:\n")
    end = text.index("\nroles:")
    figure = text[start:end].replace("id: ccas-passeur", "id: ccas-bis")
    figure = figure.replace("id: guichet-ambulant", "id: guichet-bis").replace(
        "id: reseau-des-relais", "id: reseau-bis"
    )
    cards.write_text(text[:end] + "\n" + figure + text[end:], encoding="utf-8")
    found = problems_of(model_deck_dir)
    assert any("appartient déjà à la figure « ccas-passeur »" in p for p in found)


def test_duplicate_key_in_a_mapping(model_deck_dir):
    cards = model_deck_dir / "cartes.yaml"
    edit(
        cards,
        "    title: Bien vieillir chez soi\n",
        "    title: Bien vieillir chez soi\n    title: Encore\n",
    )
    found = problems_of(model_deck_dir)
    first = line_of(cards, "title: Bien vieillir")
    assert any(f"clé « title » en double (déjà à la ligne {first})" in p for p in found)


def test_alias_bomb_is_refused_without_expanding_it(model_deck_dir):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 12):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 9)}]")
    (model_deck_dir / "bombe.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problems_of(model_deck_dir)
    assert any("bombe.yaml:2:" in p and "les ancres et alias YAML" in p for p in found)


def test_self_referencing_alias_is_refused(model_deck_dir):
    (model_deck_dir / "boucle.yaml").write_text("themes: &boucle\n  - *boucle\n", encoding="utf-8")
    assert any("les ancres et alias YAML" in p for p in problems_of(model_deck_dir))


def test_oversized_file_is_not_read(model_deck_dir):
    big = model_deck_dir / "gros.yaml"
    big.write_text("# " + "x" * (MAX_FILE_BYTES + 10) + "\n", encoding="utf-8")
    assert any("gros.yaml: fichier trop gros" in p for p in problems_of(model_deck_dir))


def test_non_utf8_bytes_are_located(model_deck_dir):
    cards = model_deck_dir / "cartes.yaml"
    raw = cards.read_bytes().replace(
        b"Bien vieillir chez soi", "Bien vieillir chez soi".encode("latin-1") + b"\xe9t\xe9"
    )
    cards.write_bytes(raw)
    line = line_of_bytes(raw, b"\xe9t\xe9")
    found = problems_of(model_deck_dir)
    assert any(f"cartes.yaml:{line}:" in p and "doit être enregistré en UTF-8" in p for p in found)


def line_of_bytes(raw: bytes, needle: bytes) -> int:
    return raw[: raw.index(needle)].count(b"\n") + 1


def test_tabs_in_indentation_are_located(model_deck_dir):
    cards = model_deck_dir / "cartes.yaml"
    edit(cards, "    summary: Comment vivre", "\tsummary: Comment vivre")
    line = line_of(cards, "summary: Comment vivre")
    found = problems_of(model_deck_dir)
    assert (
        f"{cards}:{line}:1: tabulation dans l'indentation : YAML n'accepte que des espaces" in found
    )


def test_syntax_error_is_located_and_french(model_deck_dir):
    cards = model_deck_dir / "cartes.yaml"
    edit(cards, "    title: Bien vieillir chez soi", "    title: Bien vieillir: chez soi")
    line = line_of(cards, "Bien vieillir: chez soi")
    found = problems_of(model_deck_dir)
    assert any(f"cartes.yaml:{line}:" in p and "syntaxe YAML invalide" in p for p in found)


def test_unknown_section_suggests_the_closest(model_deck_dir):
    (model_deck_dir / "extra.yaml").write_text("theme:\n  - id: x\n", encoding="utf-8")
    found = problems_of(model_deck_dir)
    assert any(
        "extra.yaml:1:1: theme — section inconnue « theme » (vouliez-vous dire « themes » ?)" in p
        for p in found
    )


def test_python_tags_are_refused(model_deck_dir):
    (model_deck_dir / "danger.yaml").write_text(
        "themes: !!python/object/apply:os.system ['true']\n", encoding="utf-8"
    )
    found = problems_of(model_deck_dir)
    assert any("danger.yaml:1:" in p for p in found)


def test_missing_manifest(model_deck_dir):
    (model_deck_dir / "deck.yaml").unlink()
    found = problems_of(model_deck_dir)
    assert any("aucun fichier ne contient la section « deck »" in p for p in found)


def test_two_manifests(model_deck_dir):
    (model_deck_dir / "autre.yaml").write_text(
        (model_deck_dir / "deck.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert any("un seul manifeste « deck » par jeu" in p for p in problems_of(model_deck_dir))


def test_empty_file(model_deck_dir):
    (model_deck_dir / "vide.yaml").write_text("# rien\n", encoding="utf-8")
    assert any("vide.yaml: le fichier est vide" in p for p in problems_of(model_deck_dir))


def test_every_problem_is_reported_at_once(model_deck_dir):
    cards = model_deck_dir / "cartes.yaml"
    edit(cards, "    summary: Comment vivre", "    sumary: Comment vivre")
    edit(cards, "kind: numerique", "kind: numérique")
    edit(model_deck_dir / "deck.yaml", '    themes: "#2e6f95"', '    themes: "bleu"')
    found = problems_of(model_deck_dir)
    assert any("champ inconnu « sumary »" in p for p in found)
    assert any("« numérique » n'est pas une valeur permise" in p for p in found)
    assert any("« bleu » n'est pas une couleur valide" in p for p in found)


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FictionError, match="n'existe pas"):
        load_deck(tmp_path / "absent")


def test_folder_without_yaml(tmp_path):
    with pytest.raises(DeckError) as caught:
        load_deck(tmp_path)
    assert "aucun fichier YAML" in str(caught.value)


def test_a_deck_file_that_is_a_symlink_is_refused_not_read(tmp_path, model_deck_dir):
    outside = tmp_path / "ailleurs.yaml"
    outside.write_text("themes:\n  - id: secret\n", encoding="utf-8")
    (model_deck_dir / "lien.yaml").symlink_to(outside)

    found = problems_of(model_deck_dir)

    assert any("lien.yaml: fichier refusé : c'est un lien symbolique" in p for p in found)
    assert not any("secret" in p for p in found)


def test_a_symlink_to_a_file_of_the_deck_itself_is_refused_too(model_deck_dir):
    (model_deck_dir / "double.yaml").symlink_to(model_deck_dir / "cartes.yaml")

    assert any("double.yaml: fichier refusé" in p for p in problems_of(model_deck_dir))


def test_a_symlinked_folder_of_the_deck_is_refused(tmp_path, model_deck_dir):
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    (elsewhere / "cartes.yaml").write_text("themes: []\n", encoding="utf-8")
    (model_deck_dir / "figures").symlink_to(elsewhere)

    found = problems_of(model_deck_dir)

    assert any("figures: dossier refusé : c'est un lien symbolique" in p for p in found)


def test_a_fifo_named_like_a_deck_file_is_refused_without_blocking(model_deck_dir):
    import os

    os.mkfifo(model_deck_dir / "tube.yaml")

    assert any("tube.yaml: fichier refusé" in p for p in problems_of(model_deck_dir))


def test_a_huge_folder_is_refused_without_walking_all_of_it(tmp_path):
    for number in range(250):
        (tmp_path / f"f{number:03}.yaml").write_text("themes: []\n", encoding="utf-8")

    with pytest.raises(DeckError, match="1 problème") as caught:
        load_deck(tmp_path)

    assert "plus de 200 fichiers YAML" in str(caught.value)


def test_the_root_folder_is_refused_in_french():
    with pytest.raises(DeckError):
        load_deck(Path("/"))
