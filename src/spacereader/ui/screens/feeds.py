"""The feeds view: every subscription with its unread count, last success and last error."""

from __future__ import annotations

from typing import cast

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import DataTable, Static

from spacereader.models import Feed
from spacereader.safe_text import clean_line
from spacereader.store import Connection
from spacereader.store.feeds import feed_notes, list_feeds
from spacereader.ui.dialogs.confirm import ConfirmDialog
from spacereader.ui.host import ReaderHost
from spacereader.ui.messages import FeedFullTextSet, FeedRemoved
from spacereader.ui.screens.table_picker import TablePicker


def when(value: str | None) -> str:
    """'2026-11-25 22:48' from a stored timestamp, or an em dash."""
    return value.replace("T", " ")[:16] if value else "—"


class FeedsScreen(TablePicker[int | None]):
    """Choose a feed to narrow the article list to it; `d` removes the highlighted feed."""

    BINDINGS = [
        Binding("enter", "choose", "Show its articles", id="choose-feed"),
        Binding("d,delete", "remove", "Remove feed", id="remove-feed"),
        Binding("t", "toggle_full_text", "Full text on/off", id="toggle-full-text"),
    ]

    NAME = "feeds"
    COLUMNS = ("Feed", "Folder", "Unread", "Total", "Full text", "Last success", "Last error")
    TITLE = "Feeds"

    def __init__(self, conn: Connection) -> None:
        super().__init__()
        self.conn = conn
        self.items: list[Feed] = []

    @property
    def feeds(self) -> list[Feed]:
        """The feeds as listed."""
        return self.items

    def reload(self) -> None:
        """Read the feeds again (after a removal or a refresh)."""
        table = self.query_one(DataTable)
        table.clear()
        self.items = list_feeds(self.conn)
        notes = feed_notes(self.conn)
        for feed in self.items:
            error = feed.disabled_reason or feed.last_error or ""
            note = "" if error else notes.get(feed.id, "")
            table.add_row(
                Text(clean_line(feed.name)[:60]),
                Text(clean_line(feed.folder)),
                Text(str(feed.unread), justify="right"),
                Text(str(feed.total), justify="right"),
                Text("on" if feed.full_text else ""),
                Text(when(feed.last_success) if feed.kind != "seed" else "shipped"),
                Text(clean_line(error or note)[:60], style="red" if error else ""),
                key=str(feed.id),
            )
        self.query_one("#feeds-title", Static).update(
            Text(f"Feeds ({len(self.items)}) · enter: show its articles · d: remove · t: full text · escape: close")
        )

    def action_choose(self) -> None:
        feed = self.current_item()
        if feed is not None:
            self.dismiss(feed.id)

    def action_remove(self) -> None:
        feed = self.current_item()
        if feed is not None and feed.kind != "seed":
            question = f"Unsubscribe from {clean_line(feed.name)}? Bookmarked articles are kept."

            def answer(yes: bool | None) -> None:
                if yes:
                    cast(ReaderHost, self.app).remove_feed(feed.id, feed.name)

            self.app.push_screen(ConfirmDialog(question), answer)

    def action_toggle_full_text(self) -> None:
        """Fetch each new article's page during refresh, or stop."""
        feed = self.current_item()
        if feed is not None and feed.kind != "seed":
            cast(ReaderHost, self.app).set_full_text(feed.id, feed.name, not feed.full_text)

    @on(FeedRemoved)
    def feed_removed(self) -> None:
        self.reload()

    @on(FeedFullTextSet)
    def full_text_set(self, event: FeedFullTextSet) -> None:
        row = self.query_one(DataTable).cursor_row
        self.reload()
        self.query_one(DataTable).move_cursor(row=row)
        more = ": each new article's page is fetched during refresh" if event.on else ""
        self.notify(f"Full text {'on' if event.on else 'off'} for {clean_line(event.name)}{more}", markup=False)
