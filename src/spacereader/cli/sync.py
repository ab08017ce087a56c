"""The sync commands: sync, read, unread; and add/remove on the server when [sync] is set."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import closing
from typing import TYPE_CHECKING

from spacereader.cli.output import CommandError
from spacereader.safe_text import clean_line

if TYPE_CHECKING:
    from spacereader.config import Settings
    from spacereader.store import Store
    from spacereader.sync.run import SyncProgress, SyncReport


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    """Register the sync commands on the cli package's subparsers."""
    sync = subparsers.add_parser("sync", help="sync subscriptions, articles, read marks and stars with [sync]")
    sync.add_argument("--json", action="store_true", help="the summary as one JSON object")
    for name, text in (("read", "mark articles read"), ("unread", "mark articles unread")):
        sub = subparsers.add_parser(name, help=text + " (queued for the sync server when [sync] is set)")
        sub.add_argument("ids", type=int, nargs="+", metavar="ID")
    move = subparsers.add_parser("move", help="file a feed under another folder (on the server too when synced)")
    move.add_argument("feed", metavar="URL|ID")
    move.add_argument("folder", metavar="FOLDER")


def run(args: argparse.Namespace, store: Store) -> int | None:
    """Carry out a sync command; None when the command is not one of these."""
    if args.command == "sync":
        return cmd_sync(args, store)
    if args.command in ("read", "unread"):
        return cmd_mark(args, store)
    if args.command == "move":
        return cmd_move(args, store)
    return None


def settings_of(args: argparse.Namespace) -> Settings:
    """The config file's settings, its warnings printed on stderr."""
    from spacereader import paths
    from spacereader.config import load_settings

    settings, warnings = load_settings(paths.config_file(getattr(args, "config", None)))
    for warning in warnings:
        print(f"spacereader: {warning}", file=sys.stderr)
    return settings


class SyncBar:
    """The sync's stage and count on one line of stderr, drawn only when stderr is a terminal."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()

    def __call__(self, progress: SyncProgress) -> None:
        if self.enabled:
            self.stream.write(f"\r\x1b[Ksync: {progress.describe()}")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def report_json(report: SyncReport) -> dict[str, object]:
    """The JSON shape of a sync."""
    return {
        "feeds": report.feeds, "new": report.new_items, "pushed": report.pushed, "pulled": report.pulled,
        "removed_feeds": report.removed_feeds, "skipped_items": report.skipped_items,
        "requests": report.requests, "items": report.items, "ids": report.ids, "bytes": report.bytes,
        "seconds": round(report.seconds, 3), "stopped": report.cancelled, "ignored": report.ignored,
    }  # fmt: skip


def run_sync(store: Store, settings: Settings, *, bar: SyncBar | None = None) -> SyncReport:
    """Sync now with [sync]; CommandError (one line) when it is not set or the server fails it."""
    from spacereader.ingest.ignore import IgnoreRules
    from spacereader.sync.account import resolve_account
    from spacereader.sync.greader import SyncError
    from spacereader.sync.run import sync_account

    if settings.sync is None:
        raise CommandError("sync: no [sync] table in the config (see the README's Sync section)")
    try:
        account = resolve_account(settings.sync)
        rules = IgnoreRules.parse(settings.ignore_rules)
        return sync_account(store, account, keep_per_feed=settings.keep_per_feed, on_progress=bar, ignore_rules=rules)
    except SyncError as error:
        raise CommandError(str(error)) from error
    finally:
        if bar is not None:
            bar.close()


def cmd_sync(args: argparse.Namespace, store: Store) -> int:
    """Sync with a progress line, then a summary line (or JSON)."""
    report = run_sync(store, settings_of(args), bar=SyncBar())
    if args.json:
        json.dump(report_json(report), sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        print(report.summary())
    return 0


def cmd_mark(args: argparse.Namespace, store: Store) -> int:
    """Mark articles read or unread by id (many at once: `mark-read`); an unknown id is named, the others are marked."""
    from spacereader.store.articles import set_read

    missing = []
    with closing(store.connect()) as conn:
        for article_id in args.ids:
            if not set_read(conn, article_id, args.command == "read"):
                missing.append(article_id)
    if missing:
        raise CommandError(f"no article with ID {', '.join(map(str, missing))}")
    return 0


def add_remote(store: Store, settings: Settings, url: str, folder: str) -> int:
    """Subscribe on the server, then sync so the feed and its articles arrive here."""
    from spacereader.sync.account import resolve_account
    from spacereader.sync.feeds import subscribe_remote
    from spacereader.sync.greader import SyncError

    assert settings.sync is not None
    try:
        subscribe_remote(resolve_account(settings.sync), url, folder)
    except SyncError as error:
        raise CommandError(f"{error} (subscribing to {url})") from error
    report = run_sync(store, settings)
    print(f"subscribed on the server: {clean_line(url)}; {report.summary()}")
    return 0


def remove_remote(store: Store, settings: Settings, feed_id: int, name: str) -> int:
    """Unsubscribe on the server first (a synced feed would come back otherwise), then here."""
    from spacereader.sync.account import resolve_account
    from spacereader.sync.feeds import unsubscribe_remote
    from spacereader.sync.greader import SyncError

    assert settings.sync is not None
    try:
        articles, bookmarks, remote = unsubscribe_remote(store, resolve_account(settings.sync), feed_id)
    except SyncError as error:
        raise CommandError(f"{error} (unsubscribing from {name}); nothing was removed") from error
    kept = f"; kept {bookmarks} bookmarked" if bookmarks else ""
    where = " (and on the server)" if remote else ""
    print(f"removed feed {feed_id}{where}: {clean_line(name)} ({articles} articles deleted{kept})")
    return 0


def cmd_move(args: argparse.Namespace, store: Store) -> int:
    """Set a feed's folder; a synced feed is moved on the server first, so the next sync agrees."""
    from spacereader.store.feeds import find_feed
    from spacereader.sync.account import resolve_account
    from spacereader.sync.feeds import move_remote
    from spacereader.sync.greader import SyncError

    folder = " ".join(args.folder.split())
    with closing(store.connect()) as conn:
        feed = find_feed(conn, args.feed.strip())
    if feed is None:
        raise CommandError(f"{args.feed}: no such feed (give its URL or its ID from `spacereader feeds`)")
    settings = settings_of(args)
    try:
        account = resolve_account(settings.sync) if settings.sync is not None else None
        move_remote(store, account, feed.id, feed.title, folder)
    except SyncError as error:
        raise CommandError(f"{error} (moving {feed.name}); not moved") from error
    print(f"moved feed {feed.id} to {clean_line(folder) or 'no folder'}: {clean_line(feed.name)}")
    return 0
