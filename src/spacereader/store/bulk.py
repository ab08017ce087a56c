"""Connection settings for a long run of write transactions (a refresh), and tidying up after it."""

from __future__ import annotations

import sqlite3

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
