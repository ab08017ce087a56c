"""Opening article links and playing media: only http(s), one argument, never a shell."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from urllib.parse import urlsplit

_LINK_LINE = re.compile(r"^\[\s*(\d+)\] (\S+)$")


class LinkError(ValueError):
    """A link that will not be opened; the message says why in one line."""


def check_link(url: str) -> str:
    """The URL if it is a plain http(s) link, else LinkError."""
    url = (url or "").strip()
    if not url:
        raise LinkError("this article has no link")
    if any(ord(c) < 0x21 or ord(c) == 0x7F for c in url):
        raise LinkError("the link contains spaces or control characters")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise LinkError(f"only http and https links are opened, not {parts.scheme or 'this'} links")
    return url


def default_browser() -> tuple[str, ...]:
    """The platform's opener: $BROWSER's first entry, else open / xdg-open."""
    env = os.environ.get("BROWSER", "").split(os.pathsep)[0].strip()
    if env:
        return tuple(env.split())
    if sys.platform == "darwin":
        return ("open",)
    if sys.platform.startswith("win"):
        return ("explorer",)
    return ("xdg-open",)


def article_links(body: str) -> list[tuple[int, str]]:
    """The numbered links listed under an article's text, as (number, URL), in order."""
    last = body.rstrip().rpartition("\n\n")[2]
    found = [_LINK_LINE.match(line.strip()) for line in last.splitlines()]
    if not found or not all(found):
        return []
    return [(int(match.group(1)), match.group(2)) for match in found if match]


def open_link(url: str, command: tuple[str, ...] = ()) -> None:
    """Start the browser on the URL, detached, with no shell and the URL as its own final argument."""
    _start(url, command, "browser")


def play_media(url: str, command: tuple[str, ...] = ()) -> None:
    """Start the player (or, with none set, the platform's opener) on a media URL, the same way."""
    _start(url, command, "player")


def _start(url: str, command: tuple[str, ...], setting: str) -> None:
    url = check_link(url)
    argv = list(command or default_browser())
    if shutil.which(argv[0]) is None:
        raise LinkError(f"no {setting}: {argv[0]!r} not found (set {setting} in the config)")
    subprocess.Popen(  # noqa: S603 - a list, no shell; the URL was checked above
        [*argv, url],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
