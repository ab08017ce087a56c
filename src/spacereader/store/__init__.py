"""The cache: the only package that speaks SQL. Functions take a connection first and return models."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path

from spacereader.paths import DB_NAME
from spacereader.store.migrations import migrate, schema_version

BUSY_TIMEOUT_MS = 5000


class StoreError(Exception):
    """The cache cannot be opened or written; the message is one line for the user."""


def damage_mark(path: Path) -> Path:
    """The file whose presence makes the next Store.open check the cache for damage."""
    return path.with_name(f"{path.name}.damaged")


def flag_damage(error: BaseException, path: Path) -> bool:
    """Whether the error means a damaged file; if so, leave the mark so the next start checks and sets it aside."""
    if getattr(error, "sqlite_errorcode", None) not in _CORRUPT_CODES:
        return False
    try:
        damage_mark(path).touch()
    except OSError:
        pass  # a read-only folder: the damage is still reported, the check just waits for a writable one
    return True


# SQLite result codes meaning the file is not a usable database (as opposed to locked or read-only).
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB

# SQLite result codes meaning the cache itself cannot be written: IOERR, CORRUPT, FULL, CANTOPEN, NOTADB, READONLY.
_CACHE_CODES = {10, 11, 13, 14, 26, 8}


def is_cache_failure(error: BaseException) -> bool:
    """Whether the error is the cache's (read-only, full, damaged), so every later write would fail alike."""
    if not isinstance(error, sqlite3.Error):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _CACHE_CODES
    text = str(error).lower()
    return any(w in text for w in ("readonly", "read-only", "disk is full", "disk i/o", "malformed", "not a database"))


DatabaseError = sqlite3.Error
"""What any store function raises when SQLite fails (read-only file, full disk, locked too long)."""
Connection = sqlite3.Connection
"""The connection type, so modules outside `store/` can name it without importing sqlite3."""


def describe_failure(error: sqlite3.Error, path: Path) -> str:
    """One line for the user: what went wrong with the cache, in plain words, then SQLite's own."""
    text = str(error)
    lowered = text.lower()
    if getattr(error, "sqlite_errorcode", None) in _CORRUPT_CODES:
        reason = "the cache file is damaged; it is checked and set aside at the next start"
    elif "readonly" in lowered or "read-only" in lowered:
        reason = "the cache is read-only"
    elif "disk is full" in lowered or getattr(error, "sqlite_errorcode", None) == 13:  # SQLITE_FULL
        reason = "the disk is full"
    elif "locked" in lowered or "busy" in lowered:
        reason = "the cache is busy (another spacereader is writing); try again"
    elif "disk i/o" in lowered:
        reason = "a disk error"
    else:
        reason = "a database error"
    return f"cannot use cache {path}: {reason} ({text}); the last change was not saved"


class Store:
    """Where the cache lives; hands out one connection per thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warnings: list[str] = []

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        """Create the folder and database if needed and bring the schema up to date.

        A corrupt cache file is moved aside (never deleted) and a fresh one started; `warnings` says so.
        """
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create data dir {data_dir}: {error.strerror or error}") from error
        store = cls(data_dir / DB_NAME)
        try:
            store._migrate()
            damage = store._check_if_flagged()
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", None) not in _CORRUPT_CODES:
                raise StoreError(f"cannot open cache {store.path}: {error}") from error
            damage = str(error)
        if damage:
            damage_mark(store.path).unlink(missing_ok=True)
            aside = store._set_aside()
            store.warnings.append(
                f"cache {store.path} was corrupt ({damage}); moved to {aside.name}, started a fresh one"
            )
            try:
                store._migrate()
            except sqlite3.DatabaseError as again:
                raise StoreError(f"cannot open cache {store.path}: {again}") from again
        return store

    def _check_if_flagged(self) -> str | None:
        """Run quick_check when an earlier run met a damaged page (see flag_damage); what it found, or None.

        Not run on every start: it reads the whole file, seconds for a large cache.
        """
        mark = damage_mark(self.path)
        if not mark.exists():
            return None
        with closing(self.connect()) as conn:
            found = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        mark.unlink(missing_ok=True)
        return None if found == "ok" else found

    def _migrate(self) -> None:
        with closing(self.connect()) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            migrate(conn)

    def _set_aside(self) -> Path:
        """Rename the database and its WAL files to `*.corrupt-YYYYmmddHHMMSS`."""
        stamp = time.strftime("%Y%m%d%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(f"{self.path}{suffix}")
            if part.exists():
                part.rename(Path(f"{aside}{suffix}"))
        return aside

    def connect(self, *, readonly: bool = False, wait_ms: int = BUSY_TIMEOUT_MS) -> sqlite3.Connection:
        """A new connection with WAL, foreign keys and a busy timeout (`wait_ms`: how long a write waits for
        another writer before it fails)."""
        if readonly:
            conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        else:
            conn = sqlite3.connect(self.path, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        return conn


__all__ = [
    "DatabaseError",
    "Store",
    "StoreError",
    "damage_mark",
    "describe_failure",
    "flag_damage",
    "migrate",
    "schema_version",
]
