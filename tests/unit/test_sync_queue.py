"""The push queue and the sync settings: marks queued with the mark, collapsed, removed only once sent."""

from __future__ import annotations

import os
import sys
from contextlib import closing
from pathlib import Path

import pytest

from spacereader.config import SyncSettings, load_settings
from spacereader.models import NewArticle
from spacereader.store import Store
from spacereader.store import sync as store_sync
from spacereader.store.articles import set_read
from spacereader.store.bookmarks import set_bookmark
from spacereader.sync.account import PASSWORD_ENV, resolve_account
from spacereader.sync.greader import SyncError


def synced(store: Store, count: int = 3) -> list[int]:
    """A synced feed with `count` articles (item ids 100, 101, ...); their article ids."""
    items = [
        store_sync.PulledItem(
            str(100 + n),
            1_700_000_000_000_000 + n,
            False,
            False,
            NewArticle(
                guid=f"g{n}", title=f"Item {n}", published="2026-01-01T00:00:00Z", body="text", content_hash=f"h{n}"
            ),
        )  # fmt: skip
        for n in range(count)
    ]
    with closing(store.connect()) as conn:
        mapping, _ = store_sync.apply_subscriptions(conn, [("feed/1", "https://example.org/feed", "Feed", "", "")])
        store_sync.store_items(conn, mapping["feed/1"], items, keep=1000)
        return [r[0] for r in conn.execute("SELECT article_id FROM sync_items ORDER BY item_id")]


def test_a_mark_is_queued_with_the_article_and_toggles_collapse_to_the_last(store: Store):
    first, second, _ = synced(store)
    with closing(store.connect()) as conn:
        for read in (True, False, True):
            set_read(conn, first, read)
        set_bookmark(conn, second, True)
        marks = store_sync.pending(conn)
    assert [(m.item_id, m.field, m.value) for m in marks] == [("100", "read", True), ("101", "starred", True)]


def test_a_mark_made_while_a_push_ran_stays_queued(store: Store):
    first, _, _ = synced(store)
    with closing(store.connect()) as conn:
        set_read(conn, first, True)
        sent = store_sync.pending(conn)
        set_read(conn, first, False)  # while the push was on the wire
        store_sync.drop_sent(conn, sent)
        (left,) = store_sync.pending(conn)
    assert (left.item_id, left.value) == ("100", False)


def test_an_article_that_never_came_from_the_server_queues_nothing(store: Store):
    from tests.conftest import add_articles

    (local,) = add_articles(store, 1)
    synced(store)
    with closing(store.connect()) as conn:
        set_read(conn, local, True)
        assert store_sync.count_pending(conn) == 0


def test_mark_all_read_is_ordered_after_the_marks_before_it(store: Store):
    first, second, third = synced(store)
    with closing(store.connect()) as conn:
        set_read(conn, first, True)
        feed_id = conn.execute("SELECT feed_id FROM articles WHERE id = ?", (first,)).fetchone()[0]
        assert len(store_sync.mark_all_read(conn, feed_id)) == 2  # one call for them all: no mark per article
        set_read(conn, second, False)
        kinds = [type(m).__name__ for m in store_sync.pending(conn)]
        (mark_all,) = [m for m in store_sync.pending(conn) if isinstance(m, store_sync.QueuedMarkAll)]
    assert kinds == ["QueuedMark", "QueuedMarkAll", "QueuedMark"]
    assert mark_all.stream_id == "feed/1" and mark_all.older_than == 1_700_000_000_000_002


def test_the_server_states_do_not_overwrite_a_mark_still_queued(store: Store):
    first, second, third = synced(store)
    with closing(store.connect()) as conn:
        set_read(conn, first, True)  # queued, not yet pushed
        changed = store_sync.apply_states(conn, unread={"100", "101"}, starred={"102"})
        states = dict(conn.execute("SELECT id, is_read FROM article_state").fetchall())
        starred = {r[0] for r in conn.execute("SELECT article_id FROM bookmarks")}
    assert states == {first: 1, second: 0, third: 1}
    assert starred == {third} and changed == 2


def test_sync_settings_warn_in_one_line_and_leave_sync_off(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text('[sync]\nservice = "greader"\nurl = "ftp://example.org"\nuser = "alice"\n')
    settings, warnings = load_settings(path)
    assert settings.sync is None
    assert len(warnings) == 1 and "line 3: sync.url should be an http(s) address" in warnings[0]
    path.write_text(
        '[sync]\nurl = "https://example.org/api/greader.php"\nuser = "alice"\npassword_command = 7\nsalt = 1\n'
    )
    settings, warnings = load_settings(path)
    assert settings.sync == SyncSettings("https://example.org/api/greader.php", "alice")
    assert [w.split(": ", 1)[1] for w in warnings] == [
        'sync.password_command should be a command such as ["pass", "show", "rss/api"]; using the default',
        "unknown key sync.salt; ignored",
    ]


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ([sys.executable, "-c", "import sys; sys.exit(3)"], r"failed \(exit status 3\)$"),
        ([sys.executable, "-c", "print('')"], "printed nothing"),
        (["/nonexistent/secret-tool"], "was not found"),
    ],
)
def test_a_password_command_that_fails_is_one_line(monkeypatch, command, message):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    with pytest.raises(SyncError, match=message):
        resolve_account(SyncSettings("https://example.org", "alice", password_command=tuple(command)))


def test_the_password_comes_from_the_environment_first_and_stays_out_of_repr(monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "from-the-env")
    found = resolve_account(SyncSettings("https://example.org", "alice", password_command=("false",)))
    assert found.password == "from-the-env" and "from-the-env" not in repr(found)
    monkeypatch.delenv(PASSWORD_ENV)
    assert resolve_account(SyncSettings("https://e.org", "a", password_command=("echo", "pw\nline2"))).password == "pw"
    assert os.environ.get(PASSWORD_ENV) is None


def test_read_and_unread_commands_work_without_sync(tmp_path: Path, capsys):
    from spacereader.cli import main
    from tests.conftest import add_articles

    data = tmp_path / "data"
    base = ["--data-dir", str(data), "--config", str(tmp_path / "none.toml")]
    store = Store.open(data)
    first, second = add_articles(store, 2)
    assert main([*base, "read", str(first), str(second)]) == 0
    assert main([*base, "unread", str(second)]) == 0
    with closing(store.connect()) as conn:
        states = dict(
            conn.execute("SELECT id, is_read FROM article_state WHERE id IN (?, ?)", (first, second)).fetchall()
        )
    assert states == {first: 1, second: 0}
    assert main([*base, "read", "999999"]) == 1
    assert capsys.readouterr().err == "spacereader: no article with ID 999999\n"
    assert main([*base, "mark-read", "--all"]) == 0
    assert "marked" in capsys.readouterr().out
    with closing(store.connect()) as conn:
        assert conn.execute("SELECT count(*) FROM article_state WHERE is_read = 0").fetchone()[0] == 0


def test_the_sync_progress_line_is_drawn_only_on_a_terminal():
    import io

    from spacereader.cli.sync import SyncBar
    from spacereader.sync.run import SyncProgress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen, pipe = Terminal(), io.StringIO()
    for stream in (screen, pipe):
        bar = SyncBar(stream)
        bar(SyncProgress("first pull of feed", 2, 10))
        bar(SyncProgress("articles", 340))
        bar.close()
    assert screen.getvalue() == ("\r\x1b[Ksync: first pull of feed 2/10\r\x1b[Ksync: articles 340\r\x1b[K")
    assert pipe.getvalue() == ""


def test_any_statement_that_marks_synced_articles_queues_them_and_server_states_do_not(store: Store):
    first, second, third = synced(store)
    with closing(store.connect()) as conn:
        store_sync.apply_states(conn, unread={"100"}, starred={"101"})  # the server's states
        assert store_sync.count_pending(conn) == 0
        with conn:  # a whole list marked read in one statement, as "mark all read" in a list does
            conn.execute("UPDATE article_state SET is_read = 1 WHERE id IN (?, ?, ?)", (first, second, third))
        marks = {(m.item_id, m.field, m.value) for m in store_sync.pending(conn)}
    assert marks == {("100", "read", True)}  # only the one that changed


def test_an_article_deleted_with_its_bookmark_does_not_unstar_it_on_the_server(store: Store):
    first, _, _ = synced(store)
    with closing(store.connect()) as conn:
        set_bookmark(conn, first, True)
        store_sync.drop_sent(conn, store_sync.pending(conn))
        with conn:
            conn.execute("DELETE FROM articles WHERE id = ?", (first,))
        assert store_sync.count_pending(conn) == 0


def test_a_list_marked_read_and_its_undo_are_queued_for_the_server(store: Store):
    from spacereader.models import ArticleFilter
    from spacereader.store.marks import mark_read_where, mark_unread, max_article_id

    first, second, third = synced(store)
    with closing(store.connect()) as conn:
        feed_id = conn.execute("SELECT feed_id FROM articles WHERE id = ?", (first,)).fetchone()[0]
        changed = mark_read_where(conn, ArticleFilter(feed_id=feed_id), up_to_id=max_article_id(conn))
        assert sorted(changed) == sorted([first, second, third])
        assert {(m.item_id, m.value) for m in store_sync.pending(conn)} == {("100", True), ("101", True), ("102", True)}
        mark_unread(conn, [second])  # the undo
        assert {(m.item_id, m.value) for m in store_sync.pending(conn)} == {
            ("100", True),
            ("101", False),
            ("102", True),
        }
