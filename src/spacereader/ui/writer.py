"""One thread that saves read and bookmark changes in the order they were made."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass

from spacereader.store import Connection, DatabaseError, Store, describe_failure, flag_damage
from spacereader.store.articles import set_read
from spacereader.store.bookmarks import set_bookmark


@dataclass(frozen=True)
class StateChange:
    """Absolute target state for one article; None leaves that part alone."""

    article_id: int
    read: bool | None = None
    bookmarked: bool | None = None


class StateWriter:
    """A single writer so toggles land in order and the UI thread never waits on SQLite's lock."""

    def __init__(
        self,
        store: Store,
        on_saved: Callable[[StateChange], None],
        on_failed: Callable[[StateChange, str], None],
    ) -> None:
        self._store = store
        self._on_saved = on_saved
        self._on_failed = on_failed
        self._queue: queue.Queue[StateChange | threading.Event] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="spacereader-writer", daemon=True)
        self._thread.start()

    def submit(self, change: StateChange) -> None:
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
                    self._apply(conn, change)
                except DatabaseError as error:
                    flag_damage(error, self._store.path)
                    self._on_failed(change, describe_failure(error, self._store.path))
                else:
                    self._on_saved(change)

    @staticmethod
    def _apply(conn: Connection, change: StateChange) -> None:
        if change.read is not None:
            set_read(conn, change.article_id, change.read)
        if change.bookmarked is not None:
            set_bookmark(conn, change.article_id, change.bookmarked)
