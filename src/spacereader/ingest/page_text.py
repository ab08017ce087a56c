"""The main text of an article's web page, without its navigation, ads, comments and related links.

trafilatura finds the main content (chosen over readability-lxml on the pages in tests/pages: see the README
and bench/page_text_bench.py); it parses with lxml and never fetches, runs scripts or loads images. Its HTML
output goes through html_text, so a page reads like a feed's article, links numbered under it.
"""

from __future__ import annotations

import logging
import re

from spacereader.ingest.html_text import html_to_text

MIN_WORDS = 30
"""Fewer words than this is a teaser list, a cookie notice or a headline: no main text."""
_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml", "")
_LINK_LIST = re.compile(r"^\[\s*\d+\] \S+$")

# trafilatura logs what it drops at WARNING; those lines would land on the reader's terminal.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)
logging.getLogger("courlan").setLevel(logging.CRITICAL)


class PageTextError(ValueError):
    """The page gave no article text; the message is a short reason ("no main text found on the page")."""


def is_html(content_type: str) -> bool:
    """Whether a Content-Type names an HTML (or XHTML) document; a missing type is given the benefit."""
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


def prose_words(text: str) -> int:
    """Words in the text less its numbered link list."""
    return sum(len(line.split()) for line in text.splitlines() if not _LINK_LIST.match(line))


def extract_main_html(page: bytes | str, url: str = "") -> str:
    """The page's main content as simplified HTML (paragraphs, lists, quotes, links), or "" when none is found."""
    import trafilatura  # 0.3 s of imports, paid when the first page is read rather than at every start

    found = trafilatura.extract(
        page,
        url=url or None,
        output_format="html",
        include_links=True,
        include_comments=False,
        include_images=False,
        include_tables=True,
        favor_precision=True,
    )
    return found or ""


def main_text(page: bytes | str, url: str = "", title: str = "") -> str:
    """The page's article as the reader's plain text; raises PageTextError when it has none."""
    try:
        text = html_to_text(extract_main_html(page, url), url)
    except (ValueError, TypeError, RecursionError) as error:  # a page lxml cannot make a tree of
        raise PageTextError(f"unreadable page ({type(error).__name__})") from error
    first, _, rest = text.partition("\n\n")
    if title and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        text = rest  # the headline is shown above the text already
    if prose_words(text) < MIN_WORDS:
        raise PageTextError("no main text found on the page")
    return text
