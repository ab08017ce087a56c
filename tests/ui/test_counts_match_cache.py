"""Every number the reader and the CLI show is the number in the cache, counted here in plain SQL.

One cache with known contents (several feeds, read and unread, bookmarks, entities named in several
articles and several times in one, saved views); each count the reader or a command shows is compared
with a direct count over the tables, written here independently of the store's own queries.
"""

from __future__ import annotations

import json
import re
from contextlib import closing
from pathlib import Path

from textual.widgets import OptionList, Sparkline

from spacereader.cli import main
from spacereader.entities.normalise import REPAIRS_VERSION
from spacereader.ingest.seeds import import_seeds
from spacereader.models import ExtractedEntity, NewArticle
from spacereader.paths import seeds_dir
from spacereader.store import Store
from spacereader.store.articles import set_read, upsert_articles
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.entities import save_article_entities
from spacereader.store.feeds import ensure_feed
from spacereader.store.views import save_view
from spacereader.ui.screens.feeds import FeedsScreen
from spacereader.ui.screens.views import ViewsScreen
from spacereader.ui.widgets.article_list import ArticleList
from spacereader.ui.widgets.entity_sidebar import EntitySidebar
from spacereader.ui.widgets.row_table import RowTable
from tests.ui.conftest import FakeExtractor

LABEL = f"plain==1+repairs{REPAIRS_VERSION}"
"""The plain extractor's label: the CLI (configured "plain") and the app's extractor take these as done."""

# (feed title, [(guid, day, read, bookmarked)])
FEEDS = {
    "Alpha News": [("a1", 20, False, True), ("a2", 18, True, False), ("a3", 11, False, False)],
    "Beta Wire": [("b1", 19, False, False), ("b2", 17, True, True), ("b3", 3, True, False), ("b4", 2, False, False)],
    "Gamma Post": [("c1", 15, False, False), ("c2", 5, True, False)],
}
# guid -> (name, kind, mentions in that article)
ENTITIES = {
    "a1": [("Ada Lovelace", "person", 3), ("CERN", "organisation", 1)],
    "a2": [("Ada Lovelace", "person", 1), ("London", "place", 2)],
    "b1": [("Ada Lovelace", "person", 2), ("CERN", "organisation", 1)],
    "c1": [("London", "place", 1)],
}
VIEWS = {"Alpha unread": 'feed:"Alpha News" is:unread', "Ada": "entity:lovelace", "Kept": "is:bookmarked"}


class PlainLabelled(FakeExtractor):
    """Finds nothing, labelled as the plain extractor so the saved entities count as done."""

    name = "plain"
    version = "1"


def build(store: Store) -> dict[str, int]:
    """Fill the cache; returns guid -> article id."""
    ids: dict[str, int] = {}
    with closing(store.connect()) as conn:
        import_seeds(conn, seeds_dir())
        for title, items in FEEDS.items():
            articles = [
                NewArticle(guid=g, title=f"{title} story {g}", published=f"2026-03-{day:02d}T10:00:00Z",
                           body=f"Body of {g}.", url=f"https://example.org/{g}", content_hash=g)
                for g, day, _, _ in items
            ]  # fmt: skip
            with conn:
                feed_id = ensure_feed(conn, f"https://{title.split()[0].lower()}.example.org/feed", title=title)
                upsert_articles(conn, feed_id, articles)
            for g, _, read, bookmarked in items:
                ids[g] = conn.execute("SELECT id FROM articles WHERE guid = ?", (g,)).fetchone()[0]
                set_read(conn, ids[g], read)
                set_bookmark(conn, ids[g], bookmarked)
        for g, found in ENTITIES.items():
            named = [ExtractedEntity(n, k, c, float(c), key=n.casefold()) for n, k, c in found]
            save_article_entities(conn, ids[g], named, LABEL)
        for name, query in VIEWS.items():
            save_view(conn, name, query)
    return ids


class Cache:
    """Direct SQL counts, written without the store's functions."""

    def __init__(self, store: Store) -> None:
        self.conn = store.connect()

    def one(self, sql: str, *params: object) -> int:
        return self.conn.execute(sql, params).fetchone()[0]

    def total(self) -> int:
        return self.one("SELECT count(*) FROM articles")

    def unread(self) -> int:
        return self.one("SELECT count(*) FROM article_state WHERE is_read = 0")

    def bookmarks(self) -> int:
        return self.one("SELECT count(*) FROM bookmarks")

    def feed(self, title: str) -> tuple[int, int]:
        sql = (
            "SELECT count(*) FILTER (WHERE s.is_read = 0), count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id"
            " JOIN article_state s ON s.id = a.id WHERE f.title = ?"
        )
        return tuple(self.conn.execute(sql, (title,)).fetchone())

    def entity_id(self, name: str) -> int:
        return self.one("SELECT id FROM entities WHERE name = ?", name)

    def articles_naming(self, name: str) -> int:
        return self.one("SELECT count(*) FROM article_entities WHERE entity_id = ?", self.entity_id(name))

    def mentions_in(self, name: str, article_id: int) -> int:
        sql = "SELECT mentions FROM article_entities WHERE entity_id = ? AND article_id = ?"
        return self.one(sql, self.entity_id(name), article_id)

    def mentions_last_30_days(self, name: str) -> int:
        """All mentions in the 30 days ending on the day of the entity's latest article (the sparkline)."""
        sql = (
            "WITH named AS (SELECT substr(a.published, 1, 10) AS day, ae.mentions FROM article_entities ae"
            " JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ?)"
            " SELECT sum(mentions) FROM named WHERE day > date((SELECT max(day) FROM named), '-30 days')"
        )
        return self.one(sql, self.entity_id(name))

    def shared(self, name: str, other: str) -> int:
        sql = (
            "SELECT count(*) FROM article_entities x JOIN article_entities y ON y.article_id = x.article_id"
            " WHERE x.entity_id = ? AND y.entity_id = ?"
        )
        return self.one(sql, self.entity_id(name), self.entity_id(other))

    def view(self, name: str) -> tuple[int, int]:
        """Each view's meaning in plain SQL: (unread, total)."""
        where = {
            "Alpha unread": "a.feed_id IN (SELECT id FROM feeds WHERE title = 'Alpha News') AND s.is_read = 0",
            "Ada": "a.id IN (SELECT article_id FROM article_entities WHERE entity_id = (SELECT id FROM entities WHERE name = 'Ada Lovelace'))",
            "Kept": "a.id IN (SELECT article_id FROM bookmarks)",
        }[name]
        return (
            self.one(
                f"SELECT count(*) FROM articles a JOIN article_state s ON s.id = a.id WHERE {where} AND s.is_read = 0"
            ),
            self.one(f"SELECT count(*) FROM articles a JOIN article_state s ON s.id = a.id WHERE {where}"),
        )


def status(app) -> str:
    return str(app.screen.query_one("#status-line").render())


def cells(table: RowTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def settle(app, pilot) -> None:
    await pilot.pause(0.1)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_every_count_shown_is_the_count_in_the_cache(store, make_app, tmp_path: Path, capsys):
    ids = build(store)
    cache = Cache(store)
    total, unread = cache.total(), cache.unread()
    assert (total, unread, cache.bookmarks()) == (cache.total(), cache.unread(), 2) and total > 9  # seeds too

    app = make_app(store, extractor=PlainLabelled())
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        article_list = app.screen.query_one(ArticleList)
        assert f"{total} articles" in status(app) and f"{unread} unread" in status(app)
        assert article_list.border_subtitle == f"1/{total}"

        await pilot.press("f")  # feeds view: unread and total per feed
        await settle(app, pilot)
        assert isinstance(app.screen, FeedsScreen)
        shown = {row[0]: (int(row[2]), int(row[3])) for row in cells(app.screen.query_one(RowTable))}
        for title in FEEDS:
            assert shown[title] == cache.feed(title), title
        await pilot.press("escape")

        await pilot.press("v")  # views: unread and total per view
        await settle(app, pilot)
        assert isinstance(app.screen, ViewsScreen)
        shown = {row[1]: (int(row[2]), int(row[3])) for row in cells(app.screen.query_one(RowTable))}
        assert shown == {name: cache.view(name) for name in VIEWS}
        await pilot.press("escape")

        await pilot.press("B")  # bookmarks only: the list's n/N and the status line
        await settle(app, pilot)
        assert article_list.border_subtitle == f"1/{cache.bookmarks()}"
        assert f"{cache.bookmarks()} articles" in status(app)
        await pilot.press("B")
        await settle(app, pilot)

        # The sidebar of an article that names Ada Lovelace three times: mentions in this article.
        article_list.move_to(next(i for i in range(total) if article_list.pager.row(i).id == ids["a1"]))
        await settle(app, pilot)
        options = app.screen.query_one("#entity-options", OptionList)
        texts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert f" Ada Lovelace ({cache.mentions_in('Ada Lovelace', ids['a1'])})" in texts
        assert f" CERN ({cache.mentions_in('CERN', ids['a1'])})" in texts

        # Chosen from an article naming her twice (not the three articles naming her): the list, the
        # header, the sparkline and the co-mentions count across the cache.
        article_list.move_to(next(i for i in range(total) if article_list.pager.row(i).id == ids["b1"]))
        await settle(app, pilot)
        texts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        options.focus()
        options.highlighted = texts.index(f" Ada Lovelace ({cache.mentions_in('Ada Lovelace', ids['b1'])})")
        await pilot.press("enter")
        await settle(app, pilot)
        naming = cache.articles_naming("Ada Lovelace")
        assert naming == 3
        assert article_list.pager.count == naming and article_list.border_subtitle.endswith(f"/{naming}")
        sidebar = app.screen.query_one(EntitySidebar)
        header = str(sidebar.query_one("#entity-detail-title").render())
        assert f"named in {naming} articles" in header, header
        assert sum(sidebar.query_one(Sparkline).data) == cache.mentions_last_30_days("Ada Lovelace") == 6
        caption = str(sidebar.query_one("#entity-sparkline-caption").render())
        assert caption.startswith(f"{cache.mentions_last_30_days('Ada Lovelace')} mentions")
        related = sidebar.query_one("#entity-related", OptionList)
        shown = {}
        for i in range(related.option_count):
            found = re.match(r" (.+) \((\d+)\)", str(related.get_option_at_index(i).prompt))
            shown[found[1]] = int(found[2])
        assert shown == {"CERN": cache.shared("Ada Lovelace", "CERN"), "London": cache.shared("Ada Lovelace", "London")}
        await pilot.press("escape")

    def run(*argv: str):
        capsys.readouterr()
        code = main(["--data-dir", str(store.path.parent), "--config", str(config), *argv])
        out = capsys.readouterr().out
        assert code == 0, argv
        return json.loads(out)

    config = tmp_path / "config.toml"
    config.write_text('extractor = "plain"\n')
    assert len(run("articles", "--json", "--limit", "1000")) == cache.total()
    assert len(run("articles", "--unread", "--json", "--limit", "1000")) == cache.unread()
    assert len(run("bookmarks", "--json")) == cache.bookmarks()
    feeds = {row["title"]: (row["unread"], row["total"]) for row in run("feeds", "--json")}
    assert {title: feeds[title] for title in FEEDS} == {title: cache.feed(title) for title in FEEDS}
    views = {row["name"]: (row["unread"], row["total"]) for row in run("views", "--json")}
    assert views == {name: cache.view(name) for name in VIEWS}
    assert len(run("mentions", "Ada Lovelace", "--json")) == cache.articles_naming("Ada Lovelace")
    assert len(run("mentions", "London", "--json")) == cache.articles_naming("London") == 2
    entities = {row["name"]: row["count"] for row in run("entities", str(ids["a1"]), "--json")}
    assert entities == {name: cache.mentions_in(name, ids["a1"]) for name in ("Ada Lovelace", "CERN")}
    assert (cache.total(), cache.unread()) == (total, unread)  # nothing above changed the cache
    cache.conn.close()
