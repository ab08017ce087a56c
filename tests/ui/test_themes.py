"""Themes: T picks any Textual theme, the choice is written into the user's config and used at the next start."""

from __future__ import annotations

import tomllib

from textual.command import CommandPalette

from spacereader.config import load_settings
from spacereader.ui.app import SpaceReaderApp
from spacereader.ui.theme_saver import theme_names
from tests.ui.conftest import FakeExtractor

USER_CONFIG = '# mine\nrefresh_minutes = 30  # half-hourly\n\n[keys]\ncursor-down = "j,down,ctrl+n"\n'


def start(store, config_path):
    settings, warnings = load_settings(config_path, known_themes=theme_names())
    assert warnings == []
    return SpaceReaderApp(store, settings, extractor=FakeExtractor(), config_path=config_path)


async def pick_theme(app, pilot, name: str) -> None:
    await pilot.press("T")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*name)
    await pilot.pause(0.3)  # the palette searches in the background
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_t_picks_a_theme_that_is_saved_and_used_at_the_next_start(seeded_store, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(USER_CONFIG, encoding="utf-8")
    app = start(seeded_store, config)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.theme == "textual-dark"
        await pick_theme(app, pilot, "textual-light")
        assert app.theme == "textual-light"
        assert any("Theme textual-light saved" in n.message for n in app._notifications)
    text = config.read_text(encoding="utf-8")
    assert text.startswith("# mine\nrefresh_minutes = 30  # half-hourly\n")  # the user's lines, comments and all
    assert tomllib.loads(text) == {
        "refresh_minutes": 30,
        "theme": "textual-light",
        "keys": {"cursor-down": "j,down,ctrl+n"},
    }

    again = start(seeded_store, config)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"
        assert again.has_class("-light-mode")
    assert config.read_text(encoding="utf-8") == text  # starting does not write


async def test_a_config_that_does_not_parse_is_left_alone_with_one_line(seeded_store, tmp_path):
    config = tmp_path / "config.toml"
    broken = "# half-edited\nbrowser = [\n"
    config.write_text(broken, encoding="utf-8")
    settings, warnings = load_settings(config, known_themes=theme_names())
    assert len(warnings) == 1 and "not valid TOML" in warnings[0]
    app = SpaceReaderApp(seeded_store, settings, extractor=FakeExtractor(), config_path=config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pick_theme(app, pilot, "nord")
        assert app.theme == "nord"  # the reader still changes; only saving is refused
        failures = [n.message for n in app._notifications if n.message.startswith("Theme not saved")]
        assert len(failures) == 1 and "\n" not in failures[0] and "not valid TOML" in failures[0]
    assert config.read_text(encoding="utf-8") == broken


async def test_without_a_config_path_nothing_is_written(seeded_store, tmp_path):
    app = SpaceReaderApp(seeded_store, extractor=FakeExtractor())
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "nord"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not any("Theme" in n.message for n in app._notifications)
    assert list(tmp_path.glob("**/*.toml")) == []


async def test_every_textual_theme_is_offered(seeded_store, tmp_path):
    app = start(seeded_store, tmp_path / "config.toml")
    async with app.run_test(size=(100, 30)):
        assert set(app.available_themes) == theme_names()
