"""The entity commands, run through cli.main against a real cache in a temp folder."""

from __future__ import annotations

import json

import pytest

from spacereader.cli import main


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    """Call cli.main with a temp data dir and no config; return (status, stdout, stderr)."""
    monkeypatch.setenv("SPACEREADER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SPACEREADER_CONFIG", str(tmp_path / "config.toml"))

    def call(*argv: str) -> tuple[int, str, str]:
        status = main(list(argv))
        out, err = capsys.readouterr()
        return status, out, err

    return call


def test_entities_of_the_seed_article_as_json(run) -> None:
    status, out, _ = run("entities", "1", "--json")
    rows = json.loads(out)
    assert status == 0
    assert set(rows[0]) == {"name", "type", "count"}
    by_name = {r["name"]: r for r in rows}
    assert by_name["Vladimir Putin"] == {"name": "Vladimir Putin", "type": "person", "count": 2}
    assert by_name["Roscosmos"]["type"] == "organisation"
    assert {r["type"] for r in rows} <= {"person", "organisation", "place"}


def test_entities_plain_text_is_grouped(run) -> None:
    status, out, _ = run("entities", "1")
    assert status == 0
    assert out.index("People") < out.index("Organisations") < out.index("Places")
    assert "Yuliya Peresild" in out


def test_entities_of_a_text_file(run, tmp_path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Angela Merkel met Emmanuel Macron in Berlin. Merkel smiled.", encoding="utf-8")
    status, out, _ = run("entities", "--text", str(note), "--json")
    assert status == 0
    assert {(r["name"], r["type"], r["count"]) for r in json.loads(out)} >= {
        ("Angela Merkel", "person", 2), ("Berlin", "place", 1)
    }  # fmt: skip


def test_mentions_lists_article_rows_after_extraction(run) -> None:
    run("entities", "1")
    status, out, _ = run("mentions", "Putin", "--json")
    assert status == 0
    (row,) = json.loads(out)
    assert row["id"] == 1 and set(row) == {
        "id",
        "title",
        "source",
        "url",
        "published",
        "read",
        "bookmarked",
        "feed_id",
        "enclosures",
    }
    _, same, _ = run("mentions", "U.S.", "--json")
    assert json.loads(same) == json.loads(out)


def test_errors_are_one_line_and_status_one(run, tmp_path) -> None:
    assert run("entities", "999")[0] == 1
    status, _, err = run("mentions", "Nobody Atall")
    assert status == 1 and err.count("\n") == 1
    assert run("entities", "--text", str(tmp_path / "missing.txt"))[0] == 1


def test_plain_extractor_from_config_says_so(run, tmp_path) -> None:
    (tmp_path / "config.toml").write_text('extractor = "plain"\n', encoding="utf-8")
    status, out, err = run("entities", "1", "--json")
    assert status == 0 and "plain extractor" in err
    assert json.loads(out)


def test_a_pipeline_that_cannot_load_is_a_one_line_error(run, tmp_path) -> None:
    broken = tmp_path / "broken-pipeline"
    broken.mkdir()
    (tmp_path / "config.toml").write_text(f'extractor = "{broken}"\n', encoding="utf-8")
    status, _, err = run("entities", "1")
    assert status == 1 and "cannot load spaCy pipeline" in err and err.count("\n") == 1


def test_jsonl_gives_one_line_per_text_and_reports_bad_lines(run, tmp_path) -> None:
    lines = tmp_path / "texts.jsonl"
    lines.write_text(
        "\n".join([
            json.dumps({"id": "a1", "text": "Angela Merkel met Emmanuel Macron in Berlin. Merkel smiled."}),
            "{not json",
            json.dumps({"id": 7, "text": ""}),
            json.dumps(["id", "text"]),
            json.dumps({"text": "no id here"}),
            "",
            json.dumps({"id": "a2", "text": "Reuters reported from Tokyo."}),
        ]) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    status, out, err = run("entities", "--jsonl", str(lines))
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["id"] for row in rows] == ["a1", 7, "a2"]
    assert ("Angela Merkel", "person", 2) in {(r["name"], r["type"], r["count"]) for r in rows[0]["entities"]}
    assert rows[1]["entities"] == [] and {"Tokyo"} <= {r["name"] for r in rows[2]["entities"]}
    assert status == 1
    assert [line.split(": ")[1] for line in err.splitlines()] == [f"{lines} line {n}" for n in (2, 4, 5)]


def test_jsonl_file_that_cannot_be_read_is_one_line(run, tmp_path) -> None:
    status, out, err = run("entities", "--jsonl", str(tmp_path / "missing.jsonl"))
    assert status == 1 and out == "" and err.count("\n") == 1 and "missing.jsonl" in err


def test_jsonl_on_a_pipe_answers_each_line_before_the_next_is_sent(tmp_path) -> None:
    import os
    import select
    import subprocess
    import sys

    env = {**os.environ, "SPACEREADER_DATA_DIR": str(tmp_path / "data"), "SPACEREADER_CONFIG": str(tmp_path / "c")}
    command = [sys.executable, "-m", "spacereader", "entities", "--jsonl", "-"]
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env) as child:
        assert child.stdin is not None and child.stdout is not None
        answers = []
        for n, text in enumerate(["Angela Merkel visited Paris.", "Reuters reported from Tokyo."]):
            child.stdin.write(json.dumps({"id": n, "text": text}) + "\n")
            child.stdin.flush()
            ready, _, _ = select.select([child.stdout], [], [], 60)  # the model loads before the first answer
            assert ready, f"no answer to line {n} while the next waits"
            answers.append(json.loads(child.stdout.readline()))
        child.stdin.close()
        assert child.wait(timeout=60) == 0
    assert [a["id"] for a in answers] == [0, 1] and {"Tokyo"} <= {r["name"] for r in answers[1]["entities"]}
