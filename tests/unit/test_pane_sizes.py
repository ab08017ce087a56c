"""The list's size for any terminal: never wider than the article beside it, never too small to read a headline."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from spacereader.ui.widgets.panes import (
    MIN_LIST_COLUMNS,
    MIN_LIST_ROWS,
    MIN_READING_COLUMNS,
    MIN_READING_ROWS,
    list_columns,
    list_rows,
)


def test_the_default_share_at_common_widths():
    assert list_columns(100, 30, 28) == 30
    assert list_columns(120, 30, 28) == 36
    assert list_columns(200, 30, 28) == 60
    assert list_columns(200, 60, 28) == 86  # half the room beside the sidebar, not 60 % of 200


@given(st.integers(100, 500), st.integers(15, 60), st.integers(0, 36))  # from 100 columns the sidebar is 28
def test_the_list_is_never_wider_than_the_article_nor_too_narrow(total, percent, beside):
    width = list_columns(total, percent, beside)
    article = total - beside - width
    assert width >= MIN_LIST_COLUMNS
    assert width <= article and article >= MIN_READING_COLUMNS


@given(st.integers(12, 200), st.integers(20, 80))
def test_the_list_and_the_article_each_keep_a_few_rows(total, percent):
    rows = list_rows(total, percent)
    assert rows >= MIN_LIST_ROWS and total - rows >= MIN_READING_ROWS


@given(st.integers(100, 500), st.integers(15, 55), st.integers(0, 40))
def test_a_wider_share_never_gives_a_narrower_list(total, percent, beside):
    assert list_columns(total, percent + 5, beside) >= list_columns(total, percent, beside)
