"""Time to load and validate the built-in deck, beside plain YAML parsing of its files.

The baseline is `yaml.safe_load` (libyaml when available) of the same files in
the same run: the price of reading the bytes, with none of our checks.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import print_rows, sized, time_call

from fiction.cards.loader import deck_files, load_deck
from fiction.resources import builtin_deck_path

REPEAT = sized(30, 1)


def main() -> None:
    deck_path = builtin_deck_path()
    files = deck_files(deck_path)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def plain_yaml() -> None:
        for path in files:
            yaml.load(path.read_text(encoding="utf-8"), Loader=loader)

    rows = [
        (f"yaml.safe_load des {len(files)} fichiers (base)", time_call(plain_yaml, REPEAT)),
        (
            "load_deck : lecture, validation, résolution",
            time_call(lambda: load_deck(deck_path), REPEAT),
        ),
    ]
    size = sum(path.stat().st_size for path in files)
    print(f"Jeu intégré : {len(files)} fichiers, {size / 1024:.0f} Kio")
    print_rows("Chargement du jeu de cartes", rows, baseline=rows[0][0])


if __name__ == "__main__":
    main()
