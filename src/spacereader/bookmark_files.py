"""Bookmarks as a JSON file, so users can keep them anywhere and restore them into any cache."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from spacereader.models import Enclosure
from spacereader.safe_text import clean_line, clean_text
from spacereader.store import Connection
from spacereader.store.bookmarks import BOOKMARK_FIELDS, export_bookmarks, import_bookmark

FORMAT = "spacereader-bookmarks"
VERSION = 1
IMPORT_MAX_BYTES = 200_000_000
"""Far above any real export (bodies included), far below what would exhaust memory."""


class BookmarkFileError(Exception):
    """The file cannot be written or read as bookmarks; one line for the user."""


def export_to(conn: Connection, path: Path) -> str:
    """Write every bookmark atomically (a temp file renamed over the target); returns a summary line."""
    records = export_bookmarks(conn)
    document = {"format": FORMAT, "version": VERSION, "bookmarks": records}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".bookmarks-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1)
        os.replace(temp, path)
    except OSError as error:
        raise BookmarkFileError(f"cannot write {path}: {error.strerror or error}") from error
    return f"exported {len(records)} bookmark{'s' if len(records) != 1 else ''} to {path}"


def _enclosures(value: object, number: int) -> str:
    """A record's enclosures in the cache's stored form; files written before they were exported have none."""
    if value is None:
        return ""
    if not isinstance(value, list):
        raise BookmarkFileError(f"bookmark {number} has enclosures that are not a list")
    kept = []
    for item in value:
        url = item.get("url") if isinstance(item, dict) else None
        if not isinstance(url, str) or not clean_line(url):
            raise BookmarkFileError(f"bookmark {number} has an enclosure without a URL")
        media_type, length = item.get("type"), item.get("length")
        if not isinstance(length, int) or isinstance(length, bool) or length <= 0:
            length = None
        kept.append(Enclosure(clean_line(url), clean_line(media_type) if isinstance(media_type, str) else "", length))
    return json.dumps([enclosure.as_json() for enclosure in kept]) if kept else ""


def _record(value: object, number: int) -> dict[str, str]:
    if not isinstance(value, dict):
        raise BookmarkFileError(f"bookmark {number} is not an object")
    enclosures = _enclosures(value.get("enclosures"), number)
    record = {key: value.get(key) for key in BOOKMARK_FIELDS}
    for key in ("feed_url", "guid"):
        if not isinstance(record[key], str) or not record[key]:
            raise BookmarkFileError(f"bookmark {number} has no {key}")
    cleaned = {}
    for key, item in record.items():
        item = "" if item is None else str(item)
        cleaned[key] = clean_text(item) if key == "body" else clean_line(item)
    cleaned["enclosures"] = enclosures
    return cleaned


def import_from(conn: Connection, path: Path) -> str:
    """Restore bookmarks from a file written by `export_to`, all or nothing; returns a summary line."""
    try:
        # Bounded: a huge file is refused by its size, a device or pipe after the cap, never read to the end.
        with path.open("rb") as handle:
            too_big = os.fstat(handle.fileno()).st_size > IMPORT_MAX_BYTES
            data = b"" if too_big else handle.read(IMPORT_MAX_BYTES + 1)
        if too_big or len(data) > IMPORT_MAX_BYTES:
            raise BookmarkFileError(f"{path} is larger than {IMPORT_MAX_BYTES // 1_000_000} MB, not a bookmarks file")
        document = json.loads(data.decode("utf-8"))
    except OSError as error:
        raise BookmarkFileError(f"cannot read {path}: {error.strerror or error}") from error
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise BookmarkFileError(f"{path} is not a bookmarks file (not JSON: {error})") from error
    if (
        not isinstance(document, dict)
        or document.get("format") != FORMAT
        or not isinstance(document.get("bookmarks"), list)
    ):
        raise BookmarkFileError(f"{path} is not a spacereader bookmarks file")
    records = [_record(value, number) for number, value in enumerate(document["bookmarks"], start=1)]
    outcomes = {"matched": 0, "created": 0}
    with conn:
        for record in records:
            outcomes[import_bookmark(conn, record)] += 1
    return f"imported {len(records)} bookmarks from {path} ({outcomes['matched']} matched cached articles, {outcomes['created']} restored)"
