"""The main screen: composes the three panes and routes what they report."""

from __future__ import annotations

import sqlite3

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer

from spacereader.links import LinkError, check_link, open_link
from spacereader.models import ArticleFilter
from spacereader.store import articles as store_articles
from spacereader.store import entities as store_entities
from spacereader.store.feeds import get_feed
from spacereader.ui.messages import ArticleStateFailed, ArticleStateSaved
from spacereader.ui.pager import ArticlePager
from spacereader.ui.screens.feeds import FeedsScreen
from spacereader.ui.widgets.article_list import ArticleList
from spacereader.ui.widgets.entity_sidebar import EntitySidebar
from spacereader.ui.widgets.reading_pane import ReadingPane
from spacereader.ui.widgets.status_line import StatusLine
from spacereader.ui.writer import StateChange

# Moving through the list quickly should not render every article it passes.
PREVIEW_DELAY = 0.05


class MainScreen(Screen[None]):
    """Article list, reading pane and entity sidebar; the single mediator between them."""

    BINDINGS = [
        Binding("b", "toggle_bookmark", "Bookmark", id="toggle-bookmark", tooltip="Bookmark or unbookmark"),
        Binding("m", "toggle_read", "Read/unread", show=False, id="toggle-read"),
        Binding("B", "bookmarks_only", "Bookmarks", id="bookmarks-only", tooltip="Show only bookmarks"),
        Binding("o", "open_link", "Open link", show=False, id="open-link"),
        Binding("y", "copy_link", "Copy link", show=False, id="copy-link"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="page-up"),
        Binding("f", "show_feeds", "Feeds", id="show-feeds", tooltip="Every feed; choose one to narrow the list"),
        Binding("escape", "go_back", "Back", show=False, id="go-back", tooltip="Return to the previous list"),
    ]

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self.conn = conn
        self.view = ArticleFilter()
        self.view_title = ""
        self._history: list[tuple[ArticleFilter, str, int | None, int]] = []
        self._preview_timer: Timer | None = None
        self._shown_id: int | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield ArticleList(id="article-list")
            yield ReadingPane(id="reading-pane")
            yield EntitySidebar(id="entity-sidebar")
        yield StatusLine(id="status-line")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(EntitySidebar).border_title = "Entities"
        self.query_one(ReadingPane).border_title = "Article"
        self.load_view(ArticleFilter())
        self.query_one(ArticleList).focus()

    # -- views ------------------------------------------------------------------------------------------

    def load_view(
        self, view: ArticleFilter, *, title: str = "", select_id: int | None = None, index: int = 0, remember: bool = False
    ) -> None:
        """Point the list at a view of the cache, keeping the current article when the view has it.

        With `remember`, the current view is pushed so `escape` can return to it with its selection.
        """
        article_list = self.query_one(ArticleList)
        if remember:
            current = article_list.current
            self._history.append((self.view, self.view_title, current.id if current else None, article_list.cursor))
        self.view = view
        self.view_title = title
        article_list.show(ArticlePager(self.conn, view, title), select_id=select_id, index=index)
        self.update_status()

    def reload_view(self) -> None:
        """Re-read the current view (after a refresh or extraction), keeping the selection."""
        article_list = self.query_one(ArticleList)
        current = article_list.current
        self.load_view(self.view, title=self.view_title, select_id=current.id if current else None, index=article_list.cursor)

    def action_show_feeds(self) -> None:
        """Open the feeds view; choosing a feed narrows the list to it."""

        def narrow(feed_id: int | None) -> None:
            if feed_id is None:
                return
            feed = get_feed(self.conn, feed_id)
            if feed is not None:
                self.load_view(ArticleFilter(feed_id=feed_id), title=feed.name, remember=True)

        self.app.push_screen(FeedsScreen(self.conn), narrow)

    def action_go_back(self) -> None:
        """Return to the list shown before the last narrowing, with its selection."""
        if not self._history:
            return
        view, title, article_id, index = self._history.pop()
        self.load_view(view, title=title, select_id=article_id, index=index)
        self.query_one(ArticleList).focus()

    def update_status(self) -> None:
        """Counts for the current view."""
        pager = self.query_one(ArticleList).pager
        total = pager.count if pager else 0
        unread = store_articles.count_unread(self.conn, self.view)
        self.query_one(StatusLine).show(
            f"{total} article{'s' if total != 1 else ''}", f"{unread} unread", self.view.describe()
        )

    # -- routing ----------------------------------------------------------------------------------------

    @on(ArticleList.Highlighted)
    def preview_article(self, event: ArticleList.Highlighted) -> None:
        """Show the highlighted article soon, unless the cursor moves on first."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        if self._shown_id is None:
            self.show_article(event.article_id)
        else:
            self._preview_timer = self.set_timer(PREVIEW_DELAY, lambda: self.show_article(event.article_id))

    @on(ArticleList.Opened)
    def open_article(self, event: ArticleList.Opened) -> None:
        """Show the article now and mark it read."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self.show_article(event.article_id)
        row = self.query_one(ArticleList).current
        if row is not None and row.id == event.article_id and not row.read:
            self.save_state(StateChange(event.article_id, read=True))

    @on(ArticleList.Emptied)
    def show_empty(self) -> None:
        self._shown_id = None
        self.query_one(ReadingPane).show_article(None)
        self.query_one(EntitySidebar).show_entities([], note="No article selected.")

    def show_article(self, article_id: int) -> None:
        """Load one article's body and entities from the cache into the reading pane and sidebar."""
        article = store_articles.get_article(self.conn, article_id)
        self._shown_id = article_id if article else None
        self.query_one(ReadingPane).show_article(article)
        if article is None:
            return
        if store_entities.extraction_state(self.conn, article_id) is None:
            self.query_one(EntitySidebar).show_entities(None)
        else:
            self.query_one(EntitySidebar).show_entities(store_entities.entities_for_article(self.conn, article_id))

    @on(EntitySidebar.EntityChosen)
    def list_mentions(self, event: EntitySidebar.EntityChosen) -> None:
        """Every cached article that names the entity."""
        name = event.entity.name
        self.load_view(
            ArticleFilter(entity_id=event.entity.id), title=f"Mentions of {name}", select_id=self._shown_id, remember=True
        )

    # -- state changes ----------------------------------------------------------------------------------

    def save_state(self, change: StateChange) -> None:
        """Show the change at once and hand it to the writer thread."""
        self.query_one(ArticleList).update_row(change.article_id, read=change.read, bookmarked=change.bookmarked)
        self.app.writer.submit(change)

    @on(ArticleStateSaved)
    def state_saved(self, event: ArticleStateSaved) -> None:
        self.update_status()

    @on(ArticleStateFailed)
    def state_failed(self, event: ArticleStateFailed) -> None:
        self.notify(f"Could not save: {event.reason}", severity="error", markup=False)
        row = store_articles.get_article_row(self.conn, event.article_id)
        if row is not None:
            self.query_one(ArticleList).update_row(row.id, read=row.read, bookmarked=row.bookmarked)

    # -- actions ----------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"toggle_bookmark", "toggle_read", "open_link", "copy_link"}:
            return self.query_one(ArticleList).current is not None or None
        return True

    def action_toggle_bookmark(self) -> None:
        """Bookmark or unbookmark the highlighted article."""
        row = self.query_one(ArticleList).current
        if row is not None:
            self.save_state(StateChange(row.id, bookmarked=not row.bookmarked))
            self.notify("Bookmarked" if not row.bookmarked else "Bookmark removed", timeout=1.5)

    def action_toggle_read(self) -> None:
        """Mark the highlighted article read or unread."""
        row = self.query_one(ArticleList).current
        if row is not None:
            self.save_state(StateChange(row.id, read=not row.read))

    def action_bookmarks_only(self) -> None:
        """Switch between all articles and bookmarks only."""
        row = self.query_one(ArticleList).current
        keep = row.id if row else None
        if self.view.bookmarked_only:
            self.load_view(ArticleFilter(), select_id=keep)
        else:
            self.load_view(ArticleFilter(bookmarked_only=True), select_id=keep)
        self._history.clear()

    def action_open_link(self) -> None:
        """Open the article's link in the browser (http and https only, no shell)."""
        row = self.query_one(ArticleList).current
        if row is None:
            return
        try:
            open_link(row.url, self.app.settings.browser)
        except (LinkError, OSError) as error:
            self.notify(f"Not opened: {error}", severity="warning", markup=False)
        else:
            self.notify(f"Opening {check_link(row.url)}", timeout=3, markup=False)

    def action_copy_link(self) -> None:
        """Copy the article's link to the clipboard."""
        row = self.query_one(ArticleList).current
        if row is None:
            return
        try:
            url = check_link(row.url)
        except LinkError as error:
            self.notify(f"Not copied: {error}", severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(url)
        self.notify(f"Copied {url}", timeout=3, markup=False)

    def action_page_down(self) -> None:
        self.query_one(ReadingPane).scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.query_one(ReadingPane).scroll_page_up(animate=False)
