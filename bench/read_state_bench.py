"""Every query that reads or writes read state, on a kept scale cache: lists, counts, `n`, positions, marks.

    uv run python bench/scale_bench.py --store-only --keep DIR      # builds DIR once (100,000 articles)
    uv run python bench/read_state_bench.py DIR [--repeats 5]

For each view filtered or ordered by read state (unread only in every order, one feed, bookmarks, `is:`
queries alone and with words) it times, best of `--repeats`, in ms: the first page of 100 rows, a page at
offset 2,000, the total and unread counts, `n` from row 50 and one row's position. Then `mark-read --query
satellite --json` and `mark-read --all --json` as processes (start-up included, beside `--version`), each
undone after, so the cache ends as it began. Only public store functions and the CLI are used, so the same
script measures an older checkout's store on a copy of the same cache (the cache migrates when opened).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from spacereader.models import ArticleFilter
from spacereader.search.query import QueryError, search_filter
from spacereader.store import Store
from spacereader.store import articles as store_articles
from spacereader.store.feeds import list_feeds
from spacereader.store.marks import count_to_mark, mark_unread, max_article_id
from spacereader.store.views import list_views


def query(text: str, sort: str = "relevance") -> ArticleFilter:
    found = search_filter(text, sort=sort)
    assert not isinstance(found, QueryError), found
    return found


VIEWS = {
    "unread only": ArticleFilter(unread_only=True),
    "unread only, one feed": ArticleFilter(unread_only=True, feed_id=7),
    "unread only, by feed": ArticleFilter(unread_only=True, sort="feed"),
    "unread only, by title": ArticleFilter(unread_only=True, sort="title"),
    "unread first (sort)": ArticleFilter(sort="unread"),
    "bookmarks, unread only": ArticleFilter(unread_only=True, bookmarked_only=True),
    "is:unread (by date)": query("is:unread", "date"),
    "is:unread, by feed": query("is:unread", "feed"),
    "is:read": query("is:read", "date"),
    "satellite": query("satellite"),
    "is:unread satellite": query("is:unread satellite"),
    "climate is:unread": query("climate is:unread"),
}


def best_ms(call: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def store_table(data_dir: Path, repeats: int) -> None:
    with closing(Store.open(data_dir).connect()) as conn:
        print(
            f"{'view (ms, best of ' + str(repeats) + ')':30} {'page':>7} {'off2000':>8} {'counts':>7} {'next':>7} {'pos':>7}"
        )
        for name, view in VIEWS.items():
            row = store_articles.list_article_rows(conn, view, offset=30, limit=1)
            figures = [
                best_ms(lambda: store_articles.list_article_rows(conn, view, limit=100), repeats),
                best_ms(lambda: store_articles.list_article_rows(conn, view, offset=2000, limit=100), repeats),
                best_ms(
                    lambda: (store_articles.count_articles(conn, view), store_articles.count_unread(conn, view)),
                    repeats,
                ),
                best_ms(lambda: store_articles.next_unread(conn, view, 50), repeats),
                best_ms(lambda: store_articles.position_of(conn, view, row[0].id), repeats) if row else 0.0,
            ]
            print(f"{name:30} " + " ".join(f"{value:7.1f}" for value in figures))
        satellite = query("satellite", "date")
        for name, call in {
            "saved views with counts": lambda: list_views(conn),
            "feeds (feeds --json)": lambda: list_feeds(conn),
            "what mark-read --query satellite counts": lambda: count_to_mark(conn, satellite, max_article_id(conn)),
        }.items():
            print(f"{name:42} {best_ms(call, repeats):7.1f}")


def command_table(data_dir: Path, repeats: int) -> None:
    """Each command as a process, best of `repeats`, every mark undone after."""
    script = shutil.which("spacereader") or "spacereader"
    base = [script, "--data-dir", str(data_dir), "--config", str(data_dir / "absent.toml")]
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run([*base, "--version"], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    print(f"{'--version':42} {min(times):7.2f} s")
    for args in (["--query", "satellite"], ["--all"]):
        times, marked = [], 0
        for _ in range(repeats):
            started = time.perf_counter()
            done = subprocess.run([*base, "mark-read", *args, "--json"], check=True, capture_output=True, text=True)
            times.append(time.perf_counter() - started)
            ids = json.loads(done.stdout)["ids"]
            marked = len(ids)
            with closing(Store.open(data_dir).connect()) as conn:
                mark_unread(conn, ids)
        print(f"{'mark-read ' + ' '.join(args) + f' ({marked:,} marked)':42} {min(times):7.2f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, help="a cache kept by scale_bench.py --keep")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    if not (args.data_dir / "spacereader.sqlite3").exists():
        print(
            f"read_state_bench: {args.data_dir}: no cache there (build one with scale_bench.py --keep)", file=sys.stderr
        )
        return 2
    print(f"load average {os.getloadavg()[0]:.1f}")
    store_table(args.data_dir, args.repeats)
    command_table(args.data_dir, min(args.repeats, 3))
    print(f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
