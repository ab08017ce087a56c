"""Build a realistic spacereader cache of any size quickly, through the store's own functions.

About 200 feeds; titles of varied length (some with Cyrillic or CJK names after an ASCII lead);
bodies of 1 to 6 KB in paragraphs; publication dates spread over the year before today; older
articles more likely read; about one in 500 bookmarked. Deterministic for a given size and seed,
so two sizes share their first feeds. All SQL stays in spacereader.store: articles go in with
`upsert_articles`, one transaction per feed, exactly as a refresh writes them.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import time
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from spacereader.ingest.seeds import import_seeds
from spacereader.models import ArticleFilter, NewArticle
from spacereader.paths import seeds_dir
from spacereader.store import Store
from spacereader.store.articles import count_articles, count_unread, list_article_rows, set_read, upsert_articles
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.feeds import ensure_feed

FEEDS = 200
READ_SHARE_OLDEST = 0.8
"""Chance that an article from a year ago is read; it falls linearly to 0 for today's."""
BOOKMARK_SHARE = 0.002
TITLE_POSITIONS = (0, 100, 300)
"""Rows (from the top, and the same from the bottom) whose headlines CacheInfo carries for the benches."""

LEADS = [
    "Markets", "Climate", "Space", "Health", "Science", "Energy", "Transport", "Housing", "Security",
    "Elections", "Research", "Industry", "Education", "Courts", "Culture", "Sport", "Technology", "Trade",
]  # fmt: skip
NAMES = [
    "Ada Lovelace", "Grace Hopper", "Linus Torvalds", "Katherine Johnson", "Guido van Rossum",
    "Aisha Bello", "Priya Natarajan", "Zoë Müller", "Łukasz Nowak", "Nguyễn Văn An", "Olga Ivanova",
    "Наталья Смирнова", "Сергей Королёв", "山田太郎", "王芳", "김민준",
    "European Space Agency", "World Health Organization", "Python Software Foundation", "CERN",
    "Роскосмос", "任天堂", "London", "Lagos", "Москва", "東京", "São Paulo", "Reykjavík",
]  # fmt: skip
VERBS = ["announces", "delays", "approves", "questions", "funds", "unveils", "rejects", "reviews", "expands"]
OBJECTS = [
    "new plan", "budget for satellite launches", "study of ocean temperatures", "rules on digital privacy",
    "vaccine trial results", "deal with rail operators", "report on housing costs after a record winter",
    "partnership", "inquiry into supply chains and what they mean for food prices next year",
]  # fmt: skip
WORDS = (  # noqa: SIM905 - a paragraph of words reads better than a list of 80 strings
    "the of and to in a is that for on with as was by at from it an be this are which has have had not"
    " minister agency report council research launch orbit vaccine energy climate network market court"
    " policy budget satellite city river harbour museum school election union farmers engineers data"
    " spokesperson announced thursday monday described expected figures percent quarter season"
).split()


@dataclass(frozen=True)
class CacheInfo:
    """What was built: counts, timing, and the rows a bench expects to see on screen."""

    data_dir: Path
    total: int
    unread: int
    bookmarked: int
    seconds: float
    db_bytes: int
    titles: dict[int, str]
    """Headlines at the list positions a bench looks for (first rows, last rows)."""

    def title(self, index: int) -> str:
        """The headline at a list position (negative counts from the end)."""
        return self.titles[index % self.total]


def _paragraphs(rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        sentences = []
        for _ in range(rng.randint(3, 9)):
            words = rng.choices(WORDS, k=rng.randint(8, 26))
            words.insert(rng.randrange(len(words)), rng.choice(NAMES))
            sentences.append(" ".join(words).capitalize() + ".")
        out.append(" ".join(sentences))
    return out


def _title(rng: random.Random) -> str:
    title = f"{rng.choice(LEADS)}: {rng.choice(NAMES)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if rng.random() < 0.3:
        title += f" as {rng.choice(NAMES)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    return title


def _body(rng: random.Random, pool: list[str]) -> str:
    # Paragraphs average about 800 bytes, so 2 to 7 of them give bodies of roughly 1.5 to 6 KB.
    return "\n\n".join(rng.choices(pool, k=rng.randint(2, 7)))


def build_cache(data_dir: Path, articles: int, *, seed: int = 1, feeds: int = FEEDS) -> CacheInfo:
    """Fill `data_dir` with exactly `articles` cached articles (the shipped seeds count among them).

    A cache already there with exactly that many articles is reused as it is; any other is replaced.
    """
    started = time.perf_counter()
    if (data_dir / "spacereader.sqlite3").exists():
        with closing(Store.open(data_dir).connect()) as conn:
            reusable = count_articles(conn) == articles
        if not reusable:
            shutil.rmtree(data_dir)
    rng = random.Random(f"spacereader-bench-{seed}")
    pool = _paragraphs(rng, 400)
    store = Store.open(data_dir)
    end = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    year = 365 * 24 * 3600
    with closing(store.connect()) as conn:
        import_seeds(conn, seeds_dir())
        wanted = articles - count_articles(conn)
        per_feed, extra = divmod(max(wanted, 0), feeds)
        for number in range(feeds):
            size = per_feed + (1 if number < extra else 0)
            if size == 0:
                continue
            items = []
            for index in range(size):
                age = rng.random() * year
                published = (end - timedelta(seconds=age)).strftime("%Y-%m-%dT%H:%M:%SZ")
                guid = f"bench-{number}-{index}"
                article = NewArticle(
                    guid=guid, title=_title(rng), published=published, body=_body(rng, pool),
                    url=f"https://news{number}.example.org/{index}", author=rng.choice(NAMES),
                    content_hash=hashlib.sha1(guid.encode()).hexdigest(),
                )  # fmt: skip
                items.append(article)
            with conn:
                url = f"https://news{number}.example.org/feed.xml"
                feed_id = ensure_feed(conn, url, title=f"Example News {number:03d}")
                upsert_articles(conn, feed_id, items)
            _mark_some(conn, feed_id, rng, end, year)
        info = CacheInfo(
            data_dir=data_dir,
            total=count_articles(conn),
            unread=count_unread(conn),
            bookmarked=count_articles(conn, ArticleFilter(bookmarked_only=True)),
            seconds=time.perf_counter() - started,
            db_bytes=0,
            titles={},
        )
        total = info.total
        wanted_rows = {i % total for i in (*TITLE_POSITIONS, *(-1 - n for n in TITLE_POSITIONS))}
        titles = {i: list_article_rows(conn, offset=i, limit=1)[0].title for i in sorted(wanted_rows)}
    info = replace(info, titles=titles)
    return replace(info, db_bytes=sum(p.stat().st_size for p in data_dir.iterdir() if p.is_file()))


def _mark_some(conn, feed_id: int, rng: random.Random, end: datetime, year: float) -> None:
    """Read and bookmark states the way a user leaves them: set_read/set_bookmark, one commit each."""
    for row in list_article_rows(conn, ArticleFilter(feed_id=feed_id), limit=-1):
        published = datetime.strptime(row.published, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        age = (end - published).total_seconds()
        if rng.random() < READ_SHARE_OLDEST * age / year:
            set_read(conn, row.id, True)
        if rng.random() < BOOKMARK_SHARE:
            set_bookmark(conn, row.id, True)
