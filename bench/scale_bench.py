"""Every screen and every command on a large cache: key to screen in tmux, commands as processes.

    uv run python bench/scale_bench.py [--articles 100000 --feeds 2000] [--runs 3] [--keep DIR] [--store-only]

Builds (or reuses, with --keep) a cache through the store's own functions: `--articles` articles over
`--feeds` feeds, entities for a fifth of them, 200 bookmarks and 10 saved views (bench/scale_cache.py).
Then, per run, it launches the reader in a private tmux pane and times each screen from its key until
what it shows is on screen, reads the reader's peak RSS, and times `q` until the process has gone; and
it runs each CLI command as a process beside `spacereader --version`. Expected screens are computed
through the store beforehand (counts, first rows), so a screen counts only once it shows the right
thing. Prints a table of medians (min-max) with the targets; exit status 0 when all are met.
`--store-only` prints the store's figures (the queries behind each screen, mark-all-read) and stops.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from reader_bench import SCRIPT, list_row, measured_env, subtitle
from scale_cache import BOOKMARKS, VIEWS, build_scale_cache
from tmux_probe import ProbeTimeout, Summary, TmuxPane, probe_floor_ms, screen_has

from spacereader.models import ArticleFilter
from spacereader.store import Store
from spacereader.store import articles as store_articles
from spacereader.store import entities as store_entities
from spacereader.store.feeds import list_feeds
from spacereader.store.views import view_filter

TARGET_SCREEN_MS = 100.0
TARGET_COMMAND_OVER_VERSION_S = 0.5
TARGET_QUIT_S = 0.3
TARGET_RSS_MB = 150.0
WIDTH, HEIGHT = 120, 40
SORTS = ("feed", "title", "unread", "date")
"""The order `s` cycles through from the default (date) outside a search."""


@dataclass
class Expected:
    """What each screen must show, found through the store before the reader starts."""

    total: int
    unread: int
    first_title: str
    feeds: int
    bookmarks: int
    bookmark_title: str
    sort_rows: dict[str, int]
    """Where the first article stands in each order: the list keeps it under the cursor when resorted."""
    next_unread_row: int
    view_one: tuple[str, int]
    entity_article: int
    """An article whose entities are saved (`entities ID` then reads them; one not yet extracted would load the
    spaCy model, seconds that measure the model, not the cache)."""
    mention_name: str


@dataclass
class Figures:
    """Every figure of every run, by name."""

    values: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, name: str, value: float) -> None:
        self.values.setdefault(name, []).append(value)


def expected(data_dir: Path) -> Expected:
    """Counts and first rows the reader must show, from the store."""
    with closing(Store.open(data_dir).connect()) as conn:
        every = ArticleFilter()
        first = store_articles.list_article_rows(conn, every, limit=1)[0]
        bookmarks = ArticleFilter(bookmarked_only=True)
        sort_rows = {sort: store_articles.position_of(conn, ArticleFilter(sort=sort), first.id) + 1 for sort in SORTS}
        next_row = store_articles.next_unread(conn, every, 0)
        name, query = next(iter(VIEWS.items()))
        view = view_filter(query)
        named = store_entities.entities_for_article(conn, first.id)
        lovelace = store_entities.find_entities(conn, "Ada Lovelace")
        extracted = (
            store_articles.list_article_rows(conn, ArticleFilter(entity_id=lovelace[0].id), limit=1)[0].id
            if lovelace
            else first.id
        )
        return Expected(
            total=store_articles.count_articles(conn, every),
            unread=store_articles.count_unread(conn, every),
            first_title=first.title,
            feeds=len(list_feeds(conn)),
            bookmarks=store_articles.count_articles(conn, bookmarks),
            bookmark_title=store_articles.list_article_rows(conn, bookmarks, limit=1)[0].title,
            sort_rows=sort_rows,
            next_unread_row=(next_row or 0) + 1,
            view_one=(name, store_articles.count_articles(conn, view)),
            entity_article=extracted,
            mention_name=named[0].name if named else "Ada Lovelace",
        )


def query_table(data_dir: Path, repeats: int = 5) -> None:
    """The store's share of each screen: every query behind it, timed directly (best of `repeats`, ms)."""
    from spacereader.store.bookmarks import export_bookmarks
    from spacereader.store.views import list_views

    with closing(Store.open(data_dir).connect()) as conn:
        every = ArticleFilter()
        first = store_articles.list_article_rows(conn, every, limit=1)[0]
        entity = store_entities.find_entities(conn, "Ada Lovelace")[0]
        by_entity = ArticleFilter(entity_id=entity.id)
        kept = ArticleFilter(unread_only=True, kept_ids=(first.id,))
        calls = {
            "feeds view / feeds": lambda: list_feeds(conn),
            "views / views (counts)": lambda: list_views(conn),
            "status line counts": lambda: (store_articles.count_articles(conn), store_articles.count_unread(conn)),
            "bookmarks page + count": lambda: (
                store_articles.list_article_rows(conn, ArticleFilter(bookmarked_only=True), limit=100),
                store_articles.count_articles(conn, ArticleFilter(bookmarked_only=True)),
            ),
            "bookmark export": lambda: export_bookmarks(conn),
            "articles --unread --limit 100": lambda: store_articles.list_article_rows(
                conn, ArticleFilter(unread_only=True), limit=100
            ),
            "next / previous unread": lambda: (
                store_articles.next_unread(conn, every, 300),
                store_articles.next_unread(conn, every, 300, forward=False),
            ),
            "unread only, one just read kept: page + count": lambda: (
                store_articles.list_article_rows(conn, kept, limit=100),
                store_articles.count_articles(conn, kept),
                store_articles.next_unread(conn, kept, 0),
            ),
            "mark read on open": lambda: (
                store_articles.set_read(conn, first.id, True),
                store_articles.set_read(conn, first.id, False),
            ),
            f"entity header + list ({entity.count} articles)": lambda: (
                store_entities.get_entity(conn, entity.id),
                store_articles.count_articles(conn, by_entity),
                store_articles.list_article_rows(conn, by_entity, limit=100),
            ),
            "sparkline + co-mentions": lambda: (
                store_entities.mention_counts_by_day(conn, entity.id),
                store_entities.co_mentioned(conn, entity.id),
            ),
            "extraction backlog batch + count": lambda: (
                store_entities.articles_needing_extraction(conn, "other==1", 16, first.id),
                store_entities.count_needing_extraction(conn, "other==1"),
            ),
        }
        for sort in SORTS:
            view = ArticleFilter(sort=sort)

            def resort(view=view):
                at = store_articles.position_of(conn, view, first.id)
                return store_articles.list_article_rows(conn, view, offset=max(0, at - 50), limit=100)

            calls[f"sort {sort}: position + its page"] = resort
        print("store queries behind each screen (best of 5, ms):")
        for name, call in calls.items():
            best = float("inf")
            for _ in range(repeats):
                started = time.perf_counter()
                call()
                best = min(best, time.perf_counter() - started)
            print(f"  {name:44} {best * 1000:8.1f}")


TARGET_MARK_ALL_S = 1.0


def mark_all_figures(data_dir: Path, repeats: int = 3) -> bool:
    """Mark-all-read (one statement) on the whole cache, one feed and a search's results (`mark-read --query
    satellite`), each with its undo, timed; the cache ends as it began."""
    from spacereader.search.query import QueryError, search_filter
    from spacereader.store.marks import count_to_mark, mark_read_where, mark_unread, max_article_id

    ok = True
    with closing(Store.open(data_dir).connect()) as conn:
        satellite = search_filter("satellite", sort="date")
        assert not isinstance(satellite, QueryError), satellite
        views = (("everything", ArticleFilter()), ("one feed", ArticleFilter(feed_id=2)), ("satellite", satellite))
        for name, view in views:
            bound = max_article_id(conn)
            count = count_to_mark(conn, view, bound)
            marks, undos = [], []
            for _ in range(repeats):
                started = time.perf_counter()
                ids = mark_read_where(conn, view, up_to_id=bound)
                marks.append(time.perf_counter() - started)
                started = time.perf_counter()
                mark_unread(conn, ids)
                undos.append(time.perf_counter() - started)
                assert len(ids) == count
            best_mark = min(marks)
            ok &= best_mark < TARGET_MARK_ALL_S
            print(
                f"mark all read, {name} ({count:,} unread): {best_mark * 1000:.0f} ms,"
                f" undo {min(undos) * 1000:.0f} ms (best of {repeats}; target < {TARGET_MARK_ALL_S:.0f} s)"
            )
    return ok


def watch_figures(data_dir: Path, repeats: int = 3) -> None:
    """A watch check (what the reader runs after each refresh and extraction batch) with an entity and four
    views watched, when nothing is new and when the 300 newest articles are; the watches are removed after."""
    from spacereader.store.watches import add_watch, entity_key, remove_watch
    from spacereader.watching import check_watches

    views = {name: VIEWS[name] for name in ("Satellites", "Unread", "Lovelace", "Budget")}
    with closing(Store.open(data_dir).connect()) as conn:
        entity = store_entities.find_entities(conn, "Ada Lovelace")[0]
        watched = [("entity", entity.name), *(("view", name) for name in views)]
        add_watch(conn, "entity", entity.name, key=entity_key(conn, entity.id))
        for name in views:
            add_watch(conn, "view", name)
        try:
            quiet = []
            for _ in range(repeats):
                started = time.perf_counter()
                check_watches(conn, views)
                quiet.append(time.perf_counter() - started)
            with conn:
                conn.execute("UPDATE watches SET since_id = since_id - 300")
            started = time.perf_counter()
            hits = check_watches(conn, views)
            busy = time.perf_counter() - started
        finally:
            for kind, name in watched:
                remove_watch(conn, kind, name)
    print(
        f"watch check, 1 entity + 4 views: {min(quiet) * 1000:.1f} ms with nothing new,"
        f" {busy * 1000:.1f} ms finding {len(hits)} matches among the 300 newest"
    )


def timed(pane: TmuxPane, keys: list[str], seen, what: str, timeout: float) -> float:
    """Milliseconds from sending `keys` until `seen(screen)`."""
    sent = pane.send_keys(*keys)
    return (pane.wait_for(seen, timeout, what) - sent) * 1000


def reader_run(data_dir: Path, want: Expected, figures: Figures, timeout: float) -> None:
    """One launch: every screen from its key, peak RSS, quit."""
    home = screen_has(patterns=[subtitle(1, want.total), list_row(want.first_title)])
    with TmuxPane(WIDTH, HEIGHT, measured_env(data_dir)) as pane:
        started = pane.launch([str(SCRIPT), "--data-dir", str(data_dir)])
        figures.add("first screen", (pane.wait_for(home, timeout, "first screen") - started) * 1000)
        time.sleep(1.0)  # the first article and its sidebar settle; the entity process starts

        def screen(name: str, keys: list[str], seen, back: list[str] | None = None, back_to=home) -> None:
            try:
                figures.add(name, timed(pane, keys, seen, name, timeout))
                time.sleep(0.3)
                if back is not None:
                    pane.send_keys(*back)
                    pane.wait_for(back_to, timeout, f"back from {name}")
                    time.sleep(0.3)
            except ProbeTimeout as error:
                figures.errors.append(f"{name}: {error}")
                pane.send_keys("escape")
                time.sleep(1.0)

        screen("f feeds view", ["f"], screen_has(f"Feeds ({want.feeds})"), ["escape"])
        screen("v views", ["v"], screen_has(f"Views ({len(VIEWS)})"), ["escape"])
        listed = screen_has(f"Views ({len(VIEWS)})")
        screen("v views, counted", ["v"], lambda shown: listed(shown) and "counting" not in shown, ["escape"])
        bookmarked = screen_has(patterns=[subtitle(1, want.bookmarks), list_row(want.bookmark_title)])
        screen(
            "B bookmarks", ["B"], bookmarked, ["B"], screen_has("all articles", patterns=[subtitle(r"\d+", want.total)])
        )
        pane.send_keys("g")
        pane.wait_for(home, timeout, "top of the list")
        for sort in SORTS:
            seen = screen_has(f"Sorted by {sort}", patterns=[subtitle(want.sort_rows[sort], want.total)])
            screen(f"s sort: {sort}", ["s"], seen)
        time.sleep(1.6)  # the sort notices fade
        screen("n next unread", ["n"], screen_has(patterns=[subtitle(want.next_unread_row, want.total)]))
        screen(
            "N previous unread",
            ["N"],
            screen_has(patterns=[subtitle(1, want.total)]) if want.next_unread_row > 1 else home,
        )
        screen("n again", ["n"], screen_has(patterns=[subtitle(want.next_unread_row, want.total)]))
        name, count = want.view_one
        screen("1 saved view", ["1"], screen_has(f"View: {name}", patterns=[subtitle(r"\d+", count)]), ["escape"],
               screen_has(patterns=[subtitle(want.next_unread_row, want.total)]))  # fmt: skip
        screen("enter open, mark read", ["enter"], screen_has(f"{want.unread - 1} unread"))
        listed_again = screen_has(patterns=[subtitle(r"\d+", want.total)])
        for name, keys, shown in (
            ("? help", ["?"], "Keys — remap"),
            ("ctrl+p command palette", ["C-p"], "Search for commands"),
            ("T theme picker", ["T"], "Search for themes"),
            ("/ search line", ["/"], "search: words"),
            ("a add feed", ["a"], "Subscribe to a feed"),
            ("A mark all read, asks", ["A"], "articles read in"),
            ("L links of the article", ["L"], " media · "),
        ):

            def gone(screen_text: str, shown=shown) -> bool:
                return shown not in screen_text and listed_again(screen_text)

            screen(name, keys, screen_has(shown), ["escape"], gone)
        pane.send_keys("g")
        time.sleep(0.8)
        for key in ("tab", "tab", "down"):  # list -> reading pane -> entity sidebar, its first entity
            pane.send_keys(key)
            time.sleep(0.4)
        screen("enter on an entity", ["enter"], screen_has("named in", "Articles naming"), ["escape"])
        figures.add("reader peak RSS (MB)", pane.memory_kb().get("VmHWM", 0) / 1024)
        quit_s = pane.quit()
        if quit_s is None:
            figures.errors.append("q: still running after 10 s")
        else:
            figures.add("q quit (s)", quit_s)


COMMANDS = {
    "feeds --json": ["feeds", "--json"],
    "views --json": ["views", "--json"],
    "articles --limit 100 --json": ["articles", "--limit", "100", "--json"],
    "articles --unread --limit 100 --json": ["articles", "--unread", "--limit", "100", "--json"],
    "bookmarks --json": ["bookmarks", "--json"],
    "bookmarks --export FILE": ["bookmarks", "--export", "{tmp}/bookmarks.json"],
    "mentions NAME --json": ["mentions", "{name}", "--json"],
    "entities ID --json": ["entities", "{id}", "--json"],
    "show ID": ["show", "{id}"],
    "search satellite --limit 100 --json": ["search", "satellite", "--limit", "100", "--json"],
    "view show NAME --limit 100 --json": ["view", "show", "{view}", "--limit", "100", "--json"],
    "watches --json": ["watches", "--json"],
    "export FILE (OPML)": ["export", "{tmp}/feeds.opml"],
    "feeds (table)": ["feeds"],
    "ignored --json": ["ignored", "--json"],
}
"""Every command that reads the cache, as run by a user (with `--data-dir`). Listings take `--limit 100`:
without it they print every row they hold (all 100,000 for `articles`), which costs what it shows."""


def command_runs(data_dir: Path, want: Expected, figures: Figures, tmp: Path) -> None:
    """Each command once as a process, and `--version` beside it."""
    env = measured_env(data_dir)
    fill = {"tmp": str(tmp), "name": want.mention_name, "id": str(want.entity_article), "view": want.view_one[0]}
    for name, argv in [("--version", ["--version"]), *COMMANDS.items()]:
        argv = [part.format(**fill) for part in argv]
        started = time.perf_counter()
        done = subprocess.run(
            [str(SCRIPT), "--data-dir", str(data_dir), *argv], env=env, capture_output=True, check=False
        )
        figures.add(f"$ {name}", time.perf_counter() - started)
        if done.returncode != 0:
            figures.errors.append(
                f"{name}: exit {done.returncode}: {done.stderr.decode(errors='replace').strip()[:200]}"
            )


def fmt(summary: Summary | None, digits: int) -> str:
    if summary is None:
        return "-"
    return f"{summary.median:.{digits}f} ({summary.low:.{digits}f}-{summary.high:.{digits}f})"


def report(articles: int, feeds: int, figures: Figures) -> bool:
    """Print the table; True when every target is met."""
    version = Summary.of(figures.values.get("$ --version", []))
    ok = True
    print(
        f"\n{articles:,} articles over {feeds:,} feeds; medians (min-max) of {max(map(len, figures.values.values()))} runs"
    )
    print(f"{'':34} {'figure':>24}  {'target':>16}")
    for name, values in figures.values.items():
        summary = Summary.of(values)
        if name.startswith("$ ") and name != "$ --version" and version is not None:
            over = summary.median - version.median
            target, passed = f"version+{TARGET_COMMAND_OVER_VERSION_S} s", over <= TARGET_COMMAND_OVER_VERSION_S
            shown = f"{fmt(summary, 2)} s  +{over:.2f}"
        elif name == "$ --version":
            target, passed, shown = "", True, f"{fmt(summary, 2)} s"
        elif name == "first screen":
            target, passed, shown = "(reader_bench)", True, f"{fmt(summary, 0)} ms"
        elif name == "q quit (s)":
            target, passed, shown = f"<= {TARGET_QUIT_S} s", summary.median <= TARGET_QUIT_S, f"{fmt(summary, 2)} s"
        elif name == "reader peak RSS (MB)":
            target, passed, shown = (
                f"<= {TARGET_RSS_MB:.0f} MB",
                summary.median <= TARGET_RSS_MB,
                f"{fmt(summary, 0)} MB",
            )
        else:
            target, passed, shown = (
                f"<= {TARGET_SCREEN_MS:.0f} ms",
                summary.median <= TARGET_SCREEN_MS,
                f"{fmt(summary, 0)} ms",
            )
        ok &= passed
        print(
            f"{name:34} {shown:>24}  {target:>16} {'' if not target or target.startswith('(') else ('ok' if passed else 'MISSED')}"
        )
    for error in figures.errors:
        ok = False
        print(f"error: {error}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--feeds", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for any one screen")
    parser.add_argument("--keep", type=Path, help="build the cache here and keep it (reused when it matches)")
    parser.add_argument("--store-only", action="store_true", help="only the store's figures, no reader runs")
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None and not args.store_only:
        print("scale_bench: needs tmux", file=sys.stderr)
        return 2
    root = Path(tempfile.mkdtemp(prefix="scale-bench-"))
    data_dir = args.keep or root / "data"
    try:
        started = time.perf_counter()
        build_scale_cache(data_dir, args.articles, args.feeds)
        print(f"cache: {args.articles:,} articles, {args.feeds:,} feeds, {BOOKMARKS} bookmarks, {len(VIEWS)} views"
              f" in {data_dir} ({time.perf_counter() - started:.0f} s to build or check)")  # fmt: skip
        query_table(data_dir)
        marks_ok = mark_all_figures(data_dir)
        watch_figures(data_dir)
        if args.store_only:
            return 0 if marks_ok else 1
        print(f"probe floor (a key echoed by cat): {probe_floor_ms():.1f} ms")
        figures = Figures()
        for run in range(args.runs):
            want = expected(data_dir)  # each run marks an article read and the entity process adds entities
            command_runs(data_dir, want, figures, root)
            reader_run(data_dir, want, figures, args.timeout)
            print(f"run {run + 1}/{args.runs} done", flush=True)
        return 0 if report(args.articles, args.feeds, figures) and marks_ok else 1
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
