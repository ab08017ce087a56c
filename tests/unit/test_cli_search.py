"""The search commands on a real cache (holding the seed article), and views from the config file."""

from __future__ import annotations

import json

import pytest

from spacereader.cli import main
from spacereader.config import load_settings


def run(capsys, tmp_path, *args, config=None):
    prefix = ["--data-dir", str(tmp_path / "data"), "--config", str(config or tmp_path / "absent.toml")]
    code = main([*prefix, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_search_json_rows_match_articles_json(capsys, tmp_path):
    _, articles, _ = run(capsys, tmp_path, "articles", "--json")
    code, out, err = run(capsys, tmp_path, "search", "Shipenko", "--json")
    assert code == 0, err
    assert json.loads(out) == json.loads(articles)
    code, out, _ = run(capsys, tmp_path, "search", "--json", "--", "-Shipenko")
    assert code == 0 and json.loads(out) == []


def test_search_plain_output_and_sort_choice(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, "search", "space", "race", "--sort", "title")
    assert code == 0 and "After losing the space race" in out
    with pytest.raises(SystemExit):
        main(["--data-dir", str(tmp_path / "data"), "search", "space", "--sort", "sideways"])


@pytest.mark.parametrize("query", ["is:starred", "after:soon", "feed:"])
def test_bad_query_is_one_line_on_stderr_and_exit_1(capsys, tmp_path, query):
    code, out, err = run(capsys, tmp_path, "search", query)
    assert code == 1 and out == ""
    assert err.startswith("spacereader: bad query: ") and err.count("\n") == 1


@pytest.mark.parametrize("query", ['NEAR("', '* ^ :: """', "title:x OR", "'; DROP TABLE articles; --"])
def test_odd_queries_never_fail(capsys, tmp_path, query):
    code, out, err = run(capsys, tmp_path, "search", "--json", query)
    assert code == 0, err
    assert isinstance(json.loads(out), list)


def test_view_save_show_list_and_delete(capsys, tmp_path):
    assert run(capsys, tmp_path, "view", "save", "Russia", "Shipenko", "is:unread")[0] == 0
    code, out, _ = run(capsys, tmp_path, "views", "--json")
    assert json.loads(out) == [
        {"name": "Russia", "query": "Shipenko is:unread", "unread": 1, "total": 1, "source": "cache", "error": None}
    ]
    code, out, _ = run(capsys, tmp_path, "view", "show", "Russia", "--json")
    assert code == 0 and len(json.loads(out)) == 1
    code, out, _ = run(capsys, tmp_path, "views")
    assert out.split() == ["Russia", "1/1", "Shipenko", "is:unread"]
    assert run(capsys, tmp_path, "view", "delete", "Russia")[0] == 0
    code, _, err = run(capsys, tmp_path, "view", "delete", "Russia")
    assert code == 1 and err == "spacereader: no saved view named 'Russia'\n"
    code, _, err = run(capsys, tmp_path, "view", "show", "Russia")
    assert code == 1 and err.count("\n") == 1


def test_view_save_rejects_a_bad_query(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path, "view", "save", "Odd", "before:someday")
    assert code == 1 and err.startswith("spacereader: bad query: before:")
    assert json.loads(run(capsys, tmp_path, "views", "--json")[1]) == []


def test_config_views_are_listed_and_shown(capsys, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[views]\n"Space news" = "space is:unread"\nbroken = "is:nope"\nnumber = 3\n', encoding="utf-8")
    code, out, err = run(capsys, tmp_path, "views", "--json", config=config)
    assert code == 0
    assert [(v["name"], v["source"], v["unread"]) for v in json.loads(out)] == [("Space news", "config", 1)]
    assert "line 3: views.broken should be a valid search query" in err
    assert "line 4: views.number should be a search query" in err
    code, out, _ = run(capsys, tmp_path, "view", "show", "Space news", "--json", config=config)
    assert code == 0 and len(json.loads(out)) == 1


def test_settings_read_views_table(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[views]\nunread = "is:unread"\n', encoding="utf-8")
    settings, warnings = load_settings(path)
    assert settings.views == {"unread": "is:unread"} and warnings == []
    path.write_text('views = "is:unread"\n', encoding="utf-8")
    settings, warnings = load_settings(path)
    assert settings.views == {} and "views should be a table" in warnings[0]
