"""The cache: the only package that speaks SQL. Functions take a connection first and return models."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from spacereader.paths import DB_NAME
from spacereader.store.migrations import migrate, schema_version

BUSY_TIMEOUT_MS = 5000


class StoreError(Exception):
    """The cache cannot be opened or written; the message is one line for the user."""


class Store:
    """Where the cache lives; hands out one connection per thread."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        """Create the folder and database if needed and bring the schema up to date."""
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create data dir {data_dir}: {error.strerror or error}") from error
        store = cls(data_dir / DB_NAME)
        try:
            with closing(store.connect()) as conn:
                migrate(conn)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open cache {store.path}: {error}") from error
        return store

    def connect(self, *, readonly: bool = False) -> sqlite3.Connection:
        """A new connection with WAL, foreign keys and a busy timeout."""
        if readonly:
            conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        else:
            conn = sqlite3.connect(self.path, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        return conn


__all__ = ["Store", "StoreError", "migrate", "schema_version"]
