"""Feed documents to articles: fastfeedparser first, feedparser wherever the fast path fails or looks unsure.

fastfeedparser reads ordinary feeds about a hundred times faster than feedparser, but feedparser is the
reference for the messy long tail (guessed encodings, RSS 0.90/1.0 oddities, relative links, odd dates).
The fast result is kept only when every entry has a title, an absolute http(s) link and a readable date
and no text shows a decoding accident; otherwise feedparser parses the document again.
tests/unit/test_ingest_corpus.py holds both paths to the same answers on every corpus file.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

import fastfeedparser
from lxml import etree

from spacereader.ingest.entries import RawEntry, RawFeed, parse_date, to_article
from spacereader.ingest.html_text import html_to_line
from spacereader.ingest.jsonfeed import JsonFeedError, looks_like_json, read_json_feed
from spacereader.models import NewArticle
from spacereader.safe_text import clean_line

# UTF-8 read as Latin-1 or cp1252 ("Ã©", "â€™"), or bytes that could not be decoded at all.
_MOJIBAKE = re.compile("\ufffd|[\u00c2\u00c3][\u0080-\u00bf]|\u00e2\u20ac")
_ATOM_LINK = "{http://www.w3.org/2005/Atom}link"
# For Atom enclosure lengths only: no entities resolved, nothing fetched.
_XML = etree.XMLParser(resolve_entities=False, no_network=True)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html|<head|<body)", re.IGNORECASE | re.DOTALL)


class ParseError(ValueError):
    """The document is not a usable feed; the message is a short reason such as "not a feed"."""


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's title, home page and cleaned articles, and which parser read it."""

    title: str
    site_url: str
    items: list[NewArticle]
    parser: str


def _http_url(value: str, base: str = "") -> str:
    """The link made absolute against the base, or "" when it is not http(s)."""
    value = clean_line(value)
    if not value:
        return ""
    if _plainly_absolute(value):
        return value  # what urljoin would return, without its two parses (most links are like this)
    if base:
        value = urljoin(base, value)
    return value if _is_http(value) else ""


def _plainly_absolute(link: str) -> bool:
    """An absolute http(s) link that urljoin gives back unchanged (and would not raise on): ASCII, a host,
    no ';' params, no empty '?' or '#', no brackets."""
    if not (link.startswith(("http://", "https://")) and link.isascii()):
        return False
    host_start = link[link.index("//") + 2 : link.index("//") + 3]
    return (
        host_start not in ("", "/", "?", "#")
        and not any(c in link for c in ";[]")
        and "?#" not in link
        and not link.endswith(("?", "#"))
    )


def _is_http(link: str) -> bool:
    """Whether the link's scheme is http(s), as urlsplit reads it (raising where it raises); the common
    spelling is checked first."""
    if link.isascii() and "[" not in link and "]" not in link and link[:8].lower().startswith(("http://", "https://")):
        return True
    return urlsplit(link).scheme.lower() in ("http", "https")


def _first_content(entry: Any) -> str:
    for content in entry.get("content") or ():
        if isinstance(content, dict) and (content.get("value") or "").strip():
            return content["value"]
    return ""


def _enclosures(entry: Any, url_key: str) -> tuple[tuple[str, str, str], ...]:
    found = []
    for enclosure in entry.get("enclosures") or ():
        if isinstance(enclosure, dict) and enclosure.get(url_key):
            found.append(
                (str(enclosure[url_key]), str(enclosure.get("type") or ""), str(enclosure.get("length") or ""))
            )
    return tuple(found)


def _atom_enclosure_sizes(body: bytes) -> dict[str, tuple[str, str]]:
    """Each Atom enclosure link's (type, length) by its href, as written in the document."""
    root = etree.fromstring(body, _XML)
    sizes: dict[str, tuple[str, str]] = {}
    for link in root.iter(_ATOM_LINK):
        if link.get("rel") == "enclosure" and link.get("href"):
            sizes.setdefault(link.get("href") or "", (link.get("type") or "", link.get("length") or ""))
    return sizes


def _atom_enclosure(link: dict[str, Any], sizes: dict[str, tuple[str, str]]) -> tuple[str, str, str]:
    """One Atom enclosure link as (url, type, length); ValueError (feedparser reads the feed) when its href was rewritten."""
    href = str(link.get("href") or "")
    # A relative href needs xml:base, which only feedparser applies; one not found came from elsewhere.
    if href not in sizes or urlsplit(href).scheme.lower() not in ("http", "https"):
        raise ValueError("Atom enclosure link that feedparser reads better")
    media_type, length = sizes[href]
    return (href, str(link.get("type") or media_type), length)


def read_fast(body: bytes) -> RawFeed:
    """Parse with fastfeedparser (XML only); raises ValueError when it cannot."""
    # Bytes, never str: fastfeedparser fetches a str that looks like a URL.
    parsed = fastfeedparser.parse(bytes(body), include_tags=False, include_media=False)
    links = [[link for link in e.get("links") or () if isinstance(link, dict) and link.get("rel") == "enclosure"]
             for e in parsed.entries]  # fmt: skip
    # It lists Atom enclosure links without their length, which feedparser keeps: read those from the document.
    sizes = _atom_enclosure_sizes(body) if any(links) else {}
    entries = [
        RawEntry(
            guid=str(e.get("id") or ""),
            link=str(e.get("link") or ""),
            title=str(e.get("title") or ""),
            author=str(e.get("author") or ""),
            date_text=date_text,
            # Read once here: fast_result_is_sure needs it and to_article takes it rather than reading the text again.
            date=parse_date(date_text),
            content_html=_first_content(e),
            summary_html=str(e.get("description") or ""),
            enclosures=_enclosures(e, "url") + tuple(_atom_enclosure(link, sizes) for link in entry_links),
        )
        for e, entry_links in zip(parsed.entries, links, strict=True)
        for date_text in (str(e.get("published") or e.get("updated") or ""),)
    ]
    feed = parsed.feed
    return RawFeed(str(feed.get("title") or ""), str(feed.get("link") or ""), entries, "fastfeedparser")


def _struct_date(entry: Any) -> datetime | None:
    # dict.get skips FeedParserDict's deprecated published -> updated aliasing (and its warning).
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = dict.get(entry, key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), timezone.utc)
            except (OverflowError, ValueError, OSError):
                return None
    return None


def read_reference(body: bytes, url: str = "", content_type: str = "") -> RawFeed:
    """Parse with feedparser; raises ParseError when the document holds no feed."""
    import feedparser  # 0.17 s of imports (chardet's models), paid by the first feed the fast path cannot read

    headers = {"content-location": url} if url else {}
    if content_type:
        headers["content-type"] = content_type
    try:
        parsed = feedparser.parse(bytes(body), response_headers=headers, sanitize_html=False)
    # feedparser raises assorted internal errors (TypeError, IndexError, ...) on some inputs; each means
    # "this document cannot be read" and must fail this feed alone.
    except Exception as error:  # noqa: BLE001
        raise ParseError(f"unreadable feed ({type(error).__name__})") from error
    if not parsed.entries and not parsed.get("version"):
        raise ParseError("not a feed")
    entries = []
    for e in parsed.entries:
        title_type = (e.get("title_detail") or {}).get("type", "text/plain")
        entries.append(
            RawEntry(
                guid=str(e.get("id") or ""),
                link=str(e.get("link") or ""),
                title=str(e.get("title") or ""),
                title_is_html="html" in title_type,
                author=str(e.get("author") or ""),
                date=_struct_date(e),
                date_text=str(dict.get(e, "published") or dict.get(e, "updated") or ""),
                content_html=_first_content(e),
                summary_html=str(e.get("summary") or ""),
                enclosures=_enclosures(e, "href"),
            )
        )
    feed = parsed.feed
    return RawFeed(str(feed.get("title") or ""), str(feed.get("link") or ""), entries, "feedparser")


def fast_result_is_sure(feed: RawFeed) -> bool:
    """Whether the fast parse can be kept without asking feedparser (see the module docstring)."""
    if not feed.entries:
        return False
    for entry in feed.entries:
        if not entry.title.strip() or _MOJIBAKE.search(entry.title):
            return False
        if not _is_http(entry.link.strip()):
            return False
        if (entry.date or parse_date(entry.date_text)) is None:
            return False
    return True


def check_not_html(body: bytes) -> None:
    """Raise "not a feed" for an empty body or an HTML page."""
    if not body.strip():
        raise ParseError("not a feed (empty response)")
    if _HTML_START.match(body[:4096]):
        raise ParseError("not a feed (an HTML page)")


def read_raw(body: bytes, url: str = "", content_type: str = "") -> RawFeed:
    """The raw entries of a document, from the fastest parser that reads it surely."""
    check_not_html(body)
    if looks_like_json(body, content_type):
        try:
            return read_json_feed(body)
        except JsonFeedError as error:
            raise ParseError(f"not a feed ({error})") from error
    try:
        fast = read_fast(body)
    # fastfeedparser signals bad input with ValueError but also leaks KeyError, TypeError and the like on
    # odd documents; any of them only means "ask feedparser".
    except Exception:  # noqa: BLE001
        fast = None
    if fast is not None and fast_result_is_sure(fast):
        return fast
    return read_reference(body, url, content_type)


def convert(raw: RawFeed, url: str = "", fetched: datetime | None = None) -> ParsedFeed:
    """Clean raw entries into articles, resolving links against the feed URL."""
    fetched = fetched or datetime.now(timezone.utc)
    items = [to_article(_with_link(entry, url), fetched) for entry in raw.entries]
    return ParsedFeed(
        title=html_to_line(raw.title),
        site_url=_http_url(raw.site_url, url),
        items=_unique(items),
        parser=raw.parser,
    )


def _with_link(entry: RawEntry, base: str) -> RawEntry:
    link = _http_url(entry.link, base)
    if link == entry.link:
        return entry
    return replace(entry, link=link)


def _unique(items: Iterable[NewArticle]) -> list[NewArticle]:
    """The first item for each guid: a feed repeating a guid must not upsert one row twice."""
    seen: set[str] = set()
    unique = []
    for item in items:
        if item.guid not in seen:
            seen.add(item.guid)
            unique.append(item)
    return unique


def parse_feed(body: bytes, url: str = "", content_type: str = "", *, fetched: datetime | None = None) -> ParsedFeed:
    """Parse a fetched document into a ParsedFeed; raises ParseError with a short reason."""
    return convert(read_raw(body, url, content_type), url, fetched)
