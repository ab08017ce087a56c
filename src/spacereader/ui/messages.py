"""Messages posted from outside the widget tree (worker threads) to the screen."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class ArticleStateSaved(Message):
    """A read or bookmark change reached the cache."""

    article_id: int
    read: bool | None
    bookmarked: bool | None


@dataclass
class ArticleStateFailed(Message):
    """A read or bookmark change could not be saved; the UI shows the reason and reverts."""

    article_id: int
    reason: str
