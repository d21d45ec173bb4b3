"""What the monkey (`tests/tui/monkey.py`) stands on: the adapter to the app's
internals, the other process editing the same workshop, the saved-text oracle,
and the sandbox a storm runs in."""

from __future__ import annotations

import contextlib
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fiction.errors import FictionError
from fiction.store.store import Store

WORKSHOP = "Atelier du Mans"
GROUPS = 4
ELSEWHERE = "autre écran"
"""The other process's name in the history."""
ROOT = Path(__file__).resolve().parents[2]


# --- the adapter: every use of the app's internals, in one place ----------------
# The wizard is being rewritten; what the storm reads of it is here and only here.


@contextlib.contextmanager
def poll_faster(seconds: float) -> Iterator[None]:
    """Make every screen read the store every `seconds`: more refreshes racing with keys."""
    from fiction.tui.screens import dashboard, join
    from fiction.tui.screens.group import room, wizard
    from fiction.tui.widgets import countdown

    places = [
        (wizard, "POLL_SECONDS"),
        (room, "POLL_SECONDS"),
        (join, "POLL_SECONDS"),
        (dashboard.DashboardScreen, "POLL_SECONDS"),
        (getattr(countdown, "Countdown", None), "POLL_SECONDS"),
    ]
    saved = [(owner, name, getattr(owner, name)) for owner, name in places if hasattr(owner, name)]
    for owner, name, _ in saved:
        setattr(owner, name, seconds)
    try:
        yield
    finally:
        for owner, name, value in saved:
            setattr(owner, name, value)


def wizard_step(screen: Any) -> int | None:
    """The number of the step a group wizard shows (None for another screen)."""
    from fiction.tui.screens.group.wizard import GroupWizardScreen

    if not isinstance(screen, GroupWizardScreen):
        return None
    step = getattr(screen, "step", None)
    return getattr(step, "NUMBER", None)


def saved_claims(screen: Any) -> tuple[str, int, dict[str, Any]] | None:
    """(workshop, group, {store path: value}) a wizard shows as saved, or None.

    While « ✓ enregistré » is shown, every field of the step is claimed saved as a
    person sees it: a list includes its unfinished last line.
    """
    from textual.widgets import Input

    from fiction.tui.screens.group.wizard import GroupWizardScreen
    from fiction.tui.widgets.list_editor import ListEditor

    if not isinstance(screen, GroupWizardScreen) or not screen.is_attached:
        return None
    step = getattr(screen, "step", None)
    if step is None or not step.is_attached:
        return None
    try:
        status = str(screen.query_one("#wizard-status").render())
    except Exception:  # not there (yet, or any more): nothing is claimed
        return None
    if "✓" not in status:
        return None
    claims = dict(step.values())
    for path, widget in getattr(step, "fields", {}).items():
        if isinstance(widget, ListEditor):
            claims[path] = [line.value for line in widget.query(Input) if line.value.strip()]
    return screen.workshop_name, screen.group_number, claims


def crash_of(app: Any) -> BaseException | None:
    """The error that ended the app: fiction's own record, else Textual's."""
    return getattr(app, "_crash", None) or getattr(app, "_exception", None)


def has_ended(app: Any) -> bool:
    return bool(getattr(app, "_exit", False)) or crash_of(app) is not None or not app.is_running


# --- the other process ------------------------------------------------------------


def write_elsewhere(store_path: str, name: str, seed: int, interval: float) -> None:
    """Edit the workshop as another screen would, until killed; one line per edit."""
    from fiction.store.model import SEGMENT_KINDS

    rng = random.Random(seed)
    with Store(store_path) as store:
        number = 0
        while True:
            number += 1
            group = rng.randint(1, GROUPS)
            text = f"ailleurs {number}"
            roll = rng.random()
            try:
                if roll < 0.45:
                    path = rng.choice(("title", "question", "narrative", "purpose", "context"))
                    edit = store.set_field(name, group, path, text, ELSEWHERE)
                elif roll < 0.6:
                    path = rng.choice(("actions", "new_actors"))
                    edit = store.set_field(name, group, path, [text, "et encore"], ELSEWHERE)
                elif roll < 0.7:
                    points = store.load(name).group(group).hands[-1].vigilance
                    path = f"vigilance/{rng.choice(points)}"
                    edit = store.set_field(name, group, path, text, ELSEWHERE)
                elif roll < 0.85:
                    segments = store.load(name).group(group).segments
                    if len(segments) < 3 or rng.random() < 0.3:
                        kind = rng.choice(SEGMENT_KINDS)
                        edit = store.add_segment(name, group, kind, ELSEWHERE, sound=text)
                    elif rng.random() < 0.2:
                        doomed = rng.choice(segments).id
                        edit = store.remove_segment(name, group, doomed, ELSEWHERE)
                    else:
                        path = f"segment/{rng.choice(segments).id}/sound"
                        edit = store.set_field(name, group, path, text, ELSEWHERE)
                elif roll < 0.9:
                    edit = store.start_phase(name, rng.randint(0, 2), ELSEWHERE)
                else:
                    edit = store.pause_phase(name, ELSEWHERE)
            except FictionError as error:  # a paused phase paused again, a busy store…
                print("refus", error, sep="\t", flush=True)
            else:
                if edit is not None:
                    print(edit.seq, edit.group, edit.path, sep="\t", flush=True)
            time.sleep(interval * rng.uniform(0.5, 1.5))


@contextlib.contextmanager
def other_process(folder: Path, store_path: Path, seed: int, interval: float) -> Iterator[Path]:
    """The other process, running for the `with` block; yields the file of its edits."""
    out = folder / f"elsewhere-{seed}.txt"
    command = [sys.executable, "-m", "tests.tui.monkey", "--writer", str(store_path)]
    command += ["--seed", str(seed), "--interval", str(interval)]
    with out.open("w", encoding="utf-8") as sink:
        writer = subprocess.Popen(command, cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT)
        try:
            yield out
        finally:
            writer.kill()
            writer.wait()


# --- the oracle ---------------------------------------------------------------------


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=list)


def as_stored(group: int, path: str, value: Any) -> Any:
    """`value` as the store keeps it (a speakers line becomes a list…); unchanged if refused."""
    from fiction.store.paths import editable

    try:
        return editable(group, path).check(value)
    except (FictionError, AttributeError, TypeError):
        return value


def stored_value(group: Any, path: str) -> Any:
    head, _, rest = path.partition("/")
    if head == "vigilance":
        return group.answers.get(rest, "")
    if head == "segment":
        number, _, name = rest.partition("/")
        found = [s for s in group.segments if str(s.id) == number]
        return getattr(found[0], name) if found else None
    return getattr(group, path, None)


@dataclass
class Claims:
    """What the screens said was saved: (workshop, group) → path → values."""

    noted: dict[tuple[str, int], dict[str, dict[str, int]]] = field(default_factory=dict)

    def note(self, workshop: str, group: int, values: dict[str, Any], key_index: int) -> None:
        paths = self.noted.setdefault((workshop, group), {})
        for path, value in values.items():
            paths.setdefault(path, {}).setdefault(canonical(value), key_index)

    def __len__(self) -> int:
        return sum(len(v) for paths in self.noted.values() for v in paths.values())

    def missing(self, store_path: Path) -> list[str]:
        """Each noted value a fresh Store never held, described in one line."""
        lost = []
        with Store(store_path) as store:
            for (workshop, number), paths in self.noted.items():
                held: dict[str, set[str]] = {}
                for edit in store.history(workshop, number):
                    for value in (edit.new, edit.old):
                        held.setdefault(edit.path, set()).add(canonical(value))
                        for key, item in value.items() if isinstance(value, dict) else ():
                            held.setdefault(f"{edit.path}/{key}", set()).add(canonical(item))
                group = store.load(workshop).group(number)
                for path, values in paths.items():
                    known = held.get(path, set()) | {canonical(stored_value(group, path))}
                    for value, key_index in values.items():
                        stored = canonical(as_stored(number, path, json.loads(value)))
                        if value not in known and stored not in known:
                            lost.append(
                                f"« {workshop} » groupe {number} {path} = {value[:120]} "
                                f"(vu enregistré à la touche {key_index})"
                            )
        return lost


def make_workshop(store_path: Path) -> None:
    """The workshop of the storm: 4 groups dealt from the built-in deck."""
    from fiction.cards.loader import load_deck
    from fiction.engine import DealRequest, deal
    from fiction.resources import builtin_deck_path
    from fiction.store.creation import new_workshop

    deck = load_deck(builtin_deck_path())
    dealt = deal(deck, DealRequest(groups=GROUPS, seed=2019))
    workshop = new_workshop(
        WORKSHOP, deck, dealt, now=time.time(), place="Le Mans", start_time="14:00"
    )
    with Store(store_path) as store:
        store.add(workshop)


@contextlib.contextmanager
def sandbox(folder: Path) -> Iterator[Path]:
    """Run in `folder`, crash reports under it (exports land there too); yields the
    folder where the app writes its crash reports."""
    from platformdirs import user_log_dir

    before = os.environ.get("XDG_STATE_HOME")
    os.environ["XDG_STATE_HOME"] = str(folder / "state")
    try:
        with contextlib.chdir(folder):
            logs = Path(user_log_dir("fiction"))
            assert folder in logs.parents, f"crash reports would go to {logs}"
            yield logs
    finally:
        if before is None:
            del os.environ["XDG_STATE_HOME"]
        else:
            os.environ["XDG_STATE_HOME"] = before
