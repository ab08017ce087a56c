"""Where a cold refresh spends its CPU, per article: parsing (the worker processes' share) and storing and
indexing (the single writer's share), measured in this process without network or worker start-up.

    uv run python bench/refresh_cpu_bench.py [--feeds 200] [--items 50]

The feeds are the shared peer kit's (make_corpus.py, seed 1, the corpus `feeds_bench.py --peer` serves) when
../shared is beside the repository, otherwise feeds_bench's own. Prints CPU microseconds per article, best of
3: `parse_document` whole, its HTML to text alone, how many documents fell back to feedparser and why, and
then the writer's store and index times for the same articles in a fresh cache.
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

from spacereader.ingest.html_text import html_to_text
from spacereader.ingest.parse import ParsedFeed, fast_result_is_sure, read_fast, read_raw
from spacereader.ingest.refresh import parse_document
from spacereader.models import Subscription
from spacereader.store import Store
from spacereader.store.articles import upsert_articles
from spacereader.store.bulk import begin_bulk_writes, end_bulk_writes
from spacereader.store.feeds import add_feeds, record_success
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
        htmls = [(e.content_html or e.summary_html, e.link) for body, _ in bodies for e in read_raw(body).entries]
        whole = best_of(3, lambda: [parse_document(body, url, "application/xml", now) for body, url in bodies])
        html = best_of(3, lambda: [html_to_text(text, link) for text, link in htmls])
        print(
            f"{len(bodies)} documents, {articles:,} articles; read by: " + ", ".join(f"{n} {k}" for k, n in why.items())
        )
        print(f"parse_document   {whole / articles * 1e6:6.0f} us an article (worker processes)")
        print(f"  HTML to text   {html / articles * 1e6:6.0f} us of it")
        store = Store.open(Path(work) / "data")
        with closing(store.connect()) as conn:
            add_feeds(conn, [Subscription(url=url) for _, url in bodies])
            ids = [row[0] for row in conn.execute("SELECT id FROM feeds WHERE kind != 'seed' ORDER BY id")]
            begin_bulk_writes(conn)
            started = time.process_time()
            for feed_id, feed in zip(ids, parsed, strict=True):
                if not isinstance(feed, ParsedFeed):
                    continue
                with conn:
                    record_success(conn, feed_id, when="2026-01-01T00:00:00Z", etag=None, last_modified=None,
                                   title=feed.title, site_url=feed.site_url)  # fmt: skip
                    upsert_articles(conn, feed_id, feed.items, index_now=False)
            stored = time.process_time() - started
            started = time.process_time()
            index_pending(conn)
            indexed = time.process_time() - started
            end_bulk_writes(conn)
        print(f"store            {stored / articles * 1e6:6.0f} us an article (the writer thread)")
        print(f"search index     {indexed / articles * 1e6:6.0f} us an article (the writer thread, batches of 2,000)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
