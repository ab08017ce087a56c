"""JSON Feed 1.0 and 1.1 (jsonfeed.org): feedparser's release does not read it, so it has its own reader."""

from __future__ import annotations

import html
import json
from typing import Any

from spacereader.ingest.entries import RawEntry, RawFeed


class JsonFeedError(ValueError):
    """The document is not a JSON Feed; the message says why in a few words."""


def looks_like_json(body: bytes, content_type: str = "") -> bool:
    """Whether the body should be read as JSON rather than XML."""
    if "json" in content_type.lower():
        return True
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _author(item: dict[str, Any]) -> str:
    """1.1's `authors` list, else 1.0's `author` object."""
    authors = item.get("authors")
    if isinstance(authors, list):
        names = [_text(a.get("name")) for a in authors if isinstance(a, dict)]
        if any(names):
            return ", ".join(n for n in names if n)
    author = item.get("author")
    return _text(author.get("name")) if isinstance(author, dict) else ""


def read_json_feed(body: bytes) -> RawFeed:
    """Parse a JSON Feed document into raw entries."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise JsonFeedError("invalid JSON") from error
    except RecursionError as error:  # json recurses once per nested array or object: "[[[[..." exhausts the stack
        raise JsonFeedError("JSON nested too deeply") from error
    if not isinstance(data, dict):
        raise JsonFeedError("not a JSON Feed (no top-level object)")
    items = data.get("items")
    version = _text(data.get("version"))
    if not isinstance(items, list) or ("jsonfeed.org" not in version and not version and "title" not in data):
        raise JsonFeedError("not a JSON Feed (no items list)")
    feed_author = _author(data)
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        enclosures = []
        attachments = item.get("attachments")
        for attachment in attachments if isinstance(attachments, list) else ():
            if isinstance(attachment, dict) and _text(attachment.get("url")):
                enclosures.append(
                    (_text(attachment.get("url")), _text(attachment.get("mime_type")),
                     str(attachment.get("size_in_bytes") or ""))
                )  # fmt: skip
        guid = item.get("id")
        entries.append(
            RawEntry(
                guid=str(guid) if isinstance(guid, (str, int)) and not isinstance(guid, bool) else "",
                link=_text(item.get("url")) or _text(item.get("external_url")),
                # Titles are plain text by the spec, but publishers often leave entities such as &#8217; in them.
                title=html.unescape(_text(item.get("title"))),
                title_is_html=False,
                author=_author(item) or feed_author,
                date_text=_text(item.get("date_published")) or _text(item.get("date_modified")),
                content_html=_text(item.get("content_html")),
                content_text=_text(item.get("content_text")),
                summary_html=_text(item.get("summary")),
                enclosures=tuple(enclosures),
            )
        )
    return RawFeed(
        title=_text(data.get("title")),
        site_url=_text(data.get("home_page_url")),
        entries=entries,
        parser="jsonfeed",
    )
