"""Fetcher against a real HTTP server on 127.0.0.1: validators, redirects, errors, limits, compression."""

from __future__ import annotations

import gzip
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from spacereader import __version__
from spacereader.ingest.fetch import Fetcher, FetchError

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://example.com/</link>
<item><title>One</title><link>http://example.com/1</link><pubDate>Tue, 03 Jun 2025 09:39:21 GMT</pubDate></item>
</channel></rss>"""


def quick_fetcher(**overrides) -> Fetcher:
    """Short timeouts so failing cases stay fast."""
    settings = {"connect_timeout": 2.0, "read_timeout": 2.0, "total_timeout": 5.0}
    settings.update(overrides)
    return Fetcher(**settings)


async def fetch(url: str, etag: str | None = None, last_modified: str | None = None, **overrides):
    async with quick_fetcher(**overrides) as fetcher:
        return await fetcher.fetch(url, etag, last_modified)


def conditional(etag: str, last_modified: str):
    """A handler answering 304 when either validator matches."""

    def handle(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag or request.headers.get("If-Modified-Since") == last_modified:
            return Response(status=304, headers={"ETag": etag})
        return Response(
            RSS, headers={"ETag": etag, "Last-Modified": last_modified, "Content-Type": "application/rss+xml"}
        )

    return handle


async def test_etag_is_stored_and_sent_back_for_a_304(httpserver: HTTPServer):
    httpserver.expect_request("/feed").respond_with_handler(conditional('"v1"', "Tue, 03 Jun 2025 09:39:21 GMT"))
    first = await fetch(httpserver.url_for("/feed"))
    assert first.status == 200 and first.body == RSS and first.etag == '"v1"'
    second = await fetch(httpserver.url_for("/feed"), etag=first.etag)
    assert second.unchanged and second.body == b""
    assert httpserver.log[-1][0].headers["If-None-Match"] == '"v1"'


async def test_last_modified_alone_gives_a_304(httpserver: HTTPServer):
    stamp = "Tue, 03 Jun 2025 09:39:21 GMT"
    httpserver.expect_request("/feed").respond_with_handler(conditional('"x"', stamp))
    first = await fetch(httpserver.url_for("/feed"))
    assert first.last_modified == stamp
    second = await fetch(httpserver.url_for("/feed"), last_modified=first.last_modified)
    assert second.unchanged
    assert httpserver.log[-1][0].headers["If-Modified-Since"] == stamp


async def test_user_agent_names_spacereader_and_its_version(httpserver: HTTPServer):
    httpserver.expect_request("/feed").respond_with_data(RSS)
    await fetch(httpserver.url_for("/feed"))
    assert f"spacereader/{__version__}" in httpserver.log[-1][0].headers["User-Agent"]


@pytest.mark.parametrize(("status", "moved"), [(301, True), (308, True), (302, False), (307, False)])
async def test_only_permanent_redirects_report_a_new_url(httpserver: HTTPServer, status: int, moved: bool):
    httpserver.expect_request("/old").respond_with_data("", status=status, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data(RSS)
    result = await fetch(httpserver.url_for("/old"))
    assert result.body == RSS and result.final_url == httpserver.url_for("/new")
    assert result.permanent_redirect == (httpserver.url_for("/new") if moved else None)


async def test_a_temporary_hop_in_the_chain_means_no_move(httpserver: HTTPServer):
    httpserver.expect_request("/a").respond_with_data("", status=301, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/c"})
    httpserver.expect_request("/c").respond_with_data(RSS)
    assert (await fetch(httpserver.url_for("/a"))).permanent_redirect is None


async def test_redirect_loop_stops_after_five_hops(httpserver: HTTPServer):
    httpserver.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="too many redirects"):
        await fetch(httpserver.url_for("/loop"))
    assert len(httpserver.log) == 6


async def test_redirect_to_a_file_url_is_refused(httpserver: HTTPServer):
    httpserver.expect_request("/evil").respond_with_data("", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="non-http"):
        await fetch(httpserver.url_for("/evil"))


@pytest.mark.parametrize(
    ("status", "reason", "disable"), [(404, "HTTP 404", False), (500, "HTTP 500", False), (410, "HTTP 410", True)]
)
async def test_error_statuses_give_short_reasons(httpserver: HTTPServer, status: int, reason: str, disable: bool):
    httpserver.expect_request("/feed").respond_with_data("nope", status=status)
    with pytest.raises(FetchError) as caught:
        await fetch(httpserver.url_for("/feed"))
    assert caught.value.reason.startswith(reason)
    assert caught.value.disable is disable


@pytest.mark.parametrize("status", [429, 503])
async def test_retry_after_is_honoured(httpserver: HTTPServer, status: int):
    httpserver.expect_request("/feed").respond_with_data("busy", status=status, headers={"Retry-After": "120"})
    with pytest.raises(FetchError) as caught:
        await fetch(httpserver.url_for("/feed"))
    assert caught.value.retry_after is not None


async def test_a_server_slower_than_the_read_timeout_times_out(httpserver: HTTPServer):
    def slow(request: Request) -> Response:
        time.sleep(1.0)
        return Response(RSS)

    httpserver.expect_request("/slow").respond_with_handler(slow)
    with pytest.raises(FetchError, match="timed out"):
        await fetch(httpserver.url_for("/slow"), read_timeout=0.2, total_timeout=0.5)


async def test_a_body_over_the_cap_is_refused(httpserver: HTTPServer):
    httpserver.expect_request("/big").respond_with_data(b"x" * 5000)
    with pytest.raises(FetchError, match="response too large"):
        await fetch(httpserver.url_for("/big"), max_bytes=4096)


async def test_the_cap_counts_decompressed_bytes(httpserver: HTTPServer):
    bomb = gzip.compress(b"<" * 200_000)
    httpserver.expect_request("/bomb").respond_with_data(bomb, headers={"Content-Encoding": "gzip"})
    assert len(bomb) < 4096
    with pytest.raises(FetchError, match="response too large"):
        await fetch(httpserver.url_for("/bomb"), max_bytes=4096)


async def test_gzip_bodies_are_decompressed(httpserver: HTTPServer):
    httpserver.expect_request("/gz").respond_with_data(gzip.compress(RSS), headers={"Content-Encoding": "gzip"})
    assert (await fetch(httpserver.url_for("/gz"))).body == RSS
    assert "gzip" in httpserver.log[-1][0].headers["Accept-Encoding"]


async def test_a_closed_port_is_connection_refused(httpserver: HTTPServer):
    port = httpserver.port
    httpserver.stop()
    try:
        with pytest.raises(FetchError, match="connection refused"):
            await fetch(f"http://127.0.0.1:{port}/feed")
    finally:
        httpserver.start()


async def test_only_http_urls_are_fetched():
    with pytest.raises(FetchError, match="only http"):
        await fetch("file:///etc/passwd")
