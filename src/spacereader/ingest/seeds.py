"""Seed articles: plain-text files that ship with spacereader so it opens on news with no network."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacereader.models import NewArticle
from spacereader.safe_text import clean_line, clean_text
from spacereader.store import Connection
from spacereader.store.articles import upsert_articles
from spacereader.store.feeds import SEED_TITLE, SEED_URL, ensure_feed

HEADLINE_MAX = 80
_DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\s+")
# A sentence ends at . ! or ? (optionally closed by a quote or bracket) followed by space and a capital.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|No|Gen|Gov|Sen|Rep|Prof))\.$")


class SeedError(ValueError):
    """A seed file that cannot be read as an article."""


@dataclass
class SeedReport:
    """What an import did: counts and one-line warnings for skipped files."""

    inserted: int = 0
    updated: int = 0
    warnings: list[str] = field(default_factory=list)


def derive_headline(text: str, limit: int = HEADLINE_MAX) -> str:
    """The first sentence, cut at a word boundary with an ellipsis when longer than `limit`."""
    text = clean_line(text)
    sentence = text
    for match in _SENTENCE_END.finditer(text):
        if not _ABBREVIATIONS.search(text[: match.start() + 1]):
            sentence = text[: match.start() + 1]
            break
    sentence = sentence.rstrip()
    if len(sentence) <= limit:
        return sentence.rstrip(".")
    cut = sentence[:limit]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:—–-") + "…"


def parse_seed(path: Path, raw: bytes | None = None) -> NewArticle:
    """Read one seed file: ` date YYYY-MM-DD ` then the first paragraph, paragraphs split by blank lines."""
    raw = path.read_bytes() if raw is None else raw
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SeedError(f"not UTF-8 text (byte {error.start})") from error
    match = _DATE_LINE.match(text)
    if not match:
        raise SeedError("does not start with ' date YYYY-MM-DD '")
    try:
        published = date.fromisoformat(match.group(1))
    except ValueError as error:
        raise SeedError(f"bad date {match.group(1)!r}") from error
    body_text = clean_text(text[match.end() :])
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body_text) if p.strip()]
    if not paragraphs:
        raise SeedError("has a date but no text")
    return NewArticle(
        guid=f"seed:{path.stem}",
        title=derive_headline(paragraphs[0]),
        published=f"{published.isoformat()}T00:00:00Z",
        body="\n\n".join(paragraphs),
        content_hash=hashlib.sha256(raw).hexdigest(),
    )


def import_seeds(conn: Connection, folder: Path) -> SeedReport:
    """Import every `*.txt` in the folder idempotently: new files added, edited ones updated in place."""
    report = SeedReport()
    if not folder.is_dir():
        return report
    articles = []
    for path in sorted(folder.glob("*.txt")):
        try:
            articles.append(parse_seed(path))
        except (OSError, SeedError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            report.warnings.append(f"seed {path.name} skipped: {reason}")
    with conn:
        feed_id = ensure_feed(conn, SEED_URL, title=SEED_TITLE, kind="seed")
        report.inserted, report.updated = upsert_articles(conn, feed_id, articles)
    return report
