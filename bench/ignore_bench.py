"""What ignore rules cost a refresh: the in-memory match of new articles against the rules, per article.

    uv run python bench/ignore_bench.py [--articles 2000] [--words 600]

Articles of random words from a small vocabulary (so phrases occur), ASCII and accented, against four
rules: a word, a feed and a phrase, an entity rule (judged later, so free here), a phrase with an exclusion.
Prints microseconds per article, best of 3.
"""

from __future__ import annotations

import argparse
import random
import time

from spacereader.ingest.ignore import IgnoreRules
from spacereader.models import NewArticle

RULES = ["sponsored", 'feed:example.com "press release"', 'entity:"Kim Kardashian"', '"budget vote" -crew']
VOCABULARY = "space launch orbit rocket budget vote agency sponsor press release station crew mission data".split()


def articles(count: int, words: int, accent: str = "") -> list[NewArticle]:
    rng = random.Random(1)
    return [
        NewArticle(
            guid=str(n),
            title=accent + " ".join(rng.choices(VOCABULARY, k=8)),
            published="2025-07-01T00:00:00Z",
            body=accent + " ".join(rng.choices(VOCABULARY, k=words)),
        )  # fmt: skip
        for n in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args()
    rules = IgnoreRules.parse(RULES)
    for label, accent in (("ASCII", ""), ("accented", "Zoë’s café ")):
        items = articles(args.articles, args.words, accent)
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            kept, ignored = rules.split(items, "Example", "https://example.com/feed", set())
            best = min(best, time.perf_counter() - started)
        print(
            f"{label:9} {best / len(items) * 1e6:6.0f} us per {args.words}-word article"
            f" ({len(ignored)} of {len(items)} ignored, {len(RULES)} rules)"
        )


if __name__ == "__main__":
    main()
