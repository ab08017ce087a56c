"""A small HTTP/1.1 client for fetching feeds and pages: one GET at a time per connection, kept alive per host.

httpx spent about 0.7 ms of CPU on each request in its own layers (request and response models, the cookie
jar, anyio, h11), which was most of a refresh where every feed answers 304. Fetching needs one method, no
cookies, no proxies and no HTTP/2, so this writes the request line and headers itself, reads the status
line and headers, and frames the body by Content-Length, chunked encoding or the server closing.

Only asyncio and the standard library; the callers (fetch.py) turn its exceptions into one-line reasons.
"""

from __future__ import annotations

import asyncio
import base64
import ssl
from collections.abc import Callable
from urllib.parse import quote, unquote, urlsplit

HEADER_LIMIT = 16 * 1024
"""Bytes of status line and headers accepted before giving up (h11's limit, which httpx used)."""
READ_SIZE = 64 * 1024
KEEPALIVE_SECONDS = 5.0
"""An idle connection older than this is closed rather than reused (servers drop idle ones; httpcore's figure)."""
DEFAULT_PORTS = {"http": 80, "https": 443}
# Path and query characters sent as they are: RFC 3986's reserved and unreserved ones, and existing escapes.
PATH_SAFE = "/%!$&'()*+,;=:@~-._"
QUERY_SAFE = PATH_SAFE + "?"


class InvalidURL(ValueError):
    """The URL has no usable host or port, or characters no request can carry."""


class ConnectFailed(Exception):
    """The connection (or its TLS handshake) could not be made; `__cause__` holds the OS error."""


class ProtocolError(Exception):
    """The server's answer is not HTTP/1.x, or it ended in the middle."""


class HeadersTooLarge(ProtocolError):
    """The status line and headers ran past HEADER_LIMIT."""


def _header_safe(value: str) -> bool:
    """No control character that could end the header line (a stored ETag came from a server: hostile)."""
    return not any(c < " " and c != "\t" or c == "\x7f" for c in value)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


class _Connection:
    __slots__ = ("key", "reader", "writer", "idle_since")

    def __init__(self, key: tuple[str, str, int], reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.key = key
        self.reader = reader
        self.writer = writer
        self.idle_since = 0.0

    def close(self) -> None:
        self.writer.close()


class Response:
    """Status and headers of one answer; the body is read with `body()`, then `release()` frees the connection."""

    __slots__ = ("status", "headers", "_conn", "_client", "_length", "_chunked", "_keep_alive", "_done")

    def __init__(self, status: int, headers: dict[str, str], conn: _Connection, client: Client, keep_alive: bool):
        self.status = status
        self.headers = headers
        """Lower-case names; a repeated header's values joined with ", "."""
        self._conn = conn
        self._client = client
        self._keep_alive = keep_alive
        self._chunked = False
        self._length: int | None = None
        self._done = False
        if status < 200 or status in (204, 304):
            self._length = 0
        elif "transfer-encoding" in headers:
            codings = [c.strip().lower() for c in headers["transfer-encoding"].split(",")]
            self._chunked = codings[-1] == "chunked"
            self._keep_alive = self._keep_alive and self._chunked
        elif "content-length" in headers:
            values = {v.strip() for v in headers["content-length"].split(",")}
            if len(values) != 1 or not (value := values.pop()).isdigit():
                raise ProtocolError("bad Content-Length")
            self._length = int(value)
        else:
            self._keep_alive = False  # the body ends when the server closes
        self._done = self._length == 0

    async def read_body(self, on_piece: Callable[[bytes], object]) -> None:
        """Hand the body's bytes to `on_piece` as they arrive, each read bounded by the client's read timeout.

        A callback rather than an async generator: a generator left half-read would keep its timeout armed.
        """
        reader = self._conn.reader
        timeout = self._client.read_timeout
        loop = asyncio.get_running_loop()
        async with asyncio.timeout(None) as deadline:

            async def exactly(size: int) -> None:
                while size > 0:
                    deadline.reschedule(loop.time() + timeout)
                    piece = await reader.read(min(size, READ_SIZE))
                    if not piece:
                        raise ProtocolError("ended in the body")
                    size -= len(piece)
                    on_piece(piece)

            if self._chunked:
                while True:
                    deadline.reschedule(loop.time() + timeout)
                    line = await reader.readline()
                    size_text = line.split(b";", 1)[0].strip()
                    if not line.endswith(b"\n") or not size_text:
                        raise ProtocolError("bad chunk")
                    try:
                        size = int(size_text, 16)
                    except ValueError as error:
                        raise ProtocolError("bad chunk size") from error
                    if size == 0:
                        while (line := await reader.readline()) not in (b"\r\n", b"\n"):  # trailers
                            if not line:
                                raise ProtocolError("ended in the trailers")
                        break
                    await exactly(size)
                    deadline.reschedule(loop.time() + timeout)
                    if await reader.readline() not in (b"\r\n", b"\n"):
                        raise ProtocolError("bad chunk end")
            elif self._length is not None:
                await exactly(self._length)
            else:
                while True:
                    deadline.reschedule(loop.time() + timeout)
                    piece = await reader.read(READ_SIZE)
                    if not piece:
                        break
                    on_piece(piece)
        self._done = True

    def release(self) -> None:
        """Back to the pool when the whole body was read and the server keeps the connection; closed otherwise."""
        if self._done and self._keep_alive:
            self._client._put(self._conn)
        else:
            self._conn.close()


class Client:
    """Keep-alive connections per (scheme, host, port), at most `max_idle` kept waiting in all."""

    def __init__(
        self, *, connect_timeout: float, read_timeout: float, headers: dict[str, str], max_idle: int = 16
    ) -> None:
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.headers = {name.lower(): (name, value) for name, value in headers.items()}
        self.max_idle = max_idle
        self._idle: dict[tuple[str, str, int], list[_Connection]] = {}
        self._idle_count = 0
        self._tls: ssl.SSLContext | None = None

    async def get(self, url: str, headers: dict[str, str]) -> Response:
        """Send a GET and read the answer's status and headers; a kept-alive connection the server has
        meanwhile closed is replaced once, as nothing of the answer was read."""
        key, request = self._request(url, headers)
        conn = self._take(key)
        if conn is not None:
            try:
                return await self._exchange(conn, request)
            except (ConnectionError, asyncio.IncompleteReadError, _Stale):
                conn.close()  # the server dropped it while idle: try once on a new connection
            except BaseException:
                conn.close()
                raise
        conn = await self._connect(key)
        try:
            return await self._exchange(conn, request)
        except _Stale as error:
            conn.close()
            raise ProtocolError("closed without an answer") from error
        except BaseException:
            conn.close()
            raise

    async def aclose(self) -> None:
        for conns in self._idle.values():
            for conn in conns:
                # Dropped outright: a TLS close would wait for the server's reply to close_notify, and closing
                # must end on the loop's next pass, before the loop does, not at garbage collection.
                conn.writer.transport.abort()
        self._idle.clear()
        self._idle_count = 0
        await asyncio.sleep(0)

    def _request(self, url: str, headers: dict[str, str]) -> tuple[tuple[str, str, int], bytes]:
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as error:
            raise InvalidURL(str(error)) from error
        scheme = parts.scheme.lower()
        host = parts.hostname or ""
        if scheme not in DEFAULT_PORTS or not host or not _header_safe(url) or " " in host:
            raise InvalidURL(url)
        if not host.isascii():
            try:
                host = host.encode("idna").decode("ascii")
            except UnicodeError as error:
                raise InvalidURL(url) from error
        port = port or DEFAULT_PORTS[scheme]
        target = quote(parts.path or "/", safe=PATH_SAFE)
        if parts.query:
            target += "?" + quote(parts.query, safe=QUERY_SAFE)
        name = f"[{host}]" if ":" in host else host
        merged = dict(self.headers)
        merged["host"] = ("Host", name if port == DEFAULT_PORTS[scheme] else f"{name}:{port}")
        if parts.username is not None or parts.password is not None:
            pair = f"{unquote(parts.username or '')}:{unquote(parts.password or '')}".encode()
            merged["authorization"] = ("Authorization", "Basic " + base64.b64encode(pair).decode("ascii"))
        for header, value in headers.items():
            merged[header.lower()] = (header, value)
        lines = [f"GET {target} HTTP/1.1"]
        lines += [f"{header}: {value}" for header, value in merged.values() if _header_safe(value)]
        return (scheme, host, port), ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")

    def _take(self, key: tuple[str, str, int]) -> _Connection | None:
        conns = self._idle.get(key)
        now = asyncio.get_running_loop().time()
        while conns:
            conn = conns.pop()
            self._idle_count -= 1
            if now - conn.idle_since < KEEPALIVE_SECONDS and not conn.reader.at_eof():
                return conn
            conn.close()
        return None

    def _put(self, conn: _Connection) -> None:
        if self._idle_count >= self.max_idle:
            oldest = next(key for key, conns in self._idle.items() if conns)
            self._idle[oldest].pop(0).close()
            self._idle_count -= 1
        conn.idle_since = asyncio.get_running_loop().time()
        self._idle.setdefault(conn.key, []).append(conn)
        self._idle_count += 1

    async def _connect(self, key: tuple[str, str, int]) -> _Connection:
        scheme, host, port = key
        tls = self._tls_context() if scheme == "https" else None
        try:
            async with asyncio.timeout(self.connect_timeout):
                reader, writer = await asyncio.open_connection(
                    host, port, ssl=tls, server_hostname=host if tls else None, limit=READ_SIZE
                )
        except TimeoutError:
            raise  # an OSError too, but the caller says "timed out"
        except OSError as error:  # refused, unreachable, no such host, a failed TLS handshake
            raise ConnectFailed(str(error)) from error
        return _Connection(key, reader, writer)

    def _tls_context(self) -> ssl.SSLContext:
        """Verified TLS against certifi's roots, as httpx did (built once: loading the roots takes ~20 ms)."""
        if self._tls is None:
            import certifi

            self._tls = ssl.create_default_context(cafile=certifi.where())
            self._tls.set_alpn_protocols(["http/1.1"])
        return self._tls

    async def _exchange(self, conn: _Connection, request: bytes) -> Response:
        conn.writer.write(request)
        reader = conn.reader
        loop = asyncio.get_running_loop()
        async with asyncio.timeout(None) as deadline:
            deadline.reschedule(loop.time() + self.read_timeout)
            await conn.writer.drain()
            while True:  # informational answers (100 Continue) come before the real one
                status, version, headers = await self._read_head(reader, deadline, loop)
                if status >= 200 or status == 101:
                    break
        connection = headers.get("connection", "").lower()
        keep_alive = "close" not in connection and (version != "HTTP/1.0" or "keep-alive" in connection)
        return Response(status, headers, conn, self, keep_alive)

    async def _read_head(self, reader: asyncio.StreamReader, deadline, loop) -> tuple[int, str, dict[str, str]]:
        size = 0
        lines: list[bytes] = []
        while True:
            try:
                line = await reader.readuntil(b"\n")
            except asyncio.LimitOverrunError as error:
                raise HeadersTooLarge("headers too large") from error
            except asyncio.IncompleteReadError as error:
                if not lines and not error.partial:
                    raise _Stale from error
                raise ProtocolError("ended in the headers") from error
            size += len(line)
            if size > HEADER_LIMIT:
                raise HeadersTooLarge("headers too large")
            if line in (b"\r\n", b"\n"):
                if lines:
                    break
                continue  # a stray empty line before the status line
            lines.append(line)
            deadline.reschedule(loop.time() + self.read_timeout)
        version, _, rest = lines[0].strip().partition(b" ")
        code = rest[:3]
        if not version.startswith(b"HTTP/1.") or not code.isdigit() or rest[3:4] not in (b"", b" "):
            raise ProtocolError("not an HTTP/1.x answer")
        headers: dict[str, str] = {}
        last = ""
        for line in lines[1:]:
            if line[:1] in (b" ", b"\t") and last:  # an obsolete folded continuation line
                headers[last] += " " + _decode(line.strip())
                continue
            name, colon, value = line.partition(b":")
            if not colon or not name.strip():
                raise ProtocolError("bad header line")
            last = name.strip().decode("latin-1").lower()
            text = _decode(value.strip())
            headers[last] = f"{headers[last]}, {text}" if last in headers else text
        return int(code), version.decode("ascii", "replace"), headers


class _Stale(Exception):
    """A kept-alive connection closed before any byte of the answer: the request never reached the server."""
