"""CPU seconds to print the whole built-in deck and a 12-group booklet, per page, to a floor.

The floor, measured in the same run with the same fonts and fetcher, is a
minimal one-page WeasyPrint document: what any PDF costs before our
templates do anything. The deck's time includes fitting every card's text
(the cards that may not fit are measured together first), as a first print
does; the second-command row forgets the sizes kept in memory but finds them
in the cache on disk, as a second `fiction print cards` does; the reprint row
keeps the sizes fitted by the previous run, as the app and the server do when
they print the same deck again. The disk cache lives in a temporary folder
for the run, never the user's.

A second table prints a group's script whose one SON cell holds a long text
against the same script with a one-line cell: the cost must grow no faster
than the text (it grew with its square while table cells broke words
`anywhere`).

    .venv/bin/python benchmarks/bench_print.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import QUICK, sized

NAME = "Atelier de mesure"
GROUPS = sized(12, 1)
LONG_CELL = sized(5000, 500)
"""Characters in the long SON cell of the script measure."""
PARAGRAPH = (
    "En 2050, la Maison des mille liens accueille chaque matin les habitants du quartier ; "
    "les hôtes de convivialité tiennent le comptoir, écoutent et orientent chacun. "
)


def filled_workshop(deck, folder: Path):
    """A dealt 12-group workshop in a temporary store, every group's writing filled in."""
    from fiction.engine import DealRequest, deal
    from fiction.store.creation import new_workshop
    from fiction.store.store import Store

    dealt = deal(deck, DealRequest(groups=GROUPS, seed=1))
    workshop = new_workshop(NAME, deck, dealt, now=time.time(), date="2025-03-12", place="Lyon")
    with Store(folder / "mesure.sqlite3") as store:
        store.add(workshop)
        for group in workshop.groups:
            number, author = group.number, group.pseudonym
            texts = {
                "title": f"Scénario {number}",
                "place_name": "La Maison des mille liens",
                "question": "Et si demain le CCAS ouvrait un café ?",
                "context": PARAGRAPH,
                "narrative": "\n".join([PARAGRAPH * 3] * 4),
                "purpose": PARAGRAPH,
                "actions": ["Ouvrir un café social", "Former des hôtes", "Créer une monnaie"],
                "new_actors": ["Hôte de convivialité", "Veilleur numérique"],
            }
            for field, value in texts.items():
                store.set_field(NAME, number, field, value, author)
            for point in group.hand(1).vigilance:
                store.set_field(NAME, number, f"vigilance/{point}", PARAGRAPH, author)
            for kind in ("headlines", "studio-intro", "report", "interview", "studio-close"):
                store.add_segment(
                    NAME, number, kind, author, image="Plan large\nGros plan", sound=PARAGRAPH
                )
        return store.load(NAME)


def script_workshop(deck, folder: Path, sound: str):
    """A one-group workshop whose news report is one segment saying `sound`."""
    from fiction.engine import DealRequest, deal
    from fiction.store.creation import new_workshop
    from fiction.store.store import Store

    dealt = deal(deck, DealRequest(groups=1, seed=1))
    workshop = new_workshop(NAME, deck, dealt, now=time.time(), date="2025-03-12", place="Lyon")
    with Store(folder / f"script-{len(sound)}.sqlite3") as store:
        store.add(workshop)
        store.add_segment(NAME, 1, "report", "mesure", image="Plan large", sound=sound)
        return store.load(NAME)


FLOOR_TEMPLATE = (
    '<html lang="fr"><style>{% include "fonts.css" %}</style>'
    "<body style=\"font-family: 'Fiction Sans'\">Bonjour</body></html>"
)
"""One word on one page, in the shipped font: the cost of any PDF at all."""


def measure(make_document, folders, repeat: int) -> tuple[int, list[float]]:
    """(pages, seconds of each run) for laying out and writing one document."""
    from fiction.render.pdf import Printer

    pages = []

    def once() -> None:
        printer = Printer(folders)
        document = make_document(printer)
        printer.pdf(document)
        pages.append(len(document.pages))

    times = cpu_times(once, repeat)
    return pages[-1], times


def cpu_times(function, repeat: int) -> list[float]:
    """CPU seconds of this process for each of `repeat` calls, after one warm-up call.

    WeasyPrint runs on one thread, so on a quiet machine these are the wall-clock
    seconds; on a shared one, wall-clock time mostly measures the neighbours, and
    the ratio to a 10 ms floor with it (it swung from 6 to 21 between two runs).
    """
    if not QUICK:
        function()
    timings = []
    for _ in range(repeat):
        start = time.process_time()
        function()
        timings.append(time.process_time() - start)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=sized(3, 1))
    args = parser.parse_args()

    from fiction.cards.loader import load_deck
    from fiction.render import cards, templating
    from fiction.render.booklet import booklet
    from fiction.render.cards import CACHE_ENV, CardOptions, cards_document, forget_fitted_sizes
    from fiction.render.documents import booklet_html, script_html
    from fiction.render.faces import deck_faces
    from fiction.render.templating import TemplateFolders
    from fiction.resources import builtin_deck_path

    deck = load_deck(builtin_deck_path())
    folders = TemplateFolders.chosen()
    # Quick: one card, whose text is estimated at risk (fitted before printing, as a
    # first print fits the deck's).
    faces = deck_faces(deck)[:1] if QUICK else deck_faces(deck)
    with tempfile.TemporaryDirectory() as folder:
        workshop = filled_workshop(deck, Path(folder))
        long_text = (PARAGRAPH * (LONG_CELL // len(PARAGRAPH) + 1))[:LONG_CELL]
        scripts = {
            length: script_html(
                folders, booklet(script_workshop(deck, Path(folder), text), deck), 1
            )
            for length, text in ((len(PARAGRAPH), PARAGRAPH), (LONG_CELL, long_text))
        }
    floor_html = templating.environment(folders).from_string(FLOOR_TEMPLATE).render()
    booklet_page = booklet_html(folders, booklet(workshop, deck))

    def whole_deck(printer):
        forget_fitted_sizes()  # every run measures the cards as a first print does
        return cards_document(printer, deck, faces, CardOptions())

    def second_command(printer):
        cards._FITTED.clear()  # a new process: only the sizes on disk are known
        return cards_document(printer, deck, faces, CardOptions())

    rows = [
        ("page minimale (plancher)", lambda printer: printer.layout(floor_html)),
        (f"jeu intégré ({len(faces)} cartes)", whole_deck),
        ("jeu intégré, 2e commande (tailles sur disque)", second_command),
        (
            "jeu intégré, réimpression (tailles gardées)",
            lambda printer: cards_document(printer, deck, faces, CardOptions()),
        ),
        (f"livret de {GROUPS} groupes", lambda printer: printer.layout(booklet_page)),
    ]
    with tempfile.TemporaryDirectory() as cache:
        os.environ[CACHE_ENV] = cache  # forget_fitted_sizes() empties it: never the user's
        results = [(name, *measure(make, folders, args.repeat)) for name, make in rows]
    floor = statistics.median(results[0][2]) / results[0][1]
    print(
        f"\nImpression PDF (WeasyPrint, secondes de processeur, "
        f"médiane de {args.repeat} exécutions)"
    )
    print(f"  {'mesure':<44} {'secondes':>9} {'pages':>6} {'ms/page':>9} {'× plancher':>11}")
    for name, pages, times in results:
        seconds = statistics.median(times)
        per_page = seconds / pages
        print(
            f"  {name:<44} {seconds:>9.2f} {pages:>6} {per_page * 1000:>9.1f} "
            f"{per_page / floor:>11.1f}"
        )

    def script_seconds(length: int) -> float:
        html = scripts[length]
        return statistics.median(
            measure(lambda printer: printer.layout(html), folders, args.repeat)[1]
        )

    short, long = script_seconds(len(PARAGRAPH)), script_seconds(LONG_CELL)
    print(
        f"\nTexte long dans le tableau IMAGE | SON (secondes de processeur, "
        f"médiane de {args.repeat} exécutions)"
    )
    print(f"  {'mesure':<44} {'secondes':>9} {'× base':>8} {'× texte':>8}")
    for length, seconds in ((len(PARAGRAPH), short), (LONG_CELL, long)):
        name = f"script, cellule de {length} caractères" + (" (base)" if seconds is short else "")
        print(
            f"  {name:<44} {seconds:>9.2f} {seconds / short:>8.1f} {length / len(PARAGRAPH):>8.1f}"
        )


if __name__ == "__main__":
    main()
