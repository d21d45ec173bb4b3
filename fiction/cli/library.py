"""`fiction library …`: search and browse the scenarios of every workshop of the store.

Registered in `fiction.cli.root`. Like the rest of the CLI, this module
imports only Click at the top; the store, the library, the deck loader and
Rich are imported by the command that needs them. Groups are shown by their
pseudonym only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import click

from fiction.cli.french import CONTEXT_SETTINGS, FrenchGroup
from fiction.cli.options import deck_option, store_option

UNTITLED = "Scénario sans titre"
SCRIPT_LABELS = {"image": "journal télévisé, IMAGE", "sound": "journal télévisé, SON"}


@click.group("library", cls=FrenchGroup, context_settings=CONTEXT_SETTINGS)
def library_group() -> None:
    """Chercher et parcourir les scénarios de tous les ateliers de la base.

    Chaque groupe n'y figure que par son pseudonyme : les noms des personnes ne
    sortent jamais d'un atelier.
    """


def figure_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--figure",
        metavar="FIGURE",
        help="Une figure du CCAS, par son identifiant ou son titre (« radar », "
        "« Avocat social du territoire »).",
    )(command)


def theme_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--theme",
        metavar="THÈME",
        help="Un thème, par son identifiant ou son titre (« bonheur », « Bonnes santés »).",
    )(command)


@library_group.command("search", context_settings=CONTEXT_SETTINGS)
@click.argument("text", nargs=-1, required=True, metavar="TEXTE")
@figure_option
@theme_option
@click.option("--place", metavar="LIEU", help="Le lieu de l'atelier (« Le Mans », « lyon »).")
@click.option(
    "--year", type=click.IntRange(1900, 2200), metavar="ANNÉE", help="L'année de l'atelier."
)
@click.option(
    "--limit",
    "-n",
    type=click.IntRange(1),
    default=20,
    show_default=True,
    metavar="N",
    help="Nombre de scénarios affichés au plus.",
)
@deck_option
@store_option
def library_search(
    text: tuple[str, ...],
    figure: str | None,
    theme: str | None,
    place: str | None,
    year: int | None,
    limit: int,
    deck_path: Path | None,
    store_path: Path | None,
) -> None:
    """Chercher TEXTE dans les scénarios de tous les ateliers : titres, questions, récits,
    contextes, finalités, actions, rôles inventés, réponses aux points de vigilance et
    journaux télévisés.

    Majuscules, accents, pluriels, féminins et écriture inclusive ne comptent pas :
    « bienveilleur » trouve « Les bienveilleuses du quartier ». Un scénario doit
    contenir tous les mots cherchés ; les meilleurs viennent en premier.
    """
    from fiction.errors import FictionError
    from fiction.library import CardTitles, Filters, query_terms, search

    query = " ".join(text).strip()
    if not query_terms(query):
        raise FictionError(
            f"Rien à chercher dans « {query} » : les mots très courants "
            "(« le », « les », « du »…) sont ignorés."
        )
    workshops, where = _workshops(store_path)
    if not workshops:
        _no_workshop(where, "rien à chercher")
        return
    titles = _titles(workshops, deck_path) if figure or theme else CardTitles()
    if figure:
        _cards_or_fail(figure, _known(titles.figures, workshops, "figures"), "figure")
    if theme:
        _cards_or_fail(theme, _known(titles.themes, workshops, "themes"), "thème")
    filters = Filters(figure, theme, place, year)
    # The store's own engine ranks: PostgreSQL's French text search on a server.
    hits = search(workshops, query, filters, titles=titles, store=where)
    console = _console()
    from rich.text import Text

    where_said = _filters_said(figure, theme, place, year)
    if not hits:
        console.print(Text(f"Aucun scénario ne contient « {query} »{where_said}."))
        return
    shown = hits[:limit]
    count = f"{len(hits)} scénario{'s' if len(hits) > 1 else ''}"
    more = f" (les {len(shown)} premiers)" if len(shown) < len(hits) else ""
    console.print(Text(f"{count} pour « {query} »{where_said}{more} :", style="bold"))
    for rank, hit in enumerate(shown, start=1):
        scenario = hit.scenario
        console.print()
        console.print(Text(f"{rank}. {scenario.title or UNTITLED}", style="bold"))
        console.print(Text(f"   {_origin(scenario)}", style="dim"))
        line = Text(f"   {_field_label(hit.snippet.field)} : ")
        for part, found in hit.snippet.parts:
            if console.is_terminal:
                line.append(part, style="bold reverse" if found else "")
            else:
                line.append(f"[{part}]" if found else part)
        console.print(line)


@library_group.command("show", context_settings=CONTEXT_SETTINGS)
@figure_option
@theme_option
@deck_option
@store_option
def library_show(
    figure: str | None, theme: str | None, deck_path: Path | None, store_path: Path | None
) -> None:
    """Parcourir les scénarios par figure et par thème, tous ateliers confondus.

    Sans option : le tableau du nombre de scénarios de chaque figure pour chaque thème.
    Avec --figure et --theme : les scénarios de cette case (atelier, groupe, titre) ;
    avec l'une des deux : ceux de la ligne ou de la colonne.
    """
    from rich.table import Table
    from rich.text import Text

    from fiction.library import grid, scenarios

    workshops, where = _workshops(store_path)
    if not workshops:
        _no_workshop(where, "rien à parcourir")
        return
    titles = _titles(workshops, deck_path)
    found = grid(scenarios(workshops), titles)
    console = _console()
    if figure is None and theme is None:
        count = len(found.scenarios)
        table = Table(
            title=Text(
                f"Scénarios par figure et par thème ({len(workshops)} atelier"
                f"{'s' if len(workshops) > 1 else ''}, {count} scénario"
                f"{'s' if count > 1 else ''})"
            ),
            show_footer=True,
        )
        table.add_column("Figure \\ thème", footer="Total")
        for card in found.themes:
            table.add_column(
                Text(titles.theme(card)),
                justify="right",
                footer=str(len(found.of(theme=card))),
            )
        table.add_column("Total", justify="right", footer=str(count))
        for row in found.figures:
            counts = [found.count(row, column) for column in found.themes]
            table.add_row(
                Text(titles.figure(row)),
                *(str(number) if number else "·" for number in counts),
                str(len(found.of(figure=row))),
            )
        console.print(table)
        console.print(
            Text(
                "Un scénario compte dans chaque case de ses cartes ; « fiction library show "
                "--figure FIGURE --theme THÈME » liste ceux d'une case.",
                style="dim",
            )
        )
        return
    figure_id = _one_card(figure, titles.figures, found.figures, "figure")
    theme_id = _one_card(theme, titles.themes, found.themes, "thème")
    chosen = found.of(figure_id, theme_id)
    said = " × ".join(
        title
        for title in (
            titles.figure(figure_id) if figure_id else "",
            titles.theme(theme_id) if theme_id else "",
        )
        if title
    )
    if not chosen:
        console.print(Text(f"Aucun scénario pour « {said} »."))
        return
    table = Table(title=Text(f"{said} : {len(chosen)} scénario{'s' if len(chosen) > 1 else ''}"))
    for heading in ("Atelier", "Date", "Lieu", "Groupe", "Titre"):
        table.add_column(heading)
    if figure_id is None:
        table.add_column("Figure")
    if theme_id is None:
        table.add_column("Thème")
    from fiction.render.markdown import french_date

    for scenario in chosen:
        cells: list[Any] = [
            Text(scenario.workshop),
            french_date(scenario.date),
            Text(scenario.place),
            Text(scenario.pseudonym),
            Text(scenario.title or UNTITLED),
        ]
        if figure_id is None:
            cells.append(Text(" ; ".join(titles.figure(card) for card in scenario.figures)))
        if theme_id is None:
            cells.append(Text(" ; ".join(titles.theme(card) for card in scenario.themes)))
        table.add_row(*cells)
    console.print(table)


def _workshops(store_path: Path | None) -> tuple[tuple[Any, ...], Any]:
    """Every workshop of the store, read through its public API, and where the store is."""
    from fiction.store.store import Store

    with Store.for_reading(store_path) as store:
        return tuple(store.load(summary.name) for summary in store.workshops()), store.path


def _no_workshop(where: Path, what: str) -> None:
    click.echo(f"Aucun atelier dans {where} : {what}.")
    click.echo(
        "Créez-en un avec « fiction session new NOM --groups 4 » ou importez-en un "
        "avec « fiction session import FICHIER »."
    )


def _titles(workshops: Sequence[Any], deck_path: Path | None) -> Any:
    """Figure and theme titles from the decks of the workshops that are at hand."""
    from fiction.cards.locate import MissingDeckError, workshop_deck
    from fiction.library import CardTitles

    decks: dict[str, Any] = {}
    for workshop in workshops:
        if workshop.deck.id not in decks:
            try:
                decks[workshop.deck.id] = workshop_deck(workshop.name, workshop.deck.id, deck_path)
            except MissingDeckError:
                decks[workshop.deck.id] = None
    return CardTitles.of_decks(deck for deck in decks.values() if deck is not None)


def _known(titles: Mapping[str, str], workshops: Sequence[Any], kind: str) -> dict[str, str]:
    """Cards of this kind by id → title: the decks' and any a workshop holds without a deck."""
    known = dict(titles)
    for workshop in workshops:
        for group in workshop.groups:
            for hand in group.hands:
                known.update((card, card) for card in getattr(hand, kind) if card not in known)
    return known


def _cards_or_fail(asked: str, cards: Mapping[str, str], kind: str) -> tuple[str, ...]:
    from fiction.errors import FictionError
    from fiction.library.scenarios import cards_named

    named = cards_named(asked, cards)
    if not named:
        article = "Aucune figure" if kind == "figure" else "Aucun thème"
        raise FictionError(
            f"{article} ne correspond à « {asked} ». "
            f"{'Figures' if kind == 'figure' else 'Thèmes'} : {' ; '.join(cards.values())}."
        )
    return named


def _one_card(
    asked: str | None, titles: Mapping[str, str], present: Sequence[str], kind: str
) -> str | None:
    """The one card `asked` names (None when not asked); refused when it names none or several."""
    from fiction.errors import FictionError

    if asked is None:
        return None
    cards = {card: titles.get(card, card) for card in present}
    named = _cards_or_fail(asked, cards, kind)
    if len(named) > 1:
        raise FictionError(
            f"« {asked} » désigne plusieurs {'figures' if kind == 'figure' else 'thèmes'} : "
            f"{' ; '.join(cards[card] for card in named)}. Précisez."
        )
    return named[0]


def _origin(scenario: Any) -> str:
    """« Atelier du Mans · 12 mars 2025 · Le Mans — groupe 2, Loutre Curieuse »."""
    from fiction.render.markdown import french_date

    facts = [scenario.workshop, french_date(scenario.date), scenario.place]
    return f"{' · '.join(fact for fact in facts if fact)} — groupe {scenario.group}, " + (
        scenario.pseudonym
    )


def _field_label(field: str) -> str:
    from fiction.store.labels import field_label

    head, _, rest = field.partition("/")
    if head == "segment":
        return SCRIPT_LABELS.get(rest.rpartition("/")[2], "journal télévisé").capitalize()
    if head == "vigilance":
        return "Point de vigilance"
    label = field_label(field)
    return label[:1].upper() + label[1:]


def _filters_said(
    figure: str | None, theme: str | None, place: str | None, year: int | None
) -> str:
    said = [
        f"figure « {figure} »" if figure else "",
        f"thème « {theme} »" if theme else "",
        f"lieu « {place} »" if place else "",
        f"année {year}" if year else "",
    ]
    chosen = [item for item in said if item]
    return f" ({', '.join(chosen)})" if chosen else ""


def _console() -> Any:
    from rich.console import Console

    return Console()
