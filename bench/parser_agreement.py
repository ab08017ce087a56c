"""How the fast path compares with feedparser on the shared corpus: agreement and speed.

    uv run python bench/parser_agreement.py

Counts documents where fastfeedparser alone gives the same entries (titles, links, dates) as feedparser,
how many parse_feed keeps from the fast path, and how many of parse_feed's answers match feedparser's.
"""

from __future__ import annotations

import sys
import time
import warnings
from datetime import datetime, timezone
from pathlib import Path

from spacereader.ingest.jsonfeed import looks_like_json
from spacereader.ingest.parse import ParseError, convert, parse_feed, read_fast, read_reference

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "feeds"
FETCHED = datetime(2026, 1, 1, tzinfo=timezone.utc)


def shape(read) -> object:
    try:
        feed = read()
    except Exception:  # noqa: BLE001 - any failure counts as "error" for the comparison
        return "error"
    return [(i.title, i.url, i.published) for i in feed.items]


def main() -> int:
    warnings.simplefilter("ignore")
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}")
        return 1
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    xml = [p for p in files if not looks_like_json(p.read_bytes())]
    raw_agree = kept = final_agree = 0
    fast_time = reference_time = items = 0.0
    for path in xml:
        body = path.read_bytes()
        url = "http://127.0.0.1/" + path.name
        started = time.perf_counter()
        fast = shape(lambda: convert(read_fast(body), url, FETCHED))
        fast_time += time.perf_counter() - started
        started = time.perf_counter()
        reference = shape(lambda: convert(read_reference(body, url), url, FETCHED))
        reference_time += time.perf_counter() - started
        ours = shape(lambda: parse_feed(body, url, fetched=FETCHED))
        try:
            kept += parse_feed(body, url, fetched=FETCHED).parser == "fastfeedparser"
        except ParseError:
            pass
        raw_agree += fast == reference
        final_agree += ours == reference
        items += len(reference) if isinstance(reference, list) else 0
    print(f"corpus: {len(files)} files, {len(xml)} XML (+{len(files) - len(xml)} JSON, read by the JSON Feed reader)")
    print(f"fastfeedparser alone agrees with feedparser: {raw_agree}/{len(xml)}")
    print(f"parse_feed keeps the fast result for:        {kept}/{len(xml)} (the rest go to feedparser)")
    print(f"parse_feed agrees with feedparser:           {final_agree}/{len(xml)}")
    print(f"time incl. text conversion, {items:.0f} items: fast {fast_time:.2f} s, feedparser {reference_time:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
