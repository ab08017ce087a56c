"""Which extractor finds an article's main text best: trafilatura against readability-lxml; and what F costs.

    uv run python bench/page_text_bench.py [--pages 120]

Scores both on the pages written for the tests (tests/pages: news-site and blog shapes with their expected
text; word-level precision, recall and F1) and times them. On the real HTML pages of the shared corpus
(../shared/corpus, when present), which have no expected text, it prints the words each kept and the time.
Then it times full text end to end against pages served on 127.0.0.1 into a temp cache: one article (`F`,
`show --full`: fetch, extract, store, index) and `--pages` articles of a full-text feed after a refresh.
"""

from __future__ import annotations

import argparse
import http.server
import statistics
import sys
import tempfile
import threading
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from spacereader.ingest.fetch import Fetcher  # noqa: E402
from spacereader.ingest.full_text import fill_full_texts, take_full_text  # noqa: E402
from spacereader.models import NewArticle  # noqa: E402
from spacereader.store import Store  # noqa: E402
from spacereader.store.articles import upsert_articles  # noqa: E402
from spacereader.store.feeds import ensure_feed  # noqa: E402
from spacereader.store.page_text import set_full_text  # noqa: E402
from tests.page_extraction import EXTRACTORS, PAGE_URL, PAGES, readable_words, score, written_pages  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "feeds"
REPEATS = 5


def timed(extract, page: bytes, url: str) -> tuple[str, float]:
    """The extractor's text and its best time of REPEATS, in milliseconds."""
    best = float("inf")
    text = ""
    for _ in range(REPEATS):
        start = time.perf_counter()
        text = extract(page, url)
        best = min(best, time.perf_counter() - start)
    return text, best * 1000


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves tests/pages without a log line per request."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, directory=str(PAGES), **kwargs)

    def log_message(self, format: str, *args: object) -> None:
        """Silent."""


def end_to_end(count: int) -> None:
    """Time one article's full text and a full-text feed's `count` pages, served on 127.0.0.1."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    names = [p.stem for p in sorted(PAGES.glob("*.html")) if p.stem != "section-front"]
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder))
        items = [
            NewArticle(guid=str(n), title=f"Story {n}", published=f"2026-01-01T00:{n % 60:02d}:00Z",
                       body="Teaser.", url=f"{base}/{names[n % len(names)]}.html?n={n}", content_hash=str(n))
            for n in range(count + 5)
        ]  # fmt: skip
        with closing(store.connect()) as conn, conn:
            feed_id = ensure_feed(conn, f"{base}/feed.xml", title="Pages")
            upsert_articles(conn, feed_id, items)
            ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id")]
        take_full_text(store, Fetcher(), ids[0])  # imports out of the timing
        singles = []
        for article_id in ids[1:5]:
            start = time.perf_counter()
            outcome = take_full_text(store, Fetcher(), article_id)
            singles.append((time.perf_counter() - start) * 1000)
            assert outcome.ok, outcome
        with closing(store.connect()) as conn:
            set_full_text(conn, feed_id, True)
        start = time.perf_counter()
        outcomes = fill_full_texts(store, Fetcher(), limit=count)
        took = time.perf_counter() - start
    server.shutdown()
    print("\nfull text end to end from 127.0.0.1 (fetch, extract, store, index):")
    print(f"  one article (F, show --full): median {statistics.median(singles):.0f} ms of {len(singles)}")
    kept = sum(1 for o in outcomes if o.ok)
    print(
        f"  a full-text feed's {len(outcomes)} pages after a refresh: {took:.2f} s, {took / len(outcomes) * 1000:.1f} ms a page, {kept} kept"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=120, help="pages of a full-text feed to fetch (default 120)")
    args = parser.parse_args()
    pages = written_pages()
    for extract in EXTRACTORS.values():
        extract(pages[0][1], PAGE_URL)  # imports and caches out of the timing
    print(f"{'page':16} " + "  ".join(f"{name:>34}" for name in EXTRACTORS))
    print(f"{'':16} " + "  ".join(f"{'P':>6} {'R':>6} {'F1':>6} {'words':>6} {'ms':>6}" for _ in EXTRACTORS))
    totals: dict[str, list] = {name: [] for name in EXTRACTORS}
    for page_name, page, expected in pages:
        cells = []
        for name, extract in EXTRACTORS.items():
            text, ms = timed(extract, page, PAGE_URL)
            result = score(page_name, text, expected)
            totals[name].append((result, ms))
            cells.append(f"{result.precision:6.3f} {result.recall:6.3f} {result.f1:6.3f} {result.words:6d} {ms:6.1f}")
        print(f"{page_name:16} " + "  ".join(cells))
    print()
    for name, rows in totals.items():
        articles = [r for r, _ in rows if r.recall or r.precision or r.words]
        with_text = [r for r in articles if r.page != "section-front"]
        print(
            f"{name:12} mean F1 on article pages {statistics.mean(r.f1 for r in with_text):.3f}"
            f" (min {min(r.f1 for r in with_text):.3f}), words kept from the page with no article:"
            f" {next((r.words for r, _ in rows if r.page == 'section-front'), 0)},"
            f" median {statistics.median(ms for _, ms in rows):.1f} ms a page"
        )
    real = sorted(CORPUS.glob("**/*.html")) if CORPUS.is_dir() else []
    if not real:
        print("\nshared corpus not found: no real pages measured")
    else:
        print("\nreal pages from the shared corpus (no expected text): words kept, ms")
    for path in real:
        cells = []
        for name, extract in EXTRACTORS.items():
            text, ms = timed(extract, path.read_bytes(), "https://example.com/")
            cells.append(f"{name} {sum(readable_words(text).values()):5d} words {ms:6.1f} ms")
        print(f"  {path.relative_to(CORPUS)!s:58} " + "   ".join(cells))
    end_to_end(args.pages)


if __name__ == "__main__":
    main()
