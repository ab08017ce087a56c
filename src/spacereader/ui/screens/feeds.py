"""The feeds view: every subscription with its unread count, last success and last error."""

from __future__ import annotations

from typing import cast

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import Static

from spacereader.models import Feed
from spacereader.safe_text import clean_line
from spacereader.store import Connection
from spacereader.store.feeds import feed_notes, list_feeds
from spacereader.store.ignored import ignored_counts
from spacereader.ui.dialogs.confirm import ConfirmDialog
from spacereader.ui.host import ReaderHost
from spacereader.ui.messages import FeedFullTextSet, FeedRemoved
from spacereader.ui.screens.table_picker import Column, TablePicker
from spacereader.ui.widgets.row_table import RowTable


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
    COLUMNS = (
        Column("Feed", 20, share=2, most=60),
        Column("Folder", 12, drop=4),
        Column("Unread", 6),
        Column("Total", 6, drop=2),
        Column("Ignored", 7, drop=6),
        Column("Full text", 9, drop=3),
        Column("Last success", 16, drop=5),
        Column("Last error", 10, share=1, most=60),
    )
    """At 60 columns: feed, unread, total and error; full text from 62, the folder from 76, the last success
    from 94, the count of articles dropped by ignore rules from 103."""
    TITLE = "Feeds"

    def __init__(self, conn: Connection) -> None:
        super().__init__()
        self.conn = conn
        self.items: list[Feed] = []
        self.notes: dict[int, str] = {}
        self.ignored: dict[int, int] = {}

    @property
    def feeds(self) -> list[Feed]:
        """The feeds as listed."""
        return self.items

    def reload(self, *, cursor: int = 0) -> None:
        """Read the feeds again (after a removal or a refresh)."""
        feeds = list_feeds(self.conn)
        self.notes = feed_notes(self.conn)
        self.ignored = ignored_counts(self.conn)
        self.show_items(feeds, cursor=cursor)
        self.query_one("#feeds-title", Static).update(
            Text(f"Feeds ({len(feeds)}) · enter: show its articles · d: remove · t: full text · escape: close")
        )

    def cells(self, feed: Feed) -> tuple[Text, ...]:
        error = feed.disabled_reason or feed.last_error or ""
        note = "" if error else self.notes.get(feed.id, "")
        return (
            Text(clean_line(feed.name)),
            Text(clean_line(feed.folder)),
            Text(str(feed.unread), justify="right"),
            Text(str(feed.total), justify="right"),
            Text(str(self.ignored.get(feed.id, "")), justify="right"),
            Text("on" if feed.full_text else ""),
            Text(when(feed.last_success) if feed.kind != "seed" else "shipped"),
            Text(clean_line(error or note), style="red" if error else ""),
        )

    def detail(self, feed: Feed) -> str:
        error = feed.disabled_reason or feed.last_error or self.notes.get(feed.id, "")
        return f"{clean_line(feed.name)}: {clean_line(error)}" if error else ""

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
        self.reload(cursor=self.query_one(RowTable).cursor_row)
        more = ": each new article's page is fetched during refresh" if event.on else ""
        self.notify(f"Full text {'on' if event.on else 'off'} for {clean_line(event.name)}{more}", markup=False)
