"""Opening the cache reads the seed files only when they changed since it last imported them."""

from __future__ import annotations

import argparse
import os
import shutil
from contextlib import closing

from spacereader import paths
from spacereader.cli import open_store
from spacereader.seed_state import seed_fingerprint
from spacereader.store.articles import get_article, list_article_rows, set_read
from spacereader.store.preferences import SEED_FILES, get_preference

SEED = next(paths.seeds_dir().glob("*.txt"))


def opened(tmp_path, monkeypatch, folder):
    monkeypatch.setattr(paths, "seeds_dir", lambda: folder)
    return open_store(argparse.Namespace(data_dir=str(tmp_path / "data")), warn=False)


def test_a_fresh_cache_opens_on_the_seed_and_remembers_the_files(tmp_path, monkeypatch):
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    store = opened(tmp_path, monkeypatch, folder)
    with closing(store.connect()) as conn:
        rows = list_article_rows(conn)
        assert [row.title[:10] for row in rows] and rows[0].feed_id
        assert get_preference(conn, SEED_FILES) == seed_fingerprint(folder) != ""


def test_unchanged_files_are_not_read_again_and_an_edit_is(tmp_path, monkeypatch):
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    store = opened(tmp_path, monkeypatch, folder)
    with closing(store.connect()) as conn:
        article_id = list_article_rows(conn)[0].id
        set_read(conn, article_id, True)
    seed = folder / SEED.name
    before = seed.stat()
    seed.write_bytes(b"x" * before.st_size)  # no longer a seed, but its name, size and time are as imported
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert opened(tmp_path, monkeypatch, folder).warnings == []  # a start that read it would name it
    edited = SEED.read_text(encoding="utf-8").replace("Russia has finally", "Russia has at last")
    seed.write_text(edited, encoding="utf-8")
    stat = seed.stat()
    os.utime(seed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    opened(tmp_path, monkeypatch, folder)
    with closing(store.connect()) as conn:
        article = get_article(conn, article_id)
        assert "at last" in article.body and article.read


def test_a_broken_seed_is_named_at_every_start(tmp_path, monkeypatch):
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    (folder / "broken.txt").write_text("nothing like a seed", encoding="utf-8")
    for _ in range(2):
        store = opened(tmp_path, monkeypatch, folder)
        assert len(store.warnings) == 1 and "broken.txt" in store.warnings[0]


def test_no_seed_folder_gives_no_fingerprint(tmp_path):
    assert seed_fingerprint(tmp_path / "missing") == ""
