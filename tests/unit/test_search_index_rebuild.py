"""The search index made again without its 2-letter prefix index: a cache built by the schema before keeps
every bookmark, read mark and search result, search finds what is indexed while the catch-up runs, every
trigger keeps the new index exact, and a kill during the catch-up leaves an intact cache whose index the
next start completes."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from spacereader.models import ArticleFilter, NewArticle
from spacereader.paths import DB_NAME
from spacereader.search.query import QueryError, search_filter
from spacereader.store import migrate
from spacereader.store.articles import count_articles, list_article_rows, set_read, upsert_articles
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.feeds import ensure_feed
from spacereader.store.migrations import STEPS
from spacereader.store.search_index import INDEX_BATCH, count_pending, index_batch, index_pending

REBUILD_STEP = next(i for i, step in enumerate(STEPS) if "DROP TABLE articles_fts" in step)
NOW_WORDS = ["orbit", "station", "docking", "launch", "capsule", "booster", "telescope", "lander", "probe", "crew"]
QUERIES = ["orbit", "station docking", '"docking station"', "tel*", "boo* -crew", "feed 2", "EU", "ai", "капсула"]


def article(feed: int, n: int) -> NewArticle:
    chooser = random.Random(feed * 100_000 + n)
    words = " ".join(chooser.choice(NOW_WORDS) for _ in range(30))
    extra = "The EU and AI rules." if n % 5 == 0 else "Капсула вернулась." if n % 7 == 0 else ""
    return NewArticle(
        guid=f"g{n}", title=f"{chooser.choice(NOW_WORDS).title()} report {n} of feed {feed}",
        body=f"{words}. {extra}", author="Ann Lee" if n % 3 else "", published=f"2026-01-{1 + n % 28:02d}T00:00:00Z",
        content_hash=f"{feed}-{n}",
    )  # fmt: skip


def old_cache(path: Path, feeds: int, per_feed: int) -> dict[str, set[int]]:
    """A cache at the schema before the rebuild, with read marks, bookmarks and one feed's articles left
    unindexed (an interrupted refresh). Returns its read and bookmarked ids."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn, STEPS[:REBUILD_STEP])
        assert "prefix" in conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
        for number in range(feeds):
            with conn:
                feed = ensure_feed(conn, f"http://127.0.0.1/{number}.xml", title=f"Feed {number}")
                items = [article(number, n) for n in range(per_feed)]
                upsert_articles(conn, feed, items, index_now=number != feeds - 1)
        index_pending(conn, should_stop=lambda: count_pending(conn) <= per_feed)
        ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id")]
        marks = {"read": set(ids[::3]), "bookmarked": set(ids[1::11])}
        for article_id in marks["read"]:
            set_read(conn, article_id, True)
        for article_id in marks["bookmarked"]:
            set_bookmark(conn, article_id, True)
    return marks


def results(conn: sqlite3.Connection) -> dict[str, list[int]]:
    found = {}
    for text in QUERIES:
        view = search_filter(text, sort="date")
        assert not isinstance(view, QueryError), view
        found[text] = [row.id for row in list_article_rows(conn, view, limit=-1)]
        assert count_articles(conn, view) == len(found[text])
    return found


def indexed_ids(conn: sqlite3.Connection) -> set[int]:
    return {row[0] for row in conn.execute("SELECT id FROM articles_fts_docsize")}


def queue_matches_index(conn: sqlite3.Connection) -> None:
    """Every article is either indexed or queued, never both, and nothing else is in either."""
    articles = {row[0] for row in conn.execute("SELECT id FROM articles")}
    queued = {row[0] for row in conn.execute("SELECT article_id FROM search_pending")}
    indexed = indexed_ids(conn)
    assert not queued & indexed and queued | indexed == articles


def index_is_exact(conn: sqlite3.Connection) -> None:
    assert count_pending(conn) == 0
    # rank = 1: FTS5 compares every indexed row with the articles and feeds it was built from.
    conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    assert indexed_ids(conn) == {row[0] for row in conn.execute("SELECT id FROM articles")}


def marks_of(conn: sqlite3.Connection) -> dict[str, set[int]]:
    return {
        "read": {row[0] for row in conn.execute("SELECT id FROM article_state WHERE is_read = 1")},
        "bookmarked": {row[0] for row in conn.execute("SELECT article_id FROM bookmarks")},
    }


def test_an_old_cache_keeps_its_marks_and_results_and_search_finds_what_is_indexed_meanwhile(tmp_path):
    path = tmp_path / DB_NAME
    marks = old_cache(path, feeds=4, per_feed=700)
    with closing(sqlite3.connect(path)) as conn:
        index_pending(conn)  # the old schema's results, every article indexed
        before = results(conn)
        assert all(before[text] for text in QUERIES), before
        counts = conn.execute("SELECT feed_id, total, unread FROM feed_counts ORDER BY feed_id").fetchall()
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
        assert "prefix" not in sql and "unicode61 remove_diacritics 2" in sql and "articles_search_source" in sql
        settings = dict(conn.execute("SELECT k, v FROM articles_fts_config WHERE k IN ('automerge', 'crisismerge')"))
        assert settings == {"automerge": 8, "crisismerge": 32}
        assert marks_of(conn) == marks
        assert conn.execute("SELECT feed_id, total, unread FROM feed_counts ORDER BY feed_id").fetchall() == counts
        assert count_pending(conn) == 2800 and not indexed_ids(conn)
        assert all(not found for found in results(conn).values())
        # Part way: search finds exactly the indexed part of what it found before.
        index_batch(conn, limit=1000)
        index_batch(conn, limit=600)
        part = indexed_ids(conn)
        assert len(part) == 1600
        queue_matches_index(conn)
        assert results(conn) == {text: [i for i in ids if i in part] for text, ids in before.items()}
        index_pending(conn)
        index_is_exact(conn)
        assert results(conn) == before
        assert marks_of(conn) == marks


def test_every_trigger_keeps_the_new_index_exact_during_and_after_the_catch_up(tmp_path):
    path = tmp_path / DB_NAME
    old_cache(path, feeds=3, per_feed=300)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
        index_batch(conn, limit=450)  # feed 0 indexed, half of feed 1 too; the rest queued
        feeds = [row[0] for row in conn.execute("SELECT id FROM feeds WHERE url LIKE 'http://127.0.0.1/%' ORDER BY id")]
        with conn:
            # changed articles, indexed and queued; a new one; deletions of both kinds; a renamed feed
            upsert_articles(conn, feeds[0], [NewArticle(guid="g1", title="Perihelion notes", body="aphelion",
                                                        published="2026-02-01T00:00:00Z", content_hash="new1")])  # fmt: skip
            upsert_articles(conn, feeds[2], [NewArticle(guid="g2", title="Periapsis notes", body="apoapsis",
                                                        published="2026-02-01T00:00:00Z", content_hash="new2")])  # fmt: skip
            upsert_articles(conn, feeds[1], [article(1, 999)], index_now=False)
            conn.execute("DELETE FROM articles WHERE feed_id = ? AND guid IN ('g5', 'g6')", (feeds[0],))
            conn.execute("DELETE FROM articles WHERE feed_id = ? AND guid IN ('g5', 'g6')", (feeds[2],))
            conn.execute("UPDATE feeds SET title = 'Renamed Wire' WHERE id = ?", (feeds[1],))
        queue_matches_index(conn)
        index_pending(conn)
        index_is_exact(conn)
        view = search_filter("renamed wire", sort="date")
        assert not isinstance(view, QueryError)
        assert count_articles(conn, view) == 301
        for word, title in (("aphelion", "Perihelion notes"), ("apoapsis", "Periapsis notes")):
            view = search_filter(word)
            assert not isinstance(view, QueryError)
            assert [row.title for row in list_article_rows(conn, view, limit=-1)] == [title]
        # After the catch-up the same changes go through the same triggers.
        with conn:
            conn.execute("UPDATE feeds SET title = 'Feed Zero' WHERE id = ?", (feeds[0],))
            conn.execute("DELETE FROM feeds WHERE id = ?", (feeds[2],))
            upsert_articles(conn, feeds[1], [NewArticle(guid="g3", title="Apogee", body="perigee",
                                                        published="2026-02-02T00:00:00Z", content_hash="new3")])  # fmt: skip
        index_is_exact(conn)
        assert count_articles(conn, ArticleFilter()) == len(indexed_ids(conn))


def cli(data_dir: Path, *args: str) -> list[str]:
    config = str(data_dir / "absent.toml")
    return [sys.executable, "-m", "spacereader", "--data-dir", str(data_dir), "--config", config, *args]


def read_progress(path: Path) -> tuple[int, int]:
    """(schema version, articles still queued), read beside the running process."""
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        conn.execute("PRAGMA busy_timeout = 5000")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        return version, conn.execute("SELECT count(*) FROM search_pending").fetchone()[0]


@pytest.mark.slow
def test_a_kill_during_the_catch_up_leaves_an_intact_cache_and_the_next_start_completes_the_index(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    path = data_dir / DB_NAME
    marks = old_cache(path, feeds=20, per_feed=1000)
    total = 20_000
    with closing(sqlite3.connect(path)) as conn:
        index_pending(conn)
        before = results(conn)
    # How long a whole start with its catch-up takes, on a copy.
    trial = tmp_path / "trial"
    trial.mkdir()
    shutil.copy(path, trial / DB_NAME)
    started = time.monotonic()
    subprocess.run(cli(trial, "search", "zzzabsent"), check=True, capture_output=True, timeout=300)
    full = time.monotonic() - started
    chooser = random.Random(20261203)
    landed_mid_catch_up = 0
    for round_number in range(6):
        version, left_before = read_progress(path)
        # start_new_session: the command and anything it starts form a group killed as one, by its id.
        process = subprocess.Popen(cli(data_dir, "search", "zzzabsent"), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
        # Once the migration has committed (round 0) or a batch has gone in, at a random moment soon after.
        deadline = time.monotonic() + full * 3
        while time.monotonic() < deadline:
            version, left = read_progress(path)
            if version > REBUILD_STEP and (round_number == 0 or left <= left_before - INDEX_BATCH):
                break
            time.sleep(0.005)
        time.sleep(chooser.uniform(0, 0.05))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        version, left = read_progress(path)
        with closing(sqlite3.connect(path)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert marks_of(conn) == marks
            if version > REBUILD_STEP:
                queue_matches_index(conn)
        landed_mid_catch_up += version > REBUILD_STEP and 0 < left < total
        if version > REBUILD_STEP and left == 0:
            break
    assert landed_mid_catch_up, "no kill landed during the catch-up"
    finished = subprocess.run(cli(data_dir, "search", "orbit", "--json"), capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    with closing(sqlite3.connect(path)) as conn:
        index_is_exact(conn)
        # The first start also imported the shipped seed articles; the cache's own are found as before.
        after = {text: [i for i in ids if i <= total] for text, ids in results(conn).items()}
        assert after == before
        assert marks_of(conn) == marks
    print(f"a start with the whole catch-up of {total:,} articles took {full:.2f} s")
