"""The feeds view: every subscription with its unread count, last success and last error."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

from spacereader.models import Feed
from spacereader.safe_text import clean_line
from spacereader.store.feeds import list_feeds


def when(value: str | None) -> str:
    """'2026-11-25 22:48' from a stored timestamp, or an em dash."""
    return value.replace("T", " ")[:16] if value else "—"


class FeedsScreen(ModalScreen[int | None]):
    """Choose a feed to narrow the article list to it; `d` removes the highlighted feed."""

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="close-feeds"),
        Binding("enter", "choose", "Show its articles", id="choose-feed"),
        Binding("d,delete", "remove", "Remove feed", id="remove-feed"),
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
    ]

    def __init__(self, conn: sqlite3.Connection, *, on_remove: Callable[[Feed], None] | None = None) -> None:
        super().__init__()
        self.conn = conn
        self.on_remove = on_remove
        """Called with the highlighted feed on `d`; the main screen confirms and removes it."""
        self.feeds: list[Feed] = []

    def compose(self) -> ComposeResult:
        yield Static(Text("Feeds"), id="feeds-title")
        yield DataTable(id="feeds-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Feed", "Folder", "Unread", "Total", "Last success", "Last error")
        self.reload()
        table.focus()

    def reload(self) -> None:
        """Read the feeds again (after a removal or a refresh)."""
        table = self.query_one(DataTable)
        table.clear()
        self.feeds = list_feeds(self.conn)
        for feed in self.feeds:
            error = feed.disabled_reason or feed.last_error or ""
            table.add_row(
                Text(clean_line(feed.name)[:60]),
                Text(clean_line(feed.folder)),
                Text(str(feed.unread), justify="right"),
                Text(str(feed.total), justify="right"),
                Text(when(feed.last_success) if feed.kind != "seed" else "shipped"),
                Text(clean_line(error)[:60], style="red" if error else ""),
                key=str(feed.id),
            )
        self.query_one("#feeds-title", Static).update(
            Text(f"Feeds ({len(self.feeds)}) · enter: show its articles · d: remove · escape: close")
        )

    def _current(self) -> Feed | None:
        table = self.query_one(DataTable)
        if not self.feeds or table.cursor_row is None or table.cursor_row >= len(self.feeds):
            return None
        return self.feeds[table.cursor_row]

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        feed = self._current()
        if feed is not None:
            self.dismiss(feed.id)

    def action_remove(self) -> None:
        feed = self._current()
        if feed is not None and feed.kind != "seed" and self.on_remove is not None:
            self.on_remove(feed)

    def action_close(self) -> None:
        self.dismiss(None)
