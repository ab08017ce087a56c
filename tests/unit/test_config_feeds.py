"""The feed settings in the config file: defaults, valid values, and warnings that name the line."""

from __future__ import annotations

from pathlib import Path

from spacereader.config import Settings, load_settings


def test_defaults_are_off_and_a_thousand(tmp_path: Path):
    settings, warnings = load_settings(tmp_path / "missing.toml")
    assert (settings.refresh_minutes, settings.keep_per_feed) == (0, 1000) and warnings == []


def test_valid_values_are_read(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text("refresh_minutes = 30\nkeep_per_feed = 200\n")
    settings, warnings = load_settings(path)
    assert (settings.refresh_minutes, settings.keep_per_feed, warnings) == (30, 200, [])


def test_bad_values_warn_with_their_line_and_fall_back(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text('refresh_minutes = "often"\nkeep_per_feed = 0\n')
    settings, warnings = load_settings(path)
    assert settings == Settings()
    assert "line 1: refresh_minutes" in warnings[0] and "line 2: keep_per_feed" in warnings[1]


def test_entity_processes_is_read_and_a_bad_value_warns(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text("entity_processes = 1\n")
    assert load_settings(path) == (Settings(entity_processes=1), [])
    path.write_text("entity_processes = 40\n")
    settings, warnings = load_settings(path)
    assert settings.entity_processes == 0 and "line 1: entity_processes should be" in warnings[0]
