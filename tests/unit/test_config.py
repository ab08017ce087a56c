"""Config: defaults, keymaps, and one-line warnings naming key and line."""

from __future__ import annotations

from spacereader.config import Settings, load_settings

IDS = frozenset({"cursor-down", "toggle-bookmark"})


def load(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path, known_binding_ids=IDS)


def test_missing_file_gives_defaults(tmp_path):
    assert load_settings(tmp_path / "absent.toml") == (Settings(), [])


def test_keys_and_browser_are_read(tmp_path):
    settings, warnings = load(tmp_path, '[keys]\ncursor-down = "ctrl+n, down"\n\nbrowser = ["firefox", "--new-tab"]\n')
    # browser after [keys] belongs to the table; check both spellings separately
    settings, warnings = load(tmp_path, 'browser = "firefox --new-tab"\n[keys]\ncursor-down = "ctrl+n, down"\n')
    assert warnings == []
    assert settings.keys == {"cursor-down": "ctrl+n,down"}
    assert settings.browser == ("firefox", "--new-tab")


def test_bad_value_names_key_line_and_expectation(tmp_path):
    settings, warnings = load(tmp_path, "# comment\nbrowser = 42\n[keys]\ntoggle-bookmark = 7\n")
    assert settings == Settings()
    assert len(warnings) == 2
    assert "line 2" in warnings[0] and "browser should be" in warnings[0]
    assert "line 4" in warnings[1] and "keys.toggle-bookmark should be" in warnings[1]


def test_unknown_key_and_binding_id_warn(tmp_path):
    settings, warnings = load(tmp_path, 'colour = "red"\n[keys]\nfly = "f"\ncursor-down = "J"\n')
    assert settings.keys == {"cursor-down": "J"}
    assert any("unknown key 'colour'" in w and "line 1" in w for w in warnings)
    assert any("unknown binding id keys.fly" in w and "line 3" in w for w in warnings)


def test_invalid_toml_warns_and_uses_defaults(tmp_path):
    settings, warnings = load(tmp_path, "[keys\n")
    assert settings == Settings()
    assert len(warnings) == 1 and "not valid TOML" in warnings[0]


def test_layout_list_width_and_theme_are_read(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('layout = "Narrow"\nlist_width = 40\ntheme = "nord"\n', encoding="utf-8")
    settings, warnings = load_settings(path, known_themes=frozenset({"nord", "textual-dark"}))
    assert warnings == []
    assert (settings.layout, settings.list_width, settings.theme) == ("narrow", 40, "nord")


def test_bad_layout_list_width_and_theme_warn_in_one_line_each(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('layout = "sideways"\nlist_width = 95\ntheme = "neon\\u001b[31m"\n', encoding="utf-8")
    settings, warnings = load_settings(path, known_themes=frozenset({"nord"}))
    assert (settings.layout, settings.list_width, settings.theme) == ("auto", 30, "")
    assert len(warnings) == 3 and all("\n" not in w and "\x1b" not in w for w in warnings)
    assert "line 1" in warnings[0] and 'layout should be "auto", "wide" or "narrow"' in warnings[0]
    assert "line 2" in warnings[1] and "list_width should be a whole number of percent from 15 to 60" in warnings[1]
    assert "line 3" in warnings[2] and "unknown theme 'neon" in warnings[2] and "press T" in warnings[2]
