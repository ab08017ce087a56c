"""Search latency, index size and indexing speed on a synthetic cache, against a naive LIKE scan.

Run: uv run python bench/search_bench.py [--articles 100000] [--checkpoints 10000] [--seed 5]

The cache is built through the store's own functions (one transaction per feed, as a refresh does),
with Zipf-distributed words so posting lists are as skewed as real text, a few accented and Cyrillic
names, and bodies of 40-400 words. A "search" is what the search line does per keystroke: parse,
first page of 50 rows in the query's order, and the match count. Times are warm (after one pass).
At each checkpoint the same query set is also run as a LIKE scan over the same columns (what
newsboat does), so the ratio and its growth with the cache are measured in the same run.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from spacereader.models import ArticleFilter, NewArticle
from spacereader.search.query import ParsedQuery, QueryError, parse_query, search_filter
from spacereader.store import Store
from spacereader.store.articles import count_articles, list_article_rows, upsert_articles
from spacereader.store.feeds import ensure_feed
from spacereader.store.view_sql import search_clauses

ARTICLES_PER_FEED = 500
PAGE = 50
COMMON = (
    "space launch rocket station orbit mission crew satellite engine moon mars lunar test flight agency "
    "budget contract science telescope solar probe capsule module docking landing booster payload "
    "astronaut cosmonaut program director company government report data signal ground control weather "
    "window delay success failure record history future planet comet asteroid star galaxy research"
).split()
NAMES = ["Zoë Gagarín", "Юлия Пересильд", "Сергей Королёв", "Klim Shipenko", "Eileen Collins", "Søren Ørsted"]
QUERIES = {
    "word": ["telescope", "cosmonaut", "asteroid", "gagarin", "пересильд", "королев", "zoe", "kelomar"],
    "common word": ["space", "launch"],
    "phrase": ['"space station"', '"launch window"', '"Klim Shipenko"'],
    "prefix": ["tele*", "astro*", "sat*", "kel*"],
    "words": ["rocket engine test", "moon landing crew"],
    "filter": ["launch is:unread", "station feed:feed-17", "rocket after:30d", "mission -moon", "is:bookmarked"],
    # What the search line runs at the second and third keystroke of a word (live: the last word is being typed).
    "typing, 2 letters": ["te", "ke", "mi", "la", "co", "sp", "ro", "st", "ga", "ma"],
    "typing, 3 letters": ["tel", "kel", "mis", "lau", "cos", "spa", "roc", "sta", "gag", "mar"],
}
LIVE = ("typing, 2 letters", "typing, 3 letters")


def vocabulary(rng: random.Random, size: int = 40_000) -> list[str]:
    """Real news words at the top ranks, then pronounceable made-up words for the long tail."""
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"] + ["ar", "en", "ol", "is", "um"]
    made_up = {"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(size * 2)}
    filler = "the of and to a in is that for on with as by at from it was be this are has".split()
    tail = sorted(made_up - set(COMMON))[: size - len(filler) - len(COMMON)]
    rng.shuffle(tail)
    # "space" and "launch" are in most articles (the worst case for a space-news cache); the other
    # topical words sit at ranks 100-4000, where a real news vocabulary puts them (about 1-10% of articles).
    words = filler + COMMON[:2] + tail
    for n, word in enumerate(COMMON[2:]):
        words.insert(100 + n * 60, word)
    return words


def make_articles(rng: random.Random, words: list[str], feed: int, count: int, start: int) -> list[NewArticle]:
    weights = [1 / (rank + 1) ** 1.05 for rank in range(len(words))]
    cumulative = list(_accumulate(weights))
    items = []
    for n in range(start, start + count):
        body_words = rng.choices(words, cum_weights=cumulative, k=rng.randint(40, 400))
        if rng.random() < 0.02:
            body_words.insert(rng.randrange(len(body_words)), rng.choice(NAMES))
        title = " ".join(rng.choices(words[19:], cum_weights=cumulative[19:], k=rng.randint(5, 11))).capitalize()
        day = 1 + (n * 7919) % 700
        published = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - day * 86400 - n % 86400))
        items.append(
            NewArticle(
                guid=f"f{feed}-{n}", title=title, published=published, body=" ".join(body_words),
                author=rng.choice(["", "Ann Lee", "Bo Park", "Cruz Ortega"]), content_hash=f"h{n}",
            )
        )  # fmt: skip
    return items


def _accumulate(values: list[float]):
    total = 0.0
    for value in values:
        total += value
        yield total


def add_feeds(store: Store, rng: random.Random, words: list[str], first_feed: int, count: int) -> float:
    """Add `count` articles in feeds of ARTICLES_PER_FEED; returns the seconds spent in the store."""
    spent = 0.0
    with closing(store.connect()) as conn:
        feed = first_feed
        for start in range(0, count, ARTICLES_PER_FEED):
            items = make_articles(rng, words, feed, min(ARTICLES_PER_FEED, count - start), start + first_feed * 10_000)
            began = time.perf_counter()
            with conn:
                feed_id = ensure_feed(conn, f"http://127.0.0.1/feed-{feed}.xml", title=f"Feed-{feed} news")
                upsert_articles(conn, feed_id, items)
                if feed % 3 == 0:
                    conn.execute("UPDATE article_state SET is_read = 1 WHERE feed_id = ?", (feed_id,))
                    conn.execute(
                        "INSERT OR IGNORE INTO bookmarks SELECT id, 'x' FROM articles WHERE feed_id = ? LIMIT 5",
                        (feed_id,),
                    )
            spent += time.perf_counter() - began
            feed += 1
    return spent


def like_view(query: ParsedQuery) -> tuple[str, list[object]]:
    """The naive baseline: every term as LIKE over the indexed columns, filters as in the store, date order."""
    columns = ("a.title", "a.body", "a.author", "f.title")
    clauses, params = search_clauses(replace(query, terms=(), excluded=()))
    for term, negate in [(t, False) for t in query.terms] + [(t, True) for t in query.excluded]:
        pattern = f"%{term.text}%"  # a LIKE never sees a prefix star; a substring is already a prefix
        either = " OR ".join(f"{c} LIKE ?" for c in columns)
        clauses.append(("NOT " if negate else "") + f"({either})")
        params.extend([pattern] * len(columns))
    return " WHERE " + " AND ".join(clauses) if clauses else "", params


def time_queries(conn, repeats: int, *, like: bool) -> dict[str, list[float]]:
    """Latency in ms per category, each query run `repeats` times after one warm-up run."""
    timings: dict[str, list[float]] = {}
    for category, texts in QUERIES.items():
        for text in texts:
            for attempt in range(repeats + 1):
                began = time.perf_counter()
                live = category in LIVE
                if like:
                    parsed = parse_query(text, live=live)
                    assert not isinstance(parsed, QueryError)
                    where, params = like_view(parsed)
                    base = "FROM articles a JOIN feeds f ON f.id = a.feed_id" + where
                    page = f"SELECT a.id {base} ORDER BY a.published DESC, a.id DESC LIMIT {PAGE}"
                    conn.execute(page, params).fetchall()
                    conn.execute(f"SELECT count(*) {base}", params).fetchone()
                else:
                    view = search_filter(text, live=live)
                    assert isinstance(view, ArticleFilter), view
                    list_article_rows(conn, view, limit=PAGE)
                    count_articles(conn, view)
                if attempt:
                    timings.setdefault(category, []).append((time.perf_counter() - began) * 1000)
    return timings


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def report(conn, label: str, repeats: int, like_repeats: int) -> None:
    fts = time_queries(conn, repeats, like=False)
    every = [t for values in fts.values() for t in values]
    print(f"\n== {label} ==")
    print(f"search (FTS5): median {statistics.median(every):.1f} ms, p95 {p95(every):.1f} ms over {len(every)} runs")
    for category, values in fts.items():
        print(f"  {category:<17} median {statistics.median(values):7.1f} ms   p95 {p95(values):7.1f} ms"
              f"   max {max(values):7.1f} ms")  # fmt: skip
    like = time_queries(conn, like_repeats, like=True)
    like_every = [t for values in like.values() for t in values]
    ratio = statistics.median(like_every) / statistics.median(every)
    print(f"LIKE scan:     median {statistics.median(like_every):.1f} ms, p95 {p95(like_every):.1f} ms"
          f"  -> FTS5 is {ratio:.0f}x faster at the median")  # fmt: skip


def index_share(conn) -> tuple[float, float, float]:
    """(index MB, index share of the cache, cache MB) from the dbstat table."""
    index = conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'articles_fts%'").fetchone()[0]
    whole = conn.execute("SELECT sum(pgsize) FROM dbstat").fetchone()[0]
    return index / 1e6, index / whole, whole / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--checkpoints", default="10000", help="comma-separated earlier sizes to measure too")
    parser.add_argument("--repeats", type=int, default=15, help="timed runs of each query")
    parser.add_argument("--like-repeats", type=int, default=2)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--data-dir", type=Path, default=None, help="where to build the cache (default: a temp dir)")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    words = vocabulary(rng)
    earlier = {int(s) for s in args.checkpoints.split(",") if s.strip() and int(s) < args.articles}
    sizes = sorted(earlier | {args.articles})
    with tempfile.TemporaryDirectory() as temp:
        store = Store.open(args.data_dir or Path(temp))
        built, spent, feed = 0, 0.0, 0
        print(f"sqlite {__import__('sqlite3').sqlite_version}, python {sys.version.split()[0]}, seed {args.seed}")
        for size in sizes:
            spent += add_feeds(store, rng, words, feed, size - built)
            feed += (size - built + ARTICLES_PER_FEED - 1) // ARTICLES_PER_FEED
            built = size
            with closing(store.connect()) as conn:
                label = f"{size:,} articles (built in {spent:.0f} s of store time)"
                report(conn, label, args.repeats, args.like_repeats)
        with closing(store.connect()) as conn:
            megabytes, share, cache = index_share(conn)
            print(f"\nindex size: {megabytes:.0f} MB, {share:.0%} of the cache ({cache:.0f} MB)")
            began = time.perf_counter()
            with conn:  # what the migration does once for a cache that predates the index
                conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
            print(f"building the index for the existing {built:,} articles (the migration): "
                  f"{time.perf_counter() - began:.1f} s")  # fmt: skip
        seconds = add_feeds(store, rng, words, feed + 1000, 10_000)
        print(f"indexing 10,000 new articles (upsert + triggers, 20 transactions): {seconds:.1f} s"
              f" ({10_000 / seconds:,.0f} articles/s)")  # fmt: skip
        with_index = add_feeds(Store.open(Path(temp) / "with"), random.Random(1), words, 0, 10_000)
        bare = Store.open(Path(temp) / "without")
        with closing(bare.connect()) as conn:
            for trigger in ("insert", "update", "delete", "feed_delete", "feed_rename"):
                conn.execute(f"DROP TRIGGER articles_fts_{trigger}")
        without = add_feeds(bare, random.Random(1), words, 0, 10_000)
        print(f"the same 10,000 into an empty cache: {with_index:.1f} s with the index, {without:.1f} s without it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
