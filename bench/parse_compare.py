"""`parse_document` here against another tree's, on every document of the shared corpus and the peer corpus:
the same outcome (feed title and link, or the same error) and the same articles, field by field.

    uv run python bench/parse_compare.py --against ../main/src [--feeds 1000] [--items 50]

The other tree's `src` is put first on PYTHONPATH in a child process that pickles its results as plain tuples;
this process parses the same documents and compares. Every document is parsed with the same fetch time, so
dates judged against it agree. Prints the documents and articles compared and each difference (the first
`--show`); exits 1 when any differ. Run it after any change to parsing.
"""

from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_FEEDS = ROOT.parent / "shared" / "corpus" / "feeds"
FETCHED = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)


def documents(peer_dir: Path) -> list[Path]:
    shared = sorted(p for p in SHARED_FEEDS.rglob("*") if p.is_file()) if SHARED_FEEDS.is_dir() else []
    return shared + sorted(p for p in (peer_dir / "feeds").iterdir() if p.is_file())


def outcomes(paths: list[Path]) -> list[tuple]:
    """Each document's parse as plain tuples (comparable whatever the classes are called in either tree)."""
    from spacereader.ingest.refresh import parse_document

    found = []
    for path in paths:
        url = "http://127.0.0.1:8000/feeds/" + path.name
        parsed = parse_document(path.read_bytes(), url, "", FETCHED)
        if not hasattr(parsed, "items"):
            found.append(("error", str(parsed)))
            continue
        items = tuple(
            (a.guid, a.title, a.published, a.body, a.url, a.author, a.summary,
             tuple((e.url, e.media_type, e.length) for e in a.enclosures), a.content_hash, a.word_count)
            for a in parsed.items
        )  # fmt: skip
        found.append(("feed", parsed.title, parsed.site_url, parsed.parser, items))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", required=True, help="the other tree's src folder")
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--show", type=int, default=10)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        paths = [Path(line) for line in Path(args.child).read_text().splitlines()]
        Path(args.child + ".out").write_bytes(pickle.dumps(outcomes(paths)))
        return 0
    from refresh_cpu_bench import corpus

    with tempfile.TemporaryDirectory(prefix="spacereader-parse-compare-") as work:
        corpus(Path(work) / "peer", args.feeds, args.items)
        paths = documents(Path(work) / "peer")
        listing = Path(work) / "paths.txt"
        listing.write_text("\n".join(str(p) for p in paths))
        env = {**os.environ, "PYTHONPATH": str(Path(args.against).resolve())}
        subprocess.run(
            [sys.executable, __file__, "--against", args.against, "--child", str(listing)], env=env, check=True
        )
        theirs = pickle.loads(Path(str(listing) + ".out").read_bytes())
        ours = outcomes(paths)
    differ = [(path, a, b) for path, a, b in zip(paths, ours, theirs, strict=True) if a != b]
    articles = sum(len(o[4]) for o in ours if o[0] == "feed")
    print(f"{len(paths)} documents ({articles:,} articles): {len(differ)} differ")
    for path, a, b in differ[: args.show]:
        print(f"--- {path}\n  here:    {str(a)[:300]}\n  against: {str(b)[:300]}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
