"""The feed client's own HTTP/1.1 against a real socket server on 127.0.0.1 that answers byte for byte.

Each path is a response written by hand, so framing (Content-Length, chunked, read to close), keep-alive,
a connection the server dropped while idle, and hostile validators are checked on the wire.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from spacereader.ingest.fetch import Fetcher, FetchError

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'


def answer(path: str) -> tuple[bytes, bool]:
    """The bytes sent for a request path, and whether the server closes the connection afterwards."""
    if path == "/length":
        return b'HTTP/1.1 200 OK\r\nContent-Length: %d\r\nETag: "v1"\r\n\r\n' % len(FEED) + FEED, False
    if path == "/chunked":
        halves = FEED[:20], FEED[20:]
        body = b"".join(b"%x;ext=1\r\n%s\r\n" % (len(h), h) for h in halves) + b"0\r\nX-Trailer: y\r\n\r\n"
        return b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body, False
    if path == "/until-close":
        return b"HTTP/1.0 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n" + FEED, True
    if path == "/drops-idle":  # claims keep-alive, then hangs up: the next request must not fail for it
        return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(FEED) + FEED, True
    if path == "/cut-short":
        return b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + FEED, True
    if path == "/not-http":
        return b"SSH-2.0-OpenSSH_9.6\r\n\r\n", True
    if path == "/lf-only":
        return b'HTTP/1.1 304 Not Modified\nETag: "v2"\n\n', False
    return b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", False


class ScriptedServer:
    """Accepts connections, reads each request head, writes `answer(path)`; counts connections, keeps heads."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.requests: list[bytes] = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self.serve, args=(conn,), daemon=True).start()

    def serve(self, conn: socket.socket) -> None:
        with conn:
            buffer = b""
            while True:
                while b"\r\n\r\n" not in buffer:
                    data = conn.recv(65536)
                    if not data:
                        return
                    buffer += data
                head, _, buffer = buffer.partition(b"\r\n\r\n")
                self.requests.append(head)
                reply, close = answer(head.split(b" ")[1].decode())
                conn.sendall(reply)
                if close:
                    return


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    scripted = ScriptedServer()
    yield scripted
    scripted.sock.close()


async def fetch_all(urls: list[str], **validators: str | None):
    async with Fetcher(read_timeout=5, total_timeout=10) as fetcher:
        results = []
        for url in urls:
            try:
                results.append(await fetcher.fetch(url, **validators))
            except FetchError as error:
                results.append(error)
        return results


async def test_keep_alive_reuses_one_connection_for_many_requests(server: ScriptedServer):
    base = f"http://127.0.0.1:{server.port}"
    results = await fetch_all([f"{base}/length", f"{base}/chunked"] * 10)
    assert [r.body for r in results] == [FEED] * 20
    assert server.connections == 1


async def test_a_body_read_to_the_close_and_a_dropped_idle_connection_both_work(server: ScriptedServer):
    base = f"http://127.0.0.1:{server.port}"
    results = await fetch_all([f"{base}/until-close", f"{base}/drops-idle", f"{base}/length", f"{base}/length"])
    assert [r.body for r in results] == [FEED] * 4
    assert server.connections == 3


async def test_a_cut_short_or_foreign_answer_is_a_broken_connection(server: ScriptedServer):
    base = f"http://127.0.0.1:{server.port}"
    results = await fetch_all([f"{base}/cut-short", f"{base}/not-http", f"{base}/length"])
    assert [str(r) for r in results[:2]] == ["connection broken", "connection broken"]
    assert results[2].body == FEED


async def test_bare_line_feeds_are_read_like_crlf(server: ScriptedServer):
    (result,) = await fetch_all([f"http://127.0.0.1:{server.port}/lf-only"], etag='"v1"')
    assert result.unchanged and result.etag == '"v2"'


async def test_a_stored_etag_cannot_add_request_headers(server: ScriptedServer):
    """The ETag came from a server; one with a line break is not sent rather than splitting the request."""
    (result,) = await fetch_all(
        [f"http://127.0.0.1:{server.port}/length"], etag='"v1"\r\nX-Injected: 1', last_modified="Mon, 01 Jan 2024"
    )
    assert result.body == FEED
    (head,) = server.requests
    assert b"X-Injected" not in head and b"If-None-Match" not in head
    assert b"\r\nIf-Modified-Since: Mon, 01 Jan 2024" in head
    assert head.startswith(b"GET /length HTTP/1.1\r\n") and f"Host: 127.0.0.1:{server.port}".encode() in head


async def test_the_target_is_percent_encoded_and_credentials_become_basic_auth(server: ScriptedServer):
    (result,) = await fetch_all([f"http://ada:s%20cret@127.0.0.1:{server.port}/feed café?q=a b"])
    assert isinstance(result, FetchError) and str(result) == "HTTP 404"
    (head,) = server.requests
    assert head.startswith(b"GET /feed%20caf%C3%A9?q=a%20b HTTP/1.1\r\n")
    assert b"\r\nAuthorization: Basic YWRhOnMgY3JldA==" in head  # ada:s cret


@pytest.fixture
def tls_server(tmp_path) -> Iterator[tuple[int, str]]:
    """The scripted server behind TLS with a self-signed certificate for 127.0.0.1; yields (port, cert path)."""
    import shutil
    import ssl
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    scripted = ScriptedServer()
    plain = scripted.serve

    def serve(conn: socket.socket) -> None:
        try:
            plain(context.wrap_socket(conn, server_side=True))
        except ssl.SSLError:  # the client refused the certificate: what the first half of the test wants
            conn.close()

    scripted.serve = serve  # type: ignore[method-assign]
    yield scripted.port, str(cert)
    scripted.sock.close()


async def test_https_is_verified_and_read_through_tls(tls_server):
    import ssl

    from spacereader.ingest.http1 import Client

    port, cert = tls_server
    (untrusted,) = await fetch_all([f"https://127.0.0.1:{port}/length"])
    assert isinstance(untrusted, FetchError) and str(untrusted) == "TLS error"
    client = Client(connect_timeout=5, read_timeout=5, headers={})
    client._tls = ssl.create_default_context(cafile=cert)  # this test's own root instead of certifi's
    pieces: list[bytes] = []
    response = await client.get(f"https://127.0.0.1:{port}/chunked", {})
    await response.read_body(pieces.append)
    response.release()
    await client.aclose()
    assert (response.status, b"".join(pieces)) == (200, FEED)
