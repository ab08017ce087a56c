"""Ordered schema steps keyed by PRAGMA user_version; append new steps, never edit a released one."""

from __future__ import annotations

import sqlite3

STEPS: list[str] = [
    # 1: feeds, articles, bookmarks, entities.
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        site_url TEXT NOT NULL DEFAULT '',
        folder TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'feed',
        etag TEXT,
        last_modified TEXT,
        last_attempt TEXT,
        last_success TEXT,
        last_error TEXT,
        disabled_reason TEXT,
        retry_after TEXT,
        added TEXT NOT NULL
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid TEXT NOT NULL,
        url TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        published TEXT NOT NULL,
        fetched TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        word_count INTEGER NOT NULL DEFAULT 0,
        enclosures TEXT NOT NULL DEFAULT '',
        content_hash TEXT NOT NULL DEFAULT '',
        is_read INTEGER NOT NULL DEFAULT 0,
        UNIQUE (feed_id, guid)
    );
    CREATE INDEX articles_by_date ON articles (published DESC, id DESC);
    CREATE INDEX articles_by_feed ON articles (feed_id, published DESC, id DESC);
    CREATE INDEX articles_unread ON articles (is_read, published DESC, id DESC);
    CREATE TABLE bookmarks (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        created TEXT NOT NULL
    );
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'place'))
    );
    CREATE TABLE article_entities (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        mentions INTEGER NOT NULL,
        salience REAL NOT NULL DEFAULT 0,
        PRIMARY KEY (article_id, entity_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_entities_by_entity ON article_entities (entity_id, article_id);
    CREATE TABLE extractions (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        extractor TEXT NOT NULL,
        done TEXT NOT NULL
    );
    """,
    # 2: the type each article gave an entity; entities.kind becomes the cache-wide majority of these.
    """
    ALTER TABLE article_entities ADD COLUMN kind TEXT CHECK (kind IN ('person', 'organisation', 'place'));
    CREATE INDEX extractions_by_extractor ON extractions (extractor);
    """,
    # 3: search: a full-text index over headline, body, author and feed name, and saved views.
    #
    # External content over a view rather than a regular FTS5 table: a regular table would store a
    # second copy of every body (most of the cache). Contentless-delete tables need SQLite 3.43 and
    # Debian/Ubuntu LTS Pythons still link 3.40. The feed name lives in `feeds`, so the content is a
    # view joining the two; 'rebuild' and 'integrity-check' read it. External content means a delete
    # must repeat the exact indexed values, so every trigger indexes the same expressions as the view:
    # - an article's feed is looked up at trigger time; when a feed is deleted its BEFORE trigger
    #   removes its articles (the cascade then finds no feed row and does nothing twice);
    # - renaming a feed reindexes its articles;
    # - marking read touches no indexed column, so it does not touch the index.
    # unicode61 with remove_diacritics 2 folds case and Latin accents; it leaves Cyrillic ё alone,
    # so ё is folded to е here and in the query parser (spacereader.search.query.fold).
    # Columns: title, body, author, feed (ranking weights: store/search.py BM25).
    # One prefix index, for two letters: without it 'ke*' merges the postings of every word starting
    # with ke; from three letters the words are few enough that the term index serves (measured at 100k
    # articles: 'spa*' 15 ms without a 3-letter index, 6 ms with it, which would cost a third more index
    # and write time).
    """
    CREATE VIEW articles_search_source AS
        SELECT a.id AS id,
            replace(replace(a.title, 'ё', 'е'), 'Ё', 'Е') AS title,
            replace(replace(a.body, 'ё', 'е'), 'Ё', 'Е') AS body,
            replace(replace(a.author, 'ё', 'е'), 'Ё', 'Е') AS author,
            replace(replace(COALESCE(NULLIF(f.title, ''), f.url), 'ё', 'е'), 'Ё', 'Е') AS feed
        FROM articles a JOIN feeds f ON f.id = a.feed_id;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, author, feed,
        content = 'articles_search_source', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, body, author, feed)
        SELECT id, title, body, author, feed FROM articles_search_source WHERE id = new.id;
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body, author, feed)
        SELECT 'delete', old.id,
            replace(replace(old.title, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(old.body, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(old.author, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(COALESCE(NULLIF(f.title, ''), f.url), 'ё', 'е'), 'Ё', 'Е')
        FROM feeds f WHERE f.id = old.feed_id;
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, body, author, feed_id ON articles
    WHEN old.id IS NOT new.id OR old.title IS NOT new.title OR old.body IS NOT new.body
        OR old.author IS NOT new.author OR old.feed_id IS NOT new.feed_id
    BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body, author, feed)
        SELECT 'delete', old.id,
            replace(replace(old.title, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(old.body, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(old.author, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(COALESCE(NULLIF(f.title, ''), f.url), 'ё', 'е'), 'Ё', 'Е')
        FROM feeds f WHERE f.id = old.feed_id;
        INSERT INTO articles_fts (rowid, title, body, author, feed)
        SELECT id, title, body, author, feed FROM articles_search_source WHERE id = new.id;
    END;
    CREATE TRIGGER articles_fts_feed_delete BEFORE DELETE ON feeds BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body, author, feed)
        SELECT 'delete', id, title, body, author, feed FROM articles_search_source
        WHERE id IN (SELECT id FROM articles WHERE feed_id = old.id);
    END;
    CREATE TRIGGER articles_fts_feed_rename AFTER UPDATE OF title, url ON feeds
    WHEN COALESCE(NULLIF(old.title, ''), old.url) IS NOT COALESCE(NULLIF(new.title, ''), new.url)
    BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body, author, feed)
        SELECT 'delete', a.id,
            replace(replace(a.title, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(a.body, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(a.author, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(COALESCE(NULLIF(old.title, ''), old.url), 'ё', 'е'), 'Ё', 'Е')
        FROM articles a WHERE a.feed_id = old.id;
        INSERT INTO articles_fts (rowid, title, body, author, feed)
        SELECT id, title, body, author, feed FROM articles_search_source
        WHERE id IN (SELECT id FROM articles WHERE feed_id = new.id);
    END;
    INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    CREATE TABLE views (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        query TEXT NOT NULL,
        created TEXT NOT NULL
    );
    """,
    # 4: merge the search index's segments less eagerly. Each refresh transaction adds a small segment
    # (one feed's articles); FTS5's defaults (merge every 4 segments of a level, a forced merge at 16)
    # rewrote the same postings level after level. At 8 and 32 a cold refresh spends about 14% less
    # writer CPU (234 -> 202 us per article at 30,000 articles) and prefix, phrase and OR queries were
    # measured no slower.
    """
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('crisismerge', 32);
    """,
    # 5: a note for the user on a feed, said once by the next listing (a feed that moved here was merged in).
    """
    ALTER TABLE feeds ADD COLUMN note TEXT;
    """,
    # 6: per-feed article and unread counts, kept by triggers in the same transaction as each change.
    # Counting a feed's unread articles from the articles table searched the unread index (every unread
    # article) once per feed: the feeds view took seconds at 10,000 articles and minutes at 50,000. The
    # counts are what the feeds view, `feeds`, the status line and the unfiltered counts show, so they
    # cost one row per feed however many articles there are. The triggers add about a microsecond per
    # written article. Title and feed-name indexes let those orders be read in order instead of sorted per page.
    """
    CREATE TABLE feed_counts (
        feed_id INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
        total INTEGER NOT NULL DEFAULT 0,
        unread INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO feed_counts (feed_id, total, unread)
        SELECT feed_id, count(*), sum(is_read = 0) FROM articles GROUP BY feed_id;
    CREATE TRIGGER feed_counts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO feed_counts (feed_id, total, unread) VALUES (new.feed_id, 1, new.is_read = 0)
        ON CONFLICT (feed_id) DO UPDATE SET total = total + 1, unread = unread + excluded.unread;
    END;
    CREATE TRIGGER feed_counts_delete AFTER DELETE ON articles BEGIN
        UPDATE feed_counts SET total = total - 1, unread = unread - (old.is_read = 0) WHERE feed_id = old.feed_id;
    END;
    CREATE TRIGGER feed_counts_update AFTER UPDATE OF is_read, feed_id ON articles
    WHEN old.is_read IS NOT new.is_read OR old.feed_id IS NOT new.feed_id
    BEGIN
        UPDATE feed_counts SET total = total - 1, unread = unread - (old.is_read = 0) WHERE feed_id = old.feed_id;
        INSERT INTO feed_counts (feed_id, total, unread) VALUES (new.feed_id, 1, new.is_read = 0)
        ON CONFLICT (feed_id) DO UPDATE SET total = total + 1, unread = unread + excluded.unread;
    END;
    CREATE INDEX articles_by_title ON articles (title COLLATE NOCASE, published DESC, id DESC);
    CREATE INDEX IF NOT EXISTS feeds_by_name ON feeds (lower(COALESCE(NULLIF(title, ''), url)), id);
    """,
    # 7: index after the write, not inside it. New and changed articles are queued in search_pending by
    # the triggers and indexed later in large batches (store/search_index.py), so a refresh's writer no
    # longer pays FTS5's per-transaction segment flushes and merges (one small segment per feed). A queued
    # article is not yet in the index, so a delete or change only removes from the index what is there.
    # The queue and the articles commit together: a kill at any point leaves every queued article to be
    # indexed at the next catch-up, and nothing indexed twice.
    """
    CREATE TABLE search_pending (article_id INTEGER PRIMARY KEY);
    DROP TRIGGER articles_fts_insert;
    DROP TRIGGER articles_fts_delete;
    DROP TRIGGER articles_fts_update;
    DROP TRIGGER articles_fts_feed_delete;
    DROP TRIGGER articles_fts_feed_rename;
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT OR IGNORE INTO search_pending (article_id) VALUES (new.id);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body, author, feed)
        SELECT 'delete', old.id,
            replace(replace(old.title, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(old.body, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(old.author, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(COALESCE(NULLIF(f.title, ''), f.url), 'ё', 'е'), 'Ё', 'Е')
        FROM feeds f WHERE f.id = old.feed_id
            AND NOT EXISTS (SELECT 1 FROM search_pending WHERE article_id = old.id);
        DELETE FROM search_pending WHERE article_id = old.id;
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, body, author, feed_id ON articles
    WHEN old.id IS NOT new.id OR old.title IS NOT new.title OR old.body IS NOT new.body
        OR old.author IS NOT new.author OR old.feed_id IS NOT new.feed_id
    BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body, author, feed)
        SELECT 'delete', old.id,
            replace(replace(old.title, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(old.body, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(old.author, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(COALESCE(NULLIF(f.title, ''), f.url), 'ё', 'е'), 'Ё', 'Е')
        FROM feeds f WHERE f.id = old.feed_id
            AND NOT EXISTS (SELECT 1 FROM search_pending WHERE article_id = old.id);
        DELETE FROM search_pending WHERE article_id = old.id;
        INSERT INTO search_pending (article_id) VALUES (new.id);
    END;
    CREATE TRIGGER articles_fts_feed_delete BEFORE DELETE ON feeds BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body, author, feed)
        SELECT 'delete', id, title, body, author, feed FROM articles_search_source
        WHERE id IN (SELECT id FROM articles WHERE feed_id = old.id)
            AND id NOT IN (SELECT article_id FROM search_pending);
        DELETE FROM search_pending WHERE article_id IN (SELECT id FROM articles WHERE feed_id = old.id);
    END;
    CREATE TRIGGER articles_fts_feed_rename AFTER UPDATE OF title, url ON feeds
    WHEN COALESCE(NULLIF(old.title, ''), old.url) IS NOT COALESCE(NULLIF(new.title, ''), new.url)
    BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body, author, feed)
        SELECT 'delete', a.id,
            replace(replace(a.title, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(a.body, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(a.author, 'ё', 'е'), 'Ё', 'Е'),
            replace(replace(COALESCE(NULLIF(old.title, ''), old.url), 'ё', 'е'), 'Ё', 'Е')
        FROM articles a WHERE a.feed_id = old.id
            AND NOT EXISTS (SELECT 1 FROM search_pending WHERE article_id = a.id);
        INSERT INTO articles_fts (rowid, title, body, author, feed)
        SELECT id, title, body, author, feed FROM articles_search_source
        WHERE id IN (SELECT id FROM articles WHERE feed_id = new.id)
            AND id NOT IN (SELECT article_id FROM search_pending);
    END;
    """,
    # Sync with a Google Reader API server: which local feed and article each remote stream and item is,
    # how far pulling got, and the marks waiting to be pushed. Everything goes with its feed or article.
    """
    CREATE TABLE sync_feeds (
        feed_id INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
        stream_id TEXT NOT NULL UNIQUE,
        pulled INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE sync_items (
        item_id TEXT PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        crawled INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX sync_items_by_article ON sync_items (article_id);
    CREATE TABLE sync_queue (
        item_id TEXT NOT NULL,
        field TEXT NOT NULL CHECK (field IN ('read', 'starred')),
        value INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (item_id, field)
    );
    CREATE TABLE sync_mark_all (
        id INTEGER PRIMARY KEY,
        stream_id TEXT NOT NULL,
        older_than INTEGER NOT NULL
    );
    CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # Full text and media: a feed may ask for each article's web page; an article whose body was replaced
    # by its page's main text keeps the feed's own text in feed_body, and page_error says why a page failed.
    """
    ALTER TABLE feeds ADD COLUMN full_text INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE articles ADD COLUMN from_page INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE articles ADD COLUMN feed_body TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN page_error TEXT NOT NULL DEFAULT '';
    """,
    # Small choices the reader remembers between starts (unread only), one row each.
    """
    CREATE TABLE preferences (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # Ignore rules: what they kept out (so a later refresh does not bring it back, and a bad rule shows),
    # and the new articles still to be checked against rules that name entities once extraction has run.
    """
    CREATE TABLE ignored_articles (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        published TEXT NOT NULL DEFAULT '',
        rule TEXT NOT NULL,
        ignored TEXT NOT NULL,
        UNIQUE (feed_id, guid)
    );
    CREATE TABLE ignore_pending (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
    );
    """,
    # Watches: an entity (by its key, which outlives the entity's row id) or a saved view (by name) to be
    # told about; `since_id` bounds what counts as new, and each match found is kept once, seen or not.
    """
    CREATE TABLE watches (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('entity', 'view')),
        name TEXT NOT NULL,
        entity_key TEXT,
        since_id INTEGER NOT NULL,
        created TEXT NOT NULL,
        UNIQUE (kind, name)
    );
    CREATE TABLE watch_hits (
        watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seen INTEGER NOT NULL DEFAULT 0,
        found TEXT NOT NULL,
        PRIMARY KEY (watch_id, article_id)
    );
    CREATE INDEX watch_hits_by_article ON watch_hits (article_id);
    """,
    # Sync queue by trigger: every change of a synced article's read mark or bookmark is queued for the
    # server in the statement that makes it, whichever code makes it (one mark, a whole list, an undo).
    # Server states are applied with a row in sync_guard, inside that same transaction, so they do not
    # queue themselves back; the row is gone before the transaction commits.
    """
    CREATE TABLE sync_guard (id INTEGER PRIMARY KEY);
    CREATE TRIGGER sync_queue_read AFTER UPDATE OF is_read ON articles
    WHEN old.is_read IS NOT new.is_read
        AND EXISTS (SELECT 1 FROM sync_items WHERE article_id = new.id)
        AND NOT EXISTS (SELECT 1 FROM sync_guard)
    BEGIN
        INSERT INTO sync_state (key, value) VALUES ('seq', '1')
            ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;
        INSERT INTO sync_queue (item_id, field, value, seq)
            SELECT item_id, 'read', new.is_read, (SELECT CAST(value AS INTEGER) FROM sync_state WHERE key = 'seq')
            FROM sync_items WHERE article_id = new.id
            ON CONFLICT (item_id, field) DO UPDATE SET value = excluded.value, seq = excluded.seq;
    END;
    CREATE TRIGGER sync_queue_star AFTER INSERT ON bookmarks
    WHEN EXISTS (SELECT 1 FROM sync_items WHERE article_id = new.article_id)
        AND NOT EXISTS (SELECT 1 FROM sync_guard)
    BEGIN
        INSERT INTO sync_state (key, value) VALUES ('seq', '1')
            ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;
        INSERT INTO sync_queue (item_id, field, value, seq)
            SELECT item_id, 'starred', 1, (SELECT CAST(value AS INTEGER) FROM sync_state WHERE key = 'seq')
            FROM sync_items WHERE article_id = new.article_id
            ON CONFLICT (item_id, field) DO UPDATE SET value = excluded.value, seq = excluded.seq;
    END;
    CREATE TRIGGER sync_queue_unstar AFTER DELETE ON bookmarks
    WHEN EXISTS (SELECT 1 FROM sync_items WHERE article_id = old.article_id)
        AND EXISTS (SELECT 1 FROM articles WHERE id = old.article_id)
        AND NOT EXISTS (SELECT 1 FROM sync_guard)
    BEGIN
        INSERT INTO sync_state (key, value) VALUES ('seq', '1')
            ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;
        INSERT INTO sync_queue (item_id, field, value, seq)
            SELECT item_id, 'starred', 0, (SELECT CAST(value AS INTEGER) FROM sync_state WHERE key = 'seq')
            FROM sync_items WHERE article_id = old.article_id
            ON CONFLICT (item_id, field) DO UPDATE SET value = excluded.value, seq = excluded.seq;
    END;
    """,
    # Read state in a table of its own, one narrow row per article. In the article's row the flag sat
    # beside the body, so marking 60,000 of 100,000 articles read rewrote 60,000 wide rows (1.6-2.0 s);
    # here the same statement rewrites narrow rows. `feed_id` and `published` are copied in (kept by the
    # triggers below) so a list filtered on read state is found, ordered and counted in this table alone:
    # its columns carry the articles' names, so the same WHERE clauses run on either (store/articles.py).
    # The unread index is the only one a mark changes; by feed serves a feed's unread articles.
    # articles.is_read stays, renamed and unused: dropping a column rewrites every article row, bodies
    # included. feed_counts keeps `total` by the articles' triggers and `unread` by this table's; a mark is
    # queued for the server by this table's trigger, in the statement that makes it, as before.
    """
    CREATE TABLE article_state (
        id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        feed_id INTEGER NOT NULL,
        published TEXT NOT NULL,
        is_read INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO article_state (id, feed_id, published, is_read) SELECT id, feed_id, published, is_read FROM articles;
    CREATE INDEX article_state_unread ON article_state (is_read, published DESC, id DESC);
    CREATE INDEX article_state_by_feed ON article_state (feed_id, published DESC, id DESC);
    DROP INDEX articles_unread;
    DROP TRIGGER feed_counts_insert;
    DROP TRIGGER feed_counts_delete;
    DROP TRIGGER feed_counts_update;
    DROP TRIGGER sync_queue_read;
    ALTER TABLE articles RENAME COLUMN is_read TO unused_is_read;
    CREATE TRIGGER article_state_insert AFTER INSERT ON articles BEGIN
        INSERT INTO article_state (id, feed_id, published) VALUES (new.id, new.feed_id, new.published);
        INSERT INTO feed_counts (feed_id, total, unread) VALUES (new.feed_id, 1, 1)
        ON CONFLICT (feed_id) DO UPDATE SET total = total + 1, unread = unread + 1;
    END;
    CREATE TRIGGER article_state_delete AFTER DELETE ON articles BEGIN
        UPDATE feed_counts SET total = total - 1 WHERE feed_id = old.feed_id;
        DELETE FROM article_state WHERE id = old.id;
    END;
    CREATE TRIGGER article_state_move AFTER UPDATE OF feed_id, published ON articles
    WHEN old.feed_id IS NOT new.feed_id OR old.published IS NOT new.published
    BEGIN
        UPDATE feed_counts SET total = total - (old.feed_id IS NOT new.feed_id) WHERE feed_id = old.feed_id;
        INSERT INTO feed_counts (feed_id, total, unread) VALUES (new.feed_id, old.feed_id IS NOT new.feed_id, 0)
        ON CONFLICT (feed_id) DO UPDATE SET total = total + excluded.total;
        UPDATE article_state SET feed_id = new.feed_id, published = new.published WHERE id = new.id;
    END;
    CREATE TRIGGER feed_counts_unread_gone AFTER DELETE ON article_state BEGIN
        UPDATE feed_counts SET unread = unread - (old.is_read = 0) WHERE feed_id = old.feed_id;
    END;
    CREATE TRIGGER feed_counts_unread_moved AFTER UPDATE OF feed_id ON article_state
    WHEN old.feed_id IS NOT new.feed_id
    BEGIN
        UPDATE feed_counts SET unread = unread - (old.is_read = 0) WHERE feed_id = old.feed_id;
        INSERT INTO feed_counts (feed_id, total, unread) VALUES (new.feed_id, 0, new.is_read = 0)
        ON CONFLICT (feed_id) DO UPDATE SET unread = unread + excluded.unread;
    END;
    CREATE TRIGGER feed_counts_unread_marked AFTER UPDATE OF is_read ON article_state
    WHEN old.is_read IS NOT new.is_read AND old.feed_id IS new.feed_id
    BEGIN
        UPDATE feed_counts SET unread = unread + (old.is_read != 0) - (new.is_read != 0) WHERE feed_id = new.feed_id;
    END;
    CREATE TRIGGER sync_queue_read AFTER UPDATE OF is_read ON article_state
    WHEN old.is_read IS NOT new.is_read
        AND EXISTS (SELECT 1 FROM sync_items WHERE article_id = new.id)
        AND NOT EXISTS (SELECT 1 FROM sync_guard)
    BEGIN
        INSERT INTO sync_state (key, value) VALUES ('seq', '1')
            ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;
        INSERT INTO sync_queue (item_id, field, value, seq)
            SELECT item_id, 'read', new.is_read, (SELECT CAST(value AS INTEGER) FROM sync_state WHERE key = 'seq')
            FROM sync_items WHERE article_id = new.id
            ON CONFLICT (item_id, field) DO UPDATE SET value = excluded.value, seq = excluded.seq;
    END;
    """,
    # Change counters for what a saved view's counts read, so counts can be remembered until they move:
    # `articles` moves with every article added, removed, re-dated, moved, marked, re-worded or made
    # searchable, every bookmark and every feed renamed; `entities` with every article's entities. PRAGMA
    # data_version cannot tell these apart from the entity process's constant writes, which leave a view
    # without `entity:` as it was. One row update per changed row: about 10 ms on marking 60,000 read.
    """
    CREATE TABLE change_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
    INSERT INTO change_counts (name, n) VALUES ('articles', 0), ('entities', 0);
    CREATE TRIGGER change_counts_state_insert AFTER INSERT ON article_state BEGIN
        UPDATE change_counts SET n = n + 1 WHERE name = 'articles';
    END;
    CREATE TRIGGER change_counts_state_delete AFTER DELETE ON article_state BEGIN
        UPDATE change_counts SET n = n + 1 WHERE name = 'articles';
    END;
    CREATE TRIGGER change_counts_state_update AFTER UPDATE OF is_read, feed_id, published ON article_state
    WHEN old.is_read IS NOT new.is_read OR old.feed_id IS NOT new.feed_id OR old.published IS NOT new.published
    BEGIN
        UPDATE change_counts SET n = n + 1 WHERE name = 'articles';
    END;
    CREATE TRIGGER change_counts_text AFTER UPDATE OF title, body, author ON articles
    WHEN old.title IS NOT new.title OR old.body IS NOT new.body OR old.author IS NOT new.author
    BEGIN
        UPDATE change_counts SET n = n + 1 WHERE name = 'articles';
    END;
    CREATE TRIGGER change_counts_indexed AFTER DELETE ON search_pending BEGIN
        UPDATE change_counts SET n = n + 1 WHERE name = 'articles';
    END;
    CREATE TRIGGER change_counts_bookmarked AFTER INSERT ON bookmarks BEGIN
        UPDATE change_counts SET n = n + 1 WHERE name = 'articles';
    END;
    CREATE TRIGGER change_counts_unbookmarked AFTER DELETE ON bookmarks BEGIN
        UPDATE change_counts SET n = n + 1 WHERE name = 'articles';
    END;
    CREATE TRIGGER change_counts_feed_renamed AFTER UPDATE OF title, url ON feeds BEGIN
        UPDATE change_counts SET n = n + 1 WHERE name = 'articles';
    END;
    CREATE TRIGGER change_counts_named AFTER INSERT ON article_entities BEGIN
        UPDATE change_counts SET n = n + 1 WHERE name = 'entities';
    END;
    CREATE TRIGGER change_counts_unnamed AFTER DELETE ON article_entities BEGIN
        UPDATE change_counts SET n = n + 1 WHERE name = 'entities';
    END;
    CREATE TRIGGER change_counts_entity_renamed AFTER UPDATE OF name ON entities BEGIN
        UPDATE change_counts SET n = n + 1 WHERE name = 'entities';
    END;
    """,
    # The search index without its 2-letter prefix index. That index cost the writer about 40 us of the
    # 110 it spends indexing each article, and 51 MB at 100,000 articles; it served only the search line's
    # 2-letter prefixes while typing. Prefixes now start at 3 letters (search/query.py MIN_PREFIX) and a
    # shorter word is matched whole. FTS5 cannot drop a prefix index in place, so the table is made again,
    # empty, with the same columns, tokenizer, external content and merge settings; the triggers name it,
    # not its options, so they keep working on the new table. Every article is queued in search_pending in
    # the same transaction, so the catch-up that indexes an interrupted refresh's articles rebuilds it in
    # batches (the reader after its first screen, saying so in the status line; `spacereader search` and the
    # other commands that search, before they do), search meanwhile finding what is indexed so far. What is
    # searchable has changed, so the views' remembered counts are counted again.
    """
    DROP TABLE articles_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, author, feed,
        content = 'articles_search_source', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('crisismerge', 32);
    INSERT OR IGNORE INTO search_pending (article_id) SELECT id FROM articles;
    UPDATE change_counts SET n = n + 1 WHERE name = 'articles';
    """,
    # Views' counts kept across launches, so the first look at the views screen shows the counts taken last
    # time while the change counters have not moved since (store/views.py ViewCounts). One row per view name:
    # `filter` is the parsed query the count was taken for (a changed query, or a new parser, never matches),
    # `articles`/`entities` the counters then (`entities` NULL for a view without `entity:` terms). A view
    # deleted or renamed loses its row here, whatever code path does it.
    """
    CREATE TABLE view_counts (
        name TEXT PRIMARY KEY,
        filter TEXT NOT NULL,
        articles INTEGER NOT NULL,
        entities INTEGER,
        unread INTEGER NOT NULL,
        total INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TRIGGER view_counts_view_deleted AFTER DELETE ON views BEGIN
        DELETE FROM view_counts WHERE name = old.name;
    END;
    CREATE TRIGGER view_counts_view_changed AFTER UPDATE OF name, query ON views BEGIN
        DELETE FROM view_counts WHERE name IN (old.name, new.name);
    END;
    CREATE TRIGGER view_counts_view_saved AFTER INSERT ON views BEGIN
        DELETE FROM view_counts WHERE name = new.name;
    END;
    """,
]


def schema_version(conn: sqlite3.Connection) -> int:
    """The step the database is at."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, steps: list[str] | None = None) -> int:
    """Run every step above the database's user_version, each in its own transaction."""
    steps = STEPS if steps is None else steps
    current = schema_version(conn)
    for number, script in enumerate(steps[current:], start=current + 1):
        # executescript commits first; wrap the step and its version bump in one transaction.
        conn.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
    return schema_version(conn)
