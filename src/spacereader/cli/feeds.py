"""The feed commands: add, import, export, remove, feeds, refresh (registered by the cli package)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from spacereader.cli.output import CommandError
from spacereader.safe_text import clean_line

if TYPE_CHECKING:
    from spacereader.ingest.refresh import RefreshProgress, RefreshReport
    from spacereader.store import Store

OPML_MAX_BYTES = 20_000_000


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    """Register the feed commands on the cli package's subparsers."""
    add = subparsers.add_parser("add", help="subscribe to a feed URL (or a local feed file) and fetch it")
    add.add_argument("url", metavar="URL")
    add.add_argument("--folder", default="", help="folder to file the feed under")

    opml_in = subparsers.add_parser("import", help="subscribe to every feed in an OPML file")
    opml_in.add_argument("file", metavar="FILE")

    opml_out = subparsers.add_parser("export", help="write subscriptions as OPML 2.0 (stdout by default)")
    opml_out.add_argument("file", metavar="FILE", nargs="?")

    remove = subparsers.add_parser(
        "remove", help="unsubscribe from a feed and delete its articles (bookmarked ones are kept)"
    )
    remove.add_argument("feed", metavar="URL|ID")

    feeds = subparsers.add_parser("feeds", help="list subscriptions with unread counts and fetch state")
    feeds.add_argument("--json", action="store_true", help="one JSON array of rows")

    feed = subparsers.add_parser("feed", help="change one subscription's settings")
    feed_actions = feed.add_subparsers(dest="feed_action", metavar="ACTION", required=True)
    setter = feed_actions.add_parser("set", help="set a subscription's options")
    setter.add_argument("feed", metavar="URL|ID")
    setter.add_argument(
        "--full-text", choices=("on", "off"), help="fetch each new article's web page during refresh and show its text"
    )

    refresh = subparsers.add_parser("refresh", help="fetch every feed; exits non-zero only if all fail")
    refresh.add_argument("--json", action="store_true", help="per-feed results as one JSON object")


def run(args: argparse.Namespace, store: Store) -> int | None:
    """Carry out a feed command; None when the command is not one of these."""
    handlers: dict[str, Callable[[argparse.Namespace, Store], int]] = {
        "add": cmd_add, "import": cmd_import, "export": cmd_export,
        "remove": cmd_remove, "feeds": cmd_feeds, "refresh": cmd_refresh, "feed": cmd_feed,
    }  # fmt: skip
    handler = handlers.get(args.command)
    if handler is None:
        return None
    try:
        return handler(args, store)
    except CommandError as error:
        print(f"spacereader: {clean_line(str(error))}", file=sys.stderr)
        return 1


def _settings(args: argparse.Namespace):
    from spacereader import paths
    from spacereader.config import load_settings

    settings, warnings = load_settings(paths.config_file(getattr(args, "config", None)))
    for warning in warnings:
        print(f"spacereader: {warning}", file=sys.stderr)
    return settings


def feed_url_from_argument(value: str) -> str:
    """An http(s) URL as given, or a local file named on the command line as a file: URL."""
    value = value.strip()
    scheme = urlsplit(value).scheme.lower()
    if scheme in ("http", "https") and urlsplit(value).netloc:
        return value
    path = Path(value).expanduser()
    if scheme in ("", "file") or len(scheme) == 1:  # a bare path, or a Windows drive letter
        if path.is_file():
            return path.resolve().as_uri()
        raise CommandError(f"{value}: no such file, and not an http(s) URL")
    raise CommandError(f"{value}: only http(s) URLs (or a local file) can be added")


def cmd_add(args: argparse.Namespace, store: Store) -> int:
    """Subscribe, fetch once, and keep the feed only if it worked."""
    from spacereader.ingest.fetch import Fetcher
    from spacereader.ingest.ignore import IgnoreRules
    from spacereader.ingest.subscribe import SubscribeError, subscribe

    url = feed_url_from_argument(args.url)
    settings = _settings(args)
    if settings.sync is not None:
        from spacereader.cli.sync import add_remote

        return add_remote(store, settings, url, args.folder)
    rules = IgnoreRules.parse(settings.ignore_rules)
    try:
        outcome = subscribe(
            store, Fetcher(), url, folder=args.folder, keep_per_feed=settings.keep_per_feed, ignore_rules=rules
        )
    except SubscribeError as error:
        raise CommandError(str(error)) from error
    print(f"added feed {outcome.feed_id}: {clean_line(outcome.title or url)} ({outcome.new} articles)")
    return 0


def cmd_import(args: argparse.Namespace, store: Store) -> int:
    """Subscribe to an OPML file's feeds; warnings name what was skipped."""
    from spacereader.ingest.opml import OpmlError, read_opml
    from spacereader.store.feeds import add_feeds

    try:
        with open(args.file, "rb") as handle:
            data = handle.read(OPML_MAX_BYTES + 1)
    except OSError as error:
        raise CommandError(f"{args.file}: cannot read ({error.strerror or error})") from error
    if len(data) > OPML_MAX_BYTES:
        raise CommandError(f"{args.file}: larger than {OPML_MAX_BYTES // 1_000_000} MB, not a subscription list")
    try:
        subscriptions, warnings = read_opml(data)
    except OpmlError as error:
        raise CommandError(f"{args.file}: {error}") from error
    for warning in warnings:
        print(f"spacereader: {clean_line(f'{args.file}: {warning}')}", file=sys.stderr)
    with closing(store.connect()) as conn:
        added, known = add_feeds(conn, subscriptions)
    extra = f", {known} already subscribed" if known else ""
    print(f"imported {added} feeds from {args.file}{extra}; run `spacereader refresh` to fetch them")
    return 0


def cmd_export(args: argparse.Namespace, store: Store) -> int:
    """Write OPML to a file (replaced atomically) or stdout."""
    from spacereader.ingest.opml import write_opml
    from spacereader.store.feeds import list_feeds

    with closing(store.connect()) as conn:
        document = write_opml(list_feeds(conn))
    if not args.file or args.file == "-":
        sys.stdout.write(document)
        return 0
    target = Path(args.file)
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_text(document, encoding="utf-8")
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise CommandError(f"{args.file}: cannot write ({error.strerror or error})") from error
    return 0


def cmd_remove(args: argparse.Namespace, store: Store) -> int:
    """Unsubscribe by URL or id."""
    from spacereader.store.feeds import find_feed, remove_feed

    with closing(store.connect()) as conn:
        feed = find_feed(conn, args.feed.strip())
        if feed is None:
            raise CommandError(f"{args.feed}: no such feed (give its URL or its ID from `spacereader feeds`)")
    settings = _settings(args)
    if settings.sync is not None:
        from spacereader.cli.sync import remove_remote

        return remove_remote(store, settings, feed.id, feed.name)
    with closing(store.connect()) as conn:
        articles, bookmarks = remove_feed(conn, feed.id)
    kept = f"; kept {bookmarks} bookmarked" if bookmarks else ""
    print(f"removed feed {feed.id}: {clean_line(feed.name)} ({articles} articles deleted{kept})")
    return 0


def feed_json(feed, note: str | None = None, ignored: int = 0) -> dict[str, object]:
    """The JSON shape of one subscription row."""
    return {
        "id": feed.id, "url": feed.url, "title": feed.title, "folder": feed.folder, "unread": feed.unread,
        "total": feed.total, "last_success": feed.last_success, "last_error": feed.last_error,
        "disabled_reason": feed.disabled_reason, "note": note, "full_text": feed.full_text, "ignored": ignored,
    }  # fmt: skip


def cmd_feed(args: argparse.Namespace, store: Store) -> int:
    """`feed set URL|ID --full-text on|off`: one subscription's options."""
    from spacereader.store.feeds import find_feed
    from spacereader.store.page_text import set_full_text

    if args.full_text is None:
        raise CommandError("feed set: nothing to set (give --full-text on or off)")
    with closing(store.connect()) as conn:
        feed = find_feed(conn, args.feed.strip())
        if feed is None:
            raise CommandError(f"{args.feed}: no such subscription (see `spacereader feeds`)")
        set_full_text(conn, feed.id, args.full_text == "on")
    if args.full_text == "on":
        print(f"full text on for {clean_line(feed.name)}: the next refresh fetches each new article's page")
    else:
        print(f"full text off for {clean_line(feed.name)}: articles show the feed's text as fetched")
    return 0


def cmd_feeds(args: argparse.Namespace, store: Store) -> int:
    """List subscriptions (the seed source left out)."""
    from spacereader.store.feeds import list_feeds, take_feed_notes
    from spacereader.store.ignored import ignored_counts

    with closing(store.connect()) as conn:
        feeds = [f for f in list_feeds(conn) if f.kind != "seed"]
        notes = take_feed_notes(conn)  # said once: a merge is news the first time only
        ignored = ignored_counts(conn)
    if args.json:
        rows = [feed_json(f, notes.get(f.id), ignored.get(f.id, 0)) for f in feeds]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for feed in feeds:
        state = feed.disabled_reason or feed.last_error or ""
        note = f"  ! {clean_line(state)}" if state else ""
        folder = f"{clean_line(feed.folder)}/" if feed.folder else ""
        print(f"{feed.id:>5} {feed.unread:>5} unread  {folder}{clean_line(feed.name)}  <{clean_line(feed.url)}>{note}")
        if feed.id in notes:
            print(f"{'':>20}note: {clean_line(notes[feed.id])}")
    return 0


class ProgressBar:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()

    def __call__(self, progress: RefreshProgress) -> None:
        if not self.enabled:
            return
        width = 30
        filled = width * progress.done // max(1, progress.total)
        name = clean_line(progress.outcome.title or progress.outcome.url)[:40]
        self.stream.write(f"\r\x1b[K[{'#' * filled}{'.' * (width - filled)}] {progress.done}/{progress.total} {name}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def report_json(report: RefreshReport) -> dict[str, object]:
    """The JSON shape of a refresh: totals and one row per feed."""
    return {
        "feeds": len(report.outcomes), "new": report.new_items, "failed": len(report.failures),
        "ignored": report.ignored, "cancelled": report.cancelled,
        "results": [
            {"id": o.feed_id, "url": o.url, "title": o.title, "status": o.status, "new": o.new,
             "updated": o.updated, "error": o.error, "moved_to": o.moved_to, "ignored": o.ignored}
            for o in report.outcomes
        ],
    }  # fmt: skip


def cmd_refresh(args: argparse.Namespace, store: Store) -> int:
    """Refresh all feeds with a progress bar; non-zero exit only when every fetched feed failed."""
    from spacereader.ingest.fetch import Fetcher
    from spacereader.ingest.ignore import IgnoreRules, sweep_entity_rules
    from spacereader.ingest.refresh import refresh_all

    settings = _settings(args)
    if settings.sync is not None:  # the server fetches the feeds; refreshing here is syncing with it
        from spacereader.cli.sync import cmd_sync

        return cmd_sync(args, store)
    rules = IgnoreRules.parse(settings.ignore_rules)
    bar = ProgressBar()
    try:
        report = refresh_all(
            store, Fetcher(), on_progress=bar, keep_per_feed=settings.keep_per_feed, ignore_rules=rules
        )
    finally:
        bar.close()
    with closing(store.connect()) as conn:
        sweep_entity_rules(conn, rules)  # articles the reader has extracted since the last refresh
    if args.json:
        json.dump(report_json(report), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for outcome in report.failures:
            print(f"spacereader: {clean_line(outcome.url)}: {clean_line(outcome.error)}", file=sys.stderr)
        print(report.summary())
    return 1 if report.all_failed else 0
