"""The main screen: composes the three panes and routes what they and the workers report."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input

from spacereader.links import LinkError, check_link, open_link
from spacereader.models import ArticleFilter, Entity
from spacereader.store import articles as store_articles
from spacereader.store import entities as store_entities
from spacereader.store.feeds import get_feed
from spacereader.ui.messages import ArticleStateFailed, ArticleStateSaved
from spacereader.ui.pager import ArticlePager
from spacereader.ui.screens.entity_control import EntityControl
from spacereader.ui.screens.feed_control import FEED_BINDINGS, FeedControl
from spacereader.ui.screens.search_control import SEARCH_BINDINGS, SearchControl
from spacereader.ui.screens.feeds import FeedsScreen
from spacereader.ui.widgets.article_list import ArticleList
from spacereader.ui.widgets.entity_sidebar import EntitySidebar
from spacereader.ui.widgets.reading_pane import ReadingPane
from spacereader.ui.widgets.status_line import StatusLine
from spacereader.ui.writer import StateChange

# Moving through the list quickly should not render every article it passes.
PREVIEW_DELAY = 0.05


@dataclass(frozen=True)
class ListState:
    """What the list shows and where its cursor was, so `escape` can return to it."""

    view: ArticleFilter
    title: str = ""
    entity: Entity | None = None
    highlight: tuple[str, ...] = ()
    article_id: int | None = None
    index: int = 0


def entity_terms(entity: Entity) -> tuple[str, ...]:
    """Words to highlight for an entity: its name, and a person's surname (short forms were merged into it)."""
    words = entity.name.split()
    return (entity.name, words[-1]) if entity.kind == "person" and len(words) > 1 else (entity.name,)


class MainScreen(SearchControl, FeedControl, EntityControl, Screen[None]):
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
        *FEED_BINDINGS,
        *SEARCH_BINDINGS,
    ]

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__()
        self.conn = conn
        self.state = ListState(ArticleFilter())
        self._history: list[ListState] = []
        self._preview_timer: Timer | None = None
        self._shown_id: int | None = None

    @property
    def view(self) -> ArticleFilter:
        """The filter behind the list."""
        return self.state.view

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="list-column"):
                yield Input(placeholder="search: words \"a phrase\" -not feed: entity: is:unread after:7d", id="search-line")
                yield ArticleList(id="article-list")
            yield ReadingPane(id="reading-pane")
            yield EntitySidebar(id="entity-sidebar")
        yield StatusLine(id="status-line")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#search-line").display = False
        self.query_one(EntitySidebar).border_title = "Entities"
        self.query_one(ReadingPane).border_title = "Article"
        self.load_state(self.state)
        self.query_one(ArticleList).focus()
        # Extraction starts after the first frame so it never delays it.
        self.call_after_refresh(self.start_extraction)
        self.call_after_refresh(self.catch_up_index)
        self.start_auto_refresh()

    # -- views ------------------------------------------------------------------------------------------

    def current_state(self) -> ListState:
        """The list state with the cursor where it is now, to return to later."""
        article_list = self.query_one(ArticleList)
        current = article_list.current
        return replace(self.state, article_id=current.id if current else None, index=article_list.cursor)

    def load_state(self, state: ListState, *, remember: bool = False) -> None:
        """Show a list state; with `remember`, push the current one so `escape` returns to it."""
        article_list = self.query_one(ArticleList)
        if remember:
            self._history.append(self.current_state())
        entity_changed = state.entity != self.state.entity
        self.state = state
        title = state.title or state.view.describe()
        if state.view.sort != "date" and not (state.view.sort == "relevance" and state.view.search is not None):
            title += f" · by {state.view.sort}"
        article_list.show(ArticlePager(self.conn, state.view, title), select_id=state.article_id, index=state.index)
        if entity_changed:
            self._show_sidebar_mode()
        self.update_status()

    def load_view(self, view: ArticleFilter, *, title: str = "", select_id: int | None = None, remember: bool = False) -> None:
        """Point the list at a plain view of the cache."""
        self.load_state(ListState(view, title, article_id=select_id), remember=remember)

    def reload_view(self) -> None:
        """Re-read the current view (after a refresh), keeping the selection."""
        self.load_state(self.current_state())

    def action_go_back(self) -> None:
        """Return to the list shown before the last narrowing, with its selection."""
        if self.search_active():
            self.cancel_search()
        elif self._history:
            self.load_state(self._history.pop())
            self.query_one(ArticleList).focus()

    def update_status(self) -> None:
        """Counts for the current view, and extraction progress."""
        pager = self.query_one(ArticleList).pager
        total = pager.count if pager else 0
        if self.view.search is not None:
            # Counting unread matches of a broad query costs tens of milliseconds a keystroke.
            counts = [f"{total} match{'es' if total != 1 else ''}"]
        else:
            counts = [f"{total} article{'s' if total != 1 else ''}", f"{store_articles.count_unread(self.conn, self.view)} unread"]
        self.query_one(StatusLine).show(
            *counts, self.state.title or self.view.describe(), self._search_message or self._refresh_status or self._extraction
        )

    def _show_sidebar_mode(self) -> None:
        entity = self.state.entity
        if entity is None:
            if self._shown_id is not None:
                self.show_entities_of(self._shown_id)
            return
        entity = store_entities.get_entity(self.conn, entity.id) or entity  # its count: articles, not this one's mentions
        per_day = store_entities.mention_counts_by_day(self.conn, entity.id, days=30)
        related = store_entities.co_mentioned(self.conn, entity.id, limit=10)
        self.query_one(EntitySidebar).show_detail(entity, per_day, related)

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
    def empty_list(self) -> None:
        """Clear the reading pane soon (typing a search often passes through empty results)."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(PREVIEW_DELAY, self.show_empty)

    def show_empty(self) -> None:
        self._shown_id = None
        self.query_one(ReadingPane).show_article(None)
        if self.state.entity is None:
            self.query_one(EntitySidebar).show_entities([], note="No article selected.")

    def show_article(self, article_id: int) -> None:
        """Load one article's body from the cache into the reading pane, and its entities into the sidebar."""
        article = store_articles.get_article(self.conn, article_id)
        self._shown_id = article_id if article else None
        self.query_one(ReadingPane).show_article(article, self.state.highlight)
        if article is not None and self.state.entity is None:
            self.show_entities_of(article_id)

    @on(EntitySidebar.EntityChosen)
    def list_mentions(self, event: EntitySidebar.EntityChosen) -> None:
        """Every cached article that names the entity, with its mentions highlighted."""
        entity = event.entity
        title = f"Articles naming {entity.name}"
        state = ListState(ArticleFilter(entity_id=entity.id), title, entity, entity_terms(entity), self._shown_id)
        self.load_state(state, remember=True)
        self.query_one(ArticleList).focus()
        if self._shown_id is not None:
            self.show_article(self._shown_id)

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
        self._history.clear()
        self.load_view(ArticleFilter(bookmarked_only=not self.view.bookmarked_only), select_id=keep)

    def action_show_feeds(self) -> None:
        """Open the feeds view; choosing a feed narrows the list to it."""

        def narrow(feed_id: int | None) -> None:
            feed = get_feed(self.conn, feed_id) if feed_id is not None else None
            if feed is not None:
                self.load_view(ArticleFilter(feed_id=feed.id), title=feed.name, remember=True)

        self.app.push_screen(FeedsScreen(self.conn, on_remove=self.confirm_remove_feed), narrow)

    def action_open_link(self) -> None:
        """Open the article's link in the browser (http and https only, no shell)."""
        row = self.query_one(ArticleList).current
        if row is None:
            return
        try:
            url = check_link(row.url)
            self.notify(f"Opening {url}", timeout=3, markup=False)  # the user sees where it goes first
            open_link(url, self.app.settings.browser)
        except (LinkError, OSError) as error:
            self.notify(f"Not opened: {error}", severity="warning", markup=False)

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
