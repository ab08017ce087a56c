"""What `u` can undo: the last mark-all-read, as the exact ids it changed and the list it was made in."""

from __future__ import annotations

from dataclasses import replace

from spacereader.models import ArticleFilter
from spacereader.records import record


def same_list(one: ArticleFilter, other: ArticleFilter) -> bool:
    """Whether two filters show the same articles, ignoring the read articles an unread-only list keeps."""
    return replace(one, kept_ids=()) == replace(other, kept_ids=())


@record
class MarkAllUndo:
    """The ids a mark-all-read changed; `fresh` while nothing else was marked since (a second `A` undoes)."""

    article_ids: tuple[int, ...]
    view: ArticleFilter
    fresh: bool = True

    def offered_by_repeat(self, view: ArticleFilter) -> bool:
        """A second mark-all-read press right after, in the same list, undoes instead of asking again."""
        return self.fresh and same_list(self.view, view)


def plural(count: int, word: str) -> str:
    """'1 article', '2 articles'."""
    return f"{count} {word}{'' if count == 1 else 's'}"
