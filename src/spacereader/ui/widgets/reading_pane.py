"""The reading pane: headline, meta line and paragraphs of the open article, scrollable."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from spacereader.models import CHOSE_FEED_TEXT, Article
from spacereader.safe_text import clean_line, clean_text
from spacereader.ui.keys import READING_BINDINGS


def body_text(article: Article) -> Text:
    """Paragraphs as literal text (never markup), long words folded instead of overflowing."""
    paragraphs = [clean_text(p) for p in article.paragraphs]
    text = Text("\n\n".join(paragraphs), overflow="fold")
    if article.enclosures:
        text.append("\n\n" + "\n".join(media_lines(article)))
    if article.url:
        text.append("\n\n" + clean_line(article.url), style="dim")
    return text


def media_lines(article: Article) -> list[str]:
    """The article's enclosures, one cleaned line each with type and size (`p` plays them)."""
    lines = ["Media (p plays):"]
    for number, enclosure in enumerate(article.enclosures, 1):
        details = clean_line(enclosure.details)
        lines.append(f"  ▶{number} {clean_line(enclosure.url)}" + (f" ({details})" if details else ""))
    return lines


def source_note(article: Article) -> str:
    """Where the body comes from, when it is not simply the feed's text: the page, or why the page was not used."""
    if article.from_page:
        host = urlsplit(clean_line(article.url)).netloc
        return f"Full text taken from the page{f' ({host})' if host else ''}; F shows the feed's text"
    if article.page_error == CHOSE_FEED_TEXT:
        return "Feed text; F takes the page's text again"
    if article.page_error:
        return f"Feed text: the page's text was not used ({clean_line(article.page_error)})"
    return ""


class ReadingPane(VerticalScroll, can_focus=True):
    """Shows one article; the screen decides which, and which words to highlight."""

    BINDINGS = READING_BINDINGS
    COMPONENT_CLASSES = {"reading-pane--match"}

    @dataclass
    class NextUnreadRequested(Message):
        """`n` / `N` while reading: open the next (or previous) unread article, as newsboat does."""

        forward: bool

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article_id: int | None = None
        self.shown: tuple[Article, tuple[str, ...]] | None = None
        """The article and highlighted words on display, to tell when showing them again would change nothing."""

    def action_next_unread(self) -> None:
        self.post_message(self.NextUnreadRequested(True))

    def action_previous_unread(self) -> None:
        self.post_message(self.NextUnreadRequested(False))

    def compose(self) -> ComposeResult:
        yield Static(id="headline")
        yield Static(id="meta")
        yield Static(id="text-source")
        yield Static(id="body")

    def shows(self, article: Article, highlight: tuple[str, ...] = ()) -> bool:
        """Whether exactly this article (its text as stored now) is on display with these words marked."""
        return self.shown == (article, highlight)

    def show_article(self, article: Article | None, highlight: tuple[str, ...] = ()) -> None:
        """Display an article (or say there is none) and scroll to its top.

        `highlight` lists words or names to mark wherever they occur, ignoring case.
        """
        self.article_id = article.id if article else None
        self.shown = (article, highlight) if article else None
        headline = self.query_one("#headline", Static)
        meta = self.query_one("#meta", Static)
        body = self.query_one("#body", Static)
        note = source_note(article) if article is not None else ""
        source = self.query_one("#text-source", Static)
        source.update(Text(note, overflow="fold"))
        source.set_class(bool(note), "-shown")
        if article is None:
            headline.update(Text("No article"))
            meta.update(Text(""))
            body.update(Text("There is nothing to read in this view."))
        else:
            title = Text(clean_line(article.title) or "(untitled)", overflow="fold")
            text = body_text(article)
            if highlight:
                style = self.get_component_rich_style("reading-pane--match")  # full: resolves theme colours
                words = [clean_line(w) for w in highlight if clean_line(w)]
                for target in (title, text):
                    target.highlight_words(words, style, case_sensitive=False)
            headline.update(title)
            meta.update(Text(article.meta_line, overflow="fold"))
            body.update(text)
        self.scroll_home(animate=False)
