"""The extractor comparison shared by the guard test and bench/page_text_bench.py: pages, scores, candidates.

Each page in tests/pages is shaped like a real news site or blog (navigation, ads, cookie banners, comments,
related links around the story) with its expected main text beside it (`NAME.txt`; empty when the page
has none). Scores are word-level precision, recall and F1 over the text a reader would see.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spacereader.ingest.html_text import html_to_text
from spacereader.ingest.page_text import extract_main_html

PAGES = Path(__file__).resolve().parent / "pages"
PAGE_URL = "https://news.example/story"
_LINK_LINE = re.compile(r"^\[\s*\d+\] \S+$", re.M)
_LINK_MARK = re.compile(r" \[\d+\]")


def readable_words(text: str) -> Counter[str]:
    """The words of a text as the reader shows it, less link numbers and the link list."""
    text = _LINK_MARK.sub("", _LINK_LINE.sub("", text))
    return Counter(re.findall(r"\w+", text.casefold()))


@dataclass(frozen=True)
class Score:
    """How one extractor did on one page."""

    page: str
    precision: float
    recall: float
    words: int
    """Words extracted (for a page with no main text, every one is wrong)."""

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall; 1.0 for an empty answer to a page with no main text."""
        if self.precision + self.recall == 0:
            return 0.0
        return 2 * self.precision * self.recall / (self.precision + self.recall)


def score(page: str, got: str, expected: str) -> Score:
    """Word-level precision and recall of `got` against `expected`."""
    got_words, want = readable_words(got), readable_words(expected)
    found = sum(got_words.values())
    if not want:
        return Score(page, 1.0 if not found else 0.0, 1.0 if not found else 0.0, found)
    common = sum((got_words & want).values())
    return Score(page, common / found if found else 0.0, common / sum(want.values()), found)


def with_trafilatura(page: bytes, url: str) -> str:
    """spacereader's extractor: trafilatura's main content through the reader's HTML-to-text."""
    return html_to_text(extract_main_html(page, url), url)


def with_readability(page: bytes, url: str) -> str:
    """readability-lxml (a development dependency, kept for this comparison) through the same HTML-to-text."""
    from readability import Document

    return html_to_text(Document(page, url=url).summary(html_partial=True), url)


EXTRACTORS: dict[str, Callable[[bytes, str], str]] = {"trafilatura": with_trafilatura, "readability": with_readability}


def written_pages() -> list[tuple[str, bytes, str]]:
    """(name, HTML, expected text) of every page written for the tests."""
    return [(p.stem, p.read_bytes(), p.with_suffix(".txt").read_text()) for p in sorted(PAGES.glob("*.html"))]
