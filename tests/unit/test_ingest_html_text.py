"""HTML to readable text: structure kept, links numbered, images named, nothing dangerous shown."""

from __future__ import annotations

from spacereader.ingest.html_text import html_to_line, html_to_text


def test_headings_and_paragraphs_become_blank_line_separated_blocks():
    text = html_to_text("<h2>Launch</h2><p>The rocket <b>flew</b>.</p><p>Then it landed.</p>")
    assert text.split("\n\n") == ["Launch", "The rocket flew.", "Then it landed."]


def test_lists_keep_one_item_per_line_with_markers():
    text = html_to_text("<ul><li>one</li><li>two<ol><li>inner</li></ol></li></ul>")
    assert text == "• one\n• two\n  1. inner"


def test_quotes_are_prefixed():
    assert html_to_text("<blockquote><p>said so</p></blockquote>") == "> said so"


def test_links_become_numbered_references_listed_under_the_article():
    text = html_to_text(
        '<p>See <a href="/a">this</a> and <a href="http://b.example/">that</a>, <a href="/a">again</a>.</p>',
        "http://site.example/post/",
    )
    body, refs = text.split("\n\n")
    assert body == "See this [1] and that [2], again [1]."
    assert refs.splitlines() == ["[1] http://site.example/a", "[2] http://b.example/"]


def test_images_show_their_alt_text_and_are_never_fetched():
    assert html_to_text('<p><img src="http://tracker.example/x.png" alt="a comet"></p>') == "[image: a comet]"


def test_scripts_styles_and_control_characters_are_dropped():
    text = html_to_text("<p>safe\x1b[31m</p><script>alert(1)</script><style>p{}</style><p>text</p>")
    assert text == "safe[31m\n\ntext"


def test_preformatted_text_keeps_its_lines():
    assert html_to_text("<pre>a = 1\n  b = 2</pre>") == "    a = 1\n      b = 2"


def test_plain_text_is_kept_and_entities_decoded():
    assert html_to_text("plain\n\nsecond") == "plain\n\nsecond"
    assert html_to_text("<p>AT&amp;T &lt;3</p>") == "AT&T <3"


def test_titles_lose_markup_but_keep_text():
    assert html_to_line("Calming collar for <i>dogs</i> &amp; cats") == "Calming collar for dogs & cats"
    assert html_to_line("a\u202e b\n c") == "a b c"
