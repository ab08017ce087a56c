"""OPML subscription lists: a safe, lenient reader and an OPML 2.0 writer that keeps folders.

Reading tries a strict parse with defusedxml (no DTDs, no entity expansion, nothing fetched). Real lists
are often not well-formed (a raw `&`, an unescaped `"` inside an attribute), so when the strict parse
fails on syntax, a tolerant scan of the `<outline>` tags reads them instead, with a warning.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import datetime, timezone
from email.utils import format_datetime
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element, ParseError, SubElement, indent, tostring

import defusedxml.ElementTree as safe_tree
from defusedxml import DefusedXmlException

from spacereader.models import Feed, Subscription
from spacereader.safe_text import clean_line

FOLDER_SEPARATOR = "/"
_URL_KEYS = ("xmlurl",)
# An outline tag (opening or self-closing) or a closing one.
# A quoted value may hold < and >; its length is bounded so a stray quote cannot make every attempt
# scan the rest of the file.
_TAG = re.compile(r'<\s*(/?)\s*outline\b((?:"[^"]{0,2000}"|[^<>"])*?)(/?)\s*>', re.IGNORECASE | re.DOTALL)
# name="value" where value may hold a stray quote: it ends at a quote followed by another attribute or the tag end.
_ATTR = re.compile(
    r"""([\w:.-]+)\s*=\s*(?:"(.*?)"(?=\s+[\w:.-]+\s*=|\s*/?\s*$)|'(.*?)'(?=\s+[\w:.-]+\s*=|\s*/?\s*$)|([^\s"'>]+))""",
    re.DOTALL,
)


class OpmlError(ValueError):
    """The file holds no usable subscription list; the message says why in one line."""


def _subscription(
    attrs: dict[str, str], folders: list[str], warnings: list[str], seen: set[str]
) -> Subscription | None:
    """A subscription from an outline's attributes (keys lower-cased), or None with a warning."""
    url = ""
    for key in _URL_KEYS:
        if attrs.get(key, "").strip():
            url = clean_line(attrs[key])
            break
    if not url:
        return None
    if urlsplit(url).scheme.lower() not in ("http", "https") or not urlsplit(url).netloc:
        warnings.append(f"skipped {url!r}: only http(s) feed URLs are imported")
        return None
    if url in seen:
        return None
    seen.add(url)
    title = clean_line(attrs.get("title") or attrs.get("text") or "")
    if title == url:  # an untitled feed exported as its URL: leave the title for the feed itself to fill
        title = ""
    return Subscription(url=url, title=title, folder=FOLDER_SEPARATOR.join(folders))


def _is_feed(attrs: dict[str, str]) -> bool:
    return any(attrs.get(key, "").strip() for key in _URL_KEYS)


def _folder_name(attrs: dict[str, str]) -> str:
    return clean_line(attrs.get("title") or attrs.get("text") or "").replace(FOLDER_SEPARATOR, "-")


def _read_tree(root: Element, warnings: list[str]) -> list[Subscription]:
    subscriptions: list[Subscription] = []
    seen: set[str] = set()

    def walk(node: Element, folders: list[str]) -> None:
        for child in node:
            tag = child.tag.rsplit("}", 1)[-1].lower() if isinstance(child.tag, str) else ""
            if tag != "outline":
                walk(child, folders)
                continue
            attrs = {k.rsplit("}", 1)[-1].lower(): v for k, v in child.attrib.items()}
            if attrs.get("type", "").lower() == "include":
                warnings.append(
                    f"skipped included list {clean_line(attrs.get('url', ''))!r}: includes are not followed"
                )
                continue
            if _is_feed(attrs):
                found = _subscription(attrs, folders, warnings, seen)
                if found:
                    subscriptions.append(found)
                walk(child, folders)
            else:
                name = _folder_name(attrs)
                walk(child, [*folders, name] if name else folders)

    walk(root, [])
    return subscriptions


def _read_tags(text: str, warnings: list[str]) -> list[Subscription]:
    """Scan outline tags one by one, for files that are not well-formed XML."""
    subscriptions: list[Subscription] = []
    seen: set[str] = set()
    folders: list[str | None] = []  # one entry per open outline; None for an open feed outline
    for match in _TAG.finditer(text):
        closing, body, self_closing = match.groups()
        if closing:
            if folders:
                folders.pop()
            continue
        attrs = {}
        for attr in _ATTR.finditer(body.strip()):
            value = next((v for v in attr.groups()[1:] if v is not None), "")
            attrs[attr.group(1).rsplit(":", 1)[-1].lower()] = html.unescape(value)
        path = [f for f in folders if f]
        if attrs.get("type", "").lower() == "include":
            warnings.append(f"skipped included list {clean_line(attrs.get('url', ''))!r}: includes are not followed")
        elif _is_feed(attrs):
            found = _subscription(attrs, path, warnings, seen)
            if found:
                subscriptions.append(found)
        if not self_closing:
            folders.append(None if _is_feed(attrs) else (_folder_name(attrs) or None))
    return subscriptions


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")


def read_opml(data: bytes) -> tuple[list[Subscription], list[str]]:
    """Subscriptions (http(s) only, de-duplicated, folders kept) and one-line warnings; OpmlError if none."""
    warnings: list[str] = []
    try:
        root = safe_tree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise OpmlError(f"unsafe XML refused ({type(error).__name__})") from error
    except ParseError as error:
        warnings.append(f"not well-formed XML ({error}); read leniently")
        subscriptions = _read_tags(_decode(data), warnings)
    else:
        subscriptions = _read_tree(root, warnings)
    if not subscriptions:
        raise OpmlError("no http(s) feed URLs found")
    return subscriptions, warnings


def _add_outline(parent: Element, feed: Feed) -> None:
    title = clean_line(feed.title) or clean_line(feed.url)
    attrs = {"type": "rss", "text": title, "title": title, "xmlUrl": clean_line(feed.url)}
    if feed.site_url:
        attrs["htmlUrl"] = clean_line(feed.site_url)
    SubElement(parent, "outline", attrs)


def write_opml(feeds: Iterable[Feed], *, title: str = "spacereader subscriptions") -> str:
    """An OPML 2.0 document of the feeds, folders as nested outlines (the seed source left out)."""
    root = Element("opml", {"version": "2.0"})
    head = SubElement(root, "head")
    SubElement(head, "title").text = title
    SubElement(head, "dateCreated").text = format_datetime(datetime.now(timezone.utc), usegmt=True)
    body = SubElement(root, "body")
    folders: dict[str, Element] = {"": body}

    def folder_element(path: str) -> Element:
        if path not in folders:
            parent_path, _, name = path.rpartition(FOLDER_SEPARATOR)
            parent = folder_element(parent_path)
            folders[path] = SubElement(parent, "outline", {"text": name, "title": name})
        return folders[path]

    for feed in feeds:
        if feed.kind == "seed":
            continue
        folder = FOLDER_SEPARATOR.join(p for p in clean_line(feed.folder).split(FOLDER_SEPARATOR) if p)
        _add_outline(folder_element(folder), feed)
    indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode") + "\n"
