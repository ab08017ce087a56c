"""Saved views (named queries, like newsboat's query feeds) with their unread counts.

The list shows at once; the counts (full-text counts, which grow with the cache) are filled in by a worker.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import closing
from dataclasses import replace
from typing import cast

from rich.text import Text
from textual import on, work
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from spacereader.models import SavedView
from spacereader.safe_text import clean_line
from spacereader.store import Connection, DatabaseError
from spacereader.store.views import change_marks, delete_view, read_snapshot, uncounted_views
from spacereader.store.watches import list_watches
from spacereader.ui.host import WorkerHost
from spacereader.ui.screens.table_picker import Column, TablePicker

KEEP_WAIT_MS = 250
"""How long the counts' write waits for another writer before giving up."""


class ViewCounted(Message):
    """A view's counts, from the counting worker; `listing` says which fill of the list they belong to."""

    def __init__(self, listing: int, row: int, unread: int, total: int, last: bool) -> None:
        super().__init__()
        self.listing = listing
        self.row = row
        self.unread = unread
        self.total = total
        self.last = last


class ViewsScreen(TablePicker[str | None]):
    """Choose a view with enter or its number; `d` deletes a view saved from the app."""

    BINDINGS = [
        Binding("enter", "choose", "Open view", id="choose-view"),
        Binding("d,delete", "delete", "Delete view", id="delete-view"),
        *[Binding(str(n), f"open_number({n})", show=False) for n in range(1, 10)],
    ]

    NAME = "views"
    COLUMNS = (
        Column("#", 1),
        Column("View", 12, share=1, most=40),
        Column("Unread", 6),
        Column("Total", 6, drop=2),
        Column("Query", 12, drop=1, share=2, most=80),
        Column("From", 6, drop=3),
        Column("Watch", 15),
    )
    """At 60 columns: number, view, unread, query and watch; the total from 65, where it came from from 73."""

    def __init__(self, conn: Connection, config_views: Mapping[str, str]) -> None:
        super().__init__()
        self.conn = conn
        self.config_views = config_views
        self.items: list[SavedView] = []
        self.watched: dict[str, int] = {}
        self.listing = 0
        """Counts the lists shown, so counts for an older one (before a delete) are dropped."""
        self.counting = False
        self.counted_rows: set[int] = set()
        """Rows whose counts have arrived (a view may really have none)."""

    @property
    def views(self) -> list[SavedView]:
        """The views as listed."""
        return self.items

    def reload(self) -> None:
        """Read the views again and count their articles in the background."""
        views = uncounted_views(self.conn, self.config_views)
        self.watched = {w.name: w.unseen for w in list_watches(self.conn) if w.kind == "view"}
        self.listing += 1
        self.counting = bool(views)
        self.counted_rows = set()
        self.show_items(views)
        self.show_title()
        if views:
            self.count(self.listing, views)

    def show_title(self) -> None:
        hint = (
            "enter or 1-9: open · d: delete · escape: close"
            if self.items
            else "No saved views yet: search with /, then S saves the search as a view."
        )
        counting = " · counting…" if self.counting else ""
        self.query_one("#views-title", Static).update(Text(f"Views ({len(self.items)}){counting} · {hint}"))

    def cells(self, view: SavedView) -> tuple[Text, ...]:
        number = _number(self.items, view)
        waiting = self.counting and view.error is None and number - 1 not in self.counted_rows
        return (
            Text(str(number) if number < 10 else ""),
            Text(clean_line(view.name)),
            Text("…" if waiting else str(view.unread), justify="right"),
            Text("…" if waiting else str(view.total), justify="right"),
            Text(clean_line(view.error or view.query), style="red" if view.error else ""),
            Text(view.source),
            Text(_watch_cell(self.watched.get(view.name))),
        )

    @work(thread=True, exclusive=True, group="view-counts", exit_on_error=False)
    def count(self, listing: int, views: list[SavedView]) -> None:
        """Count each view's articles on a connection of its own; stops when the screen closes."""
        worker = get_current_worker()
        host = cast(WorkerHost, self.app)
        with closing(host.store.connect(readonly=True)) as conn, read_snapshot(conn):
            marks = change_marks(conn)
            kept = host.view_counts.load(conn, views, marks)  # counted at an earlier launch, still true
            known = {row: host.view_counts.known(view, marks) for row, view in enumerate(views)}
            # Those counted before (and unchanged since) at once, then the rest, each as soon as it is known.
            order = [row for row in known if known[row] is not None] + [row for row in known if known[row] is None]
            for done, row in enumerate(order, 1):
                if worker.is_cancelled:
                    return
                unread, total = host.view_counts.count(conn, views[row], marks)
                self.post_message(ViewCounted(listing, row, unread, total, done == len(views)))
        if None in known.values() or kept != {view.name for view in views}:
            self.keep_counts(views, marks)

    def keep_counts(self, views: list[SavedView], marks: tuple[int, int]) -> None:
        """Write the counts to the cache for the next launch (from the counting worker, after the counts
        are shown). Not waiting long for the refresh's writer, and quiet when it cannot: a count not kept
        is only counted again."""
        host = cast(WorkerHost, self.app)
        try:
            with closing(host.store.connect(wait_ms=KEEP_WAIT_MS)) as conn:
                host.view_counts.keep(conn, views, marks)
        except DatabaseError:
            pass

    @on(ViewCounted)
    def counted(self, event: ViewCounted) -> None:
        if event.listing != self.listing or event.row >= len(self.items):
            return
        self.items[event.row] = replace(self.items[event.row], unread=event.unread, total=event.total)
        self.counted_rows.add(event.row)
        self.refresh_row(event.row)
        if event.last:
            self.counting = False
            self.show_title()

    def action_choose(self) -> None:
        view = self.current_item()
        if view is not None:
            self.dismiss(view.name)

    def action_open_number(self, number: int) -> None:
        if number <= len(self.items):
            self.dismiss(self.items[number - 1].name)

    def action_delete(self) -> None:
        view = self.current_item()
        if view is None:
            return
        if view.source != "cache":
            self.notify("That view is defined in the config file; edit it there", severity="warning")
            return
        delete_view(self.conn, view.name)
        self.reload()


def _number(views: list[SavedView], view: SavedView) -> int:
    """The view's place in the list, from 1 (only the first nine get a number key)."""
    return next((n for n, v in enumerate(views, 1) if v is view), 0)


def _watch_cell(unseen: int | None) -> str:
    """'', 'watched', or 'watched · 2 new'."""
    if unseen is None:
        return ""
    return f"watched · {unseen} new" if unseen else "watched"
