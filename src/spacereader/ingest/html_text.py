"""Article HTML to readable plain text: paragraphs split by blank lines, links as numbered references.

lxml's HTML parser does the parsing (it never loads anything: no network, no entities); this module only
walks the tree. Headings, paragraphs, lists, quotes and preformatted text keep their shape; each link's
text is followed by `[n]` and the URLs are listed under the article; images with alt text become `[image: alt]`.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from spacereader.safe_text import clean_line, clean_text

# Elements whose content is never shown: code, styling, embedded documents and forms.
_SKIP = frozenset(
    "script style noscript template iframe object embed applet frame frameset head title meta link"
    " button select textarea form svg math canvas audio video source track map".split()
)
_BLOCK = frozenset(
    "p div section article header footer main aside nav figure figcaption address details summary"
    " dl dt dd table thead tbody tfoot tr caption center fieldset legend hgroup".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_PARSER = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, default_doctype=False)


class _Writer:
    """Collects inline text into lines and lines into blocks, with list and quote prefixes."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.blocks: list[str] = []
        self.lines: list[str] = []
        self.inline: list[str] = []
        self.links: list[str] = []
        self.link_numbers: dict[str, int] = {}
        self.quote_depth = 0
        self.list_markers: list[str] = []  # pending marker of the current list item, "" once used
        self.list_depth = 0

    def text(self, value: str | None) -> None:
        if value:
            self.inline.append(value)

    def end_line(self) -> None:
        """Close the current line (inline text) without ending the block."""
        line = _SPACE.sub(" ", "".join(self.inline)).strip()
        self.inline.clear()
        if not line:
            return
        marker = ""
        if self.list_markers:
            marker = self.list_markers[-1]
            self.list_markers[-1] = " " * len(marker)
        indent = "  " * max(0, self.list_depth - 1)
        self.lines.append(indent + marker + line)

    def end_block(self) -> None:
        """Close the current block: its lines become one paragraph."""
        self.end_line()
        if self.list_depth:
            return  # a list stays one paragraph, item per line
        if self.lines:
            prefix = "> " * self.quote_depth
            self.blocks.append("\n".join(prefix + line for line in self.lines))
            self.lines.clear()

    def add_link(self, href: str) -> int:
        """The reference number of a link, numbering new ones in order of appearance."""
        url = urljoin(self.base_url, href.strip()) if self.base_url else href.strip()
        if url not in self.link_numbers:
            self.links.append(url)
            self.link_numbers[url] = len(self.links)
        return self.link_numbers[url]


def _walk(node: etree._Element, out: _Writer) -> None:
    tag = node.tag if isinstance(node.tag, str) else ""
    tag = tag.lower()
    if tag in _SKIP:
        out.text(node.tail)
        return
    if tag == "br":
        out.end_line()
    elif tag == "hr":
        out.end_block()
    elif tag == "img":
        alt = clean_line(node.get("alt") or node.get("title") or "")
        if alt:  # images without alt text are mostly spacers and tracking pixels
            out.text(f" [image: {alt}] ")
    elif tag == "pre":
        out.end_block()
        text = clean_text(node.text_content()).strip("\n")
        if text:
            prefix = "> " * out.quote_depth + "    "
            out.blocks.append("\n".join(prefix + line.rstrip() for line in text.splitlines()))
        out.text(node.tail)
        return
    elif tag in _HEADINGS or tag in _BLOCK or tag == "blockquote":
        out.end_block()
    elif tag in ("ul", "ol"):
        out.end_line()
        if not out.list_depth:
            out.end_block()
        out.list_depth += 1
    elif tag == "li":
        out.end_line()
        parent = node.getparent()
        if parent is not None and parent.tag == "ol":
            number = sum(1 for sibling in node.itersiblings(preceding=True) if sibling.tag == "li") + 1
            out.list_markers.append(f"{number}. ")
        else:
            out.list_markers.append("• ")
    elif tag in ("td", "th"):
        out.text(" ")

    if tag == "blockquote":
        out.quote_depth += 1
    out.text(node.text)
    for child in node:
        _walk(child, out)

    if tag == "a":
        href = node.get("href") or ""
        if href.strip() and not href.strip().lower().startswith(("javascript:", "data:", "#")):
            out.text(f" [{out.add_link(href)}]")
    elif tag == "li":
        out.end_line()
        out.list_markers.pop()
    elif tag in ("ul", "ol"):
        out.end_line()
        out.list_depth -= 1
        if not out.list_depth:
            out.end_block()
    elif tag == "blockquote":
        out.end_block()
        out.quote_depth -= 1
    elif tag in _HEADINGS or tag in _BLOCK:
        out.end_block()
    out.text(node.tail)


def looks_like_html(text: str) -> bool:
    """Whether the text holds markup or entities worth parsing (plain text is kept as is)."""
    return "<" in text or "&" in text


def html_to_text(html: str, base_url: str = "") -> str:
    """Readable text from an HTML fragment, with numbered link references listed at the end."""
    if not html or not html.strip():
        return ""
    if not looks_like_html(html):
        return plain_to_text(html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div", parser=_PARSER)
    except (etree.ParserError, ValueError):
        return plain_to_text(html)
    out = _Writer(base_url)
    _walk(root, out)
    out.list_depth = 0
    out.end_block()
    blocks = [b for b in (clean_text(b) for b in out.blocks) if b.strip()]
    if out.links:
        width = len(str(len(out.links)))
        blocks.append("\n".join(f"[{n:>{width}}] {clean_line(url)}" for n, url in enumerate(out.links, 1)))
    return "\n\n".join(blocks)


def plain_to_text(text: str) -> str:
    """Plain text tidied into paragraphs: blank lines separate them, other whitespace collapses."""
    paragraphs = re.split(r"\n\s*\n", clean_text(text))
    return "\n\n".join(p for p in (_SPACE.sub(" ", p).strip() for p in paragraphs) if p)


def html_to_line(html: str) -> str:
    """One line of text from a title or name that may hold markup or entities."""
    if not html or not looks_like_html(html):
        return clean_line(html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div", parser=_PARSER)
    except (etree.ParserError, ValueError):
        return clean_line(html)
    return clean_line(root.text_content())
