"""An article as a Markdown document: headline, source, date, link, text and its links, all as literal text.

Every string came from a feed, so none may turn into Markdown or HTML in whatever renders the file:
characters that mean something there are escaped, and only plain http(s) links become links.
"""

from __future__ import annotations

import re
import unicodedata

from spacereader.links import LinkError, check_link
from spacereader.models import Article, shown_date
from spacereader.safe_text import clean_line, clean_text

# Characters with a meaning anywhere in a Markdown line; a backslash makes any ASCII punctuation literal.
_INLINE = re.compile(r"([\\`*_\[\]<>#|~!{}])")
# Markers that mean something only at the start of a line: lists, quotes, rules, numbered lists.
_LINE_START = re.compile(r"^(\s*|\s*\d+)([-+=]|(?<=\d)[.)])", re.MULTILINE)
_LINK_LINE = re.compile(r"^\[\s*\d+\] (\S+)$")


def literal(text: str) -> str:
    """Text that reads the same in any Markdown renderer as it does here: nothing in it is markup."""
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), _INLINE.sub(r"\\\1", text))


def link_or_text(url: str) -> str:
    """An autolink for a plain http(s) URL, else the URL as literal text."""
    try:
        checked = check_link(url)
    except LinkError:
        return literal(clean_line(url))
    return f"<{checked}>" if not any(c in checked for c in "<>") else literal(checked)


def split_links(article: Article) -> tuple[list[str], list[str]]:
    """(paragraphs, links): the numbered link list the HTML converter puts under the text, taken apart."""
    paragraphs = article.paragraphs
    if paragraphs:
        lines = paragraphs[-1].splitlines()
        found = [_LINK_LINE.match(line.strip()) for line in lines]
        if lines and all(found):
            return paragraphs[:-1], [m.group(1) for m in found if m]
    return paragraphs, []


def article_markdown(article: Article) -> str:
    """The whole article as Markdown, ending in one newline."""
    paragraphs, links = split_links(article)
    lines = [f"# {literal(clean_line(article.title) or '(untitled)')}", ""]
    lines.append(f"- Source: {literal(clean_line(article.source))}")
    if article.author:
        lines.append(f"- Author: {literal(clean_line(article.author))}")
    lines.append(f"- Date: {shown_date(article.published)}")
    if article.url:
        lines.append(f"- Link: {link_or_text(article.url)}")
    lines.append("")
    for paragraph in paragraphs:
        lines.extend([literal(clean_text(paragraph)).replace("\n", "  \n"), ""])
    if links:
        lines.extend(["## Links", ""])
        lines.extend(f"{number}. {link_or_text(url)}" for number, url in enumerate(links, start=1))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def file_name(article: Article, *, max_words: int = 60) -> str:
    """A safe file name: the date and the headline in plain ASCII letters, digits and dashes ('2021-10-05-a-b.md')."""
    ascii_title = unicodedata.normalize("NFKD", clean_line(article.title)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:max_words].rstrip("-")
    date = article.published[:10] if article.published else "undated"
    return f"{date}-{slug or f'article-{article.id}'}.md"
