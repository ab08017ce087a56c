"""A small Google Reader API client (FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux).

Blocking, because a sync is a short sequence of dependent requests run from a worker thread or the CLI.
It keeps the limits feeds are fetched under (ingest/fetch.py): the same connect and read timeouts, a
deadline per request, the decompressed-size cap, http(s) only, no redirect followed. Every failure is a
SyncError whose message is one line naming the server and what went wrong; the password never appears
in one, nor in any URL (it is sent once, in the body of the login).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from spacereader.ingest.fetch import USER_AGENT, Fetcher, _connect_reason
from spacereader.ingest.inflate import BodyTooLarge, InflateError, Inflater
from spacereader.safe_text import clean_line

READING_LIST = "user/-/state/com.google/reading-list"
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
LABEL_PREFIX = "user/-/label/"
ITEM_PREFIX = "tag:google.com,2005:reader/item/"
# Ids posted in one edit-tag or items/contents request: well under any server's form-field limit.
POST_BATCH = 250
# Items per stream/contents page and ids per stream/items/ids page.
CONTENTS_PAGE = 1000
IDS_PAGE = 10000


class SyncError(Exception):
    """A sync step failed; the message is one line for the user, starting with "sync:"."""


class LoginRefused(SyncError):
    """The server refused the user name and password."""


def item_id(value: object) -> str:
    """An item id in its short decimal form, whether given long (hex, prefixed) or short (decimal).

    Raises ValueError for anything else: the API promises one of the two forms.
    """
    text = str(value).strip()
    if text.startswith(ITEM_PREFIX):
        number = int(text[len(ITEM_PREFIX) :], 16)
    elif text.isdigit():
        number = int(text)
    else:
        raise ValueError(f"not an item id: {text[:40]!r}")
    if number < 0 or number >= 2**64:
        raise ValueError(f"item id out of range: {text[:40]!r}")
    return str(number)


@dataclass(frozen=True, slots=True)
class RemoteSubscription:
    """One subscription as the server lists it."""

    stream_id: str
    url: str
    title: str
    folder: str
    site_url: str


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a stream: the raw item objects and the token for the next page (None at the end)."""

    items: list[Any]
    """As the server sent them: each is checked when it is stored."""
    continuation: str | None


@dataclass(slots=True)
class Traffic:
    """What a sync cost on the wire: requests made, body bytes received, items received."""

    requests: int = 0
    bytes: int = 0
    items: int = 0
    ids: int = 0


class GReaderClient:
    """One account on one server; logs in on first use and fetches the write token when first needed."""

    def __init__(self, base_url: str, user: str, password: str, *, limits: Fetcher | None = None) -> None:
        limits = limits or Fetcher()
        self.base = base_url.rstrip("/")
        self.user = user
        self._password = password
        self.host = urlsplit(self.base).netloc or self.base
        if urlsplit(self.base).scheme.lower() not in ("http", "https"):
            raise SyncError(f"sync: the url {clean_line(self.base)[:80]} is not http(s)")
        self.max_bytes = limits.max_bytes
        self.total_timeout = limits.total_timeout
        self.traffic = Traffic()
        self.server_time: float | None = None
        """The server's clock (its Date header) at login, in seconds; None when it sent none."""
        self._auth: str | None = None
        self._token: str | None = None
        self._client = httpx.Client(
            timeout=httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout),
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=False,
            trust_env=False,
        )

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def __enter__(self) -> GReaderClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- the wire -----------------------------------------------------------------------------------------

    def _request(
        self, method: str, path: str, *, params: Sequence[tuple[str, str]] = (), data: Sequence[tuple[str, str]] = ()
    ) -> tuple[int, bytes, httpx.Headers]:
        """One request with the deadline and the size cap; (status, body, headers), or SyncError."""
        url = self.base + path
        headers = {"Authorization": f"GoogleLogin auth={self._auth}"} if self._auth else {}
        what = f"{self.host}{path.split('?')[0]}"
        deadline = time.monotonic() + self.total_timeout
        self.traffic.requests += 1
        try:
            with self._client.stream(
                method, url, params=list(params) or None, data=dict(_multi(data)) if data else None, headers=headers
            ) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise SyncError(f"sync: {what}: the answer is larger than {_size(self.max_bytes)}")
                inflater = Inflater(response.headers.get("content-encoding", ""), self.max_bytes)
                chunks = []
                for chunk in response.iter_raw():
                    chunks.append(inflater.feed(chunk))
                    if time.monotonic() > deadline:
                        raise SyncError(f"sync: {what} timed out")
                chunks.append(inflater.finish())
        except BodyTooLarge as error:
            raise SyncError(f"sync: {what}: the answer is larger than {_size(self.max_bytes)}") from error
        except InflateError as error:
            raise SyncError(f"sync: {what}: {error}") from error
        except httpx.TimeoutException as error:
            raise SyncError(f"sync: {what} timed out") from error
        except httpx.ConnectError as error:
            raise SyncError(f"sync: cannot reach {self.host} ({_connect_reason(error)})") from error
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as error:
            raise SyncError(f"sync: {what}: the connection broke") from error
        except httpx.HTTPError as error:
            raise SyncError(f"sync: {what}: HTTP error ({type(error).__name__})") from error
        body = b"".join(chunks)
        self.traffic.bytes += len(body)
        return response.status_code, body, response.headers

    def _call(
        self, method: str, path: str, *, params: Sequence[tuple[str, str]] = (), data: Sequence[tuple[str, str]] = ()
    ) -> bytes:
        """An API call as the logged-in user: logs in first, and once more if the server forgot the session."""
        if self._auth is None:
            self.login()
        status, body, _ = self._request(method, path, params=params, data=data)
        if status == 401:
            self._auth = self._token = None
            self.login()
            if data:
                data = [(k, self.token() if k == "T" else v) for k, v in data]
            status, body, _ = self._request(method, path, params=params, data=data)
        self._check(status, path)
        return body

    def _check(self, status: int, path: str) -> None:
        what = f"{self.host}{path.split('?')[0]}"
        if status in (301, 302, 303, 307, 308):
            raise SyncError(f"sync: {what} redirected (HTTP {status}); set [sync] url to the new address")
        if status == 401 or status == 403:
            raise LoginRefused(f"sync: the server refused the login for {clean_line(self.user)}")
        if status != 200:
            raise SyncError(f"sync: {what} answered HTTP {status}")

    def _json(self, body: bytes, path: str) -> dict[str, Any]:
        try:
            value = json.loads(body)
        except (ValueError, RecursionError) as error:
            raise SyncError(f"sync: the answer to {path.split('?')[0]} is not valid JSON") from error
        if not isinstance(value, dict):
            raise SyncError(f"sync: the answer to {path.split('?')[0]} is not a JSON object")
        return value

    # -- the API ------------------------------------------------------------------------------------------

    def login(self) -> None:
        """ClientLogin: trade the user name and password for an Auth token."""
        path = "/accounts/ClientLogin"
        status, body, headers = self._request("POST", path, data=[("Email", self.user), ("Passwd", self._password)])
        if status in (401, 403):
            raise LoginRefused(f"sync: the server refused the login for {clean_line(self.user)}")
        self._check(status, path)
        for line in body.decode("utf-8", "replace").splitlines():
            if line.startswith("Auth="):
                self._auth = line[5:].strip()
        if not self._auth:
            raise SyncError(f"sync: the answer to {path} has no Auth token")
        try:
            self.server_time = parsedate_to_datetime(headers.get("date", "")).timestamp()
        except (TypeError, ValueError, IndexError):
            self.server_time = None

    def token(self) -> str:
        """The short-lived token every write must carry."""
        if self._token is None:
            text = self._call("GET", "/reader/api/0/token").decode("utf-8", "replace").strip()
            if not text or len(text) > 200:
                raise SyncError("sync: the answer to /reader/api/0/token is not a token")
            self._token = text
        return self._token

    def subscriptions(self) -> list[RemoteSubscription]:
        """Every subscription with its folder (the first label it carries)."""
        path = "/reader/api/0/subscription/list"
        found = self._json(self._call("GET", path, params=[("output", "json")]), path).get("subscriptions")
        if not isinstance(found, list):
            raise SyncError(f"sync: the answer to {path} has no subscriptions list")
        subs = []
        for entry in found:
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                raise SyncError(f"sync: the answer to {path} has a subscription without an id")
            categories = entry.get("categories")
            if not isinstance(categories, list):
                categories = []
            folder = next((str(c.get("label") or "") for c in categories if isinstance(c, dict) and c.get("label")), "")
            stream = entry["id"]
            url = entry.get("url") if isinstance(entry.get("url"), str) else ""
            if not url and stream.startswith("feed/") and not stream[5:].isdigit():
                url = stream[5:]  # servers that name feeds by URL (Inoreader, The Old Reader)
            # Names from the server are text from feeds: one clean line each, as a fetched feed's title is.
            subs.append(
                RemoteSubscription(
                    stream,
                    clean_line(url or stream),
                    clean_line(str(entry.get("title") or "")),
                    clean_line(folder),
                    clean_line(str(entry.get("htmlUrl") or "")),
                )  # fmt: skip
            )
        return subs

    def contents(self, stream: str, *, count: int = CONTENTS_PAGE, since: int | None = None, continuation=None) -> Page:
        """One page of a stream's items, newest first; `since` (seconds) keeps only items crawled from then on."""
        path = "/reader/api/0/stream/contents/" + _quote_stream(stream)
        params = [("n", str(count)), ("output", "json")]
        if since is not None:
            params.append(("ot", str(since)))
        if continuation:
            params.append(("c", continuation))
        answer = self._json(self._call("GET", path, params=params), "/reader/api/0/stream/contents")
        items = answer.get("items")
        if not isinstance(items, list):
            raise SyncError("sync: the answer to /reader/api/0/stream/contents has no items list")
        self.traffic.items += len(items)
        token = answer.get("continuation")
        return Page(items, str(token) if token else None)

    def items_by_id(self, ids: Iterable[str]) -> list[Any]:
        """The items with these ids (short form), a batch per request."""
        ids = list(ids)
        items: list[Any] = []
        path = "/reader/api/0/stream/items/contents"
        for start in range(0, len(ids), POST_BATCH):
            batch = ids[start : start + POST_BATCH]
            answer = self._json(
                self._call("POST", path, params=[("output", "json")], data=[("i", i) for i in batch]), path
            )
            found = answer.get("items")
            if not isinstance(found, list):
                raise SyncError(f"sync: the answer to {path} has no items list")
            self.traffic.items += len(found)
            items.extend(found)
        return items

    def item_ids(self, stream: str, *, exclude: str | None = None, since: int | None = None) -> set[str]:
        """Every item id of a stream (short form), following continuations; `since` as in `contents`."""
        path = "/reader/api/0/stream/items/ids"
        ids: set[str] = set()
        continuation: str | None = None
        while True:
            params = [("s", stream), ("n", str(IDS_PAGE)), ("output", "json")]
            if exclude:
                params.append(("xt", exclude))
            if since is not None:
                params.append(("ot", str(since)))
            if continuation:
                params.append(("c", continuation))
            answer = self._json(self._call("GET", path, params=params), path)
            refs = answer.get("itemRefs", [])
            if not isinstance(refs, list):
                raise SyncError(f"sync: the answer to {path} has no itemRefs list")
            try:
                page = {item_id(ref["id"]) for ref in refs}
            except (TypeError, KeyError, ValueError) as error:
                raise SyncError(f"sync: the answer to {path} has an item without a valid id") from error
            self.traffic.ids += len(page)
            fresh = page - ids
            ids |= page
            token = answer.get("continuation")
            if not token or not fresh:  # no new id on a page means the server is going round in circles
                return ids
            continuation = str(token)

    def edit_tag(self, ids: Sequence[str], *, add: str | None = None, remove: str | None = None) -> None:
        """Add or remove a state (read, starred) on items, a batch per request."""
        for start in range(0, len(ids), POST_BATCH):
            data = [("T", self.token())] + [("i", i) for i in ids[start : start + POST_BATCH]]
            if add:
                data.append(("a", add))
            if remove:
                data.append(("r", remove))
            self._call("POST", "/reader/api/0/edit-tag", data=data)

    def mark_all_as_read(self, stream: str, older_than_usec: int) -> None:
        """Mark a stream read up to a crawl time, so items that arrived after it stay unread."""
        data = [("T", self.token()), ("s", stream), ("ts", str(older_than_usec))]
        self._call("POST", "/reader/api/0/mark-all-as-read", data=data)

    def subscribe(self, url: str, folder: str = "") -> None:
        """Subscribe the account to a feed URL, in a folder when given."""
        data = [("T", self.token()), ("s", f"feed/{url}"), ("ac", "subscribe")]
        if folder:
            data.append(("a", LABEL_PREFIX + folder))
        self._call("POST", "/reader/api/0/subscription/edit", data=data)

    def unsubscribe(self, stream: str) -> None:
        """Remove a subscription from the account."""
        data = [("T", self.token()), ("s", stream), ("ac", "unsubscribe")]
        self._call("POST", "/reader/api/0/subscription/edit", data=data)

    def move(self, stream: str, folder: str) -> None:
        """File a subscription under another folder."""
        data = [("T", self.token()), ("s", stream), ("ac", "edit"), ("a", LABEL_PREFIX + folder)]
        self._call("POST", "/reader/api/0/subscription/edit", data=data)


def _quote_stream(stream: str) -> str:
    """A stream id as a path: its slashes kept (the servers split on them), anything else escaped."""
    from urllib.parse import quote

    return quote(stream, safe="/-_.~")


def _multi(pairs: Sequence[tuple[str, str]]) -> dict[str, list[str] | str]:
    """Form pairs with repeated keys (i=1&i=2) as httpx wants them."""
    merged: dict[str, list[str]] = {}
    for key, value in pairs:
        merged.setdefault(key, []).append(value)
    return {k: v[0] if len(v) == 1 else v for k, v in merged.items()}


def _size(count: int) -> str:
    return f"{count / 1_000_000:g} MB" if count >= 1_000_000 else f"{count:,} bytes"
