"""`fiction deck new`: copy the model deck so a facilitator starts from cards that work."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from fiction.cards.model import ID_PATTERN
from fiction.errors import FictionError
from fiction.resources import scaffold_deck_path, schema_path
from fiction.slug import slugify

_MODEL_ID = "mon-jeu"


def scaffold_deck(folder: Path, deck_id: str | None = None) -> list[Path]:
    """Create a small valid deck in `folder` (which must not hold files yet)."""
    deck_id = deck_id or _id_from_folder(folder)
    if not re.fullmatch(ID_PATTERN, deck_id):
        raise FictionError(
            f"« {deck_id} » n'est pas un identifiant valide : lettres minuscules sans accent, "
            "chiffres et tirets (choisissez-en un avec --id)."
        )
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FictionError(
            f"« {folder} » existe déjà et n'est pas un dossier vide : rien n'a été écrit."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        created = []
        for source in sorted(scaffold_deck_path().glob("*.yaml")):
            text = source.read_text(encoding="utf-8")
            text = text.replace("$schema=../deck.schema.json", "$schema=deck.schema.json")
            if source.name == "deck.yaml":
                text = text.replace(f"id: {_MODEL_ID}", f"id: {deck_id}", 1)
            target = folder / source.name
            target.write_text(text, encoding="utf-8")
            created.append(target)
        prompts = scaffold_deck_path() / "prompts"
        if prompts.is_dir():
            shutil.copytree(prompts, folder / "prompts")
            created.extend(sorted((folder / "prompts").iterdir()))
        schema_copy = folder / "deck.schema.json"
        shutil.copyfile(schema_path(), schema_copy)
        created.append(schema_copy)
    except OSError as error:
        raise FictionError(
            f"Impossible de créer le jeu dans « {folder} » ({error.strerror or error})."
        ) from error
    return created


def _id_from_folder(folder: Path) -> str:
    """A valid id from the folder name: `Mon Jeu 2026` → `mon-jeu-2026`."""
    return slugify(folder.resolve().name) or _MODEL_ID
