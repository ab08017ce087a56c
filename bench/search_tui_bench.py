"""Keystroke-to-results in the reader's search line, on a large cache, in a real terminal (tmux).

    uv run python bench/search_tui_bench.py [--articles 100000] [--runs 3] [--keep DIR]
    uv run python bench/search_tui_bench.py --data-dir DIR --queries "telescope,space station"

The default cache is the reader bench's synthetic one, whose 80-word vocabulary makes nearly every word
match nearly every article (a worst case); `--data-dir` measures any existing cache instead, such as the
one `bench/search_bench.py --data-dir DIR` builds with a realistic word distribution.

For each query it types the query into the search line (`/`) and times from the query's last keystroke
until the list shows that query's result count (`1/N`, N counted beforehand through the store). The
figure includes tmux's screen polling (about 10 ms a poll; see `probe floor`). Target: 50 ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reader_bench import HEIGHT, SCRIPT, WIDTH, measured_env, subtitle  # noqa: E402
from synthetic_cache import build_cache  # noqa: E402
from tmux_probe import ProbeTimeout, TmuxPane, probe_floor_ms, screen_has  # noqa: E402

from spacereader.ingest.seeds import import_seeds  # noqa: E402
from spacereader.paths import seeds_dir  # noqa: E402
from spacereader.search.query import QueryError, search_filter  # noqa: E402
from spacereader.store import Store  # noqa: E402
from spacereader.store.articles import count_articles  # noqa: E402

QUERIES = [
    "orbit",
    "launch satellite",
    "vaccine is:unread",
    "harbour -museum",
    "budget after:30d",
    "engineers",
    '"climate network"',
    "elect",
]
TARGET_MS = 50.0


def expected_counts(data_dir: Path, queries: list[str]) -> dict[str, int]:
    """How many rows each query lists, so the probe knows when the results are on screen."""
    store = Store.open(data_dir)
    counts = {}
    with closing(store.connect()) as conn:
        for query in queries:
            view = search_filter(query, live=True)
            assert not isinstance(view, QueryError), view
            counts[query] = count_articles(conn, view)
    return counts


def one_run(data_dir: Path, counts: dict[str, int], total: int, timeout: float) -> list[float]:
    queries = list(counts)
    """Launch once, then time each query's last keystroke to its results."""
    times = []
    with TmuxPane(WIDTH, HEIGHT, measured_env(data_dir)) as pane:
        pane.launch([str(SCRIPT), "--data-dir", str(data_dir)])
        pane.wait_for(screen_has(patterns=[subtitle(1, total)]), timeout, "first screen")
        time.sleep(3.0)  # past start-up work (the entity model loads in the background)
        pane.send_keys("/")
        time.sleep(0.3)
        for query in queries:
            pane.send_keys("C-u")  # clear the line
            time.sleep(0.3)
            pane.send_keys("-l", query[:-1])
            time.sleep(0.5)
            wanted = screen_has(f"Search: {query}", patterns=[subtitle(1 if counts[query] else 0, counts[query])])
            sent = pane.send_keys("-l", query[-1])
            seen = pane.wait_for(wanted, timeout, f"results for {query!r}")
            times.append((seen - sent) * 1000)
        pane.quit(("Escape", "q"))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build the cache here and keep it")
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--data-dir", type=Path, help="measure this existing cache instead of building one")
    parser.add_argument("--queries", help="comma-separated queries (default: words of the synthetic cache)")
    args = parser.parse_args(argv)
    queries = [q.strip() for q in args.queries.split(",")] if args.queries else QUERIES
    if not SCRIPT.exists() or shutil.which("tmux") is None:
        print("needs `uv sync` and tmux", file=sys.stderr)
        return 2
    root = args.keep or Path(tempfile.mkdtemp(prefix="spacereader-search-tui-"))
    data_dir = args.data_dir or root / f"cache-{args.articles}" / "data"
    try:
        if args.data_dir is None:
            build_cache(data_dir, args.articles)
        with closing(Store.open(data_dir).connect()) as conn:
            import_seeds(conn, seeds_dir())  # as the reader does at start, so the counts match its screen
            total = count_articles(conn)
        counts = expected_counts(data_dir, queries)
        print(f"cache: {total:,} articles; probe floor {probe_floor_ms():.1f} ms; load {os.getloadavg()[0]:.2f}")
        samples: dict[str, list[float]] = {q: [] for q in queries}
        for number in range(args.runs):
            try:
                for query, ms in zip(queries, one_run(data_dir, counts, total, args.timeout)):
                    samples[query].append(ms)
            except ProbeTimeout as error:
                print(f"run {number + 1} failed: {error}")
        every = [ms for values in samples.values() for ms in values]
        for query, values in samples.items():
            if values:
                print(f"  {query!r:24} {counts[query]:>7,} results  median {statistics.median(values):6.1f} ms")
        if not every:
            return 1
        median = statistics.median(every)
        print(
            f"keystroke to results: median {median:.1f} ms, max {max(every):.1f} ms over {len(every)} searches"
            f" (target {TARGET_MS:.0f} ms: {'pass' if median <= TARGET_MS else 'FAIL'}); load {os.getloadavg()[0]:.2f}"
        )
        return 0 if median <= TARGET_MS else 1
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
