"""The database file: its tables, its migrations, and the checks before touching it.

A store file is refused, and left byte for byte as it was, when it is not a
SQLite database, when it is a SQLite database some other program made (its
`application_id` is not ours), when a newer fiction wrote it (its
`user_version` is beyond the migrations known here), or when SQLite's
`quick_check` finds it damaged. Only then is it migrated forward, in one
transaction, and switched to WAL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from fiction.errors import FictionError
from fiction.store import presence
from fiction.store.database import Database, SQLiteDatabase
from fiction.store.postgres import ddl

APPLICATION_ID = 0x66696374
"""`PRAGMA application_id` of every fiction store: the bytes of "fict"."""

SQLITE_MAGIC = b"SQLite format 3\x00"
_APPLICATION_ID_OFFSET = 68
_HEADER_SIZE = 100

Migration = Callable[[Database], None]

V1_TABLES = (
    """CREATE TABLE workshops (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        date TEXT NOT NULL,
        place TEXT NOT NULL,
        deck_id TEXT NOT NULL,
        deck_version TEXT NOT NULL,
        deck_hash TEXT NOT NULL,
        deal_seed TEXT NOT NULL,  -- decimal text: a seed may not fit SQLite's 64-bit integers
        deal_code TEXT NOT NULL,
        deal_rounds INTEGER NOT NULL,
        deal_redraw_limit INTEGER NOT NULL,
        deal_parameters TEXT NOT NULL,  -- JSON: the engine's deal request
        review_create TEXT NOT NULL DEFAULT '[]',  -- JSON lists of texts
        review_maintain TEXT NOT NULL DEFAULT '[]',
        review_amplify TEXT NOT NULL DEFAULT '[]',
        review_reduce TEXT NOT NULL DEFAULT '[]',
        review_stop TEXT NOT NULL DEFAULT '[]',
        weather TEXT NOT NULL DEFAULT '[]',
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL
    )""",
    """CREATE TABLE groups (
        workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        number INTEGER NOT NULL CHECK (number >= 1),
        pseudonym TEXT NOT NULL,
        step INTEGER NOT NULL DEFAULT 1,
        title TEXT NOT NULL DEFAULT '',
        place_name TEXT NOT NULL DEFAULT '',
        question TEXT NOT NULL DEFAULT '',
        context TEXT NOT NULL DEFAULT '',
        narrative TEXT NOT NULL DEFAULT '',
        purpose TEXT NOT NULL DEFAULT '',
        actions TEXT NOT NULL DEFAULT '[]',
        new_actors TEXT NOT NULL DEFAULT '[]',
        updated_at REAL,
        PRIMARY KEY (workshop_id, number),
        UNIQUE (workshop_id, pseudonym)
    )""",
    """CREATE TABLE hands (
        workshop_id INTEGER NOT NULL,
        group_number INTEGER NOT NULL,
        round INTEGER NOT NULL CHECK (round >= 1),
        cards TEXT NOT NULL,  -- JSON: {kind: [card id, ...]} in deal order
        locked TEXT NOT NULL DEFAULT '[]',
        discarded TEXT NOT NULL DEFAULT '[]',
        redraws INTEGER NOT NULL DEFAULT 0 CHECK (redraws >= 0),
        PRIMARY KEY (workshop_id, group_number, round),
        FOREIGN KEY (workshop_id, group_number)
            REFERENCES groups (workshop_id, number) ON DELETE CASCADE
    )""",
    """CREATE TABLE vigilance_answers (
        workshop_id INTEGER NOT NULL,
        group_number INTEGER NOT NULL,
        card_id TEXT NOT NULL,
        answer TEXT NOT NULL,
        PRIMARY KEY (workshop_id, group_number, card_id),
        FOREIGN KEY (workshop_id, group_number)
            REFERENCES groups (workshop_id, number) ON DELETE CASCADE
    )""",
    """CREATE TABLE segments (
        workshop_id INTEGER NOT NULL,
        group_number INTEGER NOT NULL,
        segment_id INTEGER NOT NULL,  -- stable while the segment moves
        position INTEGER NOT NULL,    -- 0, 1, 2... in running order
        kind TEXT NOT NULL,
        image TEXT NOT NULL DEFAULT '',
        sound TEXT NOT NULL DEFAULT '',
        speakers TEXT NOT NULL DEFAULT '[]',
        cue TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (workshop_id, group_number, segment_id),
        FOREIGN KEY (workshop_id, group_number)
            REFERENCES groups (workshop_id, number) ON DELETE CASCADE
    )""",
    "CREATE INDEX segments_order ON segments (workshop_id, group_number, position)",
    """CREATE TABLE agenda_phases (
        workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        minutes INTEGER NOT NULL CHECK (minutes >= 1),
        PRIMARY KEY (workshop_id, position)
    )""",
    """CREATE TABLE phase_state (
        workshop_id INTEGER PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
        phase INTEGER,  -- position in agenda_phases; NULL before the first phase
        started_at REAL,  -- NULL while paused
        elapsed REAL NOT NULL DEFAULT 0,
        extra_minutes INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE history (
        workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        at REAL NOT NULL,
        author TEXT NOT NULL,
        group_number INTEGER,  -- NULL for a workshop-wide field
        path TEXT NOT NULL,
        old TEXT NOT NULL,  -- JSON
        new TEXT NOT NULL,  -- JSON
        undoes INTEGER,
        PRIMARY KEY (workshop_id, seq)
    )""",
    "CREATE INDEX history_by_author ON history (workshop_id, author, seq)",
    "CREATE INDEX history_undone ON history (workshop_id, undoes) WHERE undoes IS NOT NULL",
    # The history is append-only: the database itself refuses to rewrite it.
    # Deleting a whole workshop (the cascade from `workshops`) is the one exception.
    """CREATE TRIGGER history_no_update BEFORE UPDATE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END""",
    """CREATE TRIGGER history_no_delete BEFORE DELETE ON history
        WHEN EXISTS (SELECT 1 FROM workshops WHERE id = OLD.workshop_id)
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END""",
)


def statements(sql: Sequence[str]) -> Migration:
    """A migration made of SQL statements (run one by one, inside the migration's transaction)."""

    def migrate(db: Database) -> None:
        for statement in sql:
            db.execute(ddl(statement, db.dialect))

    return migrate


V2_START_TIME = (
    # When the afternoon starts (HH:MM, '' until decided): the agenda shows each
    # block's start time computed from it.
    "ALTER TABLE workshops ADD COLUMN start_time TEXT NOT NULL DEFAULT ''",
)

V3_JOIN_CODE = (
    # The code a browser types to reach the workshop through `fiction serve`
    # ('' until one is drawn or chosen). Looked up at each entry attempt.
    "ALTER TABLE workshops ADD COLUMN join_code TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX workshops_join_code ON workshops (join_code) WHERE join_code != ''",
)

V4_OPEN_SCREENS = presence.TABLE
"""Which screens have a group open (the dashboard and the group's header show it)."""

V5_READING_PACE = (
    # A group's reading speed (words per second) and the length it aims for
    # (seconds): its timings, subtitles and prompter use them (issue 16).
    "ALTER TABLE groups ADD COLUMN reading_speed REAL NOT NULL DEFAULT 3.0",
    "ALTER TABLE groups ADD COLUMN target_seconds INTEGER NOT NULL DEFAULT 180",
)

V6_AGENDA_DAYS = (
    # What the facilitator reads out for each phase, and its day in a
    # multi-day agenda (issue 15: the two-day format of the source workshops).
    "ALTER TABLE agenda_phases ADD COLUMN instructions TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE agenda_phases ADD COLUMN day INTEGER NOT NULL DEFAULT 1 CHECK (day >= 1)",
)

V7_ROOM = (
    # The room (issue 15): each group's météo answers (start and end), votes for
    # other groups' scenarios, closing-review items, next step and feedback; the
    # workshop's end météo, vote and restitution settings, what the wall screen
    # shows and which group is presenting since when. Lists are JSON texts.
    "ALTER TABLE groups ADD COLUMN weather TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE groups ADD COLUMN weather_end TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE groups ADD COLUMN votes TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE groups ADD COLUMN review_create TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE groups ADD COLUMN review_maintain TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE groups ADD COLUMN review_amplify TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE groups ADD COLUMN review_reduce TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE groups ADD COLUMN review_stop TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE groups ADD COLUMN next_step TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE groups ADD COLUMN feedback TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE workshops ADD COLUMN weather_end TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE workshops ADD COLUMN votes_per_group INTEGER NOT NULL DEFAULT 3",
    "ALTER TABLE workshops ADD COLUMN votes_revealed INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE workshops ADD COLUMN presentation_minutes INTEGER NOT NULL DEFAULT 5",
    "ALTER TABLE workshops ADD COLUMN wall TEXT NOT NULL DEFAULT 'progress'",
    "ALTER TABLE workshops ADD COLUMN presenting INTEGER",  # NULL: nobody presenting
    "ALTER TABLE workshops ADD COLUMN presenting_since REAL",
)

MIGRATIONS: tuple[Migration, ...] = (
    statements(V1_TABLES),
    statements(V2_START_TIME),
    statements(V3_JOIN_CODE),
    statements(V4_OPEN_SCREENS),
    statements(V5_READING_PACE),
    statements(V6_AGENDA_DAYS),
    statements(V7_ROOM),
)
"""Migration n brings a file from version n to n + 1. Never edit one that shipped:
append a new one, and the version of every file follows."""


def open_database(
    path: Path,
    *,
    timeout: float,
    migrations: Sequence[Migration] = MIGRATIONS,
    read_only: bool = False,
) -> SQLiteDatabase:
    """Open (or create) the store at `path`, checked, migrated and in WAL mode.

    `read_only` opens an existing store without writing a byte to it (SQLite's
    `mode=ro`): no migration, no change of journal mode.
    """
    if path.is_dir():
        raise FictionError(f"« {path} » est un dossier, pas un fichier de base d'ateliers.")
    existing = path.exists() and path.stat().st_size > 0
    if read_only:
        return _open_read_only(path, timeout=timeout, known=len(migrations), existing=existing)
    if existing:
        _check_header(path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise FictionError(
                f"Impossible de créer le dossier de la base d'ateliers « {path.parent} » "
                f"({error.strerror or error})."
            ) from error
    try:
        db = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as error:
        raise database_error(error, path) from error
    try:
        db.execute("PRAGMA foreign_keys = ON")
        if existing:
            _check_contents(db, path, len(migrations))
        _migrate(SQLiteDatabase(db), migrations)
        # WAL lets the dashboard read while groups write; FULL makes every
        # acknowledged edit survive a power cut, not only a killed process.
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
    except BaseException as error:
        db.close()
        if isinstance(error, sqlite3.Error):
            raise database_error(error, path) from error
        raise
    return SQLiteDatabase(db)


def _open_read_only(path: Path, *, timeout: float, known: int, existing: bool) -> SQLiteDatabase:
    if not existing:
        raise FictionError(f"La base d'ateliers « {path} » n'existe pas.")
    _check_header(path)
    try:
        db = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro",
            uri=True,
            timeout=timeout,
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlite3.Error as error:
        raise database_error(error, path) from error
    try:
        _check_contents(db, path, known)
        if db.execute("PRAGMA user_version").fetchone()[0] != known:
            raise FictionError(
                f"La base d'ateliers « {path} », en lecture seule, doit être mise à jour : "
                "ouvrez-la une fois avec le droit d'écrire."
            )
    except BaseException as error:
        db.close()
        if isinstance(error, sqlite3.Error):
            raise database_error(error, path) from error
        raise
    return SQLiteDatabase(db)


def _check_header(path: Path) -> None:
    """Refuse, from the first 100 bytes alone, a file that is not a fiction store."""
    try:
        with path.open("rb") as stream:
            header = stream.read(_HEADER_SIZE)
    except OSError as error:
        raise FictionError(
            f"Impossible de lire la base d'ateliers « {path} » ({error.strerror or error})."
        ) from error
    if len(header) < _HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        raise FictionError(
            f"« {path} » n'est pas une base d'ateliers fiction : ce n'est pas une base SQLite "
            "(fichier d'un autre type ou endommagé). Il n'a pas été modifié."
        )
    offset = _APPLICATION_ID_OFFSET
    application_id = int.from_bytes(header[offset : offset + 4], "big")
    if application_id != APPLICATION_ID:
        raise FictionError(
            f"« {path} » est une base SQLite, mais pas une base d'ateliers fiction "
            "(elle appartient à un autre programme). Elle n'a pas été modifiée ; "
            "choisissez un autre fichier avec --store ou FICTION_STORE."
        )


def _check_contents(db: sqlite3.Connection, path: Path, known: int) -> None:
    """Refuse a file from a newer fiction, or a damaged one, before any write."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > known:
        raise FictionError(
            f"La base d'ateliers « {path} » a été écrite par une version plus récente de "
            f"fiction (schéma {version} ; cette version connaît le schéma {known} au plus). "
            "Elle n'a pas été modifiée : mettez fiction à jour pour l'ouvrir."
        )
    try:
        problems = [row[0] for row in db.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        if _is_busy(error):
            raise
        problems = [str(error)]
    if problems != ["ok"]:
        raise damaged(path, problems[0])


def _migrate(db: SQLiteDatabase, migrations: Sequence[Migration]) -> None:
    """Bring the file to the latest schema in one transaction (all steps or none)."""
    if db.execute("PRAGMA user_version").fetchone()[0] == len(migrations):
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another process may have just migrated.
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for number in range(version, len(migrations)):
            migrations[number](db)
        db.execute(f"PRAGMA user_version = {len(migrations)}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _is_busy(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def damaged(path: Path, detail: str) -> FictionError:
    detail = " ".join(detail.replace("*** in database main ***", "").split())
    return FictionError(
        f"La base d'ateliers « {path} » est endommagée (détail technique : {detail}). "
        "Elle n'a pas été modifiée : restaurez une sauvegarde, ou choisissez un autre "
        "fichier avec --store."
    )


def database_error(error: sqlite3.Error, path: Path) -> FictionError:
    """A SQLite failure as a message a facilitator can act on."""
    if _is_busy(error):
        return FictionError(
            f"La base d'ateliers « {path} » est occupée par un autre programme depuis trop "
            "longtemps. Réessayez dans un instant ; si cela dure, fermez les autres fenêtres "
            "de fiction."
        )
    text = str(error).lower()
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return damaged(path, str(error))
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return FictionError(
            f"Impossible d'écrire dans la base d'ateliers « {path} » ({error}) : vérifiez que "
            "le fichier et son dossier sont accessibles en écriture."
        )
    return FictionError(f"Erreur de la base d'ateliers « {path} » : {error}.")
