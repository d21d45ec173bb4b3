"""The monkey: seeded random key storms over every screen of the app, with a fresh
Store as the judge afterwards.

A storm opens the app on a new store holding one dealt workshop, starts another
process that edits the same workshop (every group, its texts, lists, answers,
segments and countdown), and presses thousands of random keys: letters (French
accents included), digits, Tab, Entrée, Échap, arrows, F1 F2 F3 F5, Ctrl+N,
Ctrl+R, Ctrl+P, rarely Ctrl+S and Ctrl+Q. It alternates bursts at full speed with
short pauses, and every hundred-odd keys it walks (with keys) to the screen it has
visited least — home, new workshop, workshop list, dashboard, join, each of the six
wizard steps, the prompter, a group's « La salle » (F6) and the facilitator's météo and
bilan (m on the dashboard) — so every screen gets its share. When the app ends
(Échap on the home, Ctrl+Q) it is started again: the quit path is tried too.

A storm fails when
- the app ends on an error (`app._crash`, or Textual's own panic), or writes a
  crash report (into `XDG_STATE_HOME`, redirected to the storm's folder);
- a key gets no answer for 30 s (Pilot's own limit);
- text the screen said was saved is missing from the store afterwards.

The saved-text oracle, sound while the other process edits the same fields:
whenever the group wizard shows « ✓ enregistré » (read twice, a moment apart, so
a keystroke still in flight is not taken for a claim), each field of its step, as
a person sees it (a list with its unfinished last line), is noted as "saved". At
the end a fresh `Store` must have held each noted value at some point: it is the
`new` (or `old`) of an edit of that path in the history, or the current value.
Last-writer-wins with the other process may legitimately replace a saved text
later, so "still the current value" would be wrong; "never reached the store"
is what a silent loss looks like, and that is what is checked.

Commands (from the repository root):

    .venv/bin/python -m pytest tests/tui/test_monkey.py          # CI form, ~30 s
    .venv/bin/python -m tests.tui.monkey --seconds 600 --seed 7   # a long storm
    .venv/bin/python -m tests.tui.monkey --keys 3000 --seed 7 --size 80x24
    .venv/bin/python -m tests.tui.monkey --replay FOLDER/keys-7-80x24.json

The adapter to the app's internals (kept in one place while the wizard is being
rewritten), the other process, the oracle and the sandbox are in `monkey_world.py`.

A failing storm prints its seed, the last 50 keys and the file holding every key
it pressed (with its pauses), which `--replay` presses again in the same order.
The other process's timing is not replayed, so a race may need a few tries.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.tui.monkey_world import (
    GROUPS,
    ROOT,
    WORKSHOP,
    Claims,
    crash_of,
    has_ended,
    make_workshop,
    other_process,
    poll_faster,
    sandbox,
    saved_claims,
    wizard_step,
    write_elsewhere,
)

SIZES = ((80, 24), (120, 40))

TEXT_KEYS = (
    *"abcdefghijklmnopqrstuvwxyz",
    *"éèêàâçùûôîïœ",
    *"AEÉ0123456789",
    *("space",) * 5,
    *",.'?-",
)
KEYS: tuple[tuple[float, tuple[str, ...]], ...] = (
    (50, TEXT_KEYS),
    (5, ("backspace",)),
    (1, ("delete",)),
    (6, ("tab",)),
    (3, ("shift+tab",)),
    (8, ("up", "down", "left", "right")),
    (1.5, ("home", "end", "pageup", "pagedown")),
    (5, ("enter",)),
    (2.5, ("escape",)),
    (1, ("f1",)),
    (3, ("f2",)),
    (4, ("f3",)),
    (1.5, ("f5",)),
    (1.5, ("ctrl+n",)),
    (1, ("ctrl+r",)),
    (0.4, ("ctrl+p",)),
    (0.8, ("ctrl+up", "ctrl+down")),
    (0.3, ("ctrl+s",)),
    (0.15, ("ctrl+q",)),
)
"""(weight, keys): one group is drawn by weight, then one key in it."""
OBSERVE_AFTER = frozenset({"f2", "f3", "escape", "enter", "tab", "shift+tab", "ctrl+n", "ctrl+r"})

TARGETS = {
    "home": 1,
    "new": 1,
    "workshops": 1,
    "dashboard": 1,
    "join": 1,
    **{f"wizard-{n}": 4 for n in range(1, 7)},
    "prompter": 1,
    "room": 2,
    "room-animation": 1,
    "wall": 1,
}
"""Where the storm walks to, and the share of keys each deserves."""


# --- the storm ------------------------------------------------------------------------

SCREEN_LABELS = {
    "HomeScreen": "home",
    "NewWorkshopScreen": "new",
    "WorkshopsScreen": "workshops",
    "DashboardScreen": "dashboard",
    "JoinScreen": "join",
    "PrompterScreen": "prompter",
    "RoomScreen": "room",
    "RoomSettingsScreen": "room-settings",
    "WallScreen": "wall",
}
ANSWERS = (("escape",), ("enter",), ("tab", "enter"), ("tab", "tab", "enter"), ("o",))
"""Ways to answer a question in a modal, one drawn at a time while walking home."""
MAX_CRASHES = 5
"""A storm stops after this many crashes: the same one again tells nothing new."""


def deleting(screen: Any) -> bool:
    """Whether `screen` asks to confirm a workshop's deletion."""
    return getattr(screen, "yes", None) == "Supprimer"


def screen_label(screen: Any) -> str:
    step = wizard_step(screen)
    if step is not None:
        return f"wizard-{step}"
    name = type(screen).__name__
    if name == "RoomScreen" and getattr(screen, "group_number", 0) is None:
        return "room-animation"  # the facilitator's own météo and bilan
    return SCREEN_LABELS.get(name, name)


def signature_of(error: BaseException) -> str:
    """`NoMatches: No nodes match '#x' on Y @ fiction/tui/…/wizard.py:270 in _show_progress`."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/fiction/" in Path(f.filename).as_posix()]
    where = ""
    if ours:
        frame = ours[-1]
        path = Path(frame.filename)
        with contextlib.suppress(ValueError):
            path = path.relative_to(ROOT)
        where = f" @ {path.as_posix()}:{frame.lineno} in {frame.name}"
    message = (str(error).splitlines() or [""])[0][:200]
    return f"{type(error).__name__}: {message}{where}"


@dataclass
class Failure:
    kind: str
    signature: str
    key_index: int
    last_keys: list[str]
    detail: str = ""


@dataclass
class StormReport:
    seed: int
    size: tuple[int, int]
    keys: int = 0
    seconds: float = 0.0
    starts: int = 0
    claims: int = 0
    elsewhere: int = 0
    coverage: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    key_file: Path | None = None

    def describe(self) -> str:
        width, height = self.size
        lines = [
            f"storm seed {self.seed} at {width}x{height}: {self.keys} keys in "
            f"{self.seconds:.1f} s, {self.starts} app start(s), {self.claims} values seen "
            f"saved, {self.elsewhere} edits by the other process",
            "keys per screen: "
            + ", ".join(f"{name} {count}" for name, count in self.coverage.most_common()),
        ]
        for failure in self.failures:
            lines += [
                f"FAILED ({failure.kind}) at key {failure.key_index}: {failure.signature}",
                f"  last {len(failure.last_keys)} keys: {' '.join(failure.last_keys)}",
            ]
            if failure.detail:
                lines += ["  " + line for line in failure.detail.rstrip().splitlines()[-25:]]
        if self.key_file is not None:
            lines.append(f"every key: {self.key_file}")
            lines.append(f"replay: .venv/bin/python -m tests.tui.monkey --replay {self.key_file}")
        return "\n".join(lines)


class Storm:
    """One storm: one seed, one terminal size, a budget of keys or of seconds."""

    def __init__(
        self,
        folder: Path,
        seed: int,
        size: tuple[int, int],
        *,
        keys: int | None = None,
        seconds: float | None = None,
        poll: float = 0.25,
        interval: float = 0.1,
        script: list[Any] | None = None,
    ) -> None:
        self.folder = folder
        self.size = size
        self.max_keys = keys
        self.max_seconds = seconds
        self.poll = poll
        self.interval = interval
        self.script = list(script) if script is not None else None
        self.rng = random.Random(seed)
        self.report = StormReport(seed, size)
        self.claims = Claims()
        self.log: list[Any] = []
        self.started = 0.0
        self.paced = False
        self.mode_left = 0
        self.since_steer = 0
        self.steer_every = 0
        """Keys before the next walk: the first is at once, into the wizard."""
        self.on_screen = ("", 0)

    # --- running ----------------------------------------------------------------

    async def run(self) -> StormReport:
        self.folder.mkdir(parents=True, exist_ok=True)
        store_path = self.folder / "ateliers.sqlite3"
        for leftover in (*self.folder.glob("ateliers.sqlite3*"), self.folder / "state"):
            shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink(missing_ok=True)
        make_workshop(store_path)
        writer_seed = self.report.seed + 1000
        with (
            sandbox(self.folder) as logs,
            poll_faster(self.poll),
            other_process(self.folder, store_path, writer_seed, self.interval) as edits,
        ):
            self.started = time.monotonic()
            while not self._over():
                await self._one_app(store_path)
            self.report.seconds = time.monotonic() - self.started
        self._judge(store_path, logs, edits)
        return self.report

    def _over(self) -> bool:
        crashes = sum(failure.kind == "crash" for failure in self.report.failures)
        if crashes >= MAX_CRASHES:
            return True
        if self.script is not None:
            return not self.script
        if self.max_seconds is not None and time.monotonic() - self.started >= self.max_seconds:
            return True
        return self.max_keys is not None and self.report.keys >= self.max_keys

    async def _one_app(self, store_path: Path) -> None:
        from fiction.tui.app import FictionApp

        app = FictionApp(store_path=store_path)
        self.report.starts += 1
        if self.report.starts > 1:
            self.log.append(["restart"])
        raised: BaseException | None = None
        try:
            async with app.run_test(size=self.size) as pilot:
                self.app, self.pilot = app, pilot
                await self._drive()
                if not has_ended(app):
                    await self._press("ctrl+q")  # the quit path, every time
        except Exception as error:
            raised = error
        crash = crash_of(app) or raised
        if crash is not None:
            self._fail("crash", signature_of(crash), "".join(traceback.format_exception(crash)))

    async def _drive(self) -> None:
        while not self._over() and not has_ended(self.app):
            if self.script is not None:
                entry = self.script.pop(0)
                if isinstance(entry, str):
                    await self._press(entry)
                elif entry[0] == "pause":
                    await self._pause(entry[1])
                continue
            if self._steer_due():
                await self._steer()
                continue
            await self._press(self._draw_key())
            await self._breathe()

    # --- keys and pauses --------------------------------------------------------

    def _draw_key(self) -> str:
        weights = [weight for weight, _ in KEYS]
        ((_, keys),) = self.rng.choices(KEYS, weights)
        return self.rng.choice(keys)

    async def _press(self, key: str) -> bool:
        """Press `key` unless the app has ended; whether it is still running after."""
        if has_ended(self.app):
            return False
        label = screen_label(self.app.screen)
        if (label == "workshops" and key == "delete") or deleting(self.app.screen):
            # Suppr there deletes the workshop once confirmed: a storm that removed its
            # own subject would test nothing more (forward delete in fields stays), and
            # a confirmation to delete (reached through the palette) is always declined.
            key = "escape" if deleting(self.app.screen) else "backspace"
        self.report.coverage[label] += 1
        same, count = self.on_screen
        self.on_screen = (label, count + 1 if same == label else 1)
        self.report.keys += 1
        self.since_steer += 1
        self.log.append(key)
        await self.pilot.press(key)
        if has_ended(self.app):
            return False
        if key in OBSERVE_AFTER or self.report.keys % 7 == 0:
            await self._observe()
        return True

    async def _pause(self, seconds: float) -> None:
        if has_ended(self.app):
            return
        self.log.append(["pause", round(seconds, 3)])
        await self.pilot.pause(seconds)
        await self._observe()

    async def _breathe(self) -> None:
        """Bursts at full speed, stretches with short pauses, now and then a breath
        long enough for the half-second save to happen."""
        if self.mode_left <= 0:
            self.paced = not self.paced
            self.mode_left = self.rng.randint(20, 80)
        self.mode_left -= 1
        breath = 0.06 if self.on_screen[0].startswith("wizard") else 0.01
        if self.rng.random() < breath:
            await self._pause(self.rng.uniform(0.55, 0.8))
        elif self.paced and self.rng.random() < 0.5:
            await self._pause(self.rng.uniform(0.01, 0.15))

    async def _observe(self) -> None:
        """Note what the wizard shows as saved, if it says so twice in a row."""
        first = saved_claims(self.app.screen)
        if first is None:
            return
        await self.pilot.pause(0.02)
        if not has_ended(self.app) and saved_claims(self.app.screen) == first:
            workshop, group, values = first
            self.claims.note(workshop, group, values, self.report.keys)

    # --- walking to the screens visited least -------------------------------------

    def _steer_due(self) -> bool:
        label, count = self.on_screen
        stuck = count >= (15 if label == "home" else 40)
        return self.since_steer >= self.steer_every or (stuck and label in TARGETS)

    async def _steer(self) -> None:
        self.since_steer = 0
        self.steer_every = self.rng.randint(25, 70)
        coverage = self.report.coverage
        if not coverage:  # the storm starts in a group: the wizard is what matters most
            coverage = Counter({name: 1 for name in TARGETS if not name.startswith("wizard")})
        target = min(TARGETS, key=lambda t: (coverage[t] / TARGETS[t], self.rng.random()))
        if not await self._to_home() or target == "home":
            return
        if target in ("new", "workshops", "join"):
            await self._press({"new": "n", "workshops": "r", "join": "j"}[target])
        elif target in ("dashboard", "room-animation", "wall"):
            await self._press("r")
            await self._pause(0.2)
            await self._press("enter")
            if target != "dashboard":
                await self._press("m" if target == "room-animation" else "s")
        elif target == "room":
            await self._to_wizard(self.rng.randint(1, 6))
            await self._press("f6")
        else:
            await self._to_wizard(5 if target == "prompter" else int(target[-1]))
            if target == "prompter" and wizard_step(self.app.screen) == 5:
                await self._press("f5")

    async def _to_home(self) -> bool:
        from textual.screen import ModalScreen

        from fiction.tui.screens.home import HomeScreen

        for attempt in range(20):
            if has_ended(self.app):
                return False
            if isinstance(self.app.screen, HomeScreen):
                return True
            keys: tuple[str, ...] = ("escape",)
            if isinstance(self.app.screen, ModalScreen) and attempt >= 2:
                # A question (abandon the form? keep whose text?): any answer will do.
                keys = self.rng.choice(ANSWERS)
            for key in keys:
                await self._press(key)
        return False

    async def _to_wizard(self, step: int) -> None:
        """Home → « Rejoindre un groupe » → the first workshop → a group → step `step`."""
        if not await self._press("j"):
            return
        for _ in range(10):  # the workshops are read by a worker: wait for the list
            await self._pause(0.2)
            focused = self.app.focused if not has_ended(self.app) else None
            if focused is None or focused.id == "join-groups":
                break
            if focused.id == "join-workshops" and getattr(focused, "option_count", 0):
                for key in ("down", "enter"):
                    await self._press(key)
        for key in ["down"] * self.rng.randrange(GROUPS) + ["enter"]:
            await self._press(key)
        for _ in range(8):
            current = wizard_step(self.app.screen)
            if current is None or current == step:
                return
            await self._press("f3" if current < step else "f2")

    # --- judging ------------------------------------------------------------------

    def _fail(self, kind: str, signature: str, detail: str = "") -> None:
        keys = [entry for entry in self.log if isinstance(entry, str)]
        self.report.failures.append(Failure(kind, signature, self.report.keys, keys[-50:], detail))

    def _judge(self, store_path: Path, logs: Path, edits: Path) -> None:
        for report in sorted(logs.glob("*")) if logs.exists() else ():
            text = report.read_text(encoding="utf-8", errors="replace")
            last = (text.strip().splitlines() or [""])[-1]
            if not any(last[:80] in failure.detail for failure in self.report.failures):
                self._fail("crash report", f"{report.name}: {last[:200]}", text)
        for lost in self.claims.missing(store_path):
            self._fail("lost text", lost)
        self.report.claims = len(self.claims)
        lines = edits.read_text(encoding="utf-8").splitlines()
        self.report.elsewhere = sum(1 for line in lines if line[:1].isdigit())
        width, height = self.size
        self.report.key_file = self.folder / f"keys-{self.report.seed}-{width}x{height}.json"
        self.report.key_file.write_text(
            json.dumps({"seed": self.report.seed, "size": self.size, "log": self.log}),
            encoding="utf-8",
        )


async def storm(folder: Path, seed: int, size: tuple[int, int], **options: Any) -> StormReport:
    """Run one storm in `folder` (see `Storm` for the options)."""
    return await Storm(folder, seed, size, **options).run()


# --- the command --------------------------------------------------------------------


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.tui.monkey", description=__doc__)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keys", type=int, help="keys per storm (default: 2000)")
    parser.add_argument("--seconds", type=float, help="total duration, shared by the sizes")
    parser.add_argument("--size", type=parse_size, action="append", help="80x24 (repeatable)")
    parser.add_argument("--poll", type=float, default=0.25, help="seconds between store reads")
    parser.add_argument("--interval", type=float, default=0.1, help="between other edits")
    parser.add_argument("--folder", type=Path, help="where the stores go (default: a temp dir)")
    parser.add_argument("--replay", type=Path, help="a keys-*.json file a storm wrote")
    parser.add_argument("--writer", metavar="STORE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.writer:
        write_elsewhere(args.writer, WORKSHOP, args.seed, args.interval)
        return 0

    folder = args.folder or Path(tempfile.mkdtemp(prefix="fiction-monkey-"))
    runs: list[tuple[int, tuple[int, int], dict[str, Any]]] = []
    if args.replay:
        recorded = json.loads(args.replay.read_text(encoding="utf-8"))
        size = tuple(recorded["size"])
        runs.append((recorded["seed"], size, {"script": recorded["log"]}))
    else:
        sizes = args.size or list(SIZES)
        budget = {"keys": args.keys} if args.keys or not args.seconds else {}
        if not budget:
            budget = {"seconds": args.seconds / len(sizes)}
        elif args.keys is None:
            budget = {"keys": 2000}
        runs += [(args.seed, size, budget) for size in sizes]
    failed = False
    for seed, size, budget in runs:
        where = folder / f"storm-{seed}-{size[0]}x{size[1]}"
        report = asyncio.run(
            storm(where, seed, size, poll=args.poll, interval=args.interval, **budget)
        )
        print(report.describe(), flush=True)
        failed = failed or bool(report.failures)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
