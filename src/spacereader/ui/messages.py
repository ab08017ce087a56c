"""Messages posted from outside the widget tree (worker threads and the writer).

`App.announce` hands each to every screen on the stack: whoever cares handles it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from spacereader.models import ArticleFilter, Entity, WatchHit


class News(Message, bubble=False):
    """A fact from a worker; `bubble=False` because every screen gets its own copy."""


@dataclass
class ArticleStateSaved(News):
    """A read or bookmark change reached the cache."""

    article_id: int
    read: bool | None
    bookmarked: bool | None


@dataclass
class ArticleStateFailed(News):
    """A read or bookmark change could not be saved; the UI shows the reason and reverts."""

    article_id: int
    reason: str


@dataclass
class EntitiesFound(News):
    """Entities for one article are in the cache; dropped if that article is no longer shown."""

    article_id: int
    entities: tuple[Entity, ...]


@dataclass
class ExtractionProgress(News):
    """The backlog worker's progress; a burst collapses to the latest."""

    done: int
    remaining: int
    finished: bool = False

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ExtractionProgress)


@dataclass
class ExtractionFailed(News):
    """The extractor could not run (for example, its pipeline failed to load)."""

    reason: str


@dataclass
class RefreshProgressed(News):
    """One more feed is done; a burst collapses to the latest."""

    done: int
    total: int
    feed: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, RefreshProgressed)


@dataclass
class IndexCatchingUp(News):
    """Stored articles are being added to the search index; `left` of them are not searchable yet."""

    left: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexCatchingUp)


@dataclass
class FeedsRefreshed(News):
    """A refresh ended: its summary line and the failing feeds with their reasons."""

    summary: str
    new_items: int
    failures: tuple[str, ...]


@dataclass
class FeedSubscribed(News):
    """A feed was added from the dialog and fetched once."""

    title: str
    new_items: int


@dataclass
class FeedActionFailed(News):
    """Adding or removing a feed failed; one line naming the culprit."""

    reason: str


@dataclass
class ArticleExtracted(News):
    """The extraction process saved one article's entities in the cache."""

    article_id: int


@dataclass
class FullTextFetched(News):
    """The article's page was fetched (or its feed text restored); `reason` says why its text was not kept."""

    article_id: int
    reason: str = ""
    restored: bool = False
    """The feed's own text is back (the second F)."""


@dataclass
class FeedFullTextSet(News):
    """A feed's full-text setting was saved."""

    feed_id: int
    name: str
    on: bool


@dataclass
class FeedRemoved(News):
    """A feed was unsubscribed; its articles are gone (bookmarked ones kept)."""

    name: str
    removed: int
    kept: int


@dataclass
class SyncProgressed(News):
    """Where a sync with the server is, in a few words; a burst collapses to the latest."""

    text: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, SyncProgressed)


@dataclass
class ArticlesMarked(News):
    """A list was marked read (or an undo put `article_ids` back to unread)."""

    article_ids: tuple[int, ...]
    read: bool
    label: str
    view: ArticleFilter | None = None
    """The list that was marked (None for an undo)."""


@dataclass
class MarkFailed(News):
    """Marking a list read, or its undo, could not be saved; nothing changed."""

    reason: str


@dataclass
class ArticlesIgnored(News):
    """Entity ignore rules removed new articles once their entities were extracted."""

    count: int


@dataclass
class WatchesMatched(News):
    """New articles matched watched entities or views; each match is announced once."""

    hits: tuple[WatchHit, ...]
    summary: str


@dataclass
class WatchChanged(News):
    """An entity or view is now watched (or no longer)."""

    kind: str
    name: str
    watching: bool
    toggled: bool = True
    """False when only its unseen count changed (its list was opened)."""
