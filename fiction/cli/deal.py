"""`fiction deal`: deal hands to the groups of a workshop, or replay a deal from its code.

Like every command module, this one imports only Click at the top: the deck
loader, the engine, Rich and Jinja2 are imported inside the command, so
`fiction --help` stays fast.

`--json` prints `{"code", "seed", "rounds": [{"hands": [{"group", "theme",
"figure", "contexts", "roles", "vigilance", "inspiration", "prompt"}]}]}`,
each card as `{"id", "title"}` and `prompt` as `{"question", "starter"}`.
`theme`, `figure` and `inspiration` are single cards when a hand holds one of
them (the usual hand), `null` when it holds none and lists when it holds more.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from fiction.cli.french import CONTEXT_SETTINGS
from fiction.cli.options import deck_option

DEAL_OPTIONS = (
    "groups",
    "rounds",
    "seed",
    "theme_per_group",
    "themes",
    "figure",
    "picks",
    "excluded",
    "redraw_limit",
    "theme_count",
    "figure_count",
    "context_count",
    "role_count",
    "vigilance_count",
    "inspiration_count",
)
COUNT_OPTIONS = {
    "themes": ("theme_count", "thème"),
    "figures": ("figure_count", "figure"),
    "contexts": ("context_count", "contexte"),
    "roles": ("role_count", "rôle"),
    "vigilance": ("vigilance_count", "vigilance"),
    "inspirations": ("inspiration_count", "inspiration"),
}
SINGULAR_KEYS = {"themes": "theme", "figures": "figure", "inspirations": "inspiration"}


def _count_options(command: Any) -> Any:
    """`--themes N`, `--roles N`…: how many cards of each kind a hand holds."""
    for kind, (name, label) in reversed(COUNT_OPTIONS.items()):
        command = click.option(
            f"--{kind}",
            name,
            type=int,
            metavar="N",
            help=f"Nombre de cartes {label} par main (par défaut : celui du jeu).",
        )(command)
    return command


def _assignments(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> tuple[tuple[int, str], ...]:
    """`2=bonheur` → (2, "bonheur")."""
    parsed = []
    for value in values:
        group, sep, card_id = value.partition("=")
        if not sep or not group.strip().isdigit() or not card_id.strip():
            raise click.BadParameter(
                f"« {value} » : écrivez GROUPE=CARTE, par exemple 2=bonheur.", ctx, param
            )
        parsed.append((int(group), card_id.strip()))
    return tuple(parsed)


@click.command("deal", context_settings=CONTEXT_SETTINGS)
@deck_option
@click.option("--groups", type=int, metavar="N", help="Nombre de groupes (1 à 32).")
@click.option(
    "--rounds",
    type=int,
    default=1,
    show_default=True,
    metavar="N",
    help="Nombre de tours : une main par groupe et par tour, jamais deux fois la même figure.",
)
@click.option(
    "--seed",
    type=int,
    metavar="GRAINE",
    help="Graine du hasard (0 à 33554431) : la même graine redonne le même tirage.",
)
@click.option(
    "--theme-per-group",
    is_flag=True,
    help="Un thème par groupe, gardé à chaque tour (comme dans les ateliers de 2019).",
)
@click.option(
    "--theme",
    "themes",
    multiple=True,
    callback=_assignments,
    metavar="GROUPE=THÈME",
    help="Donner ce thème à ce groupe, par exemple --theme 2=bonheur (répétable).",
)
@click.option(
    "--figure", metavar="FIGURE", help="Imposer cette figure à tous les groupes (son identifiant)."
)
@click.option(
    "--pick",
    "picks",
    multiple=True,
    callback=_assignments,
    metavar="GROUPE=CARTE",
    help="Mettre cette carte dans la main de ce groupe, par exemple --pick 1=veilleur (répétable).",
)
@click.option(
    "--exclude",
    "excluded",
    multiple=True,
    metavar="CARTE",
    help="Ne jamais distribuer cette carte (répétable).",
)
@click.option(
    "--redraw-limit",
    type=int,
    metavar="N",
    help="Nouveaux tirages permis par groupe et par tour (par défaut : 2).",
)
@_count_options
@click.option(
    "--replay",
    metavar="CODE",
    help="Rejouer un tirage à partir de son code, par exemple K7F3-92QX.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Écrire le tirage en JSON (code, graine, tours, mains, questions) plutôt qu'en panneaux.",
)
@click.pass_context
def deal_command(
    ctx: click.Context, deck_path: Path | None, replay: str | None, as_json: bool, **options: Any
) -> None:
    """Distribuer une main de cartes à chaque groupe, ou rejouer un tirage à partir de son code.

    Chaque main compte par défaut 1 thème, 1 figure, 2 contextes, 3 rôles (dont 2 propres à
    la figure), 2 points de vigilance (dont 1 propre à la figure) et 1 inspiration.
    Le code affiché à la fin redonne exactement le même tirage avec --replay.
    """
    given = [
        param.opts[0]
        for param in ctx.command.params
        if param.name in DEAL_OPTIONS
        and ctx.get_parameter_source(param.name) is not click.core.ParameterSource.DEFAULT
    ]
    if replay is not None and given:
        names = ", ".join(given)
        raise click.UsageError(
            f"--replay redonne un tirage tel quel : retirez {names} (seuls --deck et --json "
            "vont avec lui).",
            ctx,
        )
    if replay is None and options["groups"] is None:
        raise click.UsageError(
            "Indiquez le nombre de groupes avec --groups N (ou un code avec --replay).", ctx
        )

    from fiction.cards.loader import load_deck
    from fiction.cards.locate import deck_folder
    from fiction.engine import deal, load_prompts
    from fiction.engine import replay as replay_deal

    folder = deck_folder(deck_path)
    deck = load_deck(folder)
    dealt = replay_deal(deck, replay) if replay is not None else deal(deck, _request(deck, options))
    prompts = load_prompts(folder)
    composed = {(hand.round, hand.group): prompts.compose(deck, hand) for hand in dealt.hands()}
    if as_json:
        import json

        click.echo(json.dumps(_as_json(deck, dealt, composed), ensure_ascii=False, indent=2))
    else:
        _print_panels(deck, dealt, composed)


def _request(deck: Any, options: dict[str, Any]) -> Any:
    import dataclasses

    from fiction.engine import DEFAULT_REDRAW_LIMIT, DealRequest

    counts = {
        kind: options[name]
        for kind, (name, _) in COUNT_OPTIONS.items()
        if options[name] is not None
    }
    redraw_limit = options["redraw_limit"]
    return DealRequest(
        groups=options["groups"],
        rounds=options["rounds"],
        seed=options["seed"],
        hand=dataclasses.replace(deck.manifest.hand, **counts),
        theme_per_group=options["theme_per_group"],
        themes=options["themes"],
        figure=options["figure"],
        picks=options["picks"],
        excluded=options["excluded"],
        redraw_limit=DEFAULT_REDRAW_LIMIT if redraw_limit is None else redraw_limit,
    )


def _as_json(deck: Any, dealt: Any, composed: dict[tuple[int, int], Any]) -> dict[str, Any]:
    hand_spec = dealt.request.hand

    def cards(ids: tuple[str, ...]) -> list[dict[str, str]]:
        return [{"id": card_id, "title": deck.card(card_id).title} for card_id in ids]

    def hand_json(hand: Any) -> dict[str, Any]:
        entry: dict[str, Any] = {"group": hand.group}
        for kind in ("themes", "figures", "contexts", "roles", "vigilance", "inspirations"):
            listed = cards(hand.ids(kind))
            if kind in SINGULAR_KEYS:
                count = hand_spec.count(kind)
                entry[SINGULAR_KEYS[kind]] = (
                    listed if count > 1 else (listed[0] if listed else None)
                )
            else:
                entry[kind] = listed
        prompt = composed[(hand.round, hand.group)]
        entry["prompt"] = {"question": prompt.question, "starter": prompt.starter}
        return entry

    return {
        "code": dealt.code,
        "seed": dealt.seed,
        "rounds": [{"hands": [hand_json(hand) for hand in hands]} for hands in dealt.rounds],
    }


def _print_panels(deck: Any, dealt: Any, composed: dict[tuple[int, int], Any]) -> None:
    from rich.console import Console, Group
    from rich.panel import Panel
    from rich.text import Text

    colours = deck.manifest.colours
    labels = (
        ("themes", "Thème"),
        ("figures", "Figure"),
        ("contexts", "Contextes"),
        ("roles", "Rôles"),
        ("vigilance", "Vigilance"),
        ("inspirations", "Inspiration"),
    )
    console = Console()
    several_rounds = len(dealt.rounds) > 1
    for hands in dealt.rounds:
        for hand in hands:
            lines = []
            for kind, label in labels:
                ids = hand.ids(kind)
                if not ids:
                    continue
                colour = getattr(colours, kind)
                line = Text(f"{label} : ", style=f"bold {colour}")
                line.append(" · ".join(deck.card(card_id).title for card_id in ids), style=colour)
                lines.append(line)
            prompt = composed[(hand.round, hand.group)]
            lines += [
                Text(""),
                Text(prompt.question, style="bold"),
                Text(prompt.starter, style="italic"),
            ]
            title = f"Groupe {hand.group}" + (f" · tour {hand.round}" if several_rounds else "")
            console.print(
                Panel(Group(*lines), title=title, title_align="left", border_style=colours.figures)
            )
    console.print(
        Text.assemble(
            ("Code du tirage : ", "bold"), (dealt.code, "bold"), f" (graine {dealt.seed})"
        )
    )
    console.print(f"Pour le rejouer : fiction deal --replay {dealt.code}", highlight=False)
