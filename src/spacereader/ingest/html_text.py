"""Article HTML to readable plain text: paragraphs split by blank lines, links as numbered references.

lxml's HTML parser does the parsing (it never loads anything: no network, no entities); this module only
walks the tree. Headings, paragraphs, lists, quotes and preformatted text keep their shape; each link's
text is followed by `[n]` and the URLs are listed under the article; images with alt text become `[image: alt]`.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin

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
# A plain etree parser: lxml.html's element classes cost a Python lookup on every node visited.
_PARSER = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, default_doctype=False)


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
        if not self.inline:
            return
        line = " ".join("".join(self.inline).split())
        self.inline.clear()
        if not line:
            return
        if self.list_markers:
            marker = self.list_markers[-1]
            self.list_markers[-1] = " " * len(marker)
            line = "  " * max(0, self.list_depth - 1) + marker + line
        self.lines.append(line)

    def end_block(self) -> None:
        """Close the current block: its lines become one paragraph."""
        if self.inline:
            self.end_line()
        if self.list_depth or not self.lines:
            return  # a list stays one paragraph, item per line
        lines = self.lines
        if self.quote_depth:
            prefix = "> " * self.quote_depth
            self.blocks.append("\n".join(prefix + line for line in lines))
        else:
            self.blocks.append(lines[0] if len(lines) == 1 else "\n".join(lines))
        lines.clear()

    def add_link(self, href: str) -> int:
        """The reference number of a link, numbering new ones in order of appearance."""
        href = href.strip()
        # urljoin is slow and most feed links are already absolute.
        url = href if not self.base_url or href.startswith(("https://", "http://")) else urljoin(self.base_url, href)
        if url not in self.link_numbers:
            self.links.append(url)
            self.link_numbers[url] = len(self.links)
        return self.link_numbers[url]


# What each tag does to the layout; tags not listed are inline and only pass their text through.
_SKIP_KIND, _BREAK, _RULE, _IMAGE, _PRE, _BLOCK_KIND, _LIST, _ITEM, _CELL, _QUOTE, _LINK = range(1, 12)
_KINDS = {
    **{tag: _SKIP_KIND for tag in _SKIP}, **{tag: _BLOCK_KIND for tag in _BLOCK | _HEADINGS},
    "br": _BREAK, "hr": _RULE, "img": _IMAGE, "pre": _PRE, "ul": _LIST, "ol": _LIST, "li": _ITEM,
    "td": _CELL, "th": _CELL, "blockquote": _QUOTE, "a": _LINK,
}  # fmt: skip


def _walk(node: etree._Element, out: _Writer) -> None:
    # lxml builds a new Python string on every .tag, .text and .tail access: each is read once here.
    kind = _KINDS.get(node.tag, 0)
    inline = out.inline
    if not kind:  # the common case (span, b, em, ...), kept short because it runs for most nodes
        text = node.text
        if text:
            inline.append(text)
        for child in node:
            _walk(child, out)
        tail = node.tail
        if tail:
            inline.append(tail)
        return
    if kind == _SKIP_KIND:
        pass
    elif kind == _LINK:
        text = node.text
        if text:
            inline.append(text)
        for child in node:
            _walk(child, out)
        href = (node.get("href") or "").strip()
        if href and not href.lower().startswith(("javascript:", "data:", "#")):
            inline.append(f" [{out.add_link(href)}]")
    elif kind == _BREAK:
        out.end_line()
    elif kind == _RULE:
        out.end_block()
    elif kind == _IMAGE:
        alt = clean_line(node.get("alt") or node.get("title") or "")
        if alt:  # images without alt text are mostly spacers and tracking pixels
            inline.append(f" [image: {alt}] ")
    elif kind == _PRE:
        out.end_block()
        text = clean_text(_text_of(node)).strip("\n")
        if text:
            prefix = "> " * out.quote_depth + "    "
            out.blocks.append("\n".join(prefix + line.rstrip() for line in text.splitlines()))
    elif kind == _CELL:
        inline.append(" ")
        text = node.text
        if text:
            inline.append(text)
        for child in node:
            _walk(child, out)
    elif kind == _ITEM:
        out.end_line()
        parent = node.getparent()
        if parent is not None and parent.tag == "ol":
            number = sum(1 for sibling in node.itersiblings(preceding=True) if sibling.tag == "li") + 1
            out.list_markers.append(f"{number}. ")
        else:
            out.list_markers.append("• ")
        text = node.text
        if text:
            inline.append(text)
        for child in node:
            _walk(child, out)
        out.end_line()
        out.list_markers.pop()
    elif kind == _LIST:
        out.end_line()
        if not out.list_depth:
            out.end_block()
        out.list_depth += 1
        text = node.text
        if text:
            inline.append(text)
        for child in node:
            _walk(child, out)
        out.end_line()
        out.list_depth -= 1
        if not out.list_depth:
            out.end_block()
    else:  # _BLOCK_KIND and _QUOTE
        if inline or out.lines:  # end_block would find nothing to close otherwise
            out.end_block()
        quote = kind == _QUOTE
        out.quote_depth += quote
        text = node.text
        if text:
            inline.append(text)
        for child in node:
            _walk(child, out)
        out.end_block()
        out.quote_depth -= quote
    tail = node.tail
    if tail:
        inline.append(tail)


def looks_like_html(text: str) -> bool:
    """Whether the text holds markup or entities worth parsing (plain text is kept as is)."""
    return "<" in text or "&" in text


def html_to_text(html: str, base_url: str = "") -> str:
    """Readable text from an HTML fragment, with numbered link references listed at the end."""
    if not html or not html.strip():
        return ""
    if not looks_like_html(html):
        return plain_to_text(html)
    root = _parse_fragment(html)
    if root is None:
        return plain_to_text(html)
    out = _Writer(base_url)
    _walk(root, out)
    out.list_depth = 0
    out.end_block()
    blocks = out.blocks
    if out.links:
        width = len(str(len(out.links)))
        blocks.append("\n".join(f"[{n:>{width}}] {_tidy_url(url)}" for n, url in enumerate(out.links, 1)))
    # Cleaning once over the whole text is cheaper than per block; a block of nothing but control
    # characters would leave an extra blank line, which the reader's paragraph split ignores.
    return clean_text("\n\n".join(blocks))


def plain_to_text(text: str) -> str:
    """Plain text tidied into paragraphs: blank lines separate them, other whitespace collapses."""
    paragraphs = re.split(r"\n\s*\n", clean_text(text))
    return "\n\n".join(p for p in (_SPACE.sub(" ", p).strip() for p in paragraphs) if p)


def _tidy_url(url: str) -> str:
    """The URL on one clean line; the check first because nearly every URL is already clean."""
    return url if url.isprintable() and " " not in url else clean_line(url)


def _text_of(node: etree._Element) -> str:
    """All the text inside an element, tags dropped."""
    return etree.tostring(node, method="text", encoding="unicode", with_tail=False)


def _parse_fragment(html: str) -> etree._Element | None:
    """The <body> of an HTML fragment parsed on its own, or None when nothing parses."""
    try:
        document = etree.fromstring(html, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    if document is None:
        return None
    body = document.find("body")
    return body if body is not None else document


def html_to_line(html: str) -> str:
    """One line of text from a title or name that may hold markup or entities."""
    if not html or not looks_like_html(html):
        return clean_line(html)
    if "<" not in html:
        return clean_line(unescape(html))
    root = _parse_fragment(html)
    if root is None:
        return clean_line(html)
    return clean_line(_text_of(root))
