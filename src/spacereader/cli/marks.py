"""`spacereader mark-read`: mark a feed, a query's results or everything read at once."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import closing

from spacereader.cli.output import CommandError
from spacereader.models import ArticleFilter
from spacereader.safe_text import clean_line

COMMANDS = ("mark-read",)


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Register `mark-read` on the main parser's subcommands."""
    mark = commands.add_parser(
        "mark-read", help="mark every article, a feed's or a query's results read; prints how many"
    )
    which = mark.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="every article in the cache")
    which.add_argument("--feed", metavar="URL_OR_ID", help="one feed's articles (its URL or its ID from `feeds`)")
    which.add_argument("--query", metavar="QUERY", help="the results of a search query (the search language)")
    mark.add_argument("--json", action="store_true", help='{"marked": N, "ids": [...]} instead of a line')


def sync_is_set(args: argparse.Namespace) -> bool:
    """Whether the config has a [sync] table (its warnings are printed on stderr)."""
    from spacereader.cli.sync import settings_of

    return settings_of(args).sync is not None


def run(args: argparse.Namespace, store) -> int | None:
    """Carry out `mark-read`; None when the command is another."""
    if args.command not in COMMANDS:
        return None
    from spacereader.search.query import QueryError, search_filter
    from spacereader.store.feeds import find_feed
    from spacereader.store.marks import mark_read_where, max_article_id
    from spacereader.store.search_index import index_pending

    with closing(store.connect()) as conn:
        what = "every article"
        view = ArticleFilter()
        if args.feed is not None:
            feed = find_feed(conn, args.feed.strip())
            if feed is None:
                raise CommandError(f"{args.feed}: no such feed (give its URL or its ID from `spacereader feeds`)")
            view, what = ArticleFilter(feed_id=feed.id), clean_line(feed.name)
        elif args.query is not None:
            index_pending(conn)  # a refresh stopped before indexing: its articles must match too
            found = search_filter(args.query, sort="date")
            if isinstance(found, QueryError):
                raise CommandError(f"bad query: {found.message}")
            view, what = found, f"results of {clean_line(args.query)!r}"
        if args.query is None and sync_is_set(args):
            # The server's own "mark all as read" with the newest item's time: one call, and what arrived
            # on the server since stays unread there as here.
            from spacereader.store.sync import mark_all_read

            ids = mark_all_read(conn, view.feed_id)
        else:  # marks on synced articles are queued for the server by the store's triggers
            ids = mark_read_where(conn, view, up_to_id=max_article_id(conn))
    if args.json:
        json.dump({"marked": len(ids), "ids": ids}, sys.stdout)
        sys.stdout.write("\n")
    else:
        print(f"marked {len(ids)} article{'' if len(ids) == 1 else 's'} read ({what})")
    return 0
