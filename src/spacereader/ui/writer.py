"""One thread that saves read and bookmark changes in the order they were made.

A whole list marked read (and its undo) goes through the same thread, so a toggle made just before it
lands before it, and a later undo after it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from contextlib import closing

from spacereader.models import ArticleFilter
from spacereader.records import record
from spacereader.store import Connection, DatabaseError, Store, describe_failure, flag_damage
from spacereader.store.articles import set_read
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.marks import mark_read_where, mark_unread


@record
class StateChange:
    """Absolute target state for one article; None leaves that part alone."""

    article_id: int
    read: bool | None = None
    bookmarked: bool | None = None


@record
class BulkMark:
    """Mark a list's unread articles (up to `up_to_id`) read; or, with `restore`, put exactly those back to unread."""

    view: ArticleFilter | None = None
    up_to_id: int = 0
    restore: tuple[int, ...] = ()
    label: str = ""
    """What the list was called, for the notice."""


class StateWriter:
    """A single writer so toggles land in order and the UI thread never waits on SQLite's lock."""

    def __init__(
        self,
        store: Store,
        on_saved: Callable[[StateChange], None],
        on_failed: Callable[[StateChange | BulkMark, str], None],
        on_marked: Callable[[BulkMark, tuple[int, ...]], None] = lambda change, ids: None,
    ) -> None:
        self._store = store
        self._on_saved = on_saved
        self._on_failed = on_failed
        self._on_marked = on_marked
        self._queue: queue.Queue[StateChange | BulkMark | threading.Event] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="spacereader-writer", daemon=True)
        self._thread.start()

    def submit(self, change: StateChange | BulkMark) -> None:
        """Queue a change; it is saved soon, in order."""
        self._queue.put(change)

    def flush(self, timeout: float = 10.0) -> None:
        """Wait until every queued change is saved (used before quitting)."""
        done = threading.Event()
        self._queue.put(done)
        done.wait(timeout)

    def _run(self) -> None:
        with closing(self._store.connect()) as conn:
            while True:
                change = self._queue.get()
                if isinstance(change, threading.Event):
                    change.set()
                    continue
                try:
                    if isinstance(change, BulkMark):
                        changed = self._mark(conn, change)
                    else:
                        self._apply(conn, change)
                except DatabaseError as error:
                    flag_damage(error, self._store.path)
                    self._on_failed(change, describe_failure(error, self._store.path))
                else:
                    if isinstance(change, BulkMark):
                        self._on_marked(change, changed)
                    else:
                        self._on_saved(change)

    @staticmethod
    def _mark(conn: Connection, change: BulkMark) -> tuple[int, ...]:
        if change.restore:
            mark_unread(conn, change.restore)
            return change.restore
        assert change.view is not None
        return tuple(mark_read_where(conn, change.view, up_to_id=change.up_to_id))

    @staticmethod
    def _apply(conn: Connection, change: StateChange) -> None:
        if change.read is not None:
            set_read(conn, change.article_id, change.read)
        if change.bookmarked is not None:
            set_bookmark(conn, change.article_id, change.bookmarked)
