"""The query language: what each form parses to, the one-line errors, and that no text can break it."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from datetime import datetime, timezone
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spacereader.models import SORTS, ArticleFilter
from spacereader.search.query import ParsedQuery, QueryError, Term, parse_query, search_filter
from spacereader.store import Store
from spacereader.store import search as store_search
from spacereader.store.articles import count_articles, list_article_rows, next_unread, position_of, set_read
from spacereader.store.bookmarks import set_bookmark
from tests.conftest import add_articles

NOW = datetime(2026, 1, 31, 12, 0, tzinfo=timezone.utc)
# An FTS5 expression made only of double-quoted strings (quotes doubled inside), each maybe a prefix.
SAFE_FTS = re.compile(r'^"(?:[^"]|"")*"\*?(?: (?:OR )?"(?:[^"]|"")*"\*?)*$')


def parse(text: str, **kwargs) -> ParsedQuery:
    result = parse_query(text, now=NOW, **kwargs)
    assert isinstance(result, ParsedQuery), result
    return result


def error(text: str) -> str:
    result = parse_query(text, now=NOW)
    assert isinstance(result, QueryError), result
    assert "\n" not in result.message and result.message
    return result.message


def test_words_phrases_prefixes_and_exclusions():
    query = parse('space "space race" spac* -nasa -"moon landing"')
    assert query.terms == (Term("space"), Term("space race"), Term("spac", prefix=True))
    assert query.excluded == (Term("nasa"), Term("moon landing"))
    assert query.match_expression() == '"space" "space race" "spac"*'
    assert query.excluded_expression() == '"nasa" OR "moon landing"'


def test_unclosed_quote_runs_to_the_end():
    assert parse('"space race').terms == (Term("space race"),)
    assert parse('film "').terms == (Term("film"),)


def test_fts_operators_are_plain_words():
    query = parse("NEAR(space race) space AND race OR NOT ^first col:umn {a b} +x")
    assert query.terms[0] == Term("NEAR(space")
    for term in query.terms:
        assert SAFE_FTS.match(term.fts())
    assert Term('say "hi"').fts() == '"say ""hi"""'


def test_punctuation_only_input_is_an_empty_query():
    query = parse('* ^ " : - -- ( ) _ ::')
    assert query.terms == () and query.excluded == ()
    assert query.match_expression() is None


def test_filters():
    query = parse('feed:ars feed:"BBC News" entity:Gagarin is:unread is:bookmarked')
    assert query.feeds == ("ars", "BBC News")
    assert query.entities == ("Gagarin",)
    assert query.unread is True and query.bookmarked is True and query.terms == ()
    assert parse("is:read").unread is False
    assert parse("IS:Unread").unread is True


def test_dates_absolute_and_relative_to_now():
    query = parse("after:2021-10-05 before:2021-10-06")
    assert (query.after, query.before) == ("2021-10-05T00:00:00Z", "2021-10-06T00:00:00Z")
    assert parse("after:7d").after == "2026-01-24T12:00:00Z"
    assert parse("before:12h").before == "2026-01-31T00:00:00Z"
    assert parse("after:2w").after == "2026-01-17T12:00:00Z"


def test_unknown_keys_are_words_so_times_and_names_still_search():
    assert parse("10:30 re:invent").terms == (Term("10:30"), Term("re:invent"))


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("is:starred", "is:unread"),
        ("feed:", "needs a value"),
        ('entity:""', "needs a value"),
        ("before:yesterday", "2021-10-05"),
        ("after:2021-13-40", "2021-10-05"),
        ("after:2022-01-01 before:2021-01-01", "earlier"),
        ("-feed:ars", "cannot be excluded"),
    ],
)
def test_bad_filters_give_one_line_messages(text, fragment):
    assert fragment in error(text)


def test_messages_quote_user_text_without_control_characters():
    assert "\x1b" not in error("is:\x1b[31mred") and "\x1b" not in error("after:\x1b]0;x")


def test_prefixes_start_at_three_letters_and_shorter_words_being_typed_match_whole():
    for short in ("k*", "ke*", '"space s"*', '"space st"*', "-ke*"):
        message = error(short)
        assert "too short for a prefix" in message and "3 letters" in message, message
    assert parse("sat*").terms == (Term("sat", prefix=True),)
    # Typing: one or two letters are a whole word (AI, EU, UK), three or more a prefix.
    assert parse("space s", live=True).terms == (Term("space"), Term("s"))
    assert parse("space st", live=True).terms == (Term("space"), Term("st"))
    assert parse("AI", live=True).terms == (Term("AI"),)
    assert parse("space sta", live=True).terms == (Term("space"), Term("sta", prefix=True))
    assert parse("ke", live=True).terms == parse("ke").terms == (Term("ke"),)


def test_live_typing_makes_the_last_bare_word_a_prefix():
    assert parse("space rac", live=True).terms == (Term("space"), Term("rac", prefix=True))
    assert parse("space rac ", live=True).terms == (Term("space"), Term("rac"))
    assert parse('"space rac"', live=True).terms == (Term("space rac"),)
    assert parse("space -rac", live=True).excluded == (Term("rac"),)


def test_cyrillic_yo_is_folded_like_the_index():
    assert parse("Королёв").terms == (Term("Королев"),)


def test_search_filter_keeps_the_base_and_sets_the_sort():
    view = search_filter("space", base=ArticleFilter(feed_id=3, unread_only=True), now=NOW)
    assert isinstance(view, ArticleFilter)
    assert view.feed_id == 3 and view.unread_only and view.sort == "relevance"
    assert view.search == parse("space")
    assert hash(view) == hash(search_filter("space", base=ArticleFilter(feed_id=3, unread_only=True), now=NOW))
    assert isinstance(search_filter("is:nope"), QueryError)


# --- property: no text crashes the parser, and no parsed query makes SQLite raise -------------------

FRAGMENTS = [
    '"',
    "'",
    "*",
    "^",
    "-",
    ":",
    "(",
    ")",
    "{",
    "}",
    "+",
    "\\",
    "%",
    "_",
    " ",
    "  ",
    "\t",
    "\n",
    "\x00",
    "NEAR",
    "NEAR(",
    "AND",
    "OR",
    "NOT",
    "feed:",
    "entity:",
    "is:",
    "is:unread",
    "is:bookmarked",
    "before:",
    "after:",
    "7d",
    "2021-10-05",
    "title:",
    "body:",
    "rank",
    "space",
    "Paragraph",
    "ё",
    "é",
    "\u0301",
    "\ufeff",
    "𝔰𝔭𝔞𝔠𝔢",
    "article",
    "0",
]
QUERY_TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=12).map("".join),
)


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Store:
    store = Store.open(tmp_path_factory.mktemp("search-property"))
    ids = add_articles(store, 30)
    add_articles(store, 5, feed_url="http://127.0.0.1/other.xml", feed_title="Other 100% _feed_")
    with closing(store.connect()) as conn:
        for article_id in ids[::4]:
            set_read(conn, article_id, True)
        set_bookmark(conn, ids[1], True)
    return store


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=QUERY_TEXT, live=st.booleans(), sort=st.sampled_from(SORTS), window=st.sampled_from([2000, 3]))
def test_any_text_parses_or_errors_and_never_breaks_sql(small_store, text, live, sort, window):
    result = parse_query(text, now=NOW, live=live)
    if isinstance(result, QueryError):
        assert result.message and "\n" not in result.message
        return
    match, excluded = result.match_expression(), result.excluded_expression()
    for expression in (match, excluded):
        assert expression is None or SAFE_FTS.match(expression), expression
    assert result.fts_expression() in {match or excluded, f"({match}) NOT ({excluded})"}
    view = ArticleFilter(search=result, sort=sort)
    # A window of 3 sends most matches down the broad paths (index scans, ranked window plus older rows).
    with closing(small_store.connect()) as conn, patch.object(store_search, "RANK_WINDOW", window):
        try:
            rows = list_article_rows(conn, view, limit=5)
            total = count_articles(conn, view)
            every = [row.id for row in list_article_rows(conn, view, limit=-1)]
            assert len(every) == len(set(every)) == total and every[: len(rows)] == [r.id for r in rows]
            if rows:
                assert position_of(conn, view, rows[-1].id) == len(rows) - 1
                next_unread(conn, view, 0)
        except sqlite3.Error as failure:  # pragma: no cover - the assertion message is the point
            pytest.fail(f"{text!r} -> {result} raised {failure}")
    assert len(rows) <= total
