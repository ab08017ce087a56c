"""Themes: T picks any Textual theme, the choice is written into the user's config and used at the next start."""

from __future__ import annotations

import tomllib
from contextlib import closing

from rich.color import ColorType
from textual.command import CommandPalette

from spacereader.config import load_settings
from spacereader.store.articles import set_read
from spacereader.store.bookmarks import set_bookmark
from spacereader.ui.app import SpaceReaderApp
from spacereader.ui.theme_saver import theme_names
from spacereader.ui.widgets.article_list import ArticleList
from spacereader.ui.widgets.reading_pane import ReadingPane
from tests.conftest import add_articles
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


def luminance(color) -> float:
    """WCAG relative luminance of a Rich colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = color.get_truecolor()
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def readable(style) -> bool:
    """WCAG contrast of at least 3:1 (large or bold text); for the terminal's own palette, two different colours."""
    if style.color.is_default or style.bgcolor.is_default:
        return True  # the terminal's own text or background colour, chosen by the user to read
    if ColorType.STANDARD in (style.color.type, style.bgcolor.type):
        return style.color != style.bgcolor  # ANSI themes: the terminal picks the shades
    light, dark = sorted((luminance(style.color), luminance(style.bgcolor)), reverse=True)
    return (light + 0.05) / (dark + 0.05) >= 3


async def test_markers_dates_cursor_and_highlights_stay_readable_in_every_light_theme(store, make_app):
    ids = add_articles(store, 3, titles=["Moon base plans", "Moon and the ISS", "Moon rocket"])
    with closing(store.connect()) as conn, conn:
        set_bookmark(conn, ids[0], True)
        set_read(conn, ids[1], True)
    app = make_app(store)
    light = sorted(name for name, theme in app.available_themes.items() if not theme.dark)
    assert len(light) >= 5
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"moon", "enter")
        await pilot.pause(0.2)
        article_list = app.screen.query_one(ArticleList)
        pane = app.screen.query_one(ReadingPane)
        for name in light:
            app.theme = name
            await pilot.pause()
            for y in range(3):
                for segment in article_list.render_line(y):
                    if segment.text.strip():
                        assert readable(segment.style), (name, y, segment)
            highlight = pane.get_component_rich_style("reading-pane--match")
            assert readable(highlight), (name, highlight)


async def test_the_command_palette_offers_the_theme_picker(seeded_store, tmp_path):
    config = tmp_path / "config.toml"
    app = start(seeded_store, config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"theme (t)")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one("#--input Input").placeholder == "Search for themes…"
        await pilot.press(*"dracula")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.theme == "dracula"
    assert tomllib.loads(config.read_text(encoding="utf-8")) == {"theme": "dracula"}
