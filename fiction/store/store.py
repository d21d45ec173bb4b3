"""The workshop store: one SQLite file or PostgreSQL database, every edit committed
as it is made.

Each edit is one write transaction that holds the workshop's write lock from
its start (`BEGIN IMMEDIATE` on SQLite, an advisory lock on PostgreSQL: see
`database`): it reads the current value, writes the new one and appends the
change to the history, so several processes (one per group screen, or
several `fiction serve` on one server) can write to the same workshop without
losing an update, and a process killed right after an edit returned keeps it.
Same field edited twice: the last writer wins, and the history keeps both.
"""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fiction.errors import FictionError
from fiction.store import access, changes, join_codes, phase, plain, plans, presence, rows
from fiction.store import values as check
from fiction.store.database import Database
from fiction.store.location import ServerURL, StoreLocation, store_location
from fiction.store.model import Edit, PhaseState, Workshop, WorkshopSummary
from fiction.store.paths import Target, target_of
from fiction.store.postgres import open_server, server_error
from fiction.store.schema import MIGRATIONS, Migration, database_error, open_database

ENV_VAR = "FICTION_STORE"
FILE_NAME = "ateliers.sqlite3"
BUSY_TIMEOUT = 10.0
"""Seconds an edit waits for another process's edit; each takes milliseconds."""


def default_store_path() -> StoreLocation:
    """`FICTION_STORE` if set (a file, or a `postgresql://` URL), else the user's data
    folder (nothing to configure)."""
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        return store_location(chosen)
    from platformdirs import user_data_dir

    return Path(user_data_dir("fiction", appauthor=False)) / FILE_NAME


class Store:
    """All workshops in one database (a SQLite file, or a PostgreSQL database when `path`
    is a `postgresql://` URL); safe to share between processes.

    One `Store` may also be shared by the threads of one process (the app's
    workers): its operations take turns on the connection.
    """

    def __init__(
        self,
        path: StoreLocation | str | None = None,
        *,
        clock: Callable[[], float] = time.time,
        timeout: float | None = None,
        migrations: Sequence[Migration] = MIGRATIONS,
        read_only: bool = False,
    ) -> None:
        self.path: StoreLocation = (
            store_location(path) if path is not None else default_store_path()
        )
        """Where the store is; printed as is in messages (a URL without its password)."""
        self._clock = clock
        self._lock = threading.Lock()
        timeout = BUSY_TIMEOUT if timeout is None else timeout
        self._timeout = timeout
        self._listening: changes.Listener | None = None
        self._listening_lock = threading.Lock()
        self._closed = False
        self._db: Database
        if isinstance(self.path, ServerURL):
            self._db = open_server(
                self.path, timeout=timeout, migrations=migrations, read_only=read_only
            )
        else:
            self._db = open_database(
                self.path, timeout=timeout, migrations=migrations, read_only=read_only
            )

    @classmethod
    def for_reading(cls, path: StoreLocation | str | None = None) -> Store:
        """The store at `path` for commands that only read it: opened as usual, or
        read-only when the file or its folder refuses writes (a copy on a read-only
        share, mode 0444), so listing, showing, exporting and printing still work."""
        try:
            return cls(path)
        except FictionError as error:
            try:
                return cls(path, read_only=True)
            except FictionError:
                raise error from None

    def close(self) -> None:
        self._closed = True
        with self._listening_lock:
            if self._listening is not None:
                self._listening.close()  # wakes every `wait_for_change`
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- reading ----------------------------------------------------------------

    def workshops(self) -> tuple[WorkshopSummary, ...]:
        with self._transaction(write=False) as db:
            return rows.summaries(db)

    def exists(self, name: str) -> bool:
        with self._transaction(write=False) as db:
            return rows.workshop_id(db, name) is not None

    def load(self, name: str) -> Workshop:
        with self._transaction(write=False) as db:
            return rows.load_workshop(db, self._find(db, name))

    def snapshot(self, name: str) -> tuple[Workshop, tuple[Edit, ...]]:
        """The workshop and its whole history, read together (for an export)."""
        with self._transaction(write=False) as db:
            workshop_id = self._find(db, name)
            return rows.load_workshop(db, workshop_id), rows.load_history(db, workshop_id)

    def history(self, name: str, group: int | None = None) -> tuple[Edit, ...]:
        with self._transaction(write=False) as db:
            return rows.load_history(db, self._find(db, name), group)

    def revision(self, name: str) -> int:
        """The number of the last edit: a cheap way for a dashboard to see a change."""
        with self._transaction(write=False) as db:
            row = db.execute(
                "SELECT coalesce(max(seq), 0) FROM history WHERE workshop_id = ?",
                (self._find(db, name),),
            ).fetchone()
            return row[0]

    @property
    def announces_edits(self) -> bool:
        """Whether every edit is announced to the processes that wait for it (PostgreSQL's
        LISTEN/NOTIFY): `wait_for_change` then returns as soon as one commits."""
        return isinstance(self.path, ServerURL)

    def wait_for_change(self, name: str, revision: int, timeout: float) -> int:
        """The workshop's revision once it is no longer `revision`, or after `timeout`
        seconds (whichever comes first), for a screen that follows the workshop.

        On SQLite: sleeps `timeout` (a poll interval), then reads the revision. On
        PostgreSQL: waits on a listening connection of its own (opened on first
        use) for the announcement any process's edit sends as it commits
        (`changes`), so another server's edit is seen within milliseconds.
        Closing the store wakes every wait.
        """
        if not self.announces_edits:
            time.sleep(timeout)
            return self.revision(name)
        listener = self._listener()
        seen = listener.count(name)
        current = self.revision(name)
        if current != revision:
            return current
        listener.wait(name, seen, timeout)
        return revision if self._closed else self.revision(name)

    def _listener(self) -> changes.Listener:
        """The listening connection, opened again if it failed (the server restarted)."""
        assert isinstance(self.path, ServerURL)
        with self._listening_lock:
            if self._listening is None or not self._listening.alive:
                try:
                    self._listening = changes.Listener(self.path, connect_timeout=self._timeout)
                except Exception as error:
                    raise server_error(error, self.path) from error
            return self._listening

    # --- whole workshops --------------------------------------------------------

    def add(self, workshop: Workshop, history: Sequence[Edit] = ()) -> None:
        """Save a new workshop (dealt or imported); its name must be free.

        Everything is checked first, as an import would be: what the store
        holds always exports and imports back.
        """
        workshop = plain.workshop_from_data(plain.workshop_to_data(workshop), "atelier")
        history = plain.history_from_data(
            [plain.edit_to_data(edit) for edit in history], "historique", len(workshop.groups)
        )
        with self._transaction(write=True, workshop=workshop.name) as db:
            if rows.workshop_id(db, workshop.name) is not None:
                raise FictionError(
                    f"Un atelier nommé « {workshop.name} » existe déjà : choisissez un autre nom."
                )
            rows.insert_workshop(db, workshop, history)

    def delete(self, name: str) -> None:
        with self._transaction(write=True, workshop=name) as db:
            db.execute("DELETE FROM workshops WHERE id = ?", (self._find(db, name),))

    # --- edits ------------------------------------------------------------------

    def set_field(
        self,
        name: str,
        group: int | None,
        field: str,
        value: Any,
        author: str,
        *,
        expected: Any = plans.ANY_VALUE,
    ) -> Edit | None:
        """Set one field a person types into; None when it already held `value`.

        Group fields: title, place_name, question, context, narrative, purpose,
        actions, new_actors, step, `vigilance/<card id>`, `segment/<id>/<field>`
        (kind, image, sound, speakers, cue), and the room's weather, weather_end
        (météo answers of one to three words), votes (group numbers: never the
        group's own, at most the workshop's votes_per_group), `review/<kind>`,
        next_step, feedback (one line). Workshop fields (group None): date,
        place, start_time (HH:MM), join_code, agenda, weather, weather_end,
        `review/<create|maintain|amplify|reduce|stop>`, votes_per_group (1–10),
        votes_revealed, presentation_minutes (1–60), wall (one of `WALL_MODES`).

        `expected`: the value this edit replaces, as the caller last read it; when
        the field holds something else by now, nothing is written and `StaleEdit`
        says what it holds and who wrote it (a screen never overwrites unseen).
        """
        return self._edit(name, group, author, plans.typed(group, field, value, expected))

    def set_locked(
        self, name: str, group: int, round_number: int, card: str, locked: bool, author: str
    ) -> Edit | None:
        """Lock a card (a redraw keeps it) or unlock it."""
        return self._edit(name, group, author, plans.locked(group, round_number, card, locked))

    def record_redraw(
        self,
        name: str,
        group: int,
        round_number: int,
        cards: Mapping[str, Sequence[str]],
        author: str,
    ) -> Edit | None:
        """Record the hand the engine redrew (card ids per kind): one redraw used."""
        return self._edit(name, group, author, plans.redrawn(group, round_number, cards))

    def add_segment(
        self,
        name: str,
        group: int,
        kind: str,
        author: str,
        *,
        position: int | None = None,
        image: str = "",
        sound: str = "",
        speakers: Sequence[str] = (),
        cue: str = "",
    ) -> Edit | None:
        """Add a news-report segment (at the end by default); its path is `segment/<id>`."""
        fields = {"kind": kind, "image": image, "sound": sound, "speakers": speakers, "cue": cue}
        return self._edit(name, group, author, plans.new_segment(group, fields, position))

    def move_segment(
        self, name: str, group: int, segment_id: int, position: int, author: str
    ) -> Edit | None:
        """Move a segment to `position` (0 is the first); the others keep their order."""
        return self._edit(name, group, author, plans.moved(group, segment_id, position))

    def remove_segment(self, name: str, group: int, segment_id: int, author: str) -> Edit | None:
        return self._edit(name, group, author, plans.removed_segment(group, segment_id))

    # --- join codes (fiction serve) --------------------------------------------

    def join_code(self, name: str) -> str:
        """The code a browser types to join this workshop ("" while it has none)."""
        with self._transaction(write=False) as db:
            row = db.execute(
                "SELECT join_code FROM workshops WHERE id = ?", (self._find(db, name),)
            ).fetchone()
            return row[0]

    def set_join_code(self, name: str, code: str, author: str) -> Edit | None:
        """Choose the code (4 to 16 letters or digits; "" closes the door to new browsers).

        Browsers already in keep their pass: changing the code disconnects no one.
        """
        return self.set_field(name, None, "join_code", code, author)

    def new_join_code(self, name: str, author: str, rng: random.Random) -> str:
        """Draw a code with `rng` (`random.SystemRandom()` outside tests), save and return it."""
        code = join_codes.draw(rng)
        self.set_join_code(name, code, author)
        return code

    def workshop_for_code(self, typed: str) -> str | None:
        """The workshop a typed code opens (case, spaces and dashes aside), None for none."""
        code = join_codes.normalise(typed)
        if not code:
            return None
        with self._transaction(write=False) as db:
            row = db.execute(
                "SELECT name FROM workshops WHERE join_code = ? ORDER BY updated_at DESC LIMIT 1",
                (code,),
            ).fetchone()
            return None if row is None else row[0]

    # --- the shared countdown ---------------------------------------------------

    def start_phase(self, name: str, index: int, author: str) -> Edit | None:
        """Start agenda phase `index` (0 is the first) now, from its full length."""
        return self._countdown(name, author, lambda s, n, now: phase.start(s, index, n, now))

    def pause_phase(self, name: str, author: str) -> Edit | None:
        return self._countdown(name, author, lambda s, n, now: phase.pause(s, now))

    def resume_phase(self, name: str, author: str) -> Edit | None:
        return self._countdown(name, author, lambda s, n, now: phase.resume(s, now))

    def extend_phase(self, name: str, minutes: int, author: str) -> Edit | None:
        """Give the current phase `minutes` more (the +1 and +5 buttons)."""
        return self._countdown(name, author, lambda s, n, now: phase.extend(s, minutes))

    def next_phase(self, name: str, author: str) -> Edit | None:
        return self._countdown(name, author, lambda s, n, now: phase.advance(s, n, now))

    def previous_phase(self, name: str, author: str) -> Edit | None:
        """Go back to the phase before the current one, started again from its full length."""
        return self._countdown(name, author, lambda s, n, now: phase.back(s, n, now))

    def _countdown(
        self, name: str, author: str, change: Callable[[PhaseState, int, float], PhaseState]
    ) -> Edit | None:
        plan = plans.countdown(lambda state, phases: change(state, phases, self._clock()))
        return self._edit(name, None, author, plan)

    # --- the restitution ---------------------------------------------------------

    def present(self, name: str, group: int | None, author: str) -> Edit | None:
        """Group `group` presents its scenario from now on (its own timer starts again,
        even when it was already presenting); None ends the restitution.

        Recorded in the history under `presenting`, undoable like a phase change.
        """
        return self._edit(name, None, author, plans.presenting(group, self._clock))

    # --- undo -------------------------------------------------------------------

    def undo(self, name: str, author: str, seq: int | None = None) -> Edit:
        """Cancel `author`'s last edit not yet undone (or edit `seq`), as a new edit.

        Refused when the value changed since (someone else wrote after it):
        undo never overwrites another person's work.
        """
        author = check.label(author, "auteur")
        with self._transaction(write=True, workshop=name) as db:
            workshop_id = self._find(db, name)
            edit = rows.undoable_edit(db, workshop_id, author, seq)
            target = target_of(edit.group, edit.path)
            current = access.read(db, workshop_id, target)
            if not plans.same(target, current, edit.new):
                raise FictionError(
                    f"Impossible d'annuler la modification n° {edit.seq} : « {edit.path} » "
                    "a été modifié depuis."
                )
            access.write(
                db, workshop_id, target, plans.restorable(db, workshop_id, target, edit.old)
            )
            stored = access.read(db, workshop_id, target)
            return self._record(db, workshop_id, target, current, stored, author, edit.seq)

    # --- who has a group open ---------------------------------------------------

    def screen_seen(self, name: str, group: int, screen: str) -> None:
        """A group screen is open (said when it opens, then at each of its polls)."""
        with self._transaction(write=True, workshop=name) as db:
            presence.seen(db, self._find(db, name, group), group, screen, self._clock())

    def screen_gone(self, name: str, group: int, screen: str) -> None:
        """A group screen closed."""
        with self._transaction(write=True, workshop=name) as db:
            presence.gone(db, self._find(db, name, group), group, screen)

    def open_screens(self, name: str) -> dict[int, int]:
        """Group number → how many screens have it open right now."""
        with self._transaction(write=False) as db:
            return presence.counts(db, self._find(db, name), self._clock())

    # --- machinery --------------------------------------------------------------

    def _edit(self, name: str, group: int | None, author: str, plan: plans.Plan) -> Edit | None:
        author = check.label(author, "auteur")
        with self._transaction(write=True, workshop=name) as db:
            workshop_id = self._find(db, name, group)
            target, old, new = plan(db, workshop_id)
            if plans.same(target, old, new):
                return None
            access.write(db, workshop_id, target, new)
            stored = access.read(db, workshop_id, target)
            return self._record(db, workshop_id, target, old, stored, author, None)

    def _record(
        self,
        db: Database,
        workshop_id: int,
        target: Target,
        old: Any,
        new: Any,
        author: str,
        undoes: int | None,
    ) -> Edit:
        now = self._clock()
        seq = db.execute(
            "SELECT coalesce(max(seq), 0) + 1 FROM history WHERE workshop_id = ?", (workshop_id,)
        ).fetchone()[0]
        db.execute(
            "INSERT INTO history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                workshop_id,
                seq,
                now,
                author,
                target.group,
                target.path,
                access.dumps(old),
                access.dumps(new),
                undoes,
            ),
        )
        db.execute("UPDATE workshops SET updated_at = ? WHERE id = ?", (now, workshop_id))
        if target.group is not None:
            db.execute(
                "UPDATE groups SET updated_at = ? WHERE workshop_id = ? AND number = ?",
                (now, workshop_id, target.group),
            )
        if db.dialect == "postgresql":
            changes.announce(db, workshop_id)  # delivered as the edit commits
        return Edit(seq, now, author, target.group, target.path, old, new, undoes)

    def _find(self, db: Database, name: str, group: int | None = None) -> int:
        workshop_id = rows.workshop_id(db, name)
        if workshop_id is None:
            raise FictionError(
                f"Aucun atelier nommé « {name} » dans {self.path} "
                "(la commande « fiction session list » les liste)."
            )
        if group is not None:
            count = db.execute(
                "SELECT count(*) FROM groups WHERE workshop_id = ?", (workshop_id,)
            ).fetchone()[0]
            if isinstance(group, bool) or not isinstance(group, int) or not 1 <= group <= count:
                raise FictionError(
                    f"L'atelier « {name} » n'a pas de groupe {group} (groupes 1 à {count})."
                )
        return workshop_id

    @contextmanager
    def _transaction(self, *, write: bool, workshop: str = "") -> Iterator[Database]:
        """One transaction; a write takes `workshop`'s write lock from the start (on SQLite,
        the file's one lock).

        This is where every edit commits: a watcher of the store (a dashboard, another
        `fiction serve`) learns of it from `revision`, which moves with each edit.
        """
        with self._lock:
            db = self._db
            try:
                db.begin(write=write, key=workshop)
                try:
                    yield db
                except BaseException:
                    if db.in_transaction:
                        db.rollback()
                    raise
                db.commit()
            except db.errors as error:
                if db.in_transaction:  # a lock or a commit that failed leaves it open
                    with contextlib.suppress(*db.errors):
                        db.rollback()
                raise self._failure(error) from error

    def _failure(self, error: Exception) -> FictionError:
        if isinstance(self.path, ServerURL):
            return server_error(error, self.path)
        assert isinstance(error, sqlite3.Error)
        return database_error(error, self.path)
