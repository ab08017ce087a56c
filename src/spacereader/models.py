"""Plain data that crosses layers and threads: frozen records (see `records`), no behaviour beyond derived values."""

from __future__ import annotations

from spacereader.records import record

ENTITY_KINDS = ("person", "organisation", "place")
UNKNOWN_DATE_TEXT = "unknown date"
"""Shown for an article whose feed gave no usable date (stored as an empty `published`)."""


def shown_date(published: str) -> str:
    """The day of a stored date, or "unknown date": never a stand-in such as the fetch time."""
    return published[:10] if published else UNKNOWN_DATE_TEXT


CHOSE_FEED_TEXT = "the feed's text was chosen with F"
"""An article's page_error when the user went back from the page's text: no refresh fetches the page again."""


SORTS = ("relevance", "date", "feed", "title", "unread")
"""List orders. "relevance" is best match first and falls back to "date" when nothing is searched."""


@record
class Feed:
    """A subscription (or the built-in seed source) with its fetch state."""

    id: int
    url: str
    title: str
    folder: str = ""
    kind: str = "feed"
    site_url: str = ""
    last_success: str | None = None
    last_error: str | None = None
    disabled_reason: str | None = None
    unread: int = 0
    total: int = 0
    full_text: bool = False
    """Each new article's web page is fetched during refresh and its main text shown."""

    @property
    def name(self) -> str:
        """What to call the feed on screen."""
        return self.title or self.url


@record
class Enclosure:
    """A file a feed attaches to an article (a podcast episode, a video, a PDF); `length` in bytes when given."""

    url: str
    media_type: str = ""
    length: int | None = None

    @property
    def size_text(self) -> str:
        """The length for people ("1.2 MB", "850 kB"), or "" when unknown."""
        if not self.length or self.length <= 0:
            return ""
        return f"{self.length / 1_000_000:.1f} MB" if self.length >= 100_000 else f"{self.length / 1000:.0f} kB"

    @property
    def details(self) -> str:
        """Type and size, whichever are known ("audio/mpeg, 1.2 MB")."""
        return ", ".join(part for part in (self.media_type, self.size_text) if part)

    def as_json(self) -> dict[str, object]:
        """The shape carried in JSON rows and stored in the cache."""
        return {"url": self.url, "type": self.media_type, "length": self.length}


@record
class ArticleRow:
    """What one line of the article list needs; never carries the body."""

    id: int
    feed_id: int
    title: str
    source: str
    url: str
    published: str
    """UTC ISO 8601 with a Z, or "" when the date is unknown."""
    read: bool
    bookmarked: bool


@record
class Article(ArticleRow):
    """A whole article, loaded only when it is opened."""

    author: str = ""
    body: str = ""
    word_count: int = 0
    enclosures: tuple[Enclosure, ...] = ()
    from_page: bool = False
    """The body is the main text of the article's web page (fetched with F, `show --full` or a full-text feed)."""
    page_error: str = ""
    """Why the page's text could not be used the last time it was fetched ("" when it was, or never tried)."""

    @property
    def paragraphs(self) -> list[str]:
        """The body split on blank lines."""
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]

    @property
    def reading_minutes(self) -> int:
        """Reading time at 230 words a minute, at least one minute."""
        return max(1, round(self.word_count / 230))

    @property
    def meta_line(self) -> str:
        """source · author · date · reading time, each part cleaned for the terminal (reader and CLI alike)."""
        from spacereader.safe_text import clean_line

        parts = [
            clean_line(self.source),
            clean_line(self.author),
            shown_date(self.published),
            f"{self.reading_minutes} min read",
        ]
        return " · ".join(p for p in parts if p)


@record
class NewArticle:
    """An article as parsed from a feed or seed, before it has an id."""

    guid: str
    title: str
    published: str
    body: str
    url: str = ""
    author: str = ""
    summary: str = ""
    enclosures: tuple[Enclosure, ...] = ()
    content_hash: str = ""
    word_count: int | None = None
    """Words in the body; None means the store counts them. Parsing counts them in a worker process,
    off the single writer thread."""


@record
class Entity:
    """A person, organisation or place, with how often one article (or the cache) names it."""

    id: int
    name: str
    kind: str
    count: int = 0


@record
class Term:
    """One word or phrase to find; `prefix` matches any word starting with its last word."""

    text: str
    prefix: bool = False

    def fts(self) -> str:
        """The term as an FTS5 string: always double-quoted with quotes doubled, so it is never an operator."""
        return '"' + self.text.replace('"', '""') + '"' + ("*" if self.prefix else "")


@record
class ParsedQuery:
    """A query the store can run; every field is hashable so filters can be cached and compared."""

    text: str = ""
    terms: tuple[Term, ...] = ()
    excluded: tuple[Term, ...] = ()
    feeds: tuple[str, ...] = ()
    """Feed names (substring, any of them)."""
    entities: tuple[str, ...] = ()
    """Entity names (substring, all of them)."""
    unread: bool | None = None
    """True: only unread; False: only read; None: either."""
    bookmarked: bool = False
    after: str | None = None
    """Inclusive lower bound on `published`, as stored (UTC ISO with a Z)."""
    before: str | None = None
    """Exclusive upper bound on `published`."""

    def match_expression(self) -> str | None:
        """The FTS5 MATCH text for the positive terms (implicit AND), or None when there are none."""
        return " ".join(t.fts() for t in self.terms) or None

    def fts_expression(self) -> str | None:
        """The whole text condition for FTS5: the terms without any excluded one; only the excluded
        terms when there is nothing positive (the store then keeps the rows that do not match)."""
        match, excluded = self.match_expression(), self.excluded_expression()
        if match is not None and excluded is not None:
            return f"({match}) NOT ({excluded})"
        return match or excluded

    def excluded_expression(self) -> str | None:
        """The FTS5 MATCH text matching any excluded term, or None."""
        return " OR ".join(t.fts() for t in self.excluded) or None

    @property
    def highlight_words(self) -> tuple[str, ...]:
        """The positive words, for highlighting matches on screen."""
        return tuple(word for term in self.terms for word in term.text.split())


@record
class QueryError:
    """Why the text is not a query, as one line for the status bar or stderr."""

    message: str


@record
class ArticleFilter:
    """Which articles the list shows; the store turns it into SQL."""

    unread_only: bool = False
    bookmarked_only: bool = False
    feed_id: int | None = None
    entity_id: int | None = None
    article_ids: tuple[int, ...] | None = None
    search: ParsedQuery | None = None
    """A parsed search query; its filters add to the ones above."""
    sort: str = "date"
    """One of SORTS."""
    kept_ids: tuple[int, ...] = ()
    """With unread_only: articles read since the list was shown, kept in it so rows, counts and n/N agree."""

    def describe(self) -> str:
        """A short label for the list's title."""
        parts = []
        if self.search is not None:
            parts.append(f"search: {self.search.text}")
        if self.bookmarked_only:
            parts.append("bookmarks")
        if self.unread_only:
            parts.append("unread")
        return ", ".join(parts) or "all articles"


@record
class Mention:
    """One span an extractor found: character offsets into the text and a label.

    Extractors return the model's own labels (PERSON, ORG, GPE, ...); after repair the label is one of
    ENTITY_KINDS.
    """

    start: int
    end: int
    text: str
    label: str


@record
class ExtractedEntity:
    """One entity of one article after repair, ready to be saved: `key` joins it across articles."""

    name: str
    kind: str
    count: int
    salience: float
    key: str = ""
    ambiguous: bool = False
    """True when the article's own evidence tied between types; the cache-wide majority decides then."""


@record
class FeedState:
    """What a refresh needs to know about a feed before fetching it."""

    id: int
    url: str
    title: str
    etag: str | None = None
    last_modified: str | None = None
    retry_after: str | None = None
    disabled_reason: str | None = None


@record
class Subscription:
    """A feed to subscribe to, as an OPML file or the command line names it."""

    url: str
    title: str = ""
    folder: str = ""


@record
class SavedView:
    """A named query (saved in the cache or defined in the config) with its counts; never a copy of articles."""

    name: str
    query: str
    unread: int = 0
    total: int = 0
    source: str = "cache"
    """"cache" (saved from the app or CLI) or "config" (the [views] table)."""
    error: str | None = None
    """Why the query does not parse (a hand-edited config), else None."""


@record
class Watch:
    """An entity or a saved view the user wants to be told about, with its matches not yet seen."""

    id: int
    kind: str
    """"entity" or "view"."""
    name: str
    created: str
    unseen: int = 0
    entity_key: str | None = None


@record
class WatchHit:
    """One new article matching a watch."""

    watch_id: int
    kind: str
    name: str
    article_id: int
    title: str
