"""Every widget that shows outside text shows it literally and cleaned."""

from __future__ import annotations

import re
from contextlib import closing

from textual.geometry import Region
from textual.widget import Widget

from spacereader.models import Enclosure, NewArticle
from spacereader.store.articles import upsert_articles
from spacereader.store.feeds import ensure_feed, record_failure
from spacereader.ui.screens.feeds import FeedsScreen
from spacereader.ui.widgets.article_list import ArticleList
from tests.ui.conftest import FakeExtractor

HOSTILE = "[b]X[/b] [@click=app.quit]Y[/] \x1b]0;T\x07\x1b[2J\x9b1m\u202eevil\u2066 \x7f\x00"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional overrides and isolates are neutralised in one-line fields (bodies may need them for RTL text).
BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def widget_text(widget: Widget) -> str:
    """What the widget actually draws, line by line."""
    if not widget.size.area:
        return ""
    lines = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join(line.text for line in lines)


def screen_text(screen) -> str:
    return "\n".join(widget_text(w) for w in screen.walk_children(with_self=False) if w.display)


async def test_every_widget_draws_outside_text_literally(store, make_app):
    with closing(store.connect()) as conn, conn:
        feed_id = ensure_feed(conn, f"https://feed.example/{HOSTILE}", title=f"Feed {HOSTILE}", folder=HOSTILE)
        upsert_articles(conn, feed_id, [
            NewArticle(guid="1", title=f"Title {HOSTILE}", published="2026-01-01T00:00:00Z",
                       body=f"Body {HOSTILE}\n\n" + "W" * 10_000 + "\n\nEnd Ada", url=f"https://x.example/{HOSTILE}",
                       author=f"Author {HOSTILE}", content_hash="h", enclosures=(Enclosure(f"https://x.example/a.mp3 {HOSTILE}", f"audio/{HOSTILE}"),)),
        ])  # fmt: skip
    with closing(store.connect()) as conn:
        record_failure(conn, feed_id, f"HTTP 500 {HOSTILE}")
    extractor = FakeExtractor({"Ada": "PERSON", "[b]X[/b]": "ORG"})
    app = make_app(store, extractor=extractor)
    async with app.run_test(size=(160, 50)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.notify(f"Refresh failed: {HOSTILE}", markup=False)  # as the refresh summary does
        await pilot.pause()
        main_text = screen_text(app.screen)
        assert "[b]X[/b] [@click=app.quit]Y[/]" in main_text  # markup shown, not applied
        assert "· Author" in main_text
        one_line = "\n".join(
            widget_text(w)
            for w in (app.screen.query_one(ArticleList), *app.screen.query("#headline, #meta, #status-line"))
        )
        assert "Title [b]X[/b]" in one_line and BIDI.search(one_line) is None
        assert (
            sum(line.strip() == "W" * len(line.strip()) and len(line.strip()) > 40 for line in main_text.splitlines())
            > 100
        )  # the 10,000-character word wraps inside the pane
        assert CONTROL.search(main_text) is None, repr(CONTROL.search(main_text))
        assert app.screen.query_one(ArticleList).size.width < 80  # layout not blown apart by the long word

        await pilot.press("f")
        assert isinstance(app.screen, FeedsScreen)
        await pilot.pause()
        feeds_text = screen_text(app.screen)
        assert "Feed [b]X[/b]" in feeds_text and "HTTP 500 [b]X[/b]" in feeds_text
        assert CONTROL.search(feeds_text) is None and BIDI.search(feeds_text) is None
        await pilot.press("escape")

        await pilot.press("y")  # copying shows the URL in a toast; the link has a space, so it is refused
        await pilot.pause()
        for notification in app._notifications:
            assert not notification.markup or "[" not in notification.message
        toasts = "\n".join(widget_text(w) for w in app.screen.query("Toast"))
        assert CONTROL.search(toasts) is None
        assert app.is_running
