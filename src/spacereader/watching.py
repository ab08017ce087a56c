"""Checking watches after new articles arrive, and the one-line summary a notification carries.

Shared by the reader (after its own refresh, after extraction, and when another process such as a cron
`spacereader refresh` has added articles) and by `spacereader watches`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacereader.models import ParsedQuery, QueryError, WatchHit
from spacereader.safe_text import clean_line
from spacereader.search.query import parse_query
from spacereader.store import Connection
from spacereader.store.views import find_view
from spacereader.store.watches import collect_hits, ensure_watches


def check_watches(
    conn: Connection, config_views: Mapping[str, str], watched_views: Sequence[str] = ()
) -> list[WatchHit]:
    """Record and return the matches found since the last check (the config's watched views included)."""
    ensure_watches(conn, "view", watched_views)

    def view_query(name: str) -> ParsedQuery | None:
        """The view's query as it stands now (cache first, then config); None when gone or unparsable."""
        text = find_view(conn, name, config_views)
        parsed = parse_query(text) if text is not None else None
        return None if parsed is None or isinstance(parsed, QueryError) else parsed

    return collect_hits(conn, view_query)


def summary(hits: Sequence[WatchHit], *, max_titles: int = 3) -> str:
    """One line: who or what turned up, and the first few headlines."""
    names: dict[str, int] = {}
    for hit in hits:
        names[hit.name] = names.get(hit.name, 0) + 1
    said = ", ".join(f"{clean_line(name)} ({count})" for name, count in names.items())
    titles = "; ".join(clean_line(hit.title)[:60] for hit in hits[:max_titles])
    more = f"; and {len(hits) - max_titles} more" if len(hits) > max_titles else ""
    return f"New for your watches: {said}: {titles}{more}"
