"""The headless commands on a real cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from spacereader import __version__
from spacereader.cli import main


def run(capsys, tmp_path, *args):
    code = main(["--data-dir", str(tmp_path / "data"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_articles_json_lists_seed_with_required_fields(capsys, tmp_path):
    code, out, err = run(capsys, tmp_path, "articles", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert len(rows) == 1
    row = rows[0]
    assert {"id", "title", "source", "url", "published", "read", "bookmarked"} <= set(row)
    assert row["published"] == "2021-10-05T00:00:00Z"
    assert row["read"] is False and row["bookmarked"] is False


def test_bookmark_unbookmark_and_filters(capsys, tmp_path):
    _, out, _ = run(capsys, tmp_path, "articles", "--json")
    article_id = json.loads(out)[0]["id"]
    assert run(capsys, tmp_path, "bookmark", str(article_id))[0] == 0
    code, out, _ = run(capsys, tmp_path, "bookmarks", "--json")
    assert [r["id"] for r in json.loads(out)] == [article_id]
    _, out, _ = run(capsys, tmp_path, "articles", "--bookmarked", "--json")
    assert len(json.loads(out)) == 1
    assert run(capsys, tmp_path, "unbookmark", str(article_id))[0] == 0
    _, out, _ = run(capsys, tmp_path, "bookmarks", "--json")
    assert json.loads(out) == []
    _, out, _ = run(capsys, tmp_path, "articles", "--unread")
    assert "After losing the space race" in out


def test_show_prints_plain_text(capsys, tmp_path):
    _, out, _ = run(capsys, tmp_path, "articles", "--json")
    code, out, _ = run(capsys, tmp_path, "show", str(json.loads(out)[0]["id"]))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("After losing the space race")
    assert lines[1] == "spacereader seeds · 2021-10-05 · 2 min read"
    assert "Klim Shipenko" in out and "\x1b" not in out


@pytest.mark.parametrize("command", ["show", "bookmark", "unbookmark"])
def test_unknown_id_is_one_line_error(capsys, tmp_path, command):
    code, out, err = run(capsys, tmp_path, command, "4242")
    assert code == 1
    assert err == "spacereader: no article with ID 4242\n"


def test_unusable_data_dir_is_one_line_error(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code = main(["--data-dir", str(blocker / "sub"), "articles"])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.startswith("spacereader: cannot") and err.count("\n") == 1


def test_corrupt_cache_is_set_aside_and_a_fresh_one_started(capsys, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    junk = b"this is not a database" * 100
    (data / "spacereader.sqlite3").write_bytes(junk)
    code = main(["--data-dir", str(data), "articles", "--json"])
    out, err = capsys.readouterr()
    assert code == 0
    assert len(json.loads(out)) == 1  # the seed, in a fresh cache
    assert err.count("\n") == 1 and "corrupt" in err and "moved to spacereader.sqlite3.corrupt-" in err
    aside = list(data.glob("spacereader.sqlite3.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == junk


def test_environment_variable_chooses_data_dir(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("SPACEREADER_DATA_DIR", str(tmp_path / "env-data"))
    assert main(["articles"]) == 0
    assert (tmp_path / "env-data" / "spacereader.sqlite3").exists()


def test_module_entry_point_and_version(tmp_path):
    env = {**os.environ, "SPACEREADER_DATA_DIR": str(tmp_path / "d")}
    result = subprocess.run([sys.executable, "-m", "spacereader", "--version"], capture_output=True, text=True, env=env)
    assert result.returncode == 0
    assert result.stdout.strip() == f"spacereader {__version__}"
    result = subprocess.run([sys.executable, "-m", "spacereader", "show"], capture_output=True, text=True, env=env)
    assert result.returncode == 2 and "ID" in result.stderr
