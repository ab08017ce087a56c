"""Which extractor finds an article's main text best: trafilatura against readability-lxml.

    uv run python bench/page_text_bench.py

Scores both on the pages written for the tests (tests/pages: news-site and blog shapes with their expected
text; word-level precision, recall and F1) and times them. On the real HTML pages of the shared corpus
(../shared/corpus, when present), which have no expected text, it prints the words each kept and the time.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.page_extraction import EXTRACTORS, PAGE_URL, readable_words, score, test_pages  # noqa: E402

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


def main() -> None:
    pages = test_pages()
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
        return
    print("\nreal pages from the shared corpus (no expected text): words kept, ms")
    for path in real:
        cells = []
        for name, extract in EXTRACTORS.items():
            text, ms = timed(extract, path.read_bytes(), "https://example.com/")
            cells.append(f"{name} {sum(readable_words(text).values()):5d} words {ms:6.1f} ms")
        print(f"  {path.relative_to(CORPUS)!s:58} " + "   ".join(cells))


if __name__ == "__main__":
    main()
