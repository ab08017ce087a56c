"""Saving a setting into the user's config file: comments and other settings kept, a broken file left alone."""

from __future__ import annotations

import stat
import tomllib

import pytest

from spacereader.config import load_settings
from spacereader.config_edit import ConfigEditError, save_setting

USER_CONFIG = """\
# my reader
browser = ["firefox", "--new-tab"]   # the one I use
theme = "nord"  # dark for now

[keys]
# vim all the way
cursor-down = "j,down,ctrl+n"

[views]
"Russian space" = "entity:Roscosmos is:unread"
"""


def test_a_theme_replaces_the_old_one_in_place_keeping_everything_else(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(USER_CONFIG, encoding="utf-8")
    save_setting(path, "theme", "textual-light")
    text = path.read_text(encoding="utf-8")
    assert text == USER_CONFIG.replace('theme = "nord"', 'theme = "textual-light"')
    settings, warnings = load_settings(path)
    assert warnings == [] and settings.theme == "textual-light" and settings.keys == {"cursor-down": "j,down,ctrl+n"}


def test_a_new_theme_goes_at_the_top_level_before_the_tables(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(USER_CONFIG.replace('theme = "nord"  # dark for now\n', ""), encoding="utf-8")
    save_setting(path, "theme", "dracula")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["theme"] == "dracula" and "theme" not in data["keys"] and "theme" not in data["views"]
    assert "# vim all the way" in path.read_text(encoding="utf-8")


def test_a_missing_file_and_folder_are_created(tmp_path):
    path = tmp_path / "new" / "spacereader" / "config.toml"
    save_setting(path, "theme", "gruvbox")
    assert path.read_text(encoding="utf-8") == 'theme = "gruvbox"\n'


def test_a_file_that_does_not_parse_is_not_overwritten(tmp_path):
    path = tmp_path / "config.toml"
    broken = '# half-edited\nbrowser = ["firefox"\n[keys]\n'
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ConfigEditError) as caught:
        save_setting(path, "theme", "nord")
    message = str(caught.value)
    assert "\n" not in message and str(path) in message and "not valid TOML" in message
    assert path.read_text(encoding="utf-8") == broken
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]  # no temporary file left behind


def test_a_theme_table_is_not_replaced_by_a_string(tmp_path):
    path = tmp_path / "config.toml"
    text = '[theme]\nname = "nord"\n'
    path.write_text(text, encoding="utf-8")
    try:
        save_setting(path, "theme", "dracula")
    except ConfigEditError as error:
        assert "\n" not in str(error)
        assert path.read_text(encoding="utf-8") == text
    else:  # if tomlkit manages the swap, the file must still parse to exactly the new value
        assert tomllib.loads(path.read_text(encoding="utf-8")) == {"theme": "dracula"}


def test_a_symlinked_config_is_edited_where_it_points(tmp_path):
    real = tmp_path / "dotfiles" / "spacereader.toml"
    real.parent.mkdir()
    real.write_text("refresh_minutes = 30\n", encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "config.toml"
    link.symlink_to(real)
    save_setting(link, "theme", "nord")
    assert link.is_symlink()
    assert tomllib.loads(real.read_text(encoding="utf-8")) == {"refresh_minutes": 30, "theme": "nord"}
    assert stat.S_IMODE(real.stat().st_mode) == 0o600


def test_a_folder_that_cannot_hold_the_file_is_one_line(tmp_path):
    blocker = tmp_path / "spacereader"
    blocker.write_text("a file where the config folder should be", encoding="utf-8")
    with pytest.raises(ConfigEditError) as caught:
        save_setting(blocker / "config.toml", "theme", "dracula")
    assert "cannot" in str(caught.value) and "Not a directory" in str(caught.value) and "\n" not in str(caught.value)
    assert blocker.read_text(encoding="utf-8") == "a file where the config folder should be"


def test_a_file_that_is_not_text_is_not_overwritten(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes(b"theme = \xff\xfe\n")
    with pytest.raises(ConfigEditError, match="not UTF-8"):
        save_setting(path, "theme", "nord")
    assert path.read_bytes() == b"theme = \xff\xfe\n"
