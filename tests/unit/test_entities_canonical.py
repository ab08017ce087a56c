"""Canonical keys join spellings of one entity across articles."""

from __future__ import annotations

import pytest

from spacereader.entities.canonical import canonical_key


@pytest.mark.parametrize(
    "spelling", ["U.S.", "US", "United States", "the United States", "U.S.A.", "The United States"]
)
def test_united_states_spellings_share_a_key(spelling: str) -> None:
    assert canonical_key(spelling) == "united states"


def test_keys_ignore_case_dots_hyphens_and_curly_apostrophes() -> None:
    assert canonical_key("Coca-Cola") == canonical_key("coca cola")
    assert canonical_key("O’Brien") == canonical_key("O'Brien")
    assert canonical_key("Vladimir  Putin") == "vladimir putin"


def test_different_names_keep_different_keys() -> None:
    assert canonical_key("Bank of America") != canonical_key("America")
    assert canonical_key("USB") == "usb"
