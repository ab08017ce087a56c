"""Sync benchmark against a real FreshRSS on 127.0.0.1: a first sync of 10,000 items, then incremental ones.

    uv run python bench/sync_bench.py                      # 10 feeds x 1,000 items, 100 new per incremental
    uv run python bench/sync_bench.py --feeds 20 --items 500 --new 100 --runs 3

Needs ../shared/servers/freshrss/start.sh beside the repo (it installs PHP when run as root). The feeds
are written here and served by a small server on 127.0.0.1; FreshRSS fetches them itself. Some items are
marked read and starred on the server first, so the state lists are not empty. For each run it prints
the wall time, the requests made, the items and ids received and the bytes on the wire. A first sync
starts from an empty cache each run; an incremental one follows a finished sync after `--new` items
arrived on the server, and must receive exactly those items (plus the unread and starred id lists).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spacereader.store import Store  # noqa: E402
from spacereader.sync.account import SyncAccount  # noqa: E402
from spacereader.sync.run import SyncReport, sync_account  # noqa: E402
from tests.sync.freshrss import READ, STARRED, FreshRSS, free_port, missing_reason  # noqa: E402

WORDS = "orbit launch probe signal comet station crew module thrust payload lunar solar relay antenna".split()


def write_feed(path: Path, feed: int, items: int, first: int, now: datetime) -> None:
    """RSS 2.0 with `items` items numbered from `first`, the highest the newest."""
    entries = []
    for n in range(first + items - 1, first - 1, -1):
        words = " ".join(WORDS[(n * 7 + k) % len(WORDS)] for k in range(120))
        published = format_datetime(now - timedelta(minutes=(first + items - n)), usegmt=True)
        entries.append(
            f"<item><title>Feed {feed} story {n}</title><link>https://news.example.org/{feed}/{n}</link>"
            f"<guid>f{feed}-{n}</guid><pubDate>{published}</pubDate>"
            f"<description>&lt;p&gt;{words}&lt;/p&gt;&lt;p&gt;{words}&lt;/p&gt;</description></item>"
        )
    path.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {feed}</title>'
        f"<link>https://news.example.org/{feed}</link>{''.join(entries)}</channel></rss>"
    )


def line(kind: str, run: int, report: SyncReport) -> str:
    return (
        f"{kind:<12} run {run}: {report.seconds:6.2f} s  {report.requests:4} requests  {report.items:6} items"
        f"  {report.ids:6} ids  {report.bytes / 1e6:6.2f} MB  ({report.new_items} new, {report.pulled} marks pulled)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--items", type=int, default=1000, help="items per feed")
    parser.add_argument("--new", type=int, default=100, help="new items before each incremental sync")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    reason = missing_reason()
    if reason:
        print(f"sync_bench: {reason}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="spacereader-sync-bench-") as temp:
        base = Path(temp)
        (base / "feeds").mkdir()
        now = datetime.now(timezone.utc)
        for feed in range(args.feeds):
            write_feed(base / "feeds" / f"f{feed}.xml", feed, args.items, 0, now)
        port = free_port()
        server = ThreadingHTTPServer(
            ("127.0.0.1", port), partial(_Quiet, directory=str(base / "feeds"))
        )  # fmt: skip
        threading.Thread(target=server.serve_forever, daemon=True).start()
        started = time.monotonic()
        freshrss = FreshRSS.start(base / "freshrss")
        try:
            for feed in range(args.feeds):
                freshrss.subscribe(f"http://127.0.0.1:{port}/f{feed}.xml", folder=f"Folder {feed % 3}")
            ids = sorted(freshrss.ids("user/-/state/com.google/reading-list"))
            freshrss.edit(ids[: len(ids) // 3], add=READ)
            freshrss.edit(ids[:: max(1, len(ids) // 50)], add=STARRED)
            print(
                f"FreshRSS on 127.0.0.1 with {args.feeds} feeds x {args.items} items = {len(ids)} items,"
                f" {len(ids) // 3} read and {len(ids[:: max(1, len(ids) // 50)])} starred"
                f" (set up in {time.monotonic() - started:.1f} s)"
            )
            account = SyncAccount(freshrss.api, freshrss.user, freshrss.password)
            firsts, incrementals, exact = [], [], True
            for run in range(1, args.runs + 1):
                store = Store.open(base / f"cache-{run}")
                report = sync_account(store, account, keep_per_feed=max(1000, args.items))
                firsts.append(report)
                print(line("first sync", run, report))
            total_new = 0
            for run in range(1, args.runs + 1):
                total_new += args.new
                for feed in range(args.feeds):  # the new items spread over the feeds
                    extra = args.new // args.feeds + (1 if feed < args.new % args.feeds else 0)
                    write_feed(base / "feeds" / f"f{feed}.xml", feed, args.items + extra, 0, datetime.now(timezone.utc))
                args.items += args.new // args.feeds
                freshrss.actualize()
                report = sync_account(Store.open(base / f"cache-{args.runs}"), account)
                incrementals.append(report)
                exact = exact and report.items == args.new and report.new_items == args.new
                print(line("incremental", run, report))
            quiet = sync_account(Store.open(base / f"cache-{args.runs}"), account)
            print(line("no change", 1, quiet))
        finally:
            freshrss.stop()
            server.shutdown()

    def summary(name: str, reports: list[SyncReport]) -> str:
        times = [r.seconds for r in reports]
        return (
            f"{name:<12} median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}),"
            f" {reports[0].requests} requests, {reports[0].items} items, {reports[0].ids} ids,"
            f" {reports[0].bytes / 1e6:.2f} MB"
        )

    print(summary("first sync", firsts))
    print(summary("incremental", incrementals))
    print(f"incremental syncs received only the new items: {'yes' if exact else 'NO'}")
    return 0 if exact else 1


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


if __name__ == "__main__":
    sys.exit(main())
