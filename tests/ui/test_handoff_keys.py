"""W saves the open article as Markdown and | pipes it to the configured command, through Pilot."""

from __future__ import annotations

import sys
from contextlib import closing

from spacereader.article_markdown import article_markdown
from spacereader.config import Settings
from spacereader.store.articles import get_article
from tests.conftest import add_articles


async def settle(app, pilot) -> None:
    await pilot.pause(0.12)
    await app.workers.wait_for_complete()
    await pilot.pause()


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_w_saves_the_open_article_twice_under_two_names(store, make_app, tmp_path):
    ids = add_articles(store, 3, titles=["Soyuz docks", "Rain", "Budget"])
    folder = tmp_path / "saved"
    app = make_app(store, Settings(save_dir=str(folder)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("W")
        await settle(app, pilot)
        await pilot.press("W")
        await settle(app, pilot)
    with closing(store.connect()) as conn:
        expected = article_markdown(get_article(conn, ids[0]))
    saved = sorted(folder.iterdir())
    assert [p.name for p in saved] == ["2026-01-28-soyuz-docks-2.md", "2026-01-28-soyuz-docks.md"]
    assert all(p.read_text(encoding="utf-8") == expected for p in saved)
    assert f"Saved {folder / '2026-01-28-soyuz-docks.md'}" in notices(app)


async def test_pipe_hands_the_article_to_the_command(store, make_app, tmp_path):
    ids = add_articles(store, 2)
    out = tmp_path / "piped.md"
    command = (sys.executable, "-c", f"import sys; open({str(out)!r}, 'wb').write(sys.stdin.buffer.read())")
    app = make_app(store, Settings(pipe_command=command))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("j")
        await settle(app, pilot)
        await pilot.press("vertical_line")
        await settle(app, pilot)
    with closing(store.connect()) as conn:
        assert out.read_text(encoding="utf-8") == article_markdown(get_article(conn, ids[1]))


async def test_pipe_without_a_command_says_how_to_set_one(store, make_app):
    add_articles(store, 1)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("vertical_line")
        await settle(app, pilot)
        assert any(n.startswith("Not piped: no pipe_command is set") for n in notices(app))
