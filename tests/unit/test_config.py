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
