"""An article as Markdown, saved under a safe new name or piped to a real command's standard input."""

from __future__ import annotations

import sys

import pytest

from spacereader.article_markdown import article_markdown, file_name, literal
from spacereader.cli import main
from spacereader.config import load_settings
from spacereader.handoff import HandoffError, pipe_article, save_article
from spacereader.models import Article

BODY = (
    "First paragraph with a [1] reference.\n\n# not a heading\n- not a list\n\n"
    "Text with <b>tags</b> and *stars* and a [link](javascript:alert(1)).\n\n"
    "[1] https://example.org/one\n[2] javascript:alert(2)"
)


def article(**changes) -> Article:
    fields = dict(
        id=7, feed_id=1, title="Soyuz docks: \x1b[31m<script>alert(1)</script>", source="Space *News*",
        url="https://example.org/soyuz", published="2021-10-05T09:22:00Z", read=False, bookmarked=False,
        author="Ann", body=BODY,
    )  # fmt: skip
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


def test_markdown_has_every_part_and_nothing_hostile_is_markup():
    text = article_markdown(article())
    lines = text.splitlines()
    assert lines[0] == r"# Soyuz docks: \[31m\<script\>alert(1)\</script\>"  # ESC stripped, the rest literal
    assert r"- Source: Space \*News\*" in lines
    assert "- Date: 2021-10-05" in lines and "- Author: Ann" in lines
    assert "- Link: <https://example.org/soyuz>" in lines
    assert r"\# not a heading  " in text and r"\- not a list" in text
    assert r"\[link\](javascript:alert(1))" in text
    assert text.endswith("## Links\n\n1. <https://example.org/one>\n2. javascript:alert(2)\n")
    assert "\x1b" not in text


def test_literal_escapes_markup_only():
    assert literal("3 - 2 = 1") == "3 - 2 = 1"
    assert literal("1. first") == r"1\. first"
    assert literal("  12) twelve\n-x\n+ y") == "  12\\) twelve\n\\-x\n\\+ y"
    assert literal("a_b `c` ~d~ |e|") == r"a\_b \`c\` \~d\~ \|e\|"


@pytest.mark.parametrize(
    ("title", "published", "expected"),
    [
        ("Soyuz docks: a “new” era!", "2021-10-05T09:22:00Z", "2021-10-05-soyuz-docks-a-new-era.md"),
        ("../../etc/passwd", "", "undated-etc-passwd.md"),
        ("Королёв", "2021-10-05T00:00:00Z", "2021-10-05-article-7.md"),
        (
            "Zoë’s café " * 20,
            "2021-10-05T00:00:00Z",
            "2021-10-05-zoes-cafe-zoes-cafe-zoes-cafe-zoes-cafe-zoes-cafe-zoes-cafe.md",
        ),
    ],
)
def test_file_names_are_safe(title, published, expected):
    assert file_name(article(title=title, published=published)) == expected


def test_save_never_overwrites(tmp_path):
    folder = tmp_path / "saved" / "deeper"
    first = save_article(article(), folder)
    second = save_article(article(), folder)
    assert first.name == "2021-10-05-soyuz-docks-31m-script-alert-1-script.md"
    assert second.name == first.name.replace(".md", "-2.md")
    first.write_text("my notes", encoding="utf-8")
    third = save_article(article(), folder)
    assert first.read_text(encoding="utf-8") == "my notes"
    assert third.read_text(encoding="utf-8") == article_markdown(article())


def test_save_into_a_file_is_one_line_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(HandoffError, match="cannot create"):
        save_article(article(), blocker / "inside")


def test_pipe_gives_the_markdown_on_stdin(tmp_path):
    out = tmp_path / "piped.md"
    script = f"import sys; open({str(out)!r}, 'wb').write(sys.stdin.buffer.read())"
    pipe_article(article(), (sys.executable, "-c", script))
    assert out.read_text(encoding="utf-8") == article_markdown(article())


@pytest.mark.parametrize(
    ("command", "said"),
    [
        ((), "no pipe_command is set"),
        (("/nonexistent/tool",), "/nonexistent/tool: command not found"),
        ((sys.executable, "-c", "import sys; sys.stdin.read(); print('disk full', file=sys.stderr); sys.exit(3)"),
         "exited with status 3: disk full"),
    ],
)  # fmt: skip
def test_pipe_failures_name_the_command(command, said):
    with pytest.raises(HandoffError, match=said):
        pipe_article(article(), command)


def test_pipe_that_hangs_is_stopped():
    with pytest.raises(HandoffError, match="still running after 1 s"):
        pipe_article(article(), (sys.executable, "-c", "import time; time.sleep(30)"), timeout=1)


def test_show_markdown_cli(capsys, tmp_path):
    code = main(["--data-dir", str(tmp_path / "data"), "show", "1", "--markdown"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.startswith("# After losing the space race")
    assert "- Source: spacereader seeds\n- Date: 2021-10-05\n" in out


def test_config_save_dir_and_pipe_command(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('save_dir = "~/News"\npipe_command = ["tee", "-a", "/tmp/x.md"]\n', encoding="utf-8")
    settings, warnings = load_settings(config)
    assert warnings == [] and settings.save_dir == "~/News"
    assert settings.pipe_command == ("tee", "-a", "/tmp/x.md")
    config.write_text('save_dir = 3\npipe_command = "tee -a /tmp/x.md"\n', encoding="utf-8")
    settings, warnings = load_settings(config)
    assert settings.save_dir == "" and settings.pipe_command == ()
    assert [w.split(": ", 1)[1] for w in warnings] == [
        'save_dir should be a folder such as "~/News"; using the default',
        'pipe_command should be an argument list such as ["wl-copy"] or ["tee", "-a", "/tmp/news.md"]; using the default',
    ]
