"""HTML to text now against HTML to text at an earlier commit, on every body, summary, title and author of the
shared corpus, the peer kit's generated corpus and the test pages: which outputs differ, and the time of each.

    uv run python bench/html_text_compare.py [--against COMMIT] [--feeds 200] [--show 10]

`--against` names the commit whose `src/spacereader/ingest/html_text.py` is the reference (default: the last one
that walked an lxml tree); that file is loaded from git as a module of its own beside today's. Bodies and
summaries go through `html_to_text`, titles and authors through `html_to_line`, and each summary also as the
stored summary line (`html_to_line` of its first 2,400 characters). Prints the count of inputs per source, the
count that differ, the first `--show` differences as unified diffs, and the CPU time per input of each.
"""

from __future__ import annotations

import argparse
import collections
import difflib
import importlib.util
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from refresh_cpu_bench import corpus

from spacereader.ingest import html_text
from spacereader.ingest.parse import read_raw

ROOT = Path(__file__).resolve().parents[1]
SHARED_FEEDS = ROOT.parent / "shared" / "corpus" / "feeds"
LXML_WALK = "e19bf86"  # main before HTML to text moved to lexbor


def reference(commit: str, folder: Path) -> ModuleType:
    source = subprocess.run(
        ["git", "show", f"{commit}:src/spacereader/ingest/html_text.py"], cwd=ROOT, check=True, capture_output=True
    ).stdout
    path = folder / "html_text_reference.py"
    path.write_bytes(source)
    spec = importlib.util.spec_from_file_location("html_text_reference", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def inputs(feeds: int, work: Path) -> list[tuple[str, str, str, str]]:
    """(source, kind, html, base URL) for every field that goes through HTML to text."""
    found = []

    def add(path: Path, source: str) -> None:
        try:
            raw = read_raw(path.read_bytes())
        except Exception:  # noqa: BLE001 - a corpus file that is not a feed has nothing to compare
            return
        if raw.title:
            found.append((source, "title", raw.title, ""))
        for entry in raw.entries:
            for kind, value in (("body", entry.content_html), ("summary", entry.summary_html),
                                ("title", entry.title), ("author", entry.author)):  # fmt: skip
                if value:
                    found.append((source, kind, value, entry.link))

    if SHARED_FEEDS.is_dir():
        for path in sorted(p for p in SHARED_FEEDS.rglob("*") if p.is_file()):
            add(path, "shared corpus")
    else:
        print(f"no shared corpus at {SHARED_FEEDS}: comparing without it")
    for path in corpus(work / "peer", feeds, 50):
        add(path, "peer corpus")
    for path in sorted((ROOT / "tests" / "pages").glob("*.html")):
        found.append(("test pages", "body", path.read_text(encoding="utf-8"), "https://pages.example/article/"))
    return found


def convert(module: ModuleType, kind: str, html: str, base: str) -> str:
    if kind == "body":
        return module.html_to_text(html, base)
    if kind == "summary":
        return module.html_to_text(html, base) + "\n---\n" + module.html_to_line(html[:2400])[:400]
    return module.html_to_line(html)


def cpu_us(job: Callable[[], object], count: int) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        job()
        best = min(best, time.process_time() - started)
    return best / max(1, count) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", default=LXML_WALK)
    parser.add_argument("--feeds", type=int, default=200, help="feeds of the peer corpus (50 items each)")
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="spacereader-html-") as folder:
        old = reference(args.against, Path(folder))
        found = inputs(args.feeds, Path(folder))
        per_source = collections.Counter(source for source, *_ in found)
        print(f"{len(found):,} inputs: " + ", ".join(f"{n:,} from the {s}" for s, n in per_source.items()))
        differ = []
        for source, kind, html, base in found:
            before, after = convert(old, kind, html, base), convert(html_text, kind, html, base)
            if before != after:
                differ.append((source, kind, before, after))
        print(f"{len(differ)} differ: " + ", ".join(f"{n} {k}" for k, n in collections.Counter(
            f"{kind} ({source})" for source, kind, _, _ in differ).items()))  # fmt: skip
        for source, kind, before, after in differ[: args.show]:
            print(f"\n--- {kind} from the {source}, at {args.against} / now")
            diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=1)
            print("\n".join(line[:160] for line in list(diff)[2:30]))
        for kind in ("body", "summary", "title"):
            subset = [(k, h, b) for _, k, h, b in found if k == kind]
            times = [
                cpu_us(lambda m=m: [convert(m, k, h, b) for k, h, b in subset], len(subset)) for m in (old, html_text)
            ]
            print(f"{kind:8} {len(subset):6,} inputs: {times[0]:6.1f} us at {args.against}, {times[1]:6.1f} us now")
    return 0


if __name__ == "__main__":
    sys.exit(main())
