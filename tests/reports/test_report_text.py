"""The text every format shares: the pass rate and the marks for invisible whitespace."""

from __future__ import annotations

import pytest
from trovesim.reports.text import first_line, format_rate, visible_whitespace


@pytest.mark.parametrize(
    ("percentage", "shown"), [(None, "n/a"), (0.0, "0.0%"), (92.25, "92.2%"), (100.0, "100.0%")]
)
def test_pass_rate_text(percentage: float | None, shown: str) -> None:
    assert format_rate(percentage) == shown


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("| ping | ping |", "| ping | ping |"),
        ("ends with two  \nnext", "ends with two··\nnext"),
        ("a\tb", "a→b"),
        ("crlf\r\nline", "crlf⟨CR⟩\nline"),
        ("no\u00a0break", "no⟨NBSP⟩break"),
        ("zero\u200bwidth\ufeff", "zero⟨ZWSP⟩width⟨BOM⟩"),
        ("   ", "···"),
    ],
)
def test_whitespace_a_comparison_hinges_on_is_marked(text: str, marked: str) -> None:
    assert visible_whitespace(text) == marked


def test_first_line_of_a_message() -> None:
    assert first_line("AssertionError: expected:\n+---+") == "AssertionError: expected:"
    assert first_line("") == ""
