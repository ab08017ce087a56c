"""Score the entity extractor on a fixed dev/test split of the UNER English PUD set, and time it.

Run from the repo root: `uv run python bench/ner_bench.py [--plain] [--articles N] [--backlog N] [--rows] [--fresh] [--piece-chars N]`. It reads
../shared/corpus/ner/uner_en_pud.jsonl (beside the repo, never copied into it) and prints:

- the split: documents shuffled by id with seed 14, the first half dev (the repairs are tuned on it
  only), the rest test (reported, never tuned on);
- per part, exact-match span F1 per type and micro, and the "sidebar" F1 (per document, the distinct
  (entity, type) pairs the sidebar would show against the gold pairs, micro-averaged over documents),
  for the raw model (labels mapped, nothing else) and after the repairs in spacereader.entities.normalise.
  Gold pairs are folded like the extractor's (case, dots, a leading "the"), and a gold surname standing
  alone is counted under the full name when the document also names it, since the sidebar shows one row
  per person;
- the gain of each repair rule: sidebar and micro F1 with everything on, minus the same with that rule
  alone switched off, on dev and on test (a rule that gains only on dev fits dev, not news);
- the same sidebar F1 on the articles written for the tests (sports results, market report, election
  tallies; tests/entity_articles.py), which were written while building the rules, so not held out;
- throughput in one process, CPU and wall clock, with the model and the repairs timed apart, on ~850-word
  articles of each genre: UNER news documents joined, the most entity-dense dev documents joined,
  sports-shaped text, and the written-apart and fresh articles joined paragraph by paragraph; one article at
  a time and four together (as the backlog reads them), the model's time on the whole text beside its time
  on what it is given (model_view), and the load average;
- with --rows, dev's false and missed sidebar rows sorted into causes (what tuning looks at);
- with --memory N, the process's RSS growth over N articles of new names, with and without spaCy's memory
  zones (the backlog process reads for hours);
- with --fresh, the same on tests/entity_articles_fresh.py and tests/entity_articles_fresh2.py, the second and
  third sets written apart (scored only when asked, before and after a change to the rules, and never looked
  at row by row).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests/entity_articles.py

from spacereader.entities.backlog import TOGETHER, extract_texts  # noqa: E402
from spacereader.entities.canonical import canonical_key, fold  # noqa: E402
from spacereader.entities.extract import PlainExtractor, SpacyExtractor  # noqa: E402
from spacereader.entities.normalise import (  # noqa: E402
    KIND_OF_LABEL,
    RULES,
    group_entities,
    model_view,
    repair_mentions,
    rules_off,
    text_spans,
)
from spacereader.models import Mention  # noqa: E402
from tests.entity_articles import ARTICLES  # noqa: E402
from tests.entity_articles_fresh import FRESH  # noqa: E402
from tests.entity_articles_fresh2 import FRESH2  # noqa: E402
from tests.entity_articles_unseen import UNSEEN  # noqa: E402

GOLD = ROOT.parent / "shared" / "corpus" / "ner" / "uner_en_pud.jsonl"
SEED = 14
"""The split's seed: fixed so dev and test never change between runs or branches."""
TYPE_OF_KIND = {"person": "PER", "organisation": "ORG", "place": "LOC"}
TYPES = ("PER", "ORG", "LOC")
KIND_TO = {label: TYPE_OF_KIND[kind] for label, kind in KIND_OF_LABEL.items()}


def rss_mb() -> float:
    """This process's resident set size in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def split(docs: list[dict]) -> tuple[list[dict], list[dict]]:
    """(dev, test): whole documents, shuffled by id with SEED, half each."""
    ids = sorted(d["id"] for d in docs)
    random.Random(SEED).shuffle(ids)
    dev_ids = set(ids[: len(ids) // 2])
    return [d for d in docs if d["id"] in dev_ids], [d for d in docs if d["id"] not in dev_ids]


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


_READ: dict[tuple[int, str], list[Mention]] = {}


def model_mentions(extractor, text: str) -> list[Mention]:
    """The model's spans in the text it is given under the rules now on (model_view), each read once."""
    view = model_view(text)
    key = (id(extractor), view)
    if key not in _READ:
        _READ[key] = text_spans(text, view, extractor.extract(view))
    return _READ[key]


class Scorer:
    """Model output per document, extracted once per view of it, scored raw or repaired under any set of rules."""

    def __init__(self, extractor, docs: list[dict]) -> None:
        self.docs = docs
        self.extractor = extractor
        with rules_off("model_view"):
            self.raw = {d["id"]: model_mentions(extractor, d["text"]) for d in docs}

    def read(self, doc: dict) -> list[Mention]:
        """The model's spans as the repairs get them (the model alone always reads the whole text)."""
        return model_mentions(self.extractor, doc["text"])

    def score(self, docs: list[dict], repaired: bool) -> dict[str, float]:
        """F1 (in %) per type, micro and sidebar."""
        counts = {t: Counter() for t in (*TYPES, "micro", "sidebar")}
        for doc in docs:
            text, raw = doc["text"], (self.read(doc) if repaired else self.raw[doc["id"]])
            if repaired:
                pred = {(m.start, m.end, TYPE_OF_KIND[m.label]) for m in repair_mentions(text, raw)}
                rows = {(e.key, TYPE_OF_KIND[e.kind]) for e in group_entities(text, raw)}
            else:
                pred = {(m.start, m.end, KIND_TO[m.label]) for m in raw if m.label in KIND_TO}
                rows = {(fold(m.text), KIND_TO[m.label]) for m in raw if m.label in KIND_TO}
            gold = {(s, e, t) for s, e, t in doc["entities"]}
            for t in TYPES:
                g, p = {x for x in gold if x[2] == t}, {x for x in pred if x[2] == t}
                for bucket in (t, "micro"):
                    _count(counts[bucket], g, p)
            _count(counts["sidebar"], gold_sidebar(doc), rows)
        return {name: 100 * prf(c["tp"], c["fp"], c["fn"])[2] for name, c in counts.items()}


def _count(counter: Counter, gold: set, pred: set) -> None:
    counter["tp"] += len(gold & pred)
    counter["fp"] += len(pred - gold)
    counter["fn"] += len(gold - pred)


def own_articles_f1(extractor, repaired: bool, articles: dict | None = None) -> float:
    """Sidebar F1 over written articles ({name: (text, rows)}; by default those the tests were written with)."""
    counts: Counter = Counter()
    for text, rows in (ARTICLES if articles is None else articles).values():
        gold = {(canonical_key(name), kind) for name, kind in rows.items()}
        if repaired:
            mentions = model_mentions(extractor, text)
            pred = {(e.key, e.kind) for e in group_entities(text, mentions)}
        else:
            with rules_off("model_view"):
                mentions = model_mentions(extractor, text)
            pred = {(fold(m.text), KIND_OF_LABEL[m.label]) for m in mentions if m.label in KIND_OF_LABEL}
        _count(counts, gold, pred)
    return 100 * prf(counts["tp"], counts["fp"], counts["fn"])[2]


def print_table(title: str, rows: list[tuple[str, dict[str, float]]]) -> None:
    print(f"\n{title}")
    print(f"  {'':22} {'PER':>6} {'ORG':>6} {'LOC':>6} {'micro':>6} {'sidebar':>8}")
    for name, s in rows:
        print(f"  {name:22} {s['PER']:6.1f} {s['ORG']:6.1f} {s['LOC']:6.1f} {s['micro']:6.1f} {s['sidebar']:8.1f}")


def joined(texts: list[str], words: int = 850) -> list[str]:
    """~`words`-word articles made of the texts' paragraphs in order (a long text's rest opens the next one)."""
    articles, current, count = [], [], 0
    for paragraph in (p for text in texts for p in text.split("\n\n") if p.strip()):
        current.append(paragraph)
        count += len(paragraph.split())
        if count >= words:
            articles.append("\n\n".join(current))
            current, count = [], 0
    return articles


def sports_articles(count: int) -> list[str]:
    """~850-word sports-shaped articles: the test's sports report, then a long results table and scorers list
    with many distinct invented names (the entity-per-word density of a results page)."""
    base, _ = ARTICLES["sports"]
    towns = "Ashby Barrow Carlow Denholm Elstow Fenwick Garth Hexley Irwell Jarrow Kelso Lydd Marden Nairn".split()
    clubs = "Rovers United City Athletic Wanderers Town Albion Rangers".split()
    first = "Ada Ben Cal Dan Eli Finn Gus Hal Ivo Jon Kit Leo Max Ned".split()
    last = "Abara Birk Coyle Dunne Eze Fahey Gault Hume Ince Joyce Keane Lutz Mayo Nolan".split()
    articles = []
    for index in range(count):
        rng = random.Random(index)
        lines = [base, "ROUND-UP"]
        while sum(len(line.split()) for line in lines) < 850:
            home, away = (f"{rng.choice(towns)} {rng.choice(clubs)}" for _ in range(2))
            scorer = f"{rng.choice(first)} {rng.choice(last)}"
            lines.append(f"{home} {rng.randint(0, 4)} ({scorer} {rng.randint(1, 90)}) {away} {rng.randint(0, 4)}")
            lines.append(f"{scorer.upper()} STRIKES AS {home.upper()} WIN: {scorer} scored for {home} at {away}.")
        articles.append("\n".join(lines))
    return articles


def time_articles(extractor, texts: list[str]) -> str:
    """Articles per second (wall, CPU) and where the time goes: the model and the repairs."""
    model_cpu = repair_cpu = 0.0
    entities = 0
    wall = time.perf_counter()
    for text in texts:
        started = time.process_time()
        view = model_view(text)  # part of the repairs' time
        viewed = time.process_time()
        mentions = extractor.extract(view)
        middle = time.process_time()
        mentions = text_spans(text, view, mentions)
        entities += len(group_entities(text, mentions))
        model_cpu += middle - viewed
        repair_cpu += time.process_time() - middle + viewed - started
    wall = time.perf_counter() - wall
    cpu = model_cpu + repair_cpu
    words = sum(len(t.split()) for t in texts) / len(texts)
    together = time.process_time()
    for at in range(0, len(texts), TOGETHER):
        extract_texts(extractor, texts[at : at + TOGETHER])
    together = time.process_time() - together
    whole = time.process_time()
    for text in texts:
        extractor.extract(text)
    whole = time.process_time() - whole
    return (
        f"{len(texts) / wall:5.1f} /s wall, {len(texts) / cpu:5.1f} per CPU s ({len(texts) / together:4.1f} read "
        f"{TOGETHER} together as the backlog does); per article {1000 * cpu / len(texts):4.0f} ms "
        f"CPU = model {1000 * model_cpu / len(texts):4.0f} (whole text {1000 * whole / len(texts):4.0f}) + repairs "
        f"{1000 * repair_cpu / len(texts):4.1f} "
        f"(~{words:.0f} words, {entities / len(texts):.0f} rows; {len(texts) / cpu * words / 800:5.1f} per CPU s at 800 words)"
    )


def memory_growth(extractor, count: int) -> str:
    """RSS growth of a process reading `count` ~600-word articles of names and numbers it has not seen (as a
    backlog brings), four at a time: through the extractor (memory zones), then the same through nlp.pipe
    without them. RSS is never given back, so the first figure is read before the second run."""
    rng = random.Random(count)

    def word() -> str:
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 9))).title()

    def texts() -> list[str]:
        return [
            " ".join(f"{word()} {word()} scored {rng.randint(0, 99_999)} for {word()} United." for _ in range(60))
            for _ in range(count)
        ]

    first, start = texts(), rss_mb()
    for at in range(0, count, TOGETHER):
        extractor.extract_many(first[at : at + TOGETHER])
    zoned = rss_mb() - start
    second, start = texts(), rss_mb()
    for at in range(0, count, TOGETHER):
        list(extractor._nlp.pipe(second[at : at + TOGETHER]))
    return f"RSS +{zoned:.0f} MB with memory zones, +{rss_mb() - start:.0f} MB without ({count} articles each)"


def time_backlog(texts: list[str], processes: int) -> str:
    """The reader's own path: a cache holding `texts` as articles, its extraction service started with
    `processes` children, timed from the model being ready to the backlog's finish (wall clock)."""
    import hashlib
    import tempfile
    from contextlib import closing

    from spacereader.entities.extract import DEFAULT_PIPELINE
    from spacereader.entities.service import ExtractionService
    from spacereader.models import NewArticle
    from spacereader.store import Store
    from spacereader.store.articles import upsert_articles
    from spacereader.store.feeds import ensure_feed

    with tempfile.TemporaryDirectory(prefix="sr-ner-backlog-") as folder:
        store = Store.open(Path(folder))
        with closing(store.connect()) as conn, conn:
            feed_id = ensure_feed(conn, "https://bench.example.org/feed.xml", title="Bench")
            upsert_articles(conn, feed_id, [
                NewArticle(guid=f"b{i}", title=f"Article {i}", published=f"2026-11-{1 + i % 28:02d}T12:00:00Z",
                           body=text, url=f"https://bench.example.org/{i}", author="",
                           content_hash=hashlib.sha1(text.encode()).hexdigest())
                for i, text in enumerate(texts)
            ])  # fmt: skip
        service = ExtractionService(store.path, DEFAULT_PIPELINE, processes=processes)
        service.start()
        started = None
        done = 0
        try:
            deadline = time.monotonic() + 600
            while time.monotonic() < deadline:
                event = service.next_event(timeout=0.5)
                if event is None:
                    continue
                if event.kind == "ready":
                    started = time.perf_counter()
                elif event.kind == "failed":
                    return f"failed: {event.text}"
                elif event.kind == "finished" and started is not None:
                    done = event.done
                    break
            seconds = time.perf_counter() - (started or time.perf_counter())
        finally:
            service.close()
    return f"{done / seconds:5.1f} /s wall ({done} articles in {seconds:.1f} s)"


_NOT_SHOWN = ("NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE")
_TITLE_WORDS = frozenset(
    "president minister chancellor king queen prince princess pope senator governor mayor general sir lord lady "
    "dr mr mrs ms judge chief secretary emperor sultan".split()
)


def print_rows(scorer: Scorer, docs: list[dict]) -> None:
    """Dev's false and missed sidebar rows sorted into causes, with a few examples of each (what tuning looks at)."""
    false, missed = Counter(), Counter()
    examples: dict[str, list[str]] = {}
    for doc in docs:
        text, raw = doc["text"], scorer.read(doc)
        gold = gold_sidebar(doc)
        rows = {(e.key, TYPE_OF_KIND[e.kind]) for e in group_entities(text, raw)}
        surfaces: dict[str, list[tuple[int, int]]] = {}
        for m in repair_mentions(text, raw):
            surfaces.setdefault(canonical_key(m.text), []).append((m.start, m.end))
        for s, e, _ in doc["entities"]:
            surfaces.setdefault(canonical_key(text[s:e]), []).append((s, e))
        for side, mine, other, counter in (("false", rows - gold, rows, false), ("missed", gold - rows, gold, missed)):
            against = gold if side == "false" else rows
            for key, kind in mine:
                cause = row_cause(side, key, kind, text, raw, surfaces.get(key, []), against, other)
                counter[cause] += 1
                examples.setdefault(f"{side} {cause}", []).append(key)
    causes = sorted(set(false) | set(missed), key=lambda c: -(false[c] + missed[c]))
    print(f"\ndev sidebar rows by cause: {sum(false.values())} false, {sum(missed.values())} missed")
    print(f"  {'cause':34} {'false':>5} {'missed':>6}  examples (false | missed)")
    for cause in causes:
        sample = (
            ", ".join(examples.get(f"false {cause}", [])[:4])
            + " | "
            + ", ".join(examples.get(f"missed {cause}", [])[:4])
        )
        print(f"  {cause:34} {false[cause]:5} {missed[cause]:6}  {sample}")


def row_cause(
    side: str,
    key: str,
    kind: str,
    text: str,
    raw: list,
    spans: list[tuple[int, int]],
    against: set[tuple[str, str]],
    same_side: set[tuple[str, str]],
) -> str:
    """Why one sidebar row is false (side "false": shown, not in gold) or missed (in gold, not shown).

    `against` holds the other side's rows (gold for a false row, shown rows for a missed one) and `same_side`
    the rows on this row's own side. The first cause that fits is taken, most telling first.
    """  # fmt: skip
    other_types = {t for k, t in against if k == key}
    words = key.split()
    if other_types:  # one line per confusion whichever side the row is on: shown type, then gold type
        shown, gold = (
            (kind, "/".join(sorted(other_types))) if side == "false" else ("/".join(sorted(other_types)), kind)
        )
        return f"typed {shown}, gold {gold}"
    labels = {m.label for m in raw if fold(m.text) == key or canonical_key(m.text) == key}
    if side == "missed" and labels & set(_NOT_SHOWN) and not labels & set(KIND_TO):
        return "nationality/product/work/event"
    if (
        side == "false"
        and re.search(r"(?:ian|ians|ean|eans|ese|ish|ic|ans|i)$", key)
        and len(words) == 1
        and ("NORP" in labels or key.endswith(("ian", "ians", "ese", "ish")))
    ):
        return "nationality or demonym"
    longer = [k for k, _ in against if set(words) < set(k.split())]
    shorter = [k for k, _ in against if set(k.split()) < set(words)]
    if side == "false" and longer:
        kin = [k for k, _ in same_side if set(words) < set(k.split())]
        return "short form not joined" if kin else "partial name"
    if side == "missed" and shorter:
        inside_org = kind == "ORG" and any(t == "LOC" for k, t in against if set(k.split()) < set(words))
        return "place inside an organisation" if inside_org else "only a part found"
    if side == "false" and shorter:
        return "too long"
    if side == "missed" and longer:
        return "only a longer form found"
    forms = [text[s:e] for s, e in spans]
    if forms and all(f.isupper() and len(f) > 1 for f in forms):
        return "all capitals"
    if any(re.match(r"['’]s?\b", text[e : e + 2]) for _, e in spans):
        return "possessive nearby"
    if (
        words
        and words[0] in _TITLE_WORDS
        or any(
            re.search(r"\b(?:" + "|".join(_TITLE_WORDS) + r")\.? $", text[max(0, s - 14) : s], re.I) for s, _ in spans
        )
    ):
        return "after a title"
    if side == "false":
        if labels & set(_NOT_SHOWN):
            return "model: " + "/".join(sorted(labels & set(_NOT_SHOWN)))
        return "not a gold entity"
    return "dropped by the repairs" if labels & set(KIND_TO) else "not found at all"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plain", action="store_true", help="score the plain fallback instead of spaCy")
    parser.add_argument("--articles", type=int, default=30, metavar="N", help="articles to time per kind")
    parser.add_argument("--backlog", type=int, default=0, metavar="N",
                        help="also time the reader's extraction processes (one, then two) on N such articles")  # fmt: skip
    parser.add_argument("--memory", type=int, default=0, metavar="N",
                        help="also measure the model's memory growth over N articles of new names")  # fmt: skip
    parser.add_argument("--rows", action="store_true", help="print dev's false and missed sidebar rows by cause")
    parser.add_argument("--fresh", action="store_true",
                        help="also score the second written-apart set (only before and after a change to the rules)")  # fmt: skip
    parser.add_argument("--piece-chars", type=int, default=None, metavar="N",
                        help="read one article as pieces of at least N characters cut at blank lines "
                             "(0: the whole text; default: the extractor's own)")  # fmt: skip
    parser.add_argument("--gold", type=Path, default=GOLD, help="the JSONL gold set")
    args = parser.parse_args()
    if args.piece_chars is not None:
        from spacereader.entities import extract

        extract._PIECE_CHARS = args.piece_chars if args.piece_chars > 0 else sys.maxsize
    if not args.gold.is_file():
        print(f"gold set not found at {args.gold}", file=sys.stderr)
        return 1
    docs = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    dev, test = split(docs)

    before = rss_mb()
    extractor = PlainExtractor() if args.plain else SpacyExtractor()
    started = time.perf_counter()
    extractor.warm_up()
    load_seconds = time.perf_counter() - started
    model_rss = rss_mb() - before
    from spacereader.entities.extract import _PIECE_CHARS  # as set above

    pieces = "the whole text" if _PIECE_CHARS == sys.maxsize else f"pieces of {_PIECE_CHARS}+ characters"
    print(f"extractor {extractor.name} {extractor.version}, one article read as {pieces}; {len(docs)} documents split by seed {SEED}: "
          f"dev {len(dev)} ({sum(len(d['entities']) for d in dev)} entities), "
          f"test {len(test)} ({sum(len(d['entities']) for d in test)} entities)")  # fmt: skip

    scorer = Scorer(extractor, docs)
    full = {"dev": scorer.score(dev, True), "test": scorer.score(test, True)}
    print_table(
        "F1 (exact spans per type and micro; sidebar rows)",
        [
            ("dev: model alone", scorer.score(dev, False)),
            ("dev: with the repairs", full["dev"]),
            ("test: model alone", scorer.score(test, False)),
            ("test: with the repairs", full["test"]),
        ],
    )
    own = own_articles_f1(extractor, True)
    held_out = {f"unseen {genre}": articles for genre, articles in UNSEEN.items()}
    if args.fresh:
        held_out |= {f"fresh {genre}": articles for genre, articles in FRESH.items()}
        held_out |= {f"fresh2 {genre}": articles for genre, articles in FRESH2.items()}
    unseen = {name: own_articles_f1(extractor, True, articles) for name, articles in held_out.items()}
    print("\ngain per rule (all rules minus all but this one; sidebar F1 / micro F1; own: written articles' sidebar,"
          " tuned on; unseen, fresh: the two sets written apart, never tuned on)")  # fmt: skip
    print(f"  {'rule':18} {'dev sidebar':>12} {'dev micro':>10} {'test sidebar':>13} {'test micro':>11} {'own':>6}"
          + "".join(f" {name:>14}" for name in held_out))  # fmt: skip
    for rule in RULES:
        with rules_off(rule):
            without = {"dev": scorer.score(dev, True), "test": scorer.score(test, True)}
            own_without = own_articles_f1(extractor, True)
            unseen_without = {name: own_articles_f1(extractor, True, a) for name, a in held_out.items()}
        gains = [full[part][m] - without[part][m] for part in ("dev", "test") for m in ("sidebar", "micro")]
        print(f"  {rule:18} {gains[0]:+12.1f} {gains[1]:+10.1f} {gains[2]:+13.1f} {gains[3]:+11.1f} "
              f"{own - own_without:+6.1f}" + "".join(f" {unseen[g] - unseen_without[g]:+14.1f}" for g in held_out))  # fmt: skip
    print(f"\narticles written for the tests (tuned on): sidebar F1 {own_articles_f1(extractor, False):.1f} "
          f"alone, {own:.1f} repaired")  # fmt: skip
    for name, articles in held_out.items():
        print(f"articles written apart, never tuned on, {name} ({len(articles)}): sidebar F1 "
              f"{own_articles_f1(extractor, False, articles):.1f} alone, {unseen[name]:.1f} repaired")  # fmt: skip
    if args.rows:
        print_rows(scorer, dev)

    news = joined([d["text"] for d in docs if d["genre"] == "news"])
    dense_docs = sorted(dev, key=lambda d: -len(d["entities"]) / max(len(d["text"].split()), 1))
    dense = joined([d["text"] for d in dense_docs])
    n = args.articles
    print(f"\nthroughput, one thread, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores:")
    for name, texts in (
        ("UNER news joined", news),
        ("entity-dense dev joined", dense),
        ("sports-shaped", sports_articles(n)),
        ("written sports joined", joined([text for text, _ in UNSEEN["sports"].values()] * 8)),
        ("written news joined", joined([text for text, _ in UNSEEN["news"].values()] * 8)),
        ("fresh sports joined", joined([text for text, _ in FRESH["sports"].values()] * 8)),
        ("fresh news joined", joined([text for text, _ in FRESH["news"].values()] * 8)),
        ("fresh2 news joined", joined([text for text, _ in FRESH2["news"].values()] * 8)),
    ):
        texts = (texts * (n // max(len(texts), 1) + 1))[:n]
        print(f"  {name:24} {time_articles(extractor, texts)}")
    if args.backlog:
        mixed = [text for trio in zip(news, dense, sports_articles(n)) for text in trio]
        mixed = (mixed * (args.backlog // max(len(mixed), 1) + 1))[: args.backlog]
        print(f"\nthe reader's backlog ({len(mixed)} of the articles above, mixed), load average "
              f"{os.getloadavg()[0]:.1f}:")  # fmt: skip
        for processes in (1, 2):
            print(f"  {processes} extraction process{'es' if processes > 1 else '':2} {time_backlog(mixed, processes)}")
    if args.memory and not args.plain:
        print(f"\nvocabulary growth: {memory_growth(extractor, args.memory)}")
    print(f"model: loaded in {load_seconds:.2f} s (including spaCy's import); RSS +{model_rss:.0f} MB, "
          f"process {rss_mb():.0f} MB")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
