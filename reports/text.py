"""Text every format shares: the pass rate, and messages with their whitespace made visible.

A failure that hinges on a trailing space or a tab cannot be read from a table that shows
whitespace as nothing, so evidence marks it: each writer shows the same marked text.
"""

from __future__ import annotations

import re

# Whitespace a reader cannot see, and the mark shown for it.
MARKS = {
    "\t": "→",
    "\r": "⟨CR⟩",
    "\u00a0": "⟨NBSP⟩",
    "\u200b": "⟨ZWSP⟩",
    "\u2060": "⟨WJ⟩",
    "\ufeff": "⟨BOM⟩",
}
TRAILING_SPACE = "·"
LEGEND = (
    "In evidence, {} marks a space at the end of a line and {} a tab; a carriage return, a "
    "no-break space and zero-width characters read {}, {}, ⟨ZWSP⟩, ⟨WJ⟩, ⟨BOM⟩."
).format(TRAILING_SPACE, MARKS["\t"], MARKS["\r"], MARKS["\u00a0"])
_TRAILING = re.compile(r" +$", re.MULTILINE)
_INVISIBLE = re.compile("[" + "".join(MARKS) + "]")


def format_rate(percentage: float | None) -> str:
    """A pass rate as every format prints it: one decimal, or "n/a" when nothing applied."""
    return "n/a" if percentage is None else f"{percentage:.1f}%"


def visible_whitespace(text: str) -> str:
    """``text`` with trailing spaces, tabs, carriage returns and zero-width characters replaced
    by marks, so that an exact comparison can be read."""
    marked = _INVISIBLE.sub(lambda m: MARKS[m.group()], text)
    return _TRAILING.sub(lambda m: TRAILING_SPACE * len(m.group()), marked)


def first_line(text: str) -> str:
    """The headline of a (marked) message, for places that hold one line."""
    return text.splitlines()[0] if text.strip() else text
