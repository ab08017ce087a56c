"""The search commands: `search`, `views` and `view save|delete|show`, over the same rows as `articles`."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import closing

from spacereader.cli.output import CommandError, print_rows
from spacereader.models import SORTS, ArticleFilter, SavedView
from spacereader.safe_text import clean_line

COMMANDS = ("search", "views", "view")


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Register the search commands on the main parser's subcommands."""
    search = commands.add_parser(
        "search", help="search cached articles, best match first",
        description="Words must all match; \"a phrase\", wor* (3 letters or more), -word, feed:NAME, entity:NAME, is:unread,"
        " is:bookmarked, before:/after: 2021-10-05 or 7d. Put -- before a query that starts with -.",
    )  # fmt: skip
    search.add_argument("query", nargs="+", metavar="QUERY", help="the query (several words are joined)")
    _add_listing_options(search, default_sort="relevance")

    views = commands.add_parser("views", help="list saved views with their unread counts")
    views.add_argument("--json", action="store_true", help="one JSON array of views")

    view = commands.add_parser("view", help="save, delete or show a named view (a saved query)")
    actions = view.add_subparsers(dest="view_action", metavar="ACTION", required=True)
    save = actions.add_parser("save", help="save a query under a name (replacing one of that name)")
    save.add_argument("name", metavar="NAME")
    save.add_argument("query", nargs="+", metavar="QUERY")
    delete = actions.add_parser("delete", help="delete a saved view")
    delete.add_argument("name", metavar="NAME")
    for verb, text in (("watch", "be told when new articles match a view"), ("unwatch", "stop watching a view")):
        actions.add_parser(verb, help=text).add_argument("name", metavar="NAME")
    show = actions.add_parser("show", help="list a view's articles, newest first")
    show.add_argument("name", metavar="NAME")
    _add_listing_options(show, default_sort="date")


def _add_listing_options(parser: argparse.ArgumentParser, *, default_sort: str) -> None:
    parser.add_argument("--sort", choices=SORTS, default=default_sort, help=f"list order (default: {default_sort})")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="at most N rows")
    parser.add_argument("--json", action="store_true", help="one JSON array of rows (the same shape as articles)")


def run(args: argparse.Namespace, store) -> int | None:
    """Carry out a search command; None when the command is not one of these."""
    if args.command not in COMMANDS:
        return None
    from spacereader.search.query import QueryError, search_filter
    from spacereader.store import articles as store_articles
    from spacereader.store import views as store_views
    from spacereader.store.search_index import index_pending

    config_views = _config_views(args)
    with closing(store.connect()) as conn:
        # Articles a refresh stored but was stopped before indexing (killed, or still running elsewhere).
        index_pending(conn)
        if args.command == "views":
            _print_views(store_views.list_views(conn, config_views), args.json)
            return 0
        if args.command == "view" and args.view_action == "save":
            try:
                store_views.save_view(conn, args.name, " ".join(args.query))
            except ValueError as error:
                raise CommandError(f"bad query: {error}") from error
            return 0
        if args.command == "view" and args.view_action in ("watch", "unwatch"):
            return _watch_view(conn, args, config_views)
        if args.command == "view" and args.view_action == "delete":
            if not store_views.delete_view(conn, args.name):
                raise CommandError(f"no saved view named {args.name!r}")
            return 0
        if args.command == "view":
            text = store_views.find_view(conn, args.name, config_views)
            if text is None:
                raise CommandError(f"no view named {args.name!r}")
        else:
            text = " ".join(args.query)
        view = search_filter(text, base=ArticleFilter(), sort=args.sort)
        if isinstance(view, QueryError):
            raise CommandError(f"bad query: {view.message}")
        rows = store_articles.list_article_rows(conn, view, limit=-1 if args.limit is None else args.limit)
        print_rows(rows, args.json, conn)
        return 0


def _watch_view(conn, args: argparse.Namespace, config_views: dict[str, str]) -> int:
    """`view watch NAME` / `view unwatch NAME`."""
    from spacereader.store import views as store_views
    from spacereader.store.watches import add_watch, remove_watch

    name = " ".join(args.name.split())
    if args.view_action == "unwatch":
        if not remove_watch(conn, "view", name):
            raise CommandError(f"view {name!r} is not watched")
        print(f"no longer watching view {clean_line(name)}")
        return 0
    if store_views.find_view(conn, name, config_views) is None:
        raise CommandError(f"no view named {args.name!r}")
    added = add_watch(conn, "view", name)
    print(f"{'watching' if added else 'already watching'} view {clean_line(name)}: new matches are announced")
    return 0


def _config_views(args: argparse.Namespace) -> dict[str, str]:
    """The [views] table of the config file; its warnings go to stderr as they do for the reader."""
    from spacereader import paths
    from spacereader.config import load_settings

    settings, warnings = load_settings(paths.config_file(args.config))
    for warning in warnings:
        print(f"spacereader: {warning}", file=sys.stderr)
    return settings.views


def _print_views(views: list[SavedView], as_json: bool) -> None:
    if as_json:
        keys = ("name", "query", "unread", "total", "source", "error")
        rows = [{key: getattr(v, key) for key in keys} for v in views]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    for v in views:
        counts = "error" if v.error else f"{v.unread}/{v.total}"
        print(f"{clean_line(v.name)[:24]:<24} {counts:>11}  {clean_line(v.query)}")
