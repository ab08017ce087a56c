"""The main screen: composes the panes, routes what they and the workers report, keeps the list history."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer

from spacereader.entities.extract import describe_extractor, extractor_label
from spacereader.models import SORTS, ArticleFilter
from spacereader.safe_text import clean_line
from spacereader.search.query import QueryError
from spacereader.store import Connection
from spacereader.store import articles as store_articles
from spacereader.store import entities as store_entities
from spacereader.store.feeds import get_feed
from spacereader.store.marks import count_to_mark
from spacereader.store.preferences import LIST_SIZES, UNREAD_ONLY, get_preference
from spacereader.store.views import find_view, view_filter, view_queries
from spacereader.store.watches import cache_changes, watched_entities
from spacereader.ui import messages
from spacereader.ui.dialogs.add_feed import AddFeedDialog
from spacereader.ui.dialogs.confirm import ConfirmDialog
from spacereader.ui.dialogs.name_view import NameViewDialog
from spacereader.ui.host import ReaderHost
from spacereader.ui.keys import MAIN_BINDINGS
from spacereader.ui.link_actions import copy_link, start_browser, start_player
from spacereader.ui.list_state import ListState, entity_terms
from spacereader.ui.pager import ArticlePager
from spacereader.ui.undo import MarkAllUndo, plural
from spacereader.ui.widgets.article_list import ArticleList
from spacereader.ui.widgets.entity_sidebar import EntitySidebar
from spacereader.ui.widgets.key_bar import KeyBar
from spacereader.ui.widgets.panes import LIST_STEP, Panes, remembered_sizes, sizes_to_remember
from spacereader.ui.widgets.reading_pane import ReadingPane
from spacereader.ui.widgets.search_bar import SearchBar
from spacereader.ui.widgets.status_line import StatusLine
from spacereader.ui.writer import BulkMark, StateChange

# Moving through the list quickly should not render every article it passes.
PREVIEW_DELAY = 0.05
# Read articles an unread-only list keeps showing until it is left; past this many it is reloaded without them.
MAX_KEPT = 500
# How often the reader looks whether another process (a cron `spacereader refresh`) added articles.
CACHE_POLL_S = 2.0


class MainScreen(Screen[None]):
    """Article list, reading pane and entity sidebar; the single mediator between them."""

    BINDINGS = MAIN_BINDINGS

    def __init__(self, conn: Connection) -> None:
        super().__init__()
        self.conn = conn
        self.state = ListState(ArticleFilter())
        self.history: list[ListState] = []
        """Lists to return to with `escape`, the latest last."""
        self._preview_timer: Timer | None = None
        self.shown_id: int | None = None
        """The article in the reading pane."""
        self.unread_only = False
        """Hide read articles in every list (remembered between starts)."""
        self.undo: MarkAllUndo | None = None
        """The last mark-all-read, for `u`."""
        self.cache_seen = (0, 0)
        """(data_version, highest article id) when the cache was last looked at."""

    @property
    def reader(self) -> ReaderHost:
        """The App, for what Textual's `App` does not offer."""
        return cast(ReaderHost, self.app)

    @property
    def view(self) -> ArticleFilter:
        """The filter behind the list."""
        return self.state.view

    def compose(self) -> ComposeResult:
        configured = self.reader.settings.list_width
        wide, narrow = remembered_sizes(get_preference(self.conn, LIST_SIZES), configured) or (configured, 40)
        with Panes(id="panes", list_width=wide, list_height=narrow):
            with Vertical(id="list-column"):  # the search line is put above the list on first use
                yield ArticleList(id="article-list")
            yield ReadingPane(id="reading-pane")
            yield EntitySidebar(id="entity-sidebar")
        yield StatusLine(id="status-line")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(EntitySidebar).border_title = "Entities"
        self.query_one(ReadingPane).border_title = "Article"
        self.unread_only = get_preference(self.conn, UNREAD_ONLY) == "1"
        self.load_state(self.state)
        self.query_one(ArticleList).focus()
        # Extraction starts after the first frame so it never delays it.
        self.call_after_refresh(lambda: self.reader.start_extraction(self.shown_id))
        self.call_after_refresh(self.reader.catch_up_index)
        if self.reader.settings.refresh_minutes > 0:
            self.set_interval(self.reader.settings.refresh_minutes * 60, self.action_refresh_feeds)
        self.cache_seen = cache_changes(self.conn)
        self.query_one(EntitySidebar).watched = watched_entities(self.conn)
        self.call_after_refresh(self.reader.check_watches)  # what a refresh brought while the reader was closed
        self.set_interval(CACHE_POLL_S, self.poll_cache)

    # -- the list and its history -----------------------------------------------------------------------

    def current_state(self) -> ListState:
        """The list state with the cursor where it is now, to return to later."""
        article_list = self.query_one(ArticleList)
        current = article_list.current
        return replace(self.state, article_id=current.id if current else None, index=article_list.cursor)

    def load_state(self, state: ListState, *, remember: bool = False) -> None:
        """Show a list state; with `remember`, push the current one so `escape` returns to it."""
        if remember:
            self.history.append(self.current_state())
        entity_changed = state.entity != self.state.entity
        kept = state.view.kept_ids if self.unread_only else ()
        state = replace(state, view=replace(state.view, unread_only=self.unread_only, kept_ids=kept))
        self.state = state
        self.query_one(ArticleList).show(
            ArticlePager(self.conn, state.view, state.heading), select_id=state.article_id, index=state.index
        )
        if entity_changed:
            self.show_sidebar_mode()
        self.update_counts()

    def reload_view(self) -> None:
        """Re-read the current view (after a refresh), keeping the selection."""
        self.load_state(self.current_state())

    def update_counts(self) -> None:
        """The status line's counts and title for the current view."""
        pager = self.query_one(ArticleList).pager
        total = pager.count if pager else 0
        status = self.query_one(StatusLine)
        if self.view.search is not None:
            # Counting unread matches of a broad query costs tens of milliseconds a keystroke.
            status.counts = (f"{total} match{'es' if total != 1 else ''}",)
        else:
            unread = store_articles.count_unread(self.conn, self.view)
            status.counts = (f"{total} article{'s' if total != 1 else ''}", f"{unread} unread")
        status.title = self.state.name

    def action_go_back(self) -> None:
        """Return to the list shown before the last narrowing, with its selection."""
        search_bar = self.search_bar
        panes = self.query_one(Panes)
        if search_bar is not None and search_bar.active:
            search_bar.close(keep=False)
        elif panes.hide_entities() or panes.leave_reading():
            return
        elif self.history:
            self.load_state(self.history.pop())
            self.query_one(ArticleList).focus()

    # -- the reading pane and the sidebar ---------------------------------------------------------------

    @on(ArticleList.Highlighted)
    def preview_article(self, event: ArticleList.Highlighted) -> None:
        """Show the highlighted article soon, unless the cursor moves on first."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        if self.shown_id is None:
            self.show_article(event.article_id)
        else:
            self._preview_timer = self.set_timer(
                PREVIEW_DELAY, lambda: self.show_article(event.article_id, keep_place=True)
            )

    @on(ArticleList.Opened)
    def open_article(self, event: ArticleList.Opened) -> None:
        """Show the article now and mark it read."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self.show_article(event.article_id)
        self.query_one(Panes).open_reading()
        row = self.query_one(ArticleList).current
        if row is not None and row.id == event.article_id and not row.read:
            self.save_state(StateChange(event.article_id, read=True))

    @on(ReadingPane.NextUnreadRequested)
    def read_next_unread(self, event: ReadingPane.NextUnreadRequested) -> None:
        """Open the next unread article where the reader is (the article keeps the screen)."""
        article_list = self.query_one(ArticleList)
        if article_list.jump_unread(event.forward):
            article_list.action_open_article()

    @on(ArticleList.Emptied)
    def empty_list(self) -> None:
        """Clear the reading pane soon (typing a search often passes through empty results)."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(PREVIEW_DELAY, self.show_empty)

    def show_empty(self) -> None:
        self.shown_id = None
        self.query_one(ReadingPane).show_article(None)
        if self.state.entity is None:
            self.query_one(EntitySidebar).show_entities([], note="No article selected.")

    def show_article(self, article_id: int, *, keep_place: bool = False) -> None:
        """Load one article's body from the cache into the reading pane, and its entities into the sidebar.

        With `keep_place` (the cursor came to rest on a row), an article already on display as it is stored,
        with the same words marked, stays as it is, scrolled where it was: choosing an entity shows the
        article with its name marked at once, and the list's highlight that follows would draw it again.
        """
        article = store_articles.get_article(self.conn, article_id)
        pane = self.query_one(ReadingPane)
        if keep_place and article is not None and pane.shows(article, self.state.highlight):
            return
        self.shown_id = article_id if article else None
        pane.show_article(article, self.state.highlight)
        if article is not None and self.state.entity is None:
            self.show_entities_of(article_id)

    def show_entities_of(self, article_id: int) -> None:
        """The article's saved entities, or ask for them ahead of the backlog."""
        sidebar = self.query_one(EntitySidebar)
        if store_entities.extraction_state(self.conn, article_id) == extractor_label(self.reader.extractor):
            sidebar.show_entities(store_entities.entities_for_article(self.conn, article_id))
        else:
            sidebar.show_entities(None, note="Finding people, organisations and places…")
            self.reader.extract_first(article_id)

    def show_sidebar_mode(self) -> None:
        """The open article's entities, or the chosen entity's detail while its articles are listed."""
        entity = self.state.entity
        if entity is None:
            if self.shown_id is not None:
                self.show_entities_of(self.shown_id)
            return
        entity = (
            store_entities.get_entity(self.conn, entity.id) or entity
        )  # its count: articles, not this one's mentions
        per_day = store_entities.mention_counts_by_day(self.conn, entity.id, days=30)
        related = store_entities.co_mentioned(self.conn, entity.id, limit=10)
        self.query_one(EntitySidebar).show_detail(entity, per_day, related)

    @on(EntitySidebar.EntityChosen)
    def list_mentions(self, event: EntitySidebar.EntityChosen) -> None:
        """Every cached article that names the entity, with its mentions highlighted."""
        entity = event.entity
        title = f"Articles naming {entity.name}"
        self.load_state(
            ListState(ArticleFilter(entity_id=entity.id), title, entity, entity_terms(entity), self.shown_id),
            remember=True,
        )
        self.query_one(ArticleList).focus()
        if self.shown_id is not None:
            self.show_article(self.shown_id)
        if entity.id in self.query_one(EntitySidebar).watched:
            self.reader.see_watch("entity", entity.name)

    @on(messages.ArticleExtracted)
    def entities_saved(self, event: messages.ArticleExtracted) -> None:
        if event.article_id == self.shown_id and self.state.entity is None:
            self.query_one(EntitySidebar).show_entities(
                store_entities.entities_for_article(self.conn, event.article_id)
            )

    @on(messages.EntitiesFound)
    def entities_found(self, event: messages.EntitiesFound) -> None:
        if event.article_id == self.shown_id and self.state.entity is None:
            self.query_one(EntitySidebar).show_entities(list(event.entities))

    @on(messages.ExtractionProgress)
    def extraction_progressed(self, event: messages.ExtractionProgress) -> None:
        done = describe_extractor(self.reader.extractor) if event.finished else None
        self.reader.sweep_ignored()
        self.reader.check_watches()  # entity watches match once extraction has reached the new articles
        self.query_one(StatusLine).extraction = done or f"finding entities: {event.done} done, {event.remaining} to go"

    @on(messages.ExtractionFailed)
    def extraction_failed(self, event: messages.ExtractionFailed) -> None:
        self.query_one(StatusLine).extraction = "entities unavailable"
        self.notify(f"Entity extraction stopped: {event.reason}", severity="error", markup=False)

    # -- search, sort and views -------------------------------------------------------------------------

    @property
    def search_bar(self) -> SearchBar | None:
        """The search line, once it has been opened."""
        found = self.query(SearchBar)
        return found.first() if found else None

    async def action_open_search(self) -> None:
        """Open the search line; results replace the list as the user types."""
        search_bar = self.search_bar
        if search_bar is None:  # not built while the reader starts
            search_bar = SearchBar(id="search-line")
            await self.query_one("#list-column").mount(search_bar, before=0)
        search_bar.open(search_bar.origin if search_bar.active else self.current_state())

    @on(SearchBar.Searched)
    def show_results(self, event: SearchBar.Searched) -> None:
        self.query_one(StatusLine).search_error = ""
        if event.view is None:
            self.load_state(cast(SearchBar, self.search_bar).origin)
        else:
            assert event.view.search is not None
            self.load_state(ListState(event.view, f"Search: {event.text}", highlight=event.view.search.highlight_words))

    @on(SearchBar.Invalid)
    def show_query_error(self, event: SearchBar.Invalid) -> None:
        self.query_one(StatusLine).search_error = event.reason

    @on(SearchBar.Closed)
    def close_search(self, event: SearchBar.Closed) -> None:
        """Enter keeps the results (escape on the list returns); escape restores the list from before."""
        self.query_one(StatusLine).search_error = ""
        self.query_one(ArticleList).focus()
        if event.origin is None:
            return
        if not event.keep:
            self.load_state(event.origin)
        elif self.view.search is not None:
            self.history.append(event.origin)

    def action_cycle_sort(self) -> None:
        """Next sort order: date, feed, title, unread first (and best match while searching)."""
        view = self.view
        orders = [s for s in SORTS if s != "relevance" or view.search is not None]
        following = orders[(orders.index(view.sort) + 1) % len(orders)] if view.sort in orders else orders[0]
        self.load_state(replace(self.current_state(), view=replace(view, sort=following), index=0))
        self.notify(f"Sorted by {following}", timeout=1.5)

    def action_show_views(self) -> None:
        """The saved views; choosing one shows its articles."""
        from spacereader.ui.screens.views import ViewsScreen  # tables load on first use, not before the first screen

        self.app.push_screen(ViewsScreen(self.conn, self.reader.settings.views), self.open_view)

    def open_view(self, name: str | None) -> None:
        """Show a saved view's articles (the query runs now: a view is a query, not a copy)."""
        if name is None:
            return
        query = find_view(self.conn, name, self.reader.settings.views)
        view = view_filter(query) if query is not None else QueryError(f"no view named {name!r}")
        if isinstance(view, QueryError):
            self.notify(f"View {name}: {view.message}", severity="error", markup=False)
            return
        highlight = view.search.highlight_words if view.search is not None else ()
        self.load_state(ListState(view, f"View: {name}", highlight=highlight, view_name=name), remember=True)
        self.reader.see_watch("view", name)

    def action_open_view_number(self, number: int) -> None:
        """Open the nth view with one key."""
        views = view_queries(self.conn, self.reader.settings.views)  # names only: counting is for the list
        if number <= len(views):
            self.open_view(views[number - 1][0])
        else:
            self.notify(f"There is no view {number}: press v to see them", timeout=2)

    def action_save_view(self) -> None:
        """Name the current search and keep it as a view."""
        search = self.view.search
        if search is None:
            self.notify("Search first (/), then S saves the search as a view", timeout=3)
            return

        def save(name: str | None) -> None:
            if name:
                self.reader.save_view(name, search.text)

        self.app.push_screen(NameViewDialog(search.text), save)

    # -- feeds ------------------------------------------------------------------------------------------

    def action_show_feeds(self) -> None:
        """Open the feeds view; choosing a feed narrows the list to it."""

        def narrow(feed_id: int | None) -> None:
            feed = get_feed(self.conn, feed_id) if feed_id is not None else None
            if feed is not None:
                self.load_state(ListState(ArticleFilter(feed_id=feed.id), feed.name), remember=True)

        from spacereader.ui.screens.feeds import FeedsScreen

        self.app.push_screen(FeedsScreen(self.conn), narrow)

    def action_refresh_feeds(self) -> None:
        """Fetch every feed in the background; a second press while one runs is ignored."""
        if self.reader.refreshing:
            self.notify("A refresh is already running", timeout=2)
            return
        self.query_one(StatusLine).progress = "syncing…" if self.reader.settings.sync else "refreshing feeds…"
        self.reader.refresh_feeds()

    def action_add_feed(self) -> None:
        """Ask for a URL, then subscribe in the background."""

        def subscribe(url: str | None) -> None:
            if url:
                self.query_one(StatusLine).progress = f"subscribing to {clean_line(url)[:50]}…"
                self.reader.subscribe_feed(url)

        self.app.push_screen(AddFeedDialog(), subscribe)

    @on(messages.RefreshProgressed)
    def refresh_progressed(self, event: messages.RefreshProgressed) -> None:
        self.query_one(StatusLine).progress = f"refreshing {event.done}/{event.total}: {clean_line(event.feed)[:40]}"

    @on(messages.SyncProgressed)
    def sync_progressed(self, event: messages.SyncProgressed) -> None:
        self.query_one(StatusLine).progress = clean_line(event.text)[:60]

    @on(messages.FeedsRefreshed)
    def feeds_refreshed(self, event: messages.FeedsRefreshed) -> None:
        self.query_one(StatusLine).progress = ""
        self.cache_seen = cache_changes(self.conn)
        self.reload_view()
        self.reader.start_extraction(self.shown_id)
        self.reader.check_watches()
        message = event.summary
        if event.failures:
            shown = "; ".join(clean_line(f) for f in event.failures[:3])
            more = f" (and {len(event.failures) - 3} more: see `spacereader feeds`)" if len(event.failures) > 3 else ""
            message += f"\n{shown}{more}"
        self.notify(message, title="Refresh", severity="warning" if event.failures else "information", markup=False)

    # -- watches ------------------------------------------------------------------------------------------

    def action_watch(self) -> None:
        """Watch the entity under the sidebar's cursor (or the one listed, or the view shown); again: stop."""
        sidebar = self.query_one(EntitySidebar)
        entity = (sidebar.highlighted_entity() if sidebar.has_focus_within else None) or self.state.entity
        if entity is not None:
            self.reader.toggle_watch("entity", entity.name, entity.id)
        elif self.state.view_name:
            self.reader.toggle_watch("view", self.state.view_name)
        else:
            self.notify("Choose a name in the entity sidebar (tab), or open a view (v), then w watches it", timeout=3)

    @on(messages.WatchChanged)
    def watch_changed(self, event: messages.WatchChanged) -> None:
        self.refresh_watch_marks()
        if not event.toggled:
            return
        name = clean_line(event.name)
        if event.watching:
            what = "naming it" if event.kind == "entity" else "matching it"
            self.notify(f"Watching {name}: new articles {what} are announced after each refresh", markup=False)
        else:
            self.notify(f"No longer watching {name}", timeout=3, markup=False)

    @on(messages.WatchesMatched)
    def watches_matched(self, event: messages.WatchesMatched) -> None:
        """List the new matches in a notice; the sidebar marks the watched names with their counts."""
        self.refresh_watch_marks()
        self.notify(event.summary, title="Watches", timeout=10, markup=False)

    def refresh_watch_marks(self) -> None:
        self.query_one(EntitySidebar).watched = watched_entities(self.conn)
        self.show_sidebar_mode()

    def poll_cache(self) -> None:
        """Notice articles another process added (a cron refresh): reload, extract them, check the watches."""
        version, newest = cache_changes(self.conn)
        if version == self.cache_seen[0] or self.reader.refreshing:
            return
        grew = newest > self.cache_seen[1]
        self.cache_seen = (version, newest)
        if grew:
            self.reload_view()
            self.reader.start_extraction(self.shown_id)
            self.reader.check_watches()

    @on(messages.ArticlesIgnored)
    def articles_ignored(self, event: messages.ArticlesIgnored) -> None:
        self.reload_view()
        self.notify(f"Ignore rules kept out {plural(event.count, 'new article')} (see `spacereader ignored`)")

    @on(messages.IndexCatchingUp)
    def index_catching_up(self, event: messages.IndexCatchingUp) -> None:
        self.query_one(StatusLine).progress = (
            f"search index catching up: {event.left} articles left" if event.left else ""
        )

    @on(messages.FeedSubscribed)
    def feed_subscribed(self, event: messages.FeedSubscribed) -> None:
        self.query_one(StatusLine).progress = ""
        self.reload_view()
        self.reader.start_extraction(self.shown_id)
        self.notify(f"Subscribed to {clean_line(event.title)}: {event.new_items} articles", markup=False)

    @on(messages.FeedActionFailed)
    def feed_action_failed(self, event: messages.FeedActionFailed) -> None:
        self.query_one(StatusLine).progress = ""
        self.update_counts()
        self.notify(clean_line(event.reason), severity="error", markup=False)

    @on(messages.FeedRemoved)
    def feed_removed(self, event: messages.FeedRemoved) -> None:
        kept_text = f", kept {event.kept} bookmarked" if event.kept else ""
        self.notify(
            f"Unsubscribed from {clean_line(event.name)} ({event.removed} articles deleted{kept_text})", markup=False
        )
        self.reload_view()

    # -- read, bookmark, links ----------------------------------------------------------------------------

    def save_state(self, change: StateChange) -> None:
        """Show the change at once and hand it to the writer thread."""
        article_list = self.query_one(ArticleList)
        article_list.update_row(change.article_id, read=change.read, bookmarked=change.bookmarked)
        if change.read is not None and self.undo is not None:
            self.undo = replace(self.undo, fresh=False)
        if change.read and self.unread_only and article_list.pager is not None:
            self.keep_listed(change.article_id)
        self.reader.writer.submit(change)

    def keep_listed(self, article_id: int) -> None:
        """An article just read stays in the unread-only list until the list is left, so rows and n/N agree."""
        view = self.view
        if article_id in view.kept_ids:
            return
        if len(view.kept_ids) >= MAX_KEPT:
            self.load_state(replace(self.current_state(), view=replace(view, kept_ids=())))
            return
        self.state = replace(self.state, view=replace(view, kept_ids=(*view.kept_ids, article_id)))
        pager = self.query_one(ArticleList).pager
        if pager is not None:
            pager.view = self.state.view

    # -- many at once: mark all read, undo, unread only ---------------------------------------------------

    def action_mark_all_read(self) -> None:
        """Mark every unread article in the list read, after saying how many; pressed again right after, undo."""
        pager = self.query_one(ArticleList).pager
        if pager is None:
            return
        if self.undo is not None and self.undo.offered_by_repeat(self.view):
            self.action_undo()
            return
        view, label = self.view, self.state.name
        count = count_to_mark(self.conn, view, pager.up_to_id)
        if count == 0:
            self.notify("Nothing unread in this list", timeout=2)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.query_one(StatusLine).progress = f"marking {plural(count, 'article')} read…"
                self.reader.writer.submit(BulkMark(view, pager.up_to_id, label=label))

        question = f"Mark {plural(count, 'article')} read in {clean_line(label)}?"  # a feed's name is hostile
        self.app.push_screen(ConfirmDialog(question), answer)

    def action_undo(self) -> None:
        """Put back to unread exactly the articles the last mark-all-read changed."""
        if self.undo is None:
            self.notify("Nothing to undo", timeout=2)
            return
        self.reader.writer.submit(BulkMark(restore=self.undo.article_ids, label=self.state.name))
        self.undo = None

    @on(messages.ArticlesMarked)
    def articles_marked(self, event: messages.ArticlesMarked) -> None:
        self.query_one(StatusLine).progress = ""
        count = plural(len(event.article_ids), "article")
        if event.read:
            self.undo = MarkAllUndo(event.article_ids, event.view or self.view)
            self.notify(f"Marked {count} read in {clean_line(event.label)} (u undoes)", markup=False)
        else:
            self.notify(f"Undone: {count} unread again", markup=False)
        self.load_state(replace(self.current_state(), view=replace(self.view, kept_ids=())))

    @on(messages.MarkFailed)
    def mark_failed(self, event: messages.MarkFailed) -> None:
        self.query_one(StatusLine).progress = ""
        self.notify(f"Not marked: {event.reason}", severity="error", markup=False)

    def action_toggle_unread_only(self) -> None:
        """Hide read articles in every list, or show them again; remembered between starts."""
        self.unread_only = not self.unread_only
        self.reader.remember(UNREAD_ONLY, "1" if self.unread_only else "0")
        state = self.current_state()
        self.load_state(replace(state, view=replace(state.view, kept_ids=())))
        self.notify("Unread only: read articles hidden" if self.unread_only else "Showing read articles", timeout=2)

    @on(messages.ArticleStateSaved)
    def state_saved(self, event: messages.ArticleStateSaved) -> None:
        self.update_counts()

    @on(messages.ArticleStateFailed)
    def state_failed(self, event: messages.ArticleStateFailed) -> None:
        self.notify(f"Could not save: {event.reason}", severity="error", markup=False)
        row = store_articles.get_article_row(self.conn, event.article_id)
        if row is not None:
            self.query_one(ArticleList).update_row(row.id, read=row.read, bookmarked=row.bookmarked)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"toggle_bookmark", "toggle_read", "open_link", "copy_link"}:
            return self.query_one(ArticleList).current is not None or None
        if action in {"full_text", "show_links", "play_enclosure", "save_article", "pipe_article"}:
            return self.shown_id is not None or None
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
        self.history.clear()
        self.load_state(
            ListState(ArticleFilter(bookmarked_only=not self.view.bookmarked_only), article_id=row.id if row else None)
        )

    def action_open_link(self) -> None:
        """Open the article's link in the browser (http and https only, no shell)."""
        row = self.query_one(ArticleList).current
        if row is not None:
            start_browser(self, row.url, self.reader.settings.browser)

    def action_copy_link(self) -> None:
        """Copy the article's link to the clipboard."""
        row = self.query_one(ArticleList).current
        if row is not None:
            copy_link(self, row.url)

    def action_toggle_entities(self) -> None:
        """Show or hide the entity sidebar."""
        self.query_one(Panes).toggle_entities()

    def action_narrow_list(self) -> None:
        """Give the list less room and the article more."""
        if not self.query_one(Panes).resize_list(-LIST_STEP):
            self.notify("The list is as small as it goes", timeout=1.5)
        self._remember_list_size()

    def action_widen_list(self) -> None:
        """Give the list more room; the article keeps enough to read."""
        if not self.query_one(Panes).resize_list(LIST_STEP):
            self.notify("The list is as large as it goes (e hides the entities)", timeout=1.5)
        self._remember_list_size()

    def _remember_list_size(self) -> None:
        panes = self.query_one(Panes)
        configured = self.reader.settings.list_width
        self.reader.remember(LIST_SIZES, sizes_to_remember(panes.wide_percent, panes.narrow_percent, configured))

    # -- full text, links and media -----------------------------------------------------------------------

    def action_full_text(self) -> None:
        """Fetch the open article's page and show its main text; again, the feed's own text."""
        if self.shown_id is not None:
            self.query_one(StatusLine).progress = "fetching the article's page…"
            self.reader.fetch_full_text(self.shown_id)

    @on(messages.FullTextFetched)
    def full_text_fetched(self, event: messages.FullTextFetched) -> None:
        self.query_one(StatusLine).progress = ""
        if event.reason:
            self.notify(
                f"Full text not available: {event.reason}; showing the feed's text", severity="warning", markup=False
            )
        if event.article_id == self.shown_id:
            self.show_article(event.article_id)

    def action_show_links(self, media_first: bool = False) -> None:
        """The open article's links and media by number."""
        article = store_articles.get_article(self.conn, self.shown_id) if self.shown_id is not None else None
        if article is not None:
            from spacereader.ui.screens.links import LinksScreen

            self.app.push_screen(LinksScreen(article, self.reader.settings, media_first=media_first))

    def action_play_enclosure(self) -> None:
        """Play the article's one enclosure; with several, choose in the links view."""
        article = store_articles.get_article(self.conn, self.shown_id) if self.shown_id is not None else None
        if article is None or not article.enclosures:
            self.notify("This article has no media", timeout=2)
        elif len(article.enclosures) > 1:
            self.action_show_links(media_first=True)
        else:
            start_player(self, article.enclosures[0].url, self.reader.settings.player)

    def action_save_article(self) -> None:
        """Save the open article as a Markdown file in save_dir (never over another file)."""
        if self.shown_id is not None:
            self.reader.hand_on(self.shown_id, "save")

    def action_pipe_article(self) -> None:
        """Hand the open article, as Markdown, to pipe_command on its standard input."""
        if self.shown_id is not None:
            self.reader.hand_on(self.shown_id, "pipe")

    def action_page_down(self) -> None:
        self.query_one(ReadingPane).scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.query_one(ReadingPane).scroll_page_up(animate=False)
