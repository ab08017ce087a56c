"""Seed articles: parsing, derived headlines, idempotent import."""

from __future__ import annotations

import shutil

import pytest

from spacereader.ingest.seeds import SeedError, derive_headline, import_seeds, parse_seed
from spacereader.paths import seeds_dir
from spacereader.store.articles import count_articles, get_article, list_article_rows, set_read
from spacereader.store.bookmarks import set_bookmark

SEED = seeds_dir() / "000_61f4a650ca5522b8.txt"


def test_shipped_seed_parses_with_date_paragraphs_and_headline():
    article = parse_seed(SEED)
    assert article.published == "2021-10-05T00:00:00Z"
    assert article.body.startswith("After losing the space race")
    assert "date 2021" not in article.body
    assert len(article.body.split("\n\n")) == 13
    assert article.title == "After losing the space race to the United States for years on end, Russia has…"


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Short one. Second sentence.", "Short one"),
        ("The U.S. Senate voted on Friday. Then more.", "The U.S. Senate voted on Friday"),
        ("Dr. Smith arrived. Then.", "Dr. Smith arrived"),
        ("No full stop at all", "No full stop at all"),
        ("“Quoted,” he said. Next.", "“Quoted,” he said"),
        ("word " * 40, ("word " * 16).strip() + "…"),
    ],
)
def test_derived_headline_is_first_sentence_cut_at_a_word(text, headline):
    assert derive_headline(text) == headline


def test_headline_never_exceeds_limit_and_never_cuts_a_word():
    text = "Supercalifragilistic " * 10
    headline = derive_headline(text, limit=30)
    assert len(headline) <= 31 and headline.endswith("…")
    assert all(word == "Supercalifragilistic" for word in headline.rstrip("…").split())


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"no date line here\n\nbody", "does not start"),
        (b" date 2021-13-45 body", "bad date"),
        (b" date 2021-10-05 \n\n  \n", "no text"),
        (b"\xff\xfe\x00bad", "not UTF-8"),
    ],
)
def test_bad_seed_raises_with_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(SeedError, match=reason):
        parse_seed(path)


def test_import_is_idempotent_and_edits_update_in_place(tmp_path, conn):
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    first = import_seeds(conn, folder)
    assert (first.inserted, first.updated, first.warnings) == (1, 0, [])
    second = import_seeds(conn, folder)
    assert (second.inserted, second.updated) == (0, 0)
    assert count_articles(conn) == 1

    article_id = list_article_rows(conn)[0].id
    set_read(conn, article_id, True)
    set_bookmark(conn, article_id, True)
    edited = SEED.read_text(encoding="utf-8").replace("Russia has finally", "Russia has at last")
    (folder / SEED.name).write_text(edited, encoding="utf-8")
    third = import_seeds(conn, folder)
    assert (third.inserted, third.updated) == (0, 1)
    article = get_article(conn, article_id)
    assert "at last" in article.body and article.read and article.bookmarked
    assert count_articles(conn) == 1


def test_unparseable_seed_is_named_and_the_rest_load(tmp_path, conn):
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    (folder / "broken.txt").write_text("nothing like a seed", encoding="utf-8")
    report = import_seeds(conn, folder)
    assert report.inserted == 1
    assert len(report.warnings) == 1
    assert "broken.txt" in report.warnings[0] and "\n" not in report.warnings[0]


def test_control_characters_in_seed_are_stripped(tmp_path, conn):
    path = tmp_path / "ctl.txt"
    path.write_bytes(" date 2022-01-02 Hello \x1b]0;pwned\x07 world.\x9b31m\n\nSecond.".encode())
    article = parse_seed(path)
    assert "\x1b" not in article.body and "\x07" not in article.body and "\x9b" not in article.body
    assert article.title.startswith("Hello ]0;pwned world")
