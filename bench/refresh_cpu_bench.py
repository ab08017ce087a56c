"""Where a cold refresh spends its CPU, per article: parsing (the worker processes' share) and storing and
indexing (the single writer's share), measured in this process without network or worker start-up.

    uv run python bench/refresh_cpu_bench.py [--feeds 200] [--items 50] [--writer-only] [--writer-runs N]

The feeds are the shared peer kit's (make_corpus.py, seed 1, the corpus `feeds_bench.py --peer` serves) when
../shared is beside the repository, otherwise feeds_bench's own. Prints CPU microseconds per article, best of
3: `parse_document` whole, its HTML to text alone, how many documents fell back to feedparser and why, and
then the writer's store and index times for the same articles in a fresh cache (storing through the
refresh writer's own per-feed transaction).
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

from feeds_bench import PEER_KIT, write_own_corpus

from spacereader.ingest.fetch import FetchResult
from spacereader.ingest.html_text import html_to_text
from spacereader.ingest.parse import ParsedFeed, fast_result_is_sure, read_fast, read_raw
from spacereader.ingest.refresh import DEFAULT_KEEP, _Writer, parse_document
from spacereader.models import Subscription
from spacereader.store import Store
from spacereader.store.bulk import begin_bulk_writes, end_bulk_writes
from spacereader.store.feeds import add_feeds, list_feed_states
from spacereader.store.search_index import index_pending


def corpus(out: Path, feeds: int, items: int) -> list[Path]:
    if (PEER_KIT / "make_corpus.py").exists():
        command = [sys.executable, str(PEER_KIT / "make_corpus.py"), "--feeds", str(feeds), "--items", str(items),
                   "--seed", "1", "--out", str(out), "--port", "8000"]  # fmt: skip
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    else:
        write_own_corpus(out, feeds, items, 8000)
    return sorted(p for p in (out / "feeds").iterdir() if p.is_file())


def best_of(runs: int, job) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        job()
        best = min(best, time.process_time() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--writer-only", action="store_true", help="skip timing the parse; only store and index")
    parser.add_argument("--writer-runs", type=int, default=1, help="store and index this many fresh caches (best)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="spacereader-cpu-") as work:
        files = corpus(Path(work) / "corpus", args.feeds, args.items)
        bodies = [(path.read_bytes(), "http://127.0.0.1:8000/feeds/" + path.name) for path in files]
        now = datetime.now(timezone.utc)
        why: collections.Counter[str] = collections.Counter()
        for body, _ in bodies:
            try:
                why[
                    "fastfeedparser" if fast_result_is_sure(read_fast(body)) else "feedparser (fast result unsure)"
                ] += 1
            except Exception as error:  # noqa: BLE001 - any error sends the document to feedparser
                why[f"feedparser ({error})"[:80]] += 1
        parsed = [parse_document(body, url, "application/xml", now) for body, url in bodies]
        articles = sum(len(p.items) for p in parsed if isinstance(p, ParsedFeed))
        print(
            f"{len(bodies)} documents, {articles:,} articles; read by: " + ", ".join(f"{n} {k}" for k, n in why.items())
        )
        if not args.writer_only:
            htmls = [(e.content_html or e.summary_html, e.link) for body, _ in bodies for e in read_raw(body).entries]
            whole = best_of(3, lambda: [parse_document(body, url, "application/xml", now) for body, url in bodies])
            html = best_of(3, lambda: [html_to_text(text, link) for text, link in htmls])
            print(f"parse_document   {whole / articles * 1e6:6.0f} us an article (worker processes)")
            print(f"  HTML to text   {html / articles * 1e6:6.0f} us of it")
        runs = [write(Path(work) / f"data{run}", bodies, parsed) for run in range(max(1, args.writer_runs))]
        stored, indexed = min(r[0] for r in runs), min(r[1] for r in runs)
        every = "" if len(runs) == 1 else f" (runs: {', '.join(f'{r[0] / articles * 1e6:.0f}' for r in runs)})"
        print(f"store            {stored / articles * 1e6:6.0f} us an article (the writer thread){every}")
        every = "" if len(runs) == 1 else f" (runs: {', '.join(f'{r[1] / articles * 1e6:.0f}' for r in runs)})"
        print(
            f"search index     {indexed / articles * 1e6:6.0f} us an article (the writer thread, batches of 2,000){every}"
        )
    return 0


def write(data_dir: Path, bodies: list[tuple[bytes, str]], parsed: list) -> tuple[float, float]:
    """Store every parsed feed into a fresh cache through the refresh's own writer (a transaction per feed:
    the feed's row, ignore rules, the articles, pruning), then index; CPU seconds of each."""
    store = Store.open(data_dir)
    with closing(store.connect()) as conn:
        add_feeds(conn, [Subscription(url=url) for _, url in bodies])
        states = {state.url: state for state in list_feed_states(conn)}
        writer = _Writer(store, len(bodies), DEFAULT_KEEP, None)
        begin_bulk_writes(conn)
        started = time.process_time()
        grouped = hasattr(writer, "_stored")  # feeds committed in groups, as the writer does when documents wait
        for (body, url), feed in zip(bodies, parsed, strict=True):
            outcome = writer._store_one(conn, states[url], FetchResult(200, body, url, etag='"e"'), feed)
            if grouped:
                writer._stored(conn, outcome)
        if grouped:
            writer._commit(conn)
        stored = time.process_time() - started
        started = time.process_time()
        index_pending(conn)
        indexed = time.process_time() - started
        end_bulk_writes(conn)
    return stored, indexed


if __name__ == "__main__":
    sys.exit(main())
