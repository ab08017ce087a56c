"""Messages posted from outside the widget tree (worker threads and the writer).

`App.announce` hands each to every screen on the stack: whoever cares handles it. Only `__init__` is generated
(`repr=False, eq=False`): nothing compares messages or prints their fields (Textual's repr names the class),
and each generated method costs import time before the first screen (about 2 ms for these twenty).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from spacereader.models import ArticleFilter, Entity, WatchHit


class News(Message, bubble=False):
    """A fact from a worker; `bubble=False` because every screen gets its own copy."""


@dataclass(repr=False, eq=False)
class ArticleStateSaved(News):
    """A read or bookmark change reached the cache."""

    article_id: int
    read: bool | None
    bookmarked: bool | None


@dataclass(repr=False, eq=False)
class ArticleStateFailed(News):
    """A read or bookmark change could not be saved; the UI shows the reason and reverts."""

    article_id: int
    reason: str


@dataclass(repr=False, eq=False)
class EntitiesFound(News):
    """Entities for one article are in the cache; dropped if that article is no longer shown."""

    article_id: int
    entities: tuple[Entity, ...]


@dataclass(repr=False, eq=False)
class ExtractionProgress(News):
    """The backlog worker's progress; a burst collapses to the latest."""

    done: int
    remaining: int
    finished: bool = False

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ExtractionProgress)


@dataclass(repr=False, eq=False)
class ExtractionFailed(News):
    """The extractor could not run (for example, its pipeline failed to load)."""

    reason: str


@dataclass(repr=False, eq=False)
class RefreshProgressed(News):
    """One more feed is done; a burst collapses to the latest."""

    done: int
    total: int
    feed: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, RefreshProgressed)


@dataclass(repr=False, eq=False)
class IndexCatchingUp(News):
    """Stored articles are being added to the search index; `left` of them are not searchable yet."""

    left: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexCatchingUp)


@dataclass(repr=False, eq=False)
class FeedsRefreshed(News):
    """A refresh ended: its summary line and the failing feeds with their reasons."""

    summary: str
    new_items: int
    failures: tuple[str, ...]


@dataclass(repr=False, eq=False)
class FeedSubscribed(News):
    """A feed was added from the dialog and fetched once."""

    title: str
    new_items: int


@dataclass(repr=False, eq=False)
class FeedActionFailed(News):
    """Adding or removing a feed failed; one line naming the culprit."""

    reason: str


@dataclass(repr=False, eq=False)
class ArticleExtracted(News):
    """The extraction process saved one article's entities in the cache."""

    article_id: int


@dataclass(repr=False, eq=False)
class FullTextFetched(News):
    """The article's page was fetched (or its feed text restored); `reason` says why its text was not kept."""

    article_id: int
    reason: str = ""
    restored: bool = False
    """The feed's own text is back (the second F)."""


@dataclass(repr=False, eq=False)
class FeedFullTextSet(News):
    """A feed's full-text setting was saved."""

    feed_id: int
    name: str
    on: bool


@dataclass(repr=False, eq=False)
class FeedRemoved(News):
    """A feed was unsubscribed; its articles are gone (bookmarked ones kept)."""

    name: str
    removed: int
    kept: int


@dataclass(repr=False, eq=False)
class SyncProgressed(News):
    """Where a sync with the server is, in a few words; a burst collapses to the latest."""

    text: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, SyncProgressed)


@dataclass(repr=False, eq=False)
class ArticlesMarked(News):
    """A list was marked read (or an undo put `article_ids` back to unread)."""

    article_ids: tuple[int, ...]
    read: bool
    label: str
    view: ArticleFilter | None = None
    """The list that was marked (None for an undo)."""


@dataclass(repr=False, eq=False)
class MarkFailed(News):
    """Marking a list read, or its undo, could not be saved; nothing changed."""

    reason: str


@dataclass(repr=False, eq=False)
class ArticlesIgnored(News):
    """Entity ignore rules removed new articles once their entities were extracted."""

    count: int


@dataclass(repr=False, eq=False)
class WatchesMatched(News):
    """New articles matched watched entities or views; each match is announced once."""

    hits: tuple[WatchHit, ...]
    summary: str


@dataclass(repr=False, eq=False)
class WatchChanged(News):
    """An entity or view is now watched (or no longer)."""

    kind: str
    name: str
    watching: bool
    toggled: bool = True
    """False when only its unseen count changed (its list was opened)."""
