"""The search line's small query language, parsed into plain data; pure, no SQL.

Grammar (forgiving: odd input becomes words or one clear message, never an exception):
words (all must match), "quoted phrases" (an unclosed quote runs to the end), `word*` prefixes of 3 letters
or more, `-word` / `-"phrase"` to exclude, `feed:NAME`, `entity:NAME`, `is:unread|read|bookmarked`,
`before:DATE` / `after:DATE` with DATE `2021-10-05` or `7d` / `12h` / `2w` (relative to `now`).
Any other `key:value` is searched as words, so "10:30" or "re:invent" still work.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from spacereader.models import ArticleFilter, ParsedQuery, QueryError, Term
from spacereader.safe_text import clean_line

# What the FTS5 unicode61 tokenizer keeps as token characters: letters, numbers, private use.
# A term with none of them would be an empty phrase, which matches nothing; such terms are dropped.
_TOKEN_CHAR = re.compile(r"[^\W_]", re.UNICODE)
_TOKEN_RUN = re.compile(r"[^\W_]+", re.UNICODE)
MIN_PREFIX = 3
"""Shortest prefix. Shorter ones would merge the postings of every word so begun (`ke*` 160 ms at 100k
articles), and a prefix index for them costs the writer a third of its indexing time and the cache a
third of its index; a 1- or 2-letter word being typed is matched whole instead (`AI`, `EU`, `UK`)."""
_RELATIVE = re.compile(r"^(\d{1,5})([hdw])$")
_UNITS = {"h": "hours", "d": "days", "w": "weeks"}
FILTER_KEYS = ("feed", "entity", "is", "before", "after")
IS_VALUES = ("unread", "read", "bookmarked")


def fold(text: str) -> str:
    """Fold what the index folds beyond unicode61: Cyrillic ё is written е (the index does the same)."""
    return text.replace("ё", "е").replace("Ё", "Е")


def _tokens(text: str) -> list[tuple[str, bool]]:
    """Split on whitespace, keeping quoted runs together; returns (token, had_quote) pairs."""
    tokens: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start, quoted = i, False
        while i < n and not text[i].isspace():
            if text[i] == '"':
                quoted = True
                close = text.find('"', i + 1)
                i = n if close == -1 else close + 1
            else:
                i += 1
        tokens.append((text[start:i], quoted))
    return tokens


def _unquote(value: str) -> str:
    """Drop quote marks; a quote inside a word is never meaningful to search."""
    return value.replace('"', " ").strip()


def _term(raw: str) -> Term | None:
    prefix = raw.endswith("*")
    words = " ".join(_unquote(raw).replace("*", " ").split())
    if not _TOKEN_CHAR.search(words):
        return None
    return Term(fold(words), prefix=prefix)


def _date_bound(key: str, value: str, now: datetime) -> str | QueryError:
    relative = _RELATIVE.match(value.lower())
    if relative:
        moment = now - timedelta(**{_UNITS[relative.group(2)]: int(relative.group(1))})
        return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        day = datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        return QueryError(f"{key}: wants a date such as 2021-10-05 or 7d, not {clean_line(value)[:40]!r}")
    return day.strftime("%Y-%m-%dT00:00:00Z")


def parse_query(text: str, *, now: datetime | None = None, live: bool = False) -> ParsedQuery | QueryError:
    """Turn search-line text into a query or a one-line error.

    Args:
        now: the clock for relative dates (`7d`); defaults to the current UTC time.
        live: the user is still typing, so a last bare word without a trailing space is a prefix
            (from MIN_PREFIX letters; a shorter one is matched as a whole word).
    """
    now = now or datetime.now(timezone.utc)
    text = unicodedata.normalize("NFC", text.replace("\x00", " "))
    terms: list[Term] = []
    excluded: list[Term] = []
    feeds: list[str] = []
    entities: list[str] = []
    fields: dict[str, object] = {"unread": None, "bookmarked": False, "after": None, "before": None}
    tokens = _tokens(text)
    for index, (token, quoted) in enumerate(tokens):
        negate = token.startswith("-") and len(token) > 1
        body = token[1:] if negate else token
        key, colon, value = body.partition(":")
        key = key.lower()
        if colon and key in FILTER_KEYS and negate:
            return QueryError(f'-{key}: cannot be excluded; only words and phrases can (-word, -"a phrase")')
        if colon and key in FILTER_KEYS:
            value = _unquote(value)
            if not value:
                return QueryError(f"{key}: needs a value, e.g. {_EXAMPLES[key]}")
            if key == "feed":
                feeds.append(value)
            elif key == "entity":
                entities.append(value)
            elif key == "is":
                if value.lower() not in IS_VALUES:
                    shown = clean_line(value)[:40]
                    return QueryError(f"is:{shown} is unknown; use is:unread, is:read or is:bookmarked")
                if value.lower() == "bookmarked":
                    fields["bookmarked"] = True
                else:
                    fields["unread"] = value.lower() == "unread"
            else:
                bound = _date_bound(key, value, now)
                if isinstance(bound, QueryError):
                    return bound
                fields[key] = bound
            continue
        term = _term(body)
        if term is None:
            continue
        short = len(_TOKEN_RUN.findall(term.text)[-1]) < MIN_PREFIX
        if term.prefix and short:
            return QueryError(f"{clean_line(body)[:40]} is too short for a prefix: type {MIN_PREFIX} letters before *")
        typing = live and not negate and not quoted and index == len(tokens) - 1 and not text[-1:].isspace()
        if typing and not short:
            term = Term(term.text, prefix=True)
        (excluded if negate else terms).append(term)
    after, before = fields["after"], fields["before"]
    if isinstance(after, str) and isinstance(before, str) and after >= before:
        return QueryError("after: is not earlier than before:, so nothing can match")
    return ParsedQuery(
        text=text.strip(), terms=tuple(dict.fromkeys(terms)), excluded=tuple(dict.fromkeys(excluded)),
        feeds=tuple(feeds), entities=tuple(entities), unread=fields["unread"],  # type: ignore[arg-type]
        bookmarked=bool(fields["bookmarked"]), after=after, before=before,  # type: ignore[arg-type]
    )  # fmt: skip


_EXAMPLES = {
    "feed": 'feed:ars or feed:"Ars Technica"',
    "entity": "entity:Gagarin",
    "is": "is:unread",
    "before": "before:2021-10-05",
    "after": "after:7d",
}


def search_filter(
    text: str,
    *,
    base: ArticleFilter | None = None,
    sort: str = "relevance",
    live: bool = False,
    now: datetime | None = None,
) -> ArticleFilter | QueryError:
    """The list filter for search-line text: `base` (e.g. the current feed) narrowed by the query."""
    parsed = parse_query(text, now=now, live=live)
    if isinstance(parsed, QueryError):
        return parsed
    return replace(base or ArticleFilter(), search=parsed, sort=sort)
