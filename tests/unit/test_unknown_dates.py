"""An article with an unknown date: stored as "", shown as unknown everywhere, sorted at the oldest end."""

from __future__ import annotations

import json
from contextlib import closing

import pytest

from spacereader.cli import main
from spacereader.models import SORTS, ArticleFilter, NewArticle
from spacereader.search.query import parse_query
from spacereader.store import Store
from spacereader.store.articles import get_article, list_article_rows, next_unread, position_of, upsert_articles
from spacereader.store.feeds import ensure_feed
from spacereader.ui.widgets.article_list import short_date

DATED = ["2026-01-03T00:00:00Z", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"]


def fill(store: Store) -> None:
    """Two feeds, each with dated articles and articles of unknown date, titles interleaving them."""
    with closing(store.connect()) as conn, conn:
        for feed in ("Alpha", "Beta"):
            feed_id = ensure_feed(conn, f"http://127.0.0.1/{feed}", title=feed)
            items = [
                NewArticle(guid=f"d{i}", title=f"{'ACE'[i]} dated", published=p, body="b") for i, p in enumerate(DATED)
            ]
            items += [NewArticle(guid=f"u{i}", title=f"{'BDF'[i]} undated", published="", body="b") for i in range(2)]
            upsert_articles(conn, feed_id, items)


@pytest.mark.parametrize("sort", [s for s in SORTS if s != "relevance"])
def test_unknown_dates_sort_together_after_every_dated_article_of_their_group(store: Store, sort: str):
    fill(store)
    with closing(store.connect()) as conn:
        rows = list_article_rows(conn, ArticleFilter(sort=sort), limit=-1)
        if sort == "date":
            assert [r.published for r in rows][-4:] == [""] * 4 and "" not in [r.published for r in rows][:-4]
        if sort == "feed":  # within each feed, the unknown ones last
            for feed in ("Alpha", "Beta"):
                dates = [r.published for r in rows if r.source == feed]
                assert dates[-2:] == ["", ""] and "" not in dates[:-2]
        for index, row in enumerate(rows):  # paging, positions and next-unread agree with the listed order
            assert position_of(conn, ArticleFilter(sort=sort), row.id) == index
            assert list_article_rows(conn, ArticleFilter(sort=sort), offset=index, limit=1)[0].id == row.id
        assert next_unread(conn, ArticleFilter(sort=sort), len(rows) - 2) == len(rows) - 1


def test_a_date_search_never_takes_an_unknown_date_for_an_old_one(store: Store):
    fill(store)
    with closing(store.connect()) as conn:
        before = list_article_rows(conn, ArticleFilter(search=parse_query("before:2026-01-02")), limit=-1)
        after = list_article_rows(conn, ArticleFilter(search=parse_query("after:1990-01-01")), limit=-1)
    assert [r.published for r in before] == ["2026-01-01T00:00:00Z"] * 2
    assert "" not in [r.published for r in after]


def test_unknown_dates_are_shown_as_unknown_in_the_list_reading_pane_show_and_json(store: Store, capsys):
    fill(store)
    with closing(store.connect()) as conn:
        undated = [r for r in list_article_rows(conn, limit=-1) if not r.published][0]
        assert "unknown date" in get_article(conn, undated.id).meta_line
    assert short_date("", 2026) == "unknown" and short_date("", 2026, compact=True) == "?"
    data_dir = str(store.path.parent)
    assert main(["--data-dir", data_dir, "articles", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows[undated.id]["published"] is None
    assert all(r["published"] for i, r in rows.items() if r["title"].endswith(" dated"))
    assert main(["--data-dir", data_dir, "show", str(undated.id)]) == 0
    shown = capsys.readouterr().out
    assert "unknown date" in shown and "1970" not in shown
    assert main(["--data-dir", data_dir, "articles"]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.strip().startswith(str(undated.id) + " "))
    assert "unknown" in line
