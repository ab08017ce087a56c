"""HTTP fetching for feeds: bounded concurrency, timeouts, a decompressed-size cap, conditional GET.

A Fetcher holds settings only; `async with fetcher:` opens a client (http1.py) on the running event loop
(refresh_all runs its own loop, possibly in a worker thread) and closes it afterwards.
"""

from __future__ import annotations

import asyncio
import errno
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from spacereader import __version__
from spacereader.ingest.http1 import Client, ConnectFailed, HeadersTooLarge, InvalidURL, ProtocolError, Response
from spacereader.ingest.inflate import InflateError, Inflater

USER_AGENT = f"spacereader/{__version__} (terminal feed reader)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PERMANENT = frozenset({301, 308})
REDIRECTS = frozenset({301, 302, 303, 307, 308})


class FetchError(Exception):
    """A fetch that produced no feed; `reason` is a few words for the feed list ("timed out", "HTTP 404")."""

    def __init__(self, reason: str, *, disable: bool = False, retry_after: datetime | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.disable = disable
        """The server said the feed is gone for good (410): stop fetching it."""
        self.retry_after = retry_after
        """The server asked us to wait (429/503) until then."""


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A response worth acting on: 200 with a body, or 304 meaning unchanged."""

    status: int
    body: bytes
    final_url: str
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    permanent_redirect: str | None = None
    """The new URL when every redirect on the way was permanent (301/308): the feed has moved."""
    retry_after: datetime | None = None

    @property
    def unchanged(self) -> bool:
        """The server answered 304 Not Modified."""
        return self.status == 304


def parse_retry_after(value: str | None, now: datetime | None = None) -> datetime | None:
    """Retry-After as a UTC time: either delay-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    now = now or datetime.now(timezone.utc)
    value = value.strip()
    if value.isdigit():
        return now + timedelta(seconds=min(int(value), 7 * 24 * 3600))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(when.astimezone(timezone.utc), now)


def _connect_reason(error: Exception) -> str:
    """A short reason for a failed connection, from the OS error underneath."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, OSError):
            if cause.errno == errno.ECONNREFUSED:
                return "connection refused"
            if cause.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
                return "host unreachable"
        text = str(cause).lower()
        if "name or service not known" in text or "nodename nor servname" in text or "name resolution" in text:
            return "host not found"
        if "connection refused" in text:
            return "connection refused"
        if "certificate" in text or "ssl" in text:
            return "TLS error"
        cause = cause.__cause__ or cause.__context__
    return "cannot connect"


class Fetcher:
    """Fetches feeds over HTTP(S) with limits that keep one bad server from hurting the rest."""

    def __init__(
        self,
        *,
        max_connections: int = 16,
        per_host: int = 2,
        connect_timeout: float = 10.0,
        read_timeout: float = 20.0,
        total_timeout: float = 30.0,
        max_bytes: int = 20 * 1024 * 1024,
        max_redirects: int = 5,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.max_connections = max_connections
        self.per_host = per_host
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.total_timeout = total_timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.user_agent = user_agent
        self._client: Client | None = None
        self._slots: asyncio.Semaphore | None = None
        self._hosts: defaultdict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(self.per_host))

    def clone(self) -> Fetcher:
        """A fetcher with the same limits and its own client, for a job beside another on its own event loop
        (one client cannot serve two loops, and each `async with` replaces it)."""
        return Fetcher(
            max_connections=self.max_connections, per_host=self.per_host, connect_timeout=self.connect_timeout,
            read_timeout=self.read_timeout, total_timeout=self.total_timeout, max_bytes=self.max_bytes,
            max_redirects=self.max_redirects, user_agent=self.user_agent,
        )  # fmt: skip

    async def __aenter__(self) -> Fetcher:
        headers = {"User-Agent": self.user_agent, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"}
        # Redirects are followed by hand to count them, see which were permanent and refuse non-http(s) targets.
        self._client = Client(
            connect_timeout=self.connect_timeout, read_timeout=self.read_timeout, headers=headers,
            max_idle=self.max_connections,
        )  # fmt: skip
        self._slots = asyncio.Semaphore(self.max_connections)
        self._hosts.clear()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._client is not None:
            await self._client.aclose()
        self._client = None

    async def fetch(
        self, url: str, etag: str | None = None, last_modified: str | None = None, *, accept: str = ACCEPT
    ) -> FetchResult:
        """GET a feed (or, with another `accept`, a page), conditionally when validators are known;
        raises FetchError with a short reason."""
        if self._client is None or self._slots is None:
            raise RuntimeError("use `async with fetcher:` before fetching")
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            raise FetchError("only http(s) URLs are fetched")
        return await self._follow(url, etag, last_modified, accept)

    async def _follow(self, url: str, etag: str | None, last_modified: str | None, accept: str) -> FetchResult:
        current = url
        all_permanent = True
        loop = asyncio.get_running_loop()
        # The total timeout starts when the first request does, not while waiting for a slot: a feed queued
        # behind slow feeds on its host must not time out for their sake (waiting is bounded by their timeouts).
        deadline: float | None = None
        for _hop in range(self.max_redirects + 1):
            headers = {"Accept": accept} if accept != ACCEPT else {}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            host = urlsplit(current).netloc.lower()
            async with self._slots, self._hosts[host]:  # type: ignore[union-attr]
                if deadline is None:
                    deadline = loop.time() + self.total_timeout
                try:
                    async with asyncio.timeout_at(deadline):
                        outcome = await self._get(current, headers)
                except TimeoutError as error:
                    raise FetchError("timed out") from error
            if isinstance(outcome, FetchResult):
                if outcome.unchanged and not (etag or last_modified):
                    # Nothing was asked to compare with, so "not modified" carries no feed: the server is wrong.
                    raise FetchError("HTTP 304 without a conditional request")
                moved = current if all_permanent and current != url else None
                return FetchResult(
                    status=outcome.status, body=outcome.body, final_url=current, etag=outcome.etag,
                    last_modified=outcome.last_modified, content_type=outcome.content_type,
                    permanent_redirect=moved,
                )  # fmt: skip
            status, location = outcome
            all_permanent = all_permanent and status in PERMANENT
            target = urljoin(current, location)
            if urlsplit(target).scheme.lower() not in ("http", "https"):
                raise FetchError("redirect to a non-http(s) URL")
            current = target
        raise FetchError("too many redirects")

    async def _get(self, url: str, headers: dict[str, str]) -> FetchResult | tuple[int, str]:
        """One request: a result, or (status, Location) for a redirect to follow."""
        assert self._client is not None
        try:
            response = await self._client.get(url, headers)
            try:
                return await self._answer(url, response)
            finally:
                response.release()  # reused when its body was read in full, closed otherwise
        except TimeoutError as error:
            raise FetchError("timed out") from error
        except ConnectFailed as error:
            raise FetchError(_connect_reason(error)) from error
        except HeadersTooLarge as error:
            raise FetchError("response headers too large") from error
        except InvalidURL as error:
            raise FetchError("invalid URL") from error
        except (ProtocolError, OSError, EOFError) as error:  # reset, broken pipe, an answer cut short
            raise FetchError("connection broken") from error

    async def _answer(self, url: str, response: Response) -> FetchResult | tuple[int, str]:
        status = response.status
        if status in REDIRECTS:
            location = response.headers.get("location")
            if not location:
                raise FetchError(f"HTTP {status} without a Location")
            return status, location
        if status == 304:
            return FetchResult(304, b"", url, response.headers.get("etag"), response.headers.get("last-modified"))
        if status == 410:
            raise FetchError("HTTP 410 (gone): feed removed by its server", disable=True)
        if status in (429, 503):
            when = parse_retry_after(response.headers.get("retry-after"))
            raise FetchError(f"HTTP {status}" + (" (asked to retry later)" if when else ""), retry_after=when)
        if status >= 400:
            raise FetchError(f"HTTP {status}")
        if status != 200 and status != 203:
            raise FetchError(f"HTTP {status}")
        declared = response.headers.get("content-length", "")
        # Content-Length counts compressed bytes; a larger decompressed body is caught while streaming.
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError("response too large")
        try:
            inflater = Inflater(response.headers.get("content-encoding", ""), self.max_bytes)
            chunks: list[bytes] = []
            await response.read_body(lambda piece: chunks.append(inflater.feed(piece)))
            chunks.append(inflater.finish())
        except InflateError as error:
            raise FetchError(str(error)) from error
        return FetchResult(
            status=200, body=b"".join(chunks), final_url=url,
            etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"),
            content_type=response.headers.get("content-type", ""),
        )  # fmt: skip
