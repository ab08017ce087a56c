"""What a parse worker imports: feedparser (0.17 s with chardet) only once a feed needs it."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from datetime import datetime, timezone
from spacereader.ingest.refresh import parse_document

now = datetime(2026, 1, 1, tzinfo=timezone.utc)
rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>http://x.example/</link>'
       b'<item><title>a</title><link>http://x.example/a</link><pubDate>Mon, 01 Dec 2025 10:00:00 GMT</pubDate>'
       b'<description>&lt;p&gt;body&lt;/p&gt;</description></item></channel></rss>')
print(len(parse_document(rss, "http://x.example/feed", "application/rss+xml", now).items), "feedparser" in sys.modules)
broken = rss.replace(b"<title>a</title>", b"")  # an item without a title: the fast result is unsure
print(len(parse_document(broken, "http://x.example/feed", "application/rss+xml", now).items), "feedparser" in sys.modules)
"""


def test_feedparser_is_imported_by_the_first_feed_the_fast_path_cannot_read():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.split("\n")[:2] == ["1 False", "1 True"]


WORKER_PROBE = """
import sys
import spacereader.ingest.parse_worker
print(sorted(m for m in ("asyncio", "sqlite3", "spacereader.store", "spacereader.ingest.fetch") if m in sys.modules))
"""


def test_a_parse_worker_imports_neither_fetching_nor_storing():
    """The pool's function lives in parse_worker so that a spawned worker imports the parser alone."""
    done = subprocess.run([sys.executable, "-c", WORKER_PROBE], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"
