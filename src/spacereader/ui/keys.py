"""Every remappable binding, in one registry that the widgets, the app, the help screen and the config read.

A leaf module: the help screen and the app both list the keys, so neither may import the other for them.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

LIST_BINDINGS: list[BindingType] = [
    Binding("j,down", "cursor_down", "Next article", show=False, id="cursor-down"),
    Binding("k,up", "cursor_up", "Previous article", show=False, id="cursor-up"),
    Binding("g,home", "cursor_top", "First article", show=False, id="cursor-top"),
    Binding("G,end", "cursor_bottom", "Last article", show=False, id="cursor-bottom"),
    Binding("enter", "open_article", "Open", id="open-article", tooltip="Open the article and mark it read"),
    Binding("n", "next_unread", "Next unread", show=False, id="next-unread"),
    Binding("N", "previous_unread", "Previous unread", show=False, id="previous-unread"),
]
"""Keys of the article list (they act on its cursor)."""

MAIN_BINDINGS: list[BindingType] = [
    Binding("b", "toggle_bookmark", "Bookmark", id="toggle-bookmark", tooltip="Bookmark or unbookmark"),
    Binding("m", "toggle_read", "Read/unread", show=False, id="toggle-read"),
    Binding("B", "bookmarks_only", "Bookmarks", id="bookmarks-only", tooltip="Show only bookmarks"),
    Binding("o", "open_link", "Open link", show=False, id="open-link"),
    Binding("y", "copy_link", "Copy link", show=False, id="copy-link"),
    Binding("space,pagedown", "page_down", "Page down", show=False, id="page-down"),
    Binding("pageup", "page_up", "Page up", show=False, id="page-up"),
    Binding("f", "show_feeds", "Feeds", id="show-feeds", tooltip="Every feed; choose one to narrow the list"),
    Binding("escape", "go_back", "Back", show=False, id="go-back", tooltip="Return to the previous list"),
    Binding("r", "refresh_feeds", "Refresh", id="refresh-feeds", tooltip="Fetch every feed"),
    Binding("a", "add_feed", "Add feed", show=False, id="add-feed", tooltip="Subscribe to a feed by URL"),
    Binding("slash", "open_search", "Search", id="search", tooltip="Search as you type; escape returns"),
    Binding("s", "cycle_sort", "Sort", show=False, id="cycle-sort", tooltip="Sort by date, feed, title or unread"),
    Binding("v", "show_views", "Views", id="show-views", tooltip="Saved searches with unread counts"),
    Binding("S", "save_view", "Save view", show=False, id="save-view", tooltip="Save the current search as a view"),
    *[
        Binding(str(n), f"open_view_number({n})", f"Open view {n}", show=False, id=f"open-view-{n}")
        for n in range(1, 10)
    ],
    Binding("e", "toggle_entities", "Entities", show=False, id="toggle-entities", tooltip="Show or hide the entities"),
    Binding(
        "left_square_bracket", "narrow_list", "Narrower list", show=False, id="narrow-list", tooltip="Narrow the list"
    ),
    Binding("right_square_bracket", "widen_list", "Wider list", show=False, id="widen-list", tooltip="Widen the list"),
    Binding(
        "T", "app.change_theme", "Theme", show=False, id="pick-theme", tooltip="Pick a theme; it is kept in the config"
    ),
    Binding(
        "F",
        "full_text",
        "Full text",
        show=False,
        id="full-text",
        tooltip="Fetch the article's page and show its main text (again: the feed's text)",
    ),
    Binding(
        "L", "show_links", "Links", show=False, id="show-links", tooltip="The article's links and media, by number"
    ),
    Binding(
        "p",
        "play_enclosure",
        "Play media",
        show=False,
        id="play-enclosure",
        tooltip="Play the article's audio or video with the player",
    ),
    Binding(
        "A",
        "mark_all_read",
        "Mark all read",
        show=False,
        id="mark-all-read",
        tooltip="Mark every article in the list read",
    ),
    Binding("u", "undo", "Undo", show=False, id="undo", tooltip="Undo the last mark-all-read"),
    Binding(
        "U", "toggle_unread_only", "Unread only", show=False, id="toggle-unread-only", tooltip="Hide read articles"
    ),
    Binding("W", "save_article", "Save", show=False, id="save-article", tooltip="Save the article as Markdown"),
    Binding(
        "vertical_line",
        "pipe_article",
        "Pipe",
        show=False,
        id="pipe-article",
        tooltip="Hand the article to pipe_command",
    ),
    Binding("w", "watch", "Watch", show=False, id="watch", tooltip="Be told when the entity or view has new articles"),
]
"""Keys of the main screen."""

APP_BINDINGS: list[BindingType] = [
    Binding("q", "quit", "Quit", id="quit", tooltip="Quit spacereader"),
    Binding("question_mark", "help", "Help", id="help", tooltip="Show every key"),
]
"""Keys that work on every screen."""

READING_BINDINGS: list[BindingType] = [
    Binding("j", "scroll_down", "Scroll down", show=False, id="scroll-down", tooltip="Scroll the article a line"),
    Binding("k", "scroll_up", "Scroll up", show=False, id="scroll-up", tooltip="Scroll the article back a line"),
    # The list's ids: remapping next-unread in the config moves both.
    Binding("n", "next_unread", "Next unread", show=False, id="next-unread", tooltip="Open the next unread article"),
    Binding("N", "previous_unread", "Previous unread", show=False, id="previous-unread"),
]
"""Keys of the reading pane when it has focus (the article on the whole screen, or after tab)."""

COMMANDS: list[Binding] = [b for b in (*LIST_BINDINGS, *MAIN_BINDINGS) if isinstance(b, Binding)]
"""The bindings offered by name in the command palette."""


def all_bindings() -> list[tuple[str, list[Binding]]]:
    """Every remappable binding, grouped by where it applies."""
    anywhere = [b for b in (*MAIN_BINDINGS, *APP_BINDINGS) if isinstance(b, Binding)]
    return [
        ("Article list", [b for b in LIST_BINDINGS if isinstance(b, Binding)]),
        ("Reading pane", [b for b in READING_BINDINGS if isinstance(b, Binding)]),
        ("Anywhere", [b for b in anywhere if not (b.id or "").startswith("open-view-")]),
    ]


def binding_ids() -> frozenset[str]:
    """Ids accepted in the config's [keys] table."""
    return frozenset(b.id for b in (*COMMANDS, *APP_BINDINGS, *READING_BINDINGS) if isinstance(b, Binding) and b.id)
