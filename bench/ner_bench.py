"""Score the entity extractor on the human-annotated UNER English PUD set and time it.

Run from the repo root: `uv run python bench/ner_bench.py [--plain] [--articles N]`. It reads
../shared/corpus/ner/uner_en_pud.jsonl (beside the repo, never copied into it) and prints:

- exact-match span P/R/F1 per type and micro, for the raw model (labels mapped, nothing else) and
  after the repairs in spacereader.entities.normalise;
- the "sidebar" measure: per document, the set of distinct (entity, type) pairs the sidebar would
  show against the gold set, micro-averaged over documents. Gold pairs are folded the same way for
  both rows (case, dots, a leading "the"), and a gold surname standing alone is counted under the
  full name when the document also names it in full, since the sidebar shows one row per person;
- throughput in articles per second on ~800-word articles built from the set's news documents;
- resident memory of the loaded model (growth of this process's RSS across loading it).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

from spacereader.entities.canonical import canonical_key, fold
from spacereader.entities.extract import PlainExtractor, SpacyExtractor
from spacereader.entities.normalise import (
    KIND_OF_LABEL,
    group_entities,
    repair_mentions,
)

ROOT = Path(__file__).resolve().parents[1]

GOLD = ROOT.parent / "shared" / "corpus" / "ner" / "uner_en_pud.jsonl"
TYPE_OF_KIND = {"person": "PER", "organisation": "ORG", "place": "LOC"}
TYPES = ("PER", "ORG", "LOC")


def rss_mb() -> float:
    """This process's resident set size in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gold_sidebar(doc: dict) -> set[tuple[str, str]]:
    pairs = {(canonical_key(doc["text"][s:e]), t) for s, e, t in doc["entities"]}
    full_names = [k for k, t in pairs if t == "PER" and len(k.split()) > 1]
    merged = set()
    for key, kind in pairs:
        owners = [
            f for f in full_names if kind == "PER" and len(key.split()) == 1 and key in (f.split()[0], f.split()[-1])
        ]
        merged.add((owners[0], kind) if len(owners) == 1 else (key, kind))
    return merged


def score(docs: list[dict], predict_spans, predict_sidebar) -> dict[str, tuple[float, float, float]]:
    counts = {t: Counter() for t in (*TYPES, "micro", "sidebar")}
    for doc in docs:
        gold = {(s, e, t) for s, e, t in doc["entities"]}
        pred = set(predict_spans(doc))
        for t in TYPES:
            g = {x for x in gold if x[2] == t}
            p = {x for x in pred if x[2] == t}
            for bucket in (t, "micro"):
                counts[bucket]["tp"] += len(g & p)
                counts[bucket]["fp"] += len(p - g)
                counts[bucket]["fn"] += len(g - p)
        g, p = gold_sidebar(doc), set(predict_sidebar(doc))
        counts["sidebar"]["tp"] += len(g & p)
        counts["sidebar"]["fp"] += len(p - g)
        counts["sidebar"]["fn"] += len(g - p)
    return {name: prf(c["tp"], c["fp"], c["fn"]) for name, c in counts.items()}


def print_scores(title: str, scores: dict[str, tuple[float, float, float]]) -> None:
    print(f"\n{title}")
    print(f"  {'':8} {'P':>6} {'R':>6} {'F1':>6}")
    for name, (p, r, f) in scores.items():
        print(f"  {name:8} {100 * p:6.1f} {100 * r:6.1f} {100 * f:6.1f}")


def long_articles(docs: list[dict], words: int = 800) -> list[str]:
    """~800-word texts built by joining the set's news documents as paragraphs."""
    articles, current = [], []
    for doc in docs:
        current.append(doc["text"])
        if sum(len(t.split()) for t in current) >= words:
            articles.append("\n\n".join(current))
            current = []
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plain", action="store_true", help="score the plain fallback instead of spaCy")
    parser.add_argument("--articles", type=int, default=40, metavar="N", help="articles to time (default 40)")
    parser.add_argument("--gold", type=Path, default=GOLD, help="the JSONL gold set")
    args = parser.parse_args()
    if not args.gold.is_file():
        print(f"gold set not found at {args.gold}", file=sys.stderr)
        return 1
    docs = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]

    before = rss_mb()
    extractor = PlainExtractor() if args.plain else SpacyExtractor()
    started = time.perf_counter()
    extractor.warm_up()
    load_seconds = time.perf_counter() - started
    model_rss = rss_mb() - before
    print(f"extractor {extractor.name} {extractor.version}; {len(docs)} documents, "
          f"{sum(len(d['entities']) for d in docs)} gold entities")  # fmt: skip

    raw = {d["id"]: extractor.extract(d["text"]) for d in docs}

    def raw_spans(doc):
        return [(m.start, m.end, KIND_TO[m.label]) for m in raw[doc["id"]] if m.label in KIND_TO]

    def raw_sidebar(doc):
        return {(fold(m.text), KIND_TO[m.label]) for m in raw[doc["id"]] if m.label in KIND_TO}

    def repaired_spans(doc):
        return [(m.start, m.end, TYPE_OF_KIND[m.label]) for m in repair_mentions(doc["text"], raw[doc["id"]])]

    def repaired_sidebar(doc):
        return {(e.key, TYPE_OF_KIND[e.kind]) for e in group_entities(doc["text"], raw[doc["id"]])}

    KIND_TO = {label: TYPE_OF_KIND[kind] for label, kind in KIND_OF_LABEL.items()}
    print_scores("raw model (labels mapped only)", score(docs, raw_spans, raw_sidebar))
    print_scores("with repairs (what spacereader saves)", score(docs, repaired_spans, repaired_sidebar))

    texts = long_articles([d for d in docs if d["genre"] == "news"] or docs)
    texts = (texts * (args.articles // max(len(texts), 1) + 1))[: args.articles]
    words = sum(len(t.split()) for t in texts) / max(len(texts), 1)
    started, cpu_started = time.perf_counter(), time.process_time()
    for text in texts:
        group_entities(text, extractor.extract(text))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    # The machine may be shared: CPU time shows what the code costs whatever else is running.
    print(f"\nthroughput: {len(texts) / elapsed:.1f} articles/s wall clock, {len(texts) / cpu:.1f} per CPU second "
          f"({len(texts)} articles of ~{words:.0f} words, {1000 * elapsed / len(texts):.0f} ms each, extraction "
          f"plus repairs, one thread; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")  # fmt: skip
    print(f"model: loaded in {load_seconds:.2f} s (including spaCy's import); RSS +{model_rss:.0f} MB, "
          f"process {rss_mb():.0f} MB")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
