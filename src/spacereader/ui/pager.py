"""Pages of list rows read from the store on demand, so the list never holds the whole cache."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from spacereader.models import ArticleFilter, ArticleRow
from spacereader.store import Connection
from spacereader.store import articles as store_articles
from spacereader.store.marks import max_article_id


class ArticlePager:
    """The rows of one view, fetched a page at a time and kept in a small LRU."""

    PAGE_SIZE = 128
    MAX_PAGES = 24

    def __init__(self, conn: Connection, view: ArticleFilter = ArticleFilter(), title: str = "") -> None:
        self.conn = conn
        self.view = view
        self.title = title or view.describe()
        self.up_to_id = max_article_id(conn)
        """The newest article present when the list was shown: marking it all read stops there."""
        self.count = store_articles.count_articles(conn, view)
        self._pages: OrderedDict[int, list[ArticleRow]] = OrderedDict()

    def row(self, index: int) -> ArticleRow | None:
        """The row at `index` in list order, or None past the end."""
        if index < 0 or index >= self.count:
            return None
        number, offset = divmod(index, self.PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = store_articles.list_article_rows(
                self.conn, self.view, offset=number * self.PAGE_SIZE, limit=self.PAGE_SIZE
            )
            self._pages[number] = page
            if len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def update(self, article_id: int, *, read: bool | None = None, bookmarked: bool | None = None) -> int | None:
        """Change a cached row's state in place; returns its index when it is loaded."""
        for number, page in self._pages.items():
            for offset, row in enumerate(page):
                if row.id == article_id:
                    page[offset] = replace(
                        row,
                        read=row.read if read is None else read,
                        bookmarked=row.bookmarked if bookmarked is None else bookmarked,
                    )
                    return number * self.PAGE_SIZE + offset
        return None

    def index_of(self, article_id: int) -> int | None:
        """The article's position in this view."""
        return store_articles.position_of(self.conn, self.view, article_id)

    def next_unread(self, index: int, *, forward: bool = True) -> int | None:
        """Position of the nearest unread article after (or before) `index`."""
        return store_articles.next_unread(self.conn, self.view, index, forward=forward)
