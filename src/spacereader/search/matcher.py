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
# The combining accents the index's remove_diacritics strips (after decomposition: é is e + U+0301).
_DIACRITICS = re.compile("[\u0300-\u036f]")
_ASCII_SEPARATORS = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})


def words(text: str) -> list[str]:
    """The index's tokens for a text: accents and case folded, split on anything not a letter or digit."""
    if text.isascii():  # most feed text: nothing to decompose, and a split beats the regex fourfold
        return text.lower().translate(_ASCII_SEPARATORS).split()
    plain = _DIACRITICS.sub("", unicodedata.normalize("NFKD", text))
    return _TOKEN.findall(plain.casefold())


@dataclass(frozen=True, slots=True)
class Column:
    """One indexed column's tokens, in order (for phrases) and as a set (for single words)."""

    tokens: list[str]
    vocabulary: frozenset[str]


@dataclass(frozen=True, slots=True)
class Candidate:
    """What a query can look at in an article that is not stored yet (it is new, so unread and unbookmarked)."""

    title: str
    body: str
    author: str
    feed_name: str
    feed_url: str
    published: str

    def columns(self) -> tuple[Column, ...]:
        """Each indexed column's tokens: a phrase must sit within one column, as in the index."""
        found = (words(text) for text in (self.title, self.body, self.author, self.feed_name))
        return tuple(Column(tokens, frozenset(tokens)) for tokens in found)


def _has(columns: tuple[Column, ...], term: Term) -> bool:
    wanted = words(term.text)
    if not wanted:
        return False
    size = len(wanted)
    for column in columns:
        if size == 1:
            if wanted[0] in column.vocabulary:
                return True
            if term.prefix and any(word.startswith(wanted[0]) for word in column.vocabulary):
                return True
            continue
        if wanted[0] not in column.vocabulary:
            continue
        tokens, start = column.tokens, -1
        while True:  # only where the phrase's first word stands
            try:
                start = tokens.index(wanted[0], start + 1)
            except ValueError:
                break
            window = tokens[start : start + size]
            if len(window) < size:
                break
            if window[:-1] == wanted[:-1] and (
                window[-1] == wanted[-1] or (term.prefix and window[-1].startswith(wanted[-1]))
            ):
                return True
    return False


def needs_entities(query: ParsedQuery) -> bool:
    """Whether the query names entities, which only extraction (after storing) can tell."""
    return bool(query.entities)


def matches(query: ParsedQuery, article: Candidate, columns: tuple[Column, ...] | None = None) -> bool:
    """Whether the query, typed in the search line, would find this new article (entity filters left out).

    `columns` (from `article.columns()`) saves tokenizing the article again for each of several queries.
    """
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
        columns = columns if columns is not None else article.columns()
        if not all(_has(columns, term) for term in query.terms):
            return False
        if any(_has(columns, term) for term in query.excluded):
            return False
    return True
