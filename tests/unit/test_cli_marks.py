"""`spacereader mark-read` on a real cache: every article, one feed, a query's results."""

from __future__ import annotations

import json
from contextlib import closing

import pytest

from spacereader.cli import main
from spacereader.ingest.seeds import import_seeds
from spacereader.paths import seeds_dir
from spacereader.store import Store
from tests.conftest import add_articles


def run(capsys, tmp_path, *args):
    code = main(["--data-dir", str(tmp_path / "data"), "--config", str(tmp_path / "absent.toml"), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cache(tmp_path):
    store = Store.open(tmp_path / "data")
    with closing(store.connect()) as conn:
        import_seeds(conn, seeds_dir())  # as every command does, so counts before and after compare
    one = add_articles(store, 3, titles=["Soyuz docks", "Rain again", "Soyuz lands"])
    two = add_articles(store, 2, feed_url="http://127.0.0.1/two.xml", feed_title="Two")
    return store, one, two


def unread(store) -> set[int]:
    with closing(store.connect()) as conn:
        return {row[0] for row in conn.execute("SELECT id FROM article_state WHERE is_read = 0")}


def test_mark_read_feed_by_url_and_by_id(capsys, tmp_path, cache):
    store, one, two = cache
    code, out, err = run(capsys, tmp_path, "mark-read", "--feed", "http://127.0.0.1/two.xml")
    assert code == 0, err
    assert out == "marked 2 articles read (Two)\n"
    assert unread(store) & set(two) == set()
    code, out, _ = run(capsys, tmp_path, "mark-read", "--feed", "http://127.0.0.1/two.xml")
    assert out.startswith("marked 0 articles read")


def test_mark_read_query_json_gives_the_ids(capsys, tmp_path, cache):
    store, one, _ = cache
    code, out, err = run(capsys, tmp_path, "mark-read", "--query", "soyuz", "--json")
    assert code == 0, err
    assert json.loads(out) == {"marked": 2, "ids": sorted([one[0], one[2]])}
    assert one[1] in unread(store)


def test_mark_read_all_includes_the_seed_article(capsys, tmp_path, cache):
    store, _, _ = cache
    code, out, _ = run(capsys, tmp_path, "mark-read", "--all")
    assert code == 0 and out == "marked 6 articles read (every article)\n"
    assert unread(store) == set()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--feed", "42"], "42: no such feed"),
        (["--query", "is:starred"], "bad query: is:starred is unknown"),
    ],
)
def test_bad_feed_or_query_is_one_line_and_nothing_changes(capsys, tmp_path, cache, args, said):
    store, _, _ = cache
    before = unread(store)
    code, out, err = run(capsys, tmp_path, "mark-read", *args)
    assert code == 1 and out == ""
    assert err.startswith(f"spacereader: {said}") and err.count("\n") == 1
    assert unread(store) == before


def test_mark_read_needs_exactly_one_choice(capsys, tmp_path):
    with pytest.raises(SystemExit) as raised:
        main(["--data-dir", str(tmp_path / "data"), "mark-read"])
    assert raised.value.code == 2
    with pytest.raises(SystemExit):
        main(["--data-dir", str(tmp_path / "data"), "mark-read", "--all", "--feed", "1"])
