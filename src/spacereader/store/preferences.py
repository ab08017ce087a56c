"""Choices the reader remembers between starts (such as unread only), kept in the cache beside the data."""

from __future__ import annotations

import sqlite3

UNREAD_ONLY = "unread_only"
LIST_SIZES = "list_sizes"
"""The list's share set with `[` and `]`: see `ui.widgets.panes.remembered_sizes`."""
SEED_FILES = "seed_files"
"""The seed files the cache last imported without a warning (see `spacereader.seed_state`)."""


def get_preference(conn: sqlite3.Connection, name: str, default: str = "") -> str:
    """A remembered value, or `default` when it was never set."""
    row = conn.execute("SELECT value FROM preferences WHERE name = ?", (name,)).fetchone()
    return row[0] if row else default


def set_preference(conn: sqlite3.Connection, name: str, value: str) -> None:
    """Remember a value (replacing the old one)."""
    with conn:
        conn.execute(
            "INSERT INTO preferences (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (name, value),
        )
