"""What every command shares: the one-line error and how article rows are printed (a leaf of the cli package)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from spacereader.models import Article, ArticleRow
from spacereader.safe_text import clean_line


class CommandError(Exception):
    """A user-facing failure: printed as one line on stderr, exit status 1."""


def row_json(row: ArticleRow | Article) -> dict[str, object]:
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
    }


def print_rows(rows: Sequence[ArticleRow], as_json: bool) -> None:
    """Rows as JSON or as an aligned plain-text table with cleaned text."""
    if as_json:
        json.dump([row_json(r) for r in rows], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    for row in rows:
        flags = ("N" if not row.read else " ") + ("*" if row.bookmarked else " ")
        print(
            f"{row.id:>7} {flags} {row.published[:10] or 'unknown':<10}  {clean_line(row.source)[:20]:<20}  {clean_line(row.title)}"
        )
