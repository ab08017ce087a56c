"""A parsed query tested against one article in memory, as the search index would match it.

Ignore rules must judge an article before it is stored, so before it is in the index. Words are
folded the way the index's tokenizer folds them (case and accents ignored, letters and digits only,
`ё` read as `е`): a rule matches here exactly when the same query typed in the search line would find
the article. Entity filters cannot be judged before extraction; `needs_entities` tells the caller.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from spacereader.models import ParsedQuery, Term

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> list[str]:
    """The index's tokens for a text: accents and case folded, split on anything not a letter or digit."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _TOKEN.findall(plain.casefold())


@dataclass(frozen=True, slots=True)
class Candidate:
    """What a query can look at in an article that is not stored yet (it is new, so unread and unbookmarked)."""

    title: str
    body: str
    author: str
    feed_name: str
    feed_url: str
    published: str

    def columns(self) -> tuple[list[str], ...]:
        """Each indexed column's tokens: a phrase must sit within one column, as in the index."""
        return tuple(words(text) for text in (self.title, self.body, self.author, self.feed_name))


def _has(columns: tuple[list[str], ...], term: Term) -> bool:
    wanted = words(term.text)
    if not wanted:
        return False
    size = len(wanted)
    for tokens in columns:
        for start in range(len(tokens) - size + 1):
            window = tokens[start : start + size]
            if window[:-1] != wanted[:-1]:
                continue
            last = window[-1]
            if last == wanted[-1] or (term.prefix and last.startswith(wanted[-1])):
                return True
    return False


def needs_entities(query: ParsedQuery) -> bool:
    """Whether the query names entities, which only extraction (after storing) can tell."""
    return bool(query.entities)


def matches(query: ParsedQuery, article: Candidate) -> bool:
    """Whether the query, typed in the search line, would find this new article (entity filters left out)."""
    if query.unread is False or query.bookmarked:
        return False  # a new article is unread and not bookmarked
    if query.after is not None and article.published < query.after:
        return False
    if query.before is not None and not (article.published and article.published < query.before):
        return False
    if query.feeds:
        names = (article.feed_name.casefold(), article.feed_url.casefold())
        if not any(feed.casefold() in name for feed in query.feeds for name in names):
            return False
    if query.terms or query.excluded:
        columns = article.columns()
        if not all(_has(columns, term) for term in query.terms):
            return False
        if any(_has(columns, term) for term in query.excluded):
            return False
    return True
