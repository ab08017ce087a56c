"""A misbehaving server on 127.0.0.1: each bad feed fails alone with a short reason, bounded in time and memory.

Every refresh here mixes one bad feed with well-behaved ones on the same server, so the tests also show that
a bad feed never stalls the others. Limits are injected through the Fetcher's own parameters to keep it fast.
"""

from __future__ import annotations

import json
import resource
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import closing
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from spacereader.ingest.fetch import Fetcher
from spacereader.ingest.inflate import BodyTooLarge, InflateError, Inflater
from spacereader.ingest.refresh import RefreshReport, refresh_all
from spacereader.store import Store
from spacereader.store.feeds import ensure_feed

TOTAL_TIMEOUT = 3.0
MAX_BYTES = 2 * 1024 * 1024
# "Bounded": the injected total timeout plus generous slack for a shared, noisy machine.
BOUND = TOTAL_TIMEOUT + 12
SECRET = "SECRET-MARKER-7f3a"
GOOD_FEEDS = 3


def good_feed(n: int) -> bytes:
    items = "".join(
        f"<item><title>Good {n} item {i}</title><link>http://127.0.0.1/good/{n}/{i}</link>"
        f"<guid>good-{n}-{i}</guid><pubDate>Mon, 02 Jan 2023 0{i}:00:00 GMT</pubDate>"
        f"<description>Body of item {i}.</description></item>"
        for i in range(5)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Good {n}</title>{items}</channel></rss>'.encode()


def _gzip_bomb(megabytes: int) -> bytes:
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\0" * (1024 * 1024)
    return b"".join([*(squeeze.compress(zeros) for _ in range(megabytes)), squeeze.flush()])


BOMB = _gzip_bomb(200)  # 200 MB of zeros in about 200 kB
NESTED_XML = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Nested</title><item><title>deep</title>'
    b"<link>http://127.0.0.1/deep</link><description>" + b"<a>" * 100_000 + b"x" + b"</a>" * 100_000
    + b"</description></item></channel></rss>"
)  # fmt: skip
NESTED_JSON = (
    b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "x": '
    + b"[" * 100_000
    + b"]" * 100_000
    + b"}]}"
)


def xxe_feed(port: int) -> bytes:
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "http://127.0.0.1:{port}/dtd" [
  <!ENTITY secret SYSTEM "file://{{secret_path}}">
  <!ENTITY remote SYSTEM "http://127.0.0.1:{port}/entity">
  <!ENTITY % param SYSTEM "http://127.0.0.1:{port}/param"> %param;
]>
<rss version="2.0"><channel><title>XXE &secret;</title>
<item><title>Leak &secret; &remote;</title><link>http://127.0.0.1/xxe/1</link><guid>xxe-1</guid>
<pubDate>Mon, 02 Jan 2023 00:00:00 GMT</pubDate>
<description>&lt;p&gt;Look &lt;img src="http://127.0.0.1:{port}/image.png" alt="pic"&gt;&lt;/p&gt; &secret;</description>
</item></channel></rss>""".encode()


class Misbehaving(BaseHTTPRequestHandler):
    """Serves /good/N well and every other path badly, recording each request path."""

    protocol_version = "HTTP/1.1"
    hits: list[str]
    secret_path: str

    def log_message(self, *args: object) -> None:
        pass

    def send(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        if "Content_Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.hits.append(self.path)
        path = self.path.split("?", 1)[0]
        port = self.server.server_address[1]
        try:
            if path.startswith("/good/"):
                n = int(path.rsplit("/", 1)[1])
                body = good_feed(n)
                if n % 3 == 1:  # gzip, as most servers send it
                    self.send(200, zlib.compress(body, wbits=31), Content_Encoding="gzip")
                elif n % 3 == 2:  # raw deflate without the zlib wrapper, as some servers wrongly send it
                    self.send(200, zlib.compress(body, wbits=-15), Content_Encoding="deflate")
                else:
                    self.send(200, body, Content_Type="application/rss+xml")
            elif path == "/drip":
                self.send_response(200)
                self.send_header("Content-Length", "100000")
                self.end_headers()
                for _ in range(60):  # one byte a second; stops when the client hangs up
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(1)
            elif path == "/drip-headers":  # the status line and headers a byte a second
                for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n":
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(1)
            elif path == "/endless-headers":
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline:
                    self.wfile.write(b"X-Padding: " + b"a" * 1000 + b"\r\n")
            elif path == "/endless":
                self.send_response(200)
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>')
                chunk = b"<item><title>more</title></item>" * 2000
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline:
                    self.wfile.write(chunk)
            elif path == "/bomb":
                self.send(200, BOMB, Content_Encoding="gzip", Content_Type="application/rss+xml")
            elif path == "/stacked-bomb":  # each layer multiplies the ratio: never decode a stack
                self.send(200, zlib.compress(BOMB, wbits=31), Content_Encoding="gzip, gzip")
            elif path == "/loop":
                self.send(302, Location=path)
            elif path == "/not-modified":
                self.send(304)
            elif path == "/huge":
                self.send(200, b" " * (MAX_BYTES + 1), Content_Type="application/rss+xml")
            elif path == "/huge-declared":
                self.send(200, b"", Content_Length=str(10 * MAX_BYTES))
            elif path == "/nested-xml":
                self.send(200, NESTED_XML, Content_Type="application/rss+xml")
            elif path == "/nested-json":
                self.send(200, NESTED_JSON, Content_Type="application/feed+json")
            elif path == "/xxe":
                body = xxe_feed(port).replace(b"{secret_path}", self.secret_path.encode())
                self.send(200, body, Content_Type="application/rss+xml")
            elif path == "/busy":
                self.send(503, b"busy")
            elif path == "/html":
                self.send(200, b"<!doctype html><html><body>hello</body></html>", Content_Type="text/html")
            else:  # /dtd, /entity, /param, /image.png: nothing should ever ask for these
                self.send(200, b'<!ENTITY remote "NETWORK-MARKER">')
        except (BrokenPipeError, ConnectionResetError):
            pass


class QuietServer(ThreadingHTTPServer):
    """Clients hanging up mid-drip is the point of these tests, not an error worth a traceback."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    """A misbehaving server on 127.0.0.1; yields its base URL and the list of paths requested."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    hits: list[str] = []
    handler = type("Handler", (Misbehaving,), {"hits": hits, "secret_path": str(secret)})
    httpd = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    finally:
        httpd.shutdown()
        httpd.server_close()


def fetcher() -> Fetcher:
    return Fetcher(connect_timeout=2.0, read_timeout=5.0, total_timeout=TOTAL_TIMEOUT, max_bytes=MAX_BYTES)


def refresh(store: Store, urls: list[str]) -> tuple[RefreshReport, float]:
    with closing(store.connect()) as conn, conn:
        for url in urls:
            ensure_feed(conn, url)
    started = time.monotonic()
    report = refresh_all(store, fetcher(), parse_processes=0)
    return report, time.monotonic() - started


def stored_text(store: Store) -> str:
    with closing(store.connect()) as conn:
        rows = conn.execute("SELECT title, body, summary, author, url FROM articles").fetchall()
        feeds = conn.execute("SELECT title, site_url FROM feeds").fetchall()
    return json.dumps([rows, feeds])


def check_good_feeds_loaded(report: RefreshReport, base: str) -> None:
    good = [o for o in report.outcomes if "/good/" in o.url]
    assert len(good) == GOOD_FEEDS
    for outcome in good:
        assert outcome.status == "updated", outcome
        assert outcome.new == 5


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/drip", "timed out"),
        ("/drip-headers", "timed out"),
        ("/endless", "response too large"),
        ("/endless-headers", "response headers too large"),
        ("/bomb", "response too large"),
        ("/stacked-bomb", "unsupported compression (gzip, gzip)"),
        ("/loop", "too many redirects"),
        ("/not-modified", "HTTP 304 without a conditional request"),
        ("/huge", "response too large"),
        ("/huge-declared", "response too large"),
        ("/nested-json", "not a feed (JSON nested too deeply)"),
        ("/busy", "HTTP 503"),
        ("/html", "not a feed (an HTML page)"),
    ],
)
def test_a_bad_feed_fails_alone_with_its_reason_in_bounded_time(store: Store, server, path: str, reason: str):
    base, _hits = server
    memory_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report, elapsed = refresh(store, [base + path, *(f"{base}/good/{n}" for n in range(GOOD_FEEDS))])
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - memory_before) / 1024
    [bad] = [o for o in report.outcomes if o.url == base + path]
    assert bad.status == "failed"
    assert bad.error == reason
    check_good_feeds_loaded(report, base)
    assert elapsed < BOUND, f"{path} took {elapsed:.1f}s"
    # The bomb inflates to 200 MB and the endless body never ends: neither may be held in memory.
    print(f"{path}: {elapsed:.2f}s, peak memory +{grown_mb:.0f} MB")
    assert grown_mb < 100, f"{path} grew the peak memory by {grown_mb:.0f} MB"


@pytest.mark.slow
def test_a_deeply_nested_document_is_bounded_and_does_not_stop_the_others(store: Store, server):
    base, _hits = server
    report, elapsed = refresh(store, [base + "/nested-xml", *(f"{base}/good/{n}" for n in range(GOOD_FEEDS))])
    [nested] = [o for o in report.outcomes if o.url.endswith("/nested-xml")]
    # Reading it (its one readable item) or refusing it with a reason are both fine; hanging or crashing is not.
    assert nested.status == "updated" or nested.error
    check_good_feeds_loaded(report, base)
    assert elapsed < 60


def test_external_entities_dtds_and_images_are_never_loaded(store: Store, server):
    base, hits = server
    report, _elapsed = refresh(store, [base + "/xxe", *(f"{base}/good/{n}" for n in range(GOOD_FEEDS))])
    check_good_feeds_loaded(report, base)
    text = stored_text(store)
    assert SECRET not in text
    assert "NETWORK-MARKER" not in text
    assert sorted(set(hits)) == sorted({"/xxe", *(f"/good/{n}" for n in range(GOOD_FEEDS))}), hits
    [xxe] = [o for o in report.outcomes if o.url.endswith("/xxe")]
    assert xxe.status == "updated" or xxe.error  # a refused document is fine, a leaked one is not


def test_a_304_without_validators_keeps_the_ones_already_known(store: Store, server):
    base, _hits = server
    url = base + "/not-modified"
    with closing(store.connect()) as conn, conn:
        feed_id = ensure_feed(conn, url)
        conn.execute(
            "UPDATE feeds SET etag = ?, last_modified = ? WHERE id = ?",
            ('"v1"', "Mon, 02 Jan 2023 00:00:00 GMT", feed_id),
        )
    report = refresh_all(store, fetcher(), parse_processes=0)
    [outcome] = report.outcomes
    assert outcome.status == "unchanged"
    with closing(store.connect()) as conn:
        assert conn.execute("SELECT etag, last_modified FROM feeds WHERE id = ?", (feed_id,)).fetchone() == (
            '"v1"', "Mon, 02 Jan 2023 00:00:00 GMT",
        )  # fmt: skip


def test_every_bad_feed_at_once_still_lets_the_good_ones_load(store: Store, server):
    """Two drips hold both slots for their host, so good feeds on it queue; their own timeout starts later."""
    base, _hits = server
    bad = [
        "/drip",
        "/drip?again",
        "/endless",
        "/bomb",
        "/stacked-bomb",
        "/loop",
        "/not-modified",
        "/huge",
        "/nested-json",
        "/xxe",
    ]
    report, elapsed = refresh(store, [*(base + p for p in bad), *(f"{base}/good/{n}" for n in range(GOOD_FEEDS))])
    check_good_feeds_loaded(report, base)
    failed = {o.url.removeprefix(base): o.error for o in report.failures}
    assert failed["/drip"] == failed["/drip?again"] == "timed out"
    assert failed["/loop"] == "too many redirects"
    # Per host, two at a time: the slow ones take at most a couple of total timeouts in a row.
    assert elapsed < 3 * TOTAL_TIMEOUT + 15


@pytest.mark.parametrize(
    ("encoding", "pack"),
    [
        ("gzip", lambda body: zlib.compress(body, wbits=31)),
        ("deflate", lambda body: zlib.compress(body, wbits=15)),
        ("deflate", lambda body: zlib.compress(body, wbits=-15)),
        ("identity", lambda body: body),
    ],
)
def test_inflating_byte_by_byte_gives_the_body_back(encoding, pack):
    body = good_feed(1) * 20
    inflater = Inflater(encoding, len(body))
    packed = pack(body)
    out = b"".join(inflater.feed(packed[i : i + 1]) for i in range(len(packed))) + inflater.finish()
    assert out == body


def test_inflating_stops_at_the_cap_and_refuses_garbage():
    inflater = Inflater("gzip", 1000)
    with pytest.raises(BodyTooLarge):
        inflater.feed(BOMB[:65536])
    with pytest.raises(InflateError, match="bad compressed response"):
        Inflater("gzip", 1000).feed(b"not gzip at all")
    with pytest.raises(InflateError, match="unsupported compression"):
        Inflater("br", 1000)
