"""Connection settings for a long run of write transactions (a refresh), grouping them, and tidying up after it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

# Pages of WAL before SQLite copies them into the database (the default is 1,000, about 4 MB). Each copy
# ends in an fsync, and a cold refresh of 1,000 feeds writes about 240 MB, so the default made the
# writer spend more time checkpointing than inserting.
BULK_AUTOCHECKPOINT_PAGES = 8192


def begin_bulk_writes(conn: sqlite3.Connection) -> None:
    """Checkpoint less often on this connection while it writes many transactions."""
    conn.execute(f"PRAGMA wal_autocheckpoint = {BULK_AUTOCHECKPOINT_PAGES}")


def end_bulk_writes(conn: sqlite3.Connection) -> None:
    """Copy what the WAL holds into the database without waiting for readers (PASSIVE never blocks)."""
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")


@contextmanager
def feed_savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    """One feed's writes inside the writer's open transaction: all of them, or on an error none of them.

    A refresh commits several feeds at once (ingest/refresh.py); each feed is a savepoint within that
    transaction, so a feed that fails is undone alone and the feeds stored before it stay. Opens the
    transaction when none is open (a savepoint outside one would commit on release).
    """
    if not conn.in_transaction:
        conn.execute("BEGIN")
    conn.execute("SAVEPOINT feed")
    try:
        yield
    except BaseException:
        if conn.in_transaction:  # SQLite rolls the whole transaction back itself after some errors (disk full)
            conn.execute("ROLLBACK TO feed")
            conn.execute("RELEASE feed")
        raise
    conn.execute("RELEASE feed")
