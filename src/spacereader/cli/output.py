"""What every command shares: the one-line error and how article rows are printed (a leaf of the cli package)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacereader.models import Article, ArticleRow, Enclosure

if TYPE_CHECKING:
    from spacereader.store import Connection
from spacereader.safe_text import clean_line


class CommandError(Exception):
    """A user-facing failure: printed as one line on stderr, exit status 1."""


def row_json(row: ArticleRow | Article, enclosures: Sequence[Enclosure] = ()) -> dict[str, object]:
    """The JSON shape of an article row, shared by every command that lists articles."""
    return {
        "id": row.id,
        "title": row.title,
        "source": row.source,
        "url": row.url,
        "published": row.published or None,
        "read": row.read,
        "bookmarked": row.bookmarked,
        "feed_id": row.feed_id,
        "enclosures": [e.as_json() for e in enclosures],
    }


def print_rows(rows: Sequence[ArticleRow], as_json: bool, conn: Connection) -> None:
    """Rows as JSON (with their enclosures, read in one query) or as an aligned plain-text table with cleaned text."""
    if as_json:
        from spacereader.store.articles import enclosures_of  # the cache modules load only for commands that use them

        media = enclosures_of(conn, [r.id for r in rows])
        json.dump([row_json(r, media.get(r.id, ())) for r in rows], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    for row in rows:
        flags = ("N" if not row.read else " ") + ("*" if row.bookmarked else " ")
        print(
            f"{row.id:>7} {flags} {row.published[:10] or 'unknown':<10}  {clean_line(row.source)[:20]:<20}  {clean_line(row.title)}"
        )
