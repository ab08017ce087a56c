"""Server items into articles: the same cleaning, guids, dates and hashes as a feed's entries.

Every field is checked before use: the API promises shapes a server may not keep, and each item is
text from a feed, so it goes through `to_article` like any fetched entry.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from spacereader.ingest.entries import RawEntry, to_article
from spacereader.store.sync import PulledItem
from spacereader.sync.greader import item_id


class BadItem(ValueError):
    """The item lacks what the API promises (an id, its stream); it is skipped and counted."""


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _first_href(links: object) -> str:
    if isinstance(links, list):
        for link in links:
            if isinstance(link, dict) and isinstance(link.get("href"), str) and link["href"].strip():
                return link["href"].strip()
    return ""


def _crawled(item: dict[str, Any]) -> int:
    """Crawl time in microseconds: timestampUsec, else crawlTimeMsec; 0 when neither is readable."""
    for key, scale in (("timestampUsec", 1), ("crawlTimeMsec", 1000)):
        value = item.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).isdigit():
            return int(value) * scale
    return 0


def item_stream(item: dict[str, Any]) -> str:
    """The stream (feed) an item came from; BadItem when the server did not say."""
    origin = item.get("origin")
    stream = origin.get("streamId") if isinstance(origin, dict) else None
    if not isinstance(stream, str) or not stream:
        raise BadItem("item without an origin stream")
    return stream


def to_pulled(item: dict[str, Any], fetched: datetime) -> PulledItem:
    """One API item as an article with its id, crawl time and states; BadItem when it cannot be one."""
    try:
        iid = item_id(item.get("id", ""))
    except ValueError as error:
        raise BadItem(str(error)) from error
    categories = (
        [c for c in item.get("categories", []) if isinstance(c, str)]
        if isinstance(item.get("categories"), list)
        else []
    )
    # Servers name the user's own states either with "-" or with the user's id: match on the end.
    read = any(c.endswith("/state/com.google/read") for c in categories)
    starred = any(c.endswith("/state/com.google/starred") for c in categories)
    link = _first_href(item.get("canonical")) or _first_href(item.get("alternate"))
    body = item.get("content") if isinstance(item.get("content"), dict) else item.get("summary")
    content = _text(body.get("content")) if isinstance(body, dict) else ""
    published = item.get("published")
    date = None
    if isinstance(published, (int, float)) and not isinstance(published, bool):
        try:
            date = datetime.fromtimestamp(published, timezone.utc)
        except (OverflowError, OSError, ValueError):
            date = None
    enclosures = []
    if isinstance(item.get("enclosure"), list):
        for media in item["enclosure"]:
            if isinstance(media, dict) and isinstance(media.get("href"), str):
                enclosures.append((media["href"], _text(media.get("type")), str(media.get("length") or "")))
    raw = RawEntry(
        guid=link or f"greader:{iid}",
        link=link,
        title=_text(item.get("title")),
        author=_text(item.get("author")),
        date=date,
        content_html=content,
        enclosures=tuple(enclosures),
    )
    return PulledItem(iid, _crawled(item), read, starred, to_article(raw, fetched))
