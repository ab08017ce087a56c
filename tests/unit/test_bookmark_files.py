"""Bookmarks exported to JSON and restored into another cache, matched or recreated."""

from __future__ import annotations

import json

import pytest

from spacereader.cli import main


def cli(capsys, data, *args):
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_then_import_into_fresh_cache_restores_bookmarks(capsys, tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    _, out, _ = cli(capsys, first, "articles", "--json")
    seed_id = json.loads(out)[0]["id"]
    assert cli(capsys, first, "bookmark", str(seed_id))[0] == 0
    target = tmp_path / "out" / "bookmarks.json"
    code, _, err = cli(capsys, first, "bookmarks", "--export", str(target))
    assert code == 0 and "exported 1 bookmark to" in err
    document = json.loads(target.read_text())
    assert document["bookmarks"][0]["guid"] == "seed:000_61f4a650ca5522b8"
    assert "Klim Shipenko" in document["bookmarks"][0]["body"]

    code, _, err = cli(capsys, second, "bookmarks", "--import", str(target))
    assert code == 0 and "1 matched" in err
    _, out, _ = cli(capsys, second, "bookmarks", "--json")
    assert [r["title"] for r in json.loads(out)][0].startswith("After losing")


def test_import_recreates_articles_missing_from_the_cache(capsys, tmp_path):
    record = {
        "feed_url": "https://gone.example/feed", "feed_title": "Gone", "guid": "g1", "url": "https://gone.example/1",
        "title": "Kept \x1b[31mforever", "author": "", "published": "2020-01-01T00:00:00Z", "body": "Body.",
        "bookmarked_at": "2020-01-02T00:00:00Z",
    }  # fmt: skip
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"format": "spacereader-bookmarks", "version": 1, "bookmarks": [record]}))
    code, _, err = cli(capsys, tmp_path / "d", "bookmarks", "--import", str(path))
    assert code == 0 and "1 restored" in err
    _, out, _ = cli(capsys, tmp_path / "d", "bookmarks", "--json")
    rows = json.loads(out)
    assert rows[0]["title"] == "Kept [31mforever" and rows[0]["source"] == "Gone"
    assert cli(capsys, tmp_path / "d", "bookmarks", "--import", str(path))[0] == 0  # again: idempotent
    _, out, _ = cli(capsys, tmp_path / "d", "bookmarks", "--json")
    assert len(json.loads(out)) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        ('{"format": "other", "bookmarks": []}', "not a spacereader bookmarks file"),
        ('{"format": "spacereader-bookmarks", "bookmarks": [{"guid": "x"}]}', "bookmark 1 has no feed_url"),
        ('{"format": "spacereader-bookmarks", "bookmarks": [3]}', "bookmark 1 is not an object"),
    ],
)
def test_bad_import_file_is_one_line_error_and_changes_nothing(capsys, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    code, _, err = cli(capsys, tmp_path / "d", "bookmarks", "--import", str(path))
    assert code == 1 and message in err and err.count("\n") == 1
    _, out, _ = cli(capsys, tmp_path / "d", "bookmarks", "--json")
    assert json.loads(out) == []


def test_missing_import_file_names_it(capsys, tmp_path):
    code, _, err = cli(capsys, tmp_path / "d", "bookmarks", "--import", str(tmp_path / "nope.json"))
    assert code == 1 and "nope.json" in err


def test_enclosures_travel_with_bookmarks_and_bad_ones_are_named(capsys, tmp_path):
    podcast = {"url": "https://cast.example/1.mp3", "type": "audio/mpeg", "length": 1_200_000}
    record = {
        "feed_url": "https://cast.example/feed", "feed_title": "Cast", "guid": "e1", "url": "https://cast.example/1",
        "title": "Episode 1", "author": "", "published": "2020-01-01T00:00:00Z", "body": "Notes.",
        "bookmarked_at": "2020-01-02T00:00:00Z",
        "enclosures": [podcast, {"url": "https://cast.example/1.pdf\x07", "type": 3, "length": "big"}],
    }  # fmt: skip
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"format": "spacereader-bookmarks", "version": 1, "bookmarks": [record]}))
    assert cli(capsys, tmp_path / "d", "bookmarks", "--import", str(path))[0] == 0
    _, out, _ = cli(capsys, tmp_path / "d", "bookmarks", "--json")
    pdf = {"url": "https://cast.example/1.pdf", "type": "", "length": None}
    assert json.loads(out)[0]["enclosures"] == [podcast, pdf]

    again = tmp_path / "again.json"
    assert cli(capsys, tmp_path / "d", "bookmarks", "--export", str(again))[0] == 0
    assert json.loads(again.read_text())["bookmarks"][0]["enclosures"] == [podcast, pdf]
    assert cli(capsys, tmp_path / "e", "bookmarks", "--import", str(again))[0] == 0
    _, out, _ = cli(capsys, tmp_path / "e", "bookmarks", "--json")
    assert json.loads(out)[0]["enclosures"] == [podcast, pdf]

    for bad, message in (
        ("x", "enclosures that are not a list"),
        ([{"type": "audio/mpeg"}], "an enclosure without a URL"),
    ):
        record["enclosures"] = bad
        path.write_text(json.dumps({"format": "spacereader-bookmarks", "version": 1, "bookmarks": [record]}))
        code, _, err = cli(capsys, tmp_path / "f", "bookmarks", "--import", str(path))
        assert code == 1 and f"bookmark 1 has {message}" in err
