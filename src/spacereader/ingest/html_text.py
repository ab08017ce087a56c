"""Article HTML to readable plain text: paragraphs split by blank lines, links as numbered references.

lexbor (through selectolax) parses each fragment as a browser would, in C; it never loads anything: no network,
no scripts, no external entities. This module only walks the tree, reading each node's tag id and text once
(about 75 us an article where lxml's tree and the same walk took about 140: bench/html_text_compare.py).
Headings, paragraphs, lists, quotes and preformatted text keep their shape; each link's text is followed by
`[n]` and the URLs are listed under the article; images with alt text become `[image: alt]`.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

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
# XHTML-style `<iframe ... />` of an element that is never empty in HTML: a browser (and lexbor) ignores the
# slash and takes the rest of the document as the element's content, which is skipped; feeds mean it closed.
_SELF_CLOSED = re.compile(
    r"<(script|style|noscript|template|iframe|object|applet|title|button|select|textarea|form|canvas|audio|video"
    r"|map|noembed|noframes|xmp)(\s[^<>]*?)?/>",
    re.IGNORECASE,
)
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0]+")
# Block containers, whose nesting makes the parser's work grow with the square of the depth (HTML's "p element
# in button scope" check walks the open elements at each one): 40,000 nested <div>s took 3 s, <ul><li> 16 s.
_CONTAINER = re.compile(
    r"<(/?)(?:address|article|aside|blockquote|center|details|dialog|dir|div|dl|fieldset|figcaption|figure|footer"
    r"|header|hgroup|main|menu|nav|ol|optgroup|section|summary|ul)\b[^<>]*>",
    re.IGNORECASE,
)
MAX_NESTING = 2000
"""Containers nested deeper than this (no real article comes near) become line breaks before parsing."""
# Below this depth an element's text is taken whole, without its layout: the walk recurses once a level.
MAX_DEPTH = 200


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
        self.skipped_content = False  # an element skipped with whatever it held (see _SELF_CLOSED)
        self.words = 0  # words in the blocks so far, as str.split counts them (cheaper counted line by line)

    def end_line(self) -> None:
        """Close the current line (inline text) without ending the block."""
        if not self.inline:
            return
        inline = self.inline
        line = inline[0] if len(inline) == 1 else "".join(inline)
        inline.clear()
        if "\xa0" in line:
            line = line.replace("\xa0", " ")
        # Whitespace collapsed and control characters dropped; most lines need neither (a printable line has
        # no control characters and no whitespace but spaces).
        if not (line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " "):
            line = " ".join(line.split())
            if not line.isprintable():
                line = clean_text(line)
            if not line:
                return
            words = len(line.split())
        else:
            words = line.count(" ") + 1
        if self.list_markers:
            marker = self.list_markers[-1]
            self.list_markers[-1] = " " * len(marker)
            line = "  " * max(0, self.list_depth - 1) + marker + line
            words += marker[0] != " "
        self.words += words
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
            self.words += self.quote_depth * len(lines)
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
_SKIP_KIND, _BREAK, _RULE, _IMAGE, _PRE, _BLOCK_KIND, _LIST, _ITEM, _CELL, _QUOTE, _LINK, _ORDERED = range(1, 13)
_KIND_BY_NAME = {
    **{tag: _SKIP_KIND for tag in _SKIP}, **{tag: _BLOCK_KIND for tag in _BLOCK | _HEADINGS},
    "br": _BREAK, "hr": _RULE, "img": _IMAGE, "pre": _PRE, "ul": _LIST, "ol": _ORDERED, "li": _ITEM,
    "td": _CELL, "th": _CELL, "blockquote": _QUOTE, "a": _LINK,
}  # fmt: skip


def _kinds_by_tag_id() -> tuple[dict[int, int], int]:
    """The kinds keyed by lexbor's tag ids (an int is cheaper to read from a node than its name), and the
    text nodes' id; comments and doctypes are skipped."""
    parser = LexborHTMLParser("")
    kinds = {parser.create_node(name).tag_id: kind for name, kind in _KIND_BY_NAME.items()}
    sample = LexborHTMLParser("<!doctype html><body>text<!-- comment -->")
    body = sample.body
    assert body is not None and sample.root is not None
    text_node, comment = list(body.iter(include_text=True))
    kinds[comment.tag_id] = _SKIP_KIND
    doctype = sample.root.prev
    if doctype is not None:
        kinds[doctype.tag_id] = _SKIP_KIND
    return kinds, text_node.tag_id


_KINDS, _TEXT = _kinds_by_tag_id()


def _walk(node: LexborNode | None, out: _Writer, depth: int, ordered: bool = False) -> None:
    """Lay out a node and its following siblings (a parent's children, from the first): text joins the
    current line, elements act by their kind. In an ordered list (`ordered`) the list's own items are numbered."""
    inline = out.inline
    number = 0
    while node is not None:
        tag = node.tag_id
        if tag == _TEXT:  # the common cases first: text, then inline elements (span, b, em, ...)
            text = node.text_content
            # Space at the start of a line is dropped anyway (the space between blocks, mostly).
            if text and (inline or not text.isspace()):
                inline.append(text)
            node = node.next
            continue
        kind = _KINDS.get(tag, 0)
        if depth >= MAX_DEPTH and kind != _SKIP_KIND:
            inline.append(f" {node.text(separator=' ')} ")
        elif not kind:
            _walk(node.first_child, out, depth + 1)
        elif kind == _SKIP_KIND:
            if node.first_child is not None:
                out.skipped_content = True
        elif kind == _LINK:
            _walk(node.first_child, out, depth + 1)
            href = (node.attrs.get("href") or "").strip()
            if href and not href.lower().startswith(("javascript:", "data:", "#")):
                inline.append(f" [{out.add_link(href)}]")
        elif kind == _BREAK:
            out.end_line()
        elif kind == _RULE:
            out.end_block()
        elif kind == _IMAGE:
            attrs = node.attrs
            alt = clean_line(attrs.get("alt") or attrs.get("title") or "")
            if alt:  # images without alt text are mostly spacers and tracking pixels
                inline.append(f" [image: {alt}] ")
        elif kind == _PRE:
            out.end_block()
            text = clean_text(node.text()).strip("\n")
            if text:
                prefix = "> " * out.quote_depth + "    "
                out.blocks.append("\n".join(prefix + line.rstrip() for line in text.splitlines()))
                out.words += len(out.blocks[-1].split())
        elif kind == _CELL:
            inline.append(" ")
            _walk(node.first_child, out, depth + 1)
        elif kind == _ITEM:
            out.end_line()
            if ordered:
                number += 1
                out.list_markers.append(f"{number}. ")
            else:
                out.list_markers.append("• ")
            _walk(node.first_child, out, depth + 1)
            out.end_line()
            out.list_markers.pop()
        elif kind == _LIST or kind == _ORDERED:
            out.end_line()
            if not out.list_depth:
                out.end_block()
            out.list_depth += 1
            _walk(node.first_child, out, depth + 1, kind == _ORDERED)
            out.end_line()
            out.list_depth -= 1
            if not out.list_depth:
                out.end_block()
        else:  # _BLOCK_KIND and _QUOTE
            if inline or out.lines:  # end_block would find nothing to close otherwise
                out.end_block()
            quote = kind == _QUOTE
            out.quote_depth += quote
            _walk(node.first_child, out, depth + 1)
            out.end_block()
            out.quote_depth -= quote
        node = node.next


def looks_like_html(text: str) -> bool:
    """Whether the text holds markup or entities worth parsing (plain text is kept as is)."""
    return "<" in text or "&" in text


def html_to_text(html: str, base_url: str = "") -> str:
    """Readable text from an HTML fragment, with numbered link references listed at the end."""
    return html_to_text_counted(html, base_url)[0]


def html_to_text_counted(html: str, base_url: str = "") -> tuple[str, int]:
    """html_to_text and the number of words in it (`len(text.split())`, counted as the lines are made)."""
    if not html or not html.strip():
        return "", 0
    if not looks_like_html(html):
        text = plain_to_text(html)
        return text, len(text.split())
    out = _layout(html, base_url)
    if out.skipped_content and _SELF_CLOSED.search(html):
        out = _layout(_SELF_CLOSED.sub(r"<\1\2></\1>", html), base_url)
    out.list_depth = 0
    out.end_block()
    blocks = out.blocks
    if out.links:
        width = len(str(len(out.links)))
        blocks.append("\n".join(f"[{n:>{width}}] {_tidy_url(url)}" for n, url in enumerate(out.links, 1)))
        out.words += len(blocks[-1].split())
    return "\n\n".join(blocks), out.words  # each part is clean already: lines as they end, <pre> blocks, URLs


def _layout(html: str, base_url: str) -> _Writer:
    """The fragment parsed and walked: its blocks and links, the last block still open."""
    out = _Writer(base_url)
    _walk(_parse_fragment(html), out, 0)  # the fragment's first node: its siblings follow
    return out


def plain_to_text(text: str) -> str:
    """Plain text tidied into paragraphs: blank lines separate them, other whitespace collapses."""
    paragraphs = re.split(r"\n\s*\n", clean_text(text))
    return "\n\n".join(p for p in (_SPACE.sub(" ", p).strip() for p in paragraphs) if p)


def _tidy_url(url: str) -> str:
    """The URL on one clean line; the check first because nearly every URL is already clean."""
    return url if url.isprintable() and " " not in url else clean_line(url)


def _parse_fragment(html: str) -> LexborNode | None:
    """An HTML fragment parsed on its own, as the inside of a <div> (its <html>, <head> and <body> tags are
    ignored, as a browser does); None when it holds no node. The node returned is the fragment's first: its
    `next` siblings are the rest of the top level, and its `text()` is the whole fragment's text."""
    return LexborHTMLParser(_bounded_nesting(html), is_fragment=True).root


def _bounded_nesting(html: str) -> str:
    """The HTML as it is, or with its block containers made line breaks where they nest deeper than MAX_NESTING;
    the check is skipped where there are too few tags to nest that deep (every feed article seen so far)."""
    if len(html) <= 4 * MAX_NESTING or html.count("<") <= MAX_NESTING:  # "<ul>" is the shortest container
        return html
    depth = 0
    for match in _CONTAINER.finditer(html):
        if match.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > MAX_NESTING:
                return _CONTAINER.sub("<br>", html)
    return html


def html_to_line(html: str) -> str:
    """One line of text from a title or name that may hold markup or entities."""
    if not html or not looks_like_html(html):
        return clean_line(html)
    if "<" not in html:
        return clean_line(unescape(html))
    root = _parse_fragment(html)
    if root is None:
        return ""
    return clean_line(root.text())
