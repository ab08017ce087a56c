"""Property tests: whatever text, feed, OPML file or config comes in, each boundary returns or raises its own error.

The cleaner, the feed normaliser (entries + parse), the JSON Feed reader, the OPML importer and the config
loader get arbitrary and half-structured input. Anything other than the boundary's typed error is a bug.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from spacereader.config import Settings, load_settings
from spacereader.ingest.entries import RawEntry, format_date, format_enclosure, parse_date, to_article
from spacereader.ingest.jsonfeed import JsonFeedError, read_json_feed
from spacereader.ingest.opml import OpmlError, read_opml
from spacereader.ingest.parse import ParsedFeed, ParseError, convert, parse_feed
from spacereader.safe_text import clean_line, clean_text

settings.register_profile("dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("deep", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# HYPOTHESIS_PROFILE=deep hunts longer by hand; the suite itself stays quick.
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

FETCHED = datetime(2026, 1, 1, tzinfo=timezone.utc)
# Every code point, lone surrogates and terminal controls included: feeds carry all of them.
ANY_TEXT = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=80)
NASTY = st.sampled_from(
    ["\x1b[31m", "\x1b]0;title\x07", "\x9b2J", "\u202e", "\ud800", "\x00", "&#27;", "&#x1b;", "&#xd800;",
     "<script>x</script>", "<![CDATA[", "]]>", "&", "<", "\r\n", "\u2028", "javascript:alert(1)", "file:///etc/passwd"]
)  # fmt: skip
MIXED = st.lists(st.one_of(ANY_TEXT, NASTY), max_size=6).map("".join)


def assert_terminal_safe(value: str, *, multiline: bool) -> None:
    """No control character (tab and newline allowed in multi-line text), no bidi override, encodable."""
    value.encode("utf-8")  # SQLite and the terminal both need UTF-8; a lone surrogate raises here
    for char in value:
        code = ord(char)
        if multiline and char in "\n\t":
            continue
        assert not (code < 0x20 or 0x7F <= code <= 0x9F), f"control {code:#x} in {value!r}"
    if not multiline:
        assert "\n" not in value
        assert not any(c in value for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def assert_article_safe(feed: ParsedFeed, *, links_checked: bool = True) -> None:
    assert_terminal_safe(feed.title, multiline=False)
    assert_terminal_safe(feed.site_url, multiline=False)
    for item in feed.items:
        for value in (item.guid, item.title, item.url, item.author, item.summary, item.published):
            assert_terminal_safe(value, multiline=False)
        assert_terminal_safe(item.body, multiline=True)
        for enclosure in item.enclosures:
            assert_terminal_safe(enclosure.url, multiline=False)
            assert_terminal_safe(enclosure.media_type, multiline=False)
        assert item.guid
        # convert() keeps only http(s) links; to_article alone trusts the link it is given.
        assert not links_checked or item.url == "" or item.url.lower().startswith(("http://", "https://"))


# --- the cleaner -------------------------------------------------------------------------------------


@given(st.one_of(ANY_TEXT, MIXED))
def test_clean_text_leaves_nothing_a_terminal_would_act_on(value):
    cleaned = clean_text(value)
    assert_terminal_safe(cleaned, multiline=True)
    assert clean_text(cleaned) == cleaned


@given(st.one_of(ANY_TEXT, MIXED))
def test_clean_line_is_one_safe_line_and_idempotent(value):
    cleaned = clean_line(value)
    assert_terminal_safe(cleaned, multiline=False)
    assert cleaned == cleaned.strip()
    assert clean_line(cleaned) == cleaned


@given(st.one_of(st.none(), st.integers(), st.floats(), st.binary(max_size=20), st.lists(ANY_TEXT, max_size=3)))
def test_the_cleaner_takes_any_object(value):
    assert_terminal_safe(clean_text(value), multiline=True)
    assert_terminal_safe(clean_line(value), multiline=False)


# --- the feed normaliser -----------------------------------------------------------------------------

RAW_ENTRY = st.builds(
    RawEntry,
    guid=MIXED, link=st.one_of(MIXED, st.just("http://127.0.0.1/a"), st.just("/relative")), title=MIXED,
    title_is_html=st.booleans(), author=MIXED, date_text=st.one_of(MIXED, st.just("2024-02-30T25:61:00Z")),
    date=st.one_of(st.none(), st.datetimes(timezones=st.just(timezone.utc))),
    content_html=MIXED, content_text=MIXED, summary_html=MIXED,
    enclosures=st.lists(st.tuples(MIXED, MIXED, MIXED), max_size=2).map(tuple),
)  # fmt: skip


@given(RAW_ENTRY)
def test_any_raw_entry_becomes_a_clean_article(entry):
    article = to_article(entry, FETCHED)
    assert_article_safe(ParsedFeed("", "", [article], "test"), links_checked=False)
    assert article.published == "" or article.published.endswith("Z")  # "" is an unknown date


@given(st.lists(RAW_ENTRY, max_size=4), MIXED, MIXED)
def test_convert_cleans_feed_fields_and_keeps_one_item_per_guid(entries, title, site):
    from spacereader.ingest.entries import RawFeed

    feed = convert(RawFeed(title, site, entries, "test"), "http://127.0.0.1/feed", FETCHED)
    assert_article_safe(feed)
    assert len({item.guid for item in feed.items}) == len(feed.items)


@given(st.datetimes(timezones=st.just(timezone.utc)), st.integers(-1439, 1439))
@example(datetime(999, 12, 31, 23, 59, 59, tzinfo=timezone.utc), 0)
@example(datetime(1000, 1, 1, tzinfo=timezone.utc), 0)
def test_format_date_writes_what_strftime_writes(value, offset_minutes):
    """The stored date is written without strftime (faster); the text must stay the one caches hold."""
    try:
        value = value.astimezone(timezone(timedelta(minutes=offset_minutes)))
    except OverflowError:
        return
    assert format_date(value) == value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@given(MIXED)
def test_parse_date_returns_none_or_an_aware_time(text):
    value = parse_date(text)
    assert value is None or value.tzinfo is not None


@given(MIXED, MIXED, MIXED)
def test_format_enclosure_is_one_safe_line(url, media_type, length):
    assert_terminal_safe(format_enclosure(url, media_type, length), multiline=False)


def parse_or_refuse(body: bytes, content_type: str = "") -> None:
    try:
        feed = parse_feed(body, "http://127.0.0.1/feed", content_type, fetched=FETCHED)
    except ParseError as error:
        assert str(error)
        return
    assert_article_safe(feed)


@given(st.binary(max_size=400))
def test_arbitrary_bytes_parse_or_give_a_parse_error(body):
    parse_or_refuse(body)


def element(tag: str, text: str, raw: bool) -> str:
    # Raw text makes malformed XML on purpose; escaped text makes well-formed XML with hostile content.
    return f"<{tag}>{text if raw else escape(text)}</{tag}>"


@st.composite
def xml_feeds(draw) -> bytes:
    raw = draw(st.booleans())
    kind = draw(st.sampled_from(["rss", "atom", "rdf"]))
    items = []
    for _ in range(draw(st.integers(0, 3))):
        title, link, body, date = draw(MIXED), draw(MIXED), draw(MIXED), draw(MIXED)
        if kind == "atom":
            items.append(f"<entry>{element('title', title, raw)}<link href={quoteattr(link)}/>"
                         f"{element('id', draw(MIXED), raw)}{element('updated', date, raw)}"
                         f"<content type='html'>{escape(body)}</content></entry>")  # fmt: skip
        else:
            items.append(f"<item>{element('title', title, raw)}{element('link', link, raw)}"
                         f"{element('pubDate', date, raw)}{element('description', body, raw)}</item>")  # fmt: skip
    title = element("title", draw(MIXED), raw)
    if kind == "atom":
        doc = f'<feed xmlns="http://www.w3.org/2005/Atom">{title}{"".join(items)}</feed>'
    elif kind == "rdf":
        doc = (f'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
               f'<channel>{title}</channel>{"".join(items)}</rdf:RDF>')  # fmt: skip
    else:
        doc = f'<rss version="2.0"><channel>{title}{"".join(items)}</channel></rss>'
    # surrogatepass: a lone surrogate must reach the parsers as the bytes a broken server would send.
    return ('<?xml version="1.0" encoding="utf-8"?>' + doc).encode("utf-8", "surrogatepass")


@given(xml_feeds())
def test_hostile_xml_feeds_parse_clean_or_give_a_parse_error(body):
    parse_or_refuse(body)


# --- the JSON Feed reader ----------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | MIXED,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(MIXED, children, max_size=3),
    max_leaves=12,
)
ITEM_KEYS = ["id", "url", "external_url", "title", "content_html", "content_text", "summary", "date_published",
             "date_modified", "author", "authors", "attachments"]  # fmt: skip
JSON_ITEMS = st.dictionaries(st.sampled_from(ITEM_KEYS), st.one_of(MIXED, JSON_VALUES), max_size=8)
JSON_FEEDS = st.fixed_dictionaries(
    {
        "version": st.one_of(st.just("https://jsonfeed.org/version/1.1"), JSON_VALUES),
        "items": st.lists(JSON_ITEMS, max_size=3),
    },
    optional={"title": JSON_VALUES, "home_page_url": JSON_VALUES, "author": JSON_VALUES, "authors": JSON_VALUES},
)


def dump(value: object) -> bytes:
    # ensure_ascii writes lone surrogates as \ud800 escapes, exactly as a broken publisher would.
    return json.dumps(value, ensure_ascii=True).encode()


@given(st.one_of(JSON_VALUES, JSON_FEEDS))
def test_any_json_reads_as_a_feed_or_a_json_feed_error(value):
    try:
        read_json_feed(dump(value))
    except JsonFeedError as error:
        assert str(error)


@given(JSON_FEEDS)
def test_json_feeds_with_hostile_fields_parse_clean(value):
    parse_or_refuse(dump(value), "application/feed+json")


@given(st.binary(max_size=200))
def test_arbitrary_bytes_labelled_json_give_a_parse_error_at_worst(body):
    parse_or_refuse(b"{" + body, "application/feed+json")


# --- the OPML importer -------------------------------------------------------------------------------


def check_opml(data: bytes) -> None:
    try:
        subscriptions, warnings = read_opml(data)
    except OpmlError as error:
        assert_terminal_safe(str(error), multiline=False)
        return
    assert subscriptions
    for subscription in subscriptions:
        assert subscription.url.lower().startswith(("http://", "https://"))
        for value in (subscription.url, subscription.title, subscription.folder):
            assert_terminal_safe(value, multiline=False)
    for warning in warnings:
        warning.encode("utf-8")


@given(st.binary(max_size=400))
def test_arbitrary_bytes_import_or_give_an_opml_error(data):
    check_opml(data)


@st.composite
def opml_documents(draw) -> bytes:
    raw = draw(st.booleans())

    def attr(value: str) -> str:
        return f'"{value}"' if raw else quoteattr(value)

    def outline(depth: int) -> str:
        url = draw(st.one_of(MIXED, st.just("http://127.0.0.1/feed"), st.just("file:///etc/passwd")))
        text = draw(MIXED)
        children = "".join(outline(depth + 1) for _ in range(draw(st.integers(0, 2)))) if depth < 3 else ""
        kind = draw(st.sampled_from(["rss", "include", ""]))
        return f"<outline text={attr(text)} type={attr(kind)} xmlUrl={attr(url)}>{children}</outline>"

    body = "".join(outline(0) for _ in range(draw(st.integers(0, 3))))
    doctype = draw(st.sampled_from(["", '<!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>']))
    return f'<?xml version="1.0"?>{doctype}<opml version="2.0"><body>{body}</body></opml>'.encode(
        "utf-8", "surrogatepass"
    )


@given(opml_documents())
def test_hostile_opml_files_import_clean_or_give_an_opml_error(data):
    check_opml(data)


# --- the config loader -------------------------------------------------------------------------------

# A config file is UTF-8, so it cannot hold a lone surrogate; everything else is fair game.
TOML_TEXT = MIXED.map(lambda text: text.encode("utf-8", "ignore").decode("utf-8"))
KNOWN_KEYS = ["keys", "browser", "extractor", "refresh_minutes", "keep_per_feed"]
TOML_SCALARS = st.one_of(st.booleans(), st.integers(-(2**63), 2**63 - 1), st.floats(allow_nan=False), TOML_TEXT)
TOML_VALUES = st.recursive(
    TOML_SCALARS,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(TOML_TEXT, children, max_size=3),
    max_leaves=8,
)


def toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, plus DEL, which TOML also wants escaped."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_value(value: object) -> str:
    """A TOML literal for a value (inline tables for dicts); json.dumps quoting is valid TOML for strings."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if not isinstance(value, float) or value == value else "nan"
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{toml_string(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def load_text(text: str) -> tuple[Settings, list[str]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "config.toml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        return load_settings(path, known_binding_ids=frozenset({"cursor-down"}))


@given(st.one_of(ANY_TEXT, MIXED, st.binary(max_size=200).map(lambda b: b.decode("latin-1"))))
def test_any_config_text_gives_settings_and_one_line_warnings(text):
    loaded, warnings = load_text(text)
    assert isinstance(loaded, Settings)
    for warning in warnings:
        assert_terminal_safe(warning, multiline=False)


@given(st.dictionaries(st.one_of(st.sampled_from(KNOWN_KEYS), TOML_TEXT), TOML_VALUES, max_size=4))
def test_any_values_for_any_keys_fall_back_with_a_warning_naming_key_and_line(table):
    lines = [f"{toml_string(key)} = {toml_value(value)}" for key, value in table.items()]
    loaded, warnings = load_text("# settings\n" + "\n".join(lines) + "\n")
    assert isinstance(loaded, Settings)
    for warning in warnings:
        assert_terminal_safe(warning, multiline=False)
    for number, (key, _value) in enumerate(table.items(), start=2):
        if key == "keys":
            continue
        value = getattr(loaded, key, None)
        if key not in KNOWN_KEYS:
            assert any("unknown key" in w and f"line {number}" in w for w in warnings), warnings
        elif value == getattr(Settings(), key):
            continue  # the default applied: either the value was bad (and warned) or it equals the default
    for warning in warnings:
        if "should be" in warning:
            assert "line " in warning and "using the default" in warning


def test_a_config_nested_too_deeply_gives_a_warning_not_a_crash():
    loaded, warnings = load_text("browser = " + "[" * 5000 + "]" * 5000 + "\n")
    assert loaded == Settings()
    assert len(warnings) == 1


URL_PIECES = st.sampled_from(
    ["http://", "https://", "HTTP://", "ftp://", "//", "/", "a", "b.example", ":8080", "[::1]", "[", "]", "?", "#",
     ";p", "&", "=", "..", ".", "%7e", " ", "\t", "ä", "\u2100", "@", "u:p@", "javascript:", "http:"]
)  # fmt: skip


@example("http://a/b?", "http://base.example/dir/feed.xml")
@example("http://a/b#", "http://base.example/dir/feed.xml")
@example("http://a/b?#f", "http://base.example/dir/feed.xml")
@example("http://a/b;p", "http://base.example/dir/feed.xml")
@example("http:///x", "http://base.example/dir/feed.xml")
@example("http://?x", "http://base.example/dir/feed.xml")
@example("http://[::1", "http://base.example/dir/feed.xml")
@example("http://ä.example/", "http://base.example/dir/feed.xml")
@example("HTTP://a/b", "http://base.example/dir/feed.xml")
@example("http://a/b", "http://base.example/dir/feed.xml")
@given(st.lists(URL_PIECES, max_size=8).map("".join), st.sampled_from(["", "http://base.example/dir/feed.xml"]))
def test_links_read_as_urljoin_and_urlsplit_read_them(link, base):
    """The shortcut for plainly absolute links gives what urljoin gives, and raises where it raises."""
    from urllib.parse import urljoin, urlsplit

    from spacereader.ingest.parse import _http_url

    def reference() -> str:
        value = clean_line(link)
        if not value:
            return ""
        if base:
            value = urljoin(base, value)
        return value if urlsplit(value).scheme.lower() in ("http", "https") else ""

    def outcome(read) -> str:
        try:
            return read()
        except ValueError:
            return "ValueError"

    assert outcome(lambda: _http_url(link, base)) == outcome(reference)
