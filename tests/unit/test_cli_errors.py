"""Bad command-line input: one line on stderr, a non-zero exit, never a usage block or a traceback."""

from __future__ import annotations

import pytest

from spacereader.cli import main


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["bogus"], "invalid choice: 'bogus'"),
        (["show", "abc"], "spacereader show: argument ID: invalid int value"),
        (["show"], "spacereader show: the following arguments are required: ID"),
        (["bookmark", "1", "2"], "unrecognized arguments: 2"),
        (["bookmarks", "--export", "a", "--import", "b"], "not allowed with argument --export"),
        (["articles", "--limit", "many"], "spacereader articles: argument --limit"),
        (["--data-dir"], "argument --data-dir: expected one argument"),
        (["--no-such-option"], "unrecognized arguments: --no-such-option"),
        (["add"], "spacereader add: the following arguments are required: URL"),
        (["entities"], "spacereader entities: one of the arguments ID --text --jsonl is required"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(capsys, tmp_path, argv, expected):
    with pytest.raises(SystemExit) as stopped:
        main(["--data-dir", str(tmp_path / "data"), *argv] if argv[0] != "--data-dir" else argv)
    out, err = capsys.readouterr()
    assert stopped.value.code == 2
    assert out == ""
    assert err.count("\n") == 1, err
    assert expected in err
    assert "usage:" not in err
    assert err.startswith("spacereader")


def test_a_control_sequence_in_an_argument_is_not_echoed(capsys, tmp_path):
    with pytest.raises(SystemExit):
        main(["--data-dir", str(tmp_path / "data"), "show", "\x1b[31mred\x1b]0;title\x07"])
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert err.count("\n") == 1


def test_help_and_version_still_work(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.startswith("spacereader ")
    with pytest.raises(SystemExit) as stopped:
        main(["refresh", "--help"])
    assert stopped.value.code == 0
    assert "usage:" in capsys.readouterr().out


def test_an_unknown_article_id_is_one_line_and_exit_1(capsys, tmp_path):
    code = main(["--data-dir", str(tmp_path / "data"), "show", "99999"])
    err = capsys.readouterr().err
    assert code == 1
    assert err == "spacereader: no article with ID 99999\n"


def test_endless_or_deeply_nested_input_files_are_refused_in_one_line(capsys, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000, encoding="utf-8")
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "bookmarks", "--import", str(deep)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a bookmarks file" in err
    # A device never ends: both readers stop at their cap instead of reading until memory runs out.
    assert main(["--data-dir", data, "--config", "/dev/zero", "refresh"]) == 0
    err = capsys.readouterr().err
    assert "config /dev/zero: larger than 1 MB, not a config file; using defaults" in err


def test_a_bookmarks_file_over_the_cap_is_refused_without_reading_it(capsys, tmp_path, monkeypatch):
    from spacereader import bookmark_files

    monkeypatch.setattr(bookmark_files, "IMPORT_MAX_BYTES", 1000)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2000)
    assert main(["--data-dir", str(tmp_path / "data"), "bookmarks", "--import", str(big)]) == 1
    assert "larger than" in capsys.readouterr().err
