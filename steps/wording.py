"""How the feature files write things, turned into values: callers, name lists, module options,
module file text and reapply options.

Option tables use the operator's words ("live update | yes"); they become python-troveclient's
keyword arguments, with values as the client would pass them: yes/no as booleans, digits as
numbers, "(empty)" as an empty text, and "(none)" meaning the option is not sent at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .targets.base import Caller, ReapplyOptions

NOT_SENT = "(none)"
EMPTY = "(empty)"

_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|n|t|r|\\)")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
_ORDINAL = re.compile(r"^(?P<n>\d+)(?:st|nd|rd|th)$")


def caller(words: str) -> Caller:
    return Caller.named(words)


def name_list(text: str | None) -> list[str]:
    """``"a", "b" and "c"`` -> ["a", "b", "c"]; nothing -> []."""
    return re.findall(r'"([^"]*)"', text or "")


def file_bytes(text: str) -> bytes:
    """A module file written as text with escapes ("message=Hello\\n", "\\x99") as its bytes.

    Gherkin tables already turn ``\\n`` into a newline; steps keep it as written. Characters
    are taken as bytes one for one, as the client's encode_data does with text.
    """
    if text == EMPTY:
        return b""

    def unescape(match: re.Match) -> str:
        code = match.group(1)
        return chr(int(code[1:], 16)) if code.startswith("x") else _SIMPLE_ESCAPES[code]

    return _ESCAPE.sub(unescape, text).encode("latin-1")


def text_value(text: str) -> str:
    return "" if text == EMPTY else text


def number_value(text: str) -> int | str:
    """An integer where the text is one; otherwise the text, sent as it is."""
    return int(text) if re.fullmatch(r"-?\d+", text) else text_value(text)


def flag_value(text: str) -> bool | int | str:
    words = {"yes": True, "no": False}
    return words[text] if text in words else number_value(text)


def hidden_value(text: str) -> bool | int | str:
    value = flag_value(text)
    return (not value) if isinstance(value, bool) else value


# option words -> (client keyword, how to read the value)
MODULE_OPTIONS: dict[str, tuple[str, Callable[[str], object]]] = {
    "name": ("name", text_value),
    "type": ("module_type", text_value),
    "contents": ("contents", file_bytes),
    "description": ("description", text_value),
    "datastore": ("datastore", text_value),
    "datastore version": ("datastore_version", text_value),
    "auto apply": ("auto_apply", flag_value),
    "all tenants": ("all_tenants", flag_value),
    "visible": ("visible", flag_value),
    "hidden": ("visible", hidden_value),
    "live update": ("live_update", flag_value),
    "priority apply": ("priority_apply", flag_value),
    "apply order": ("apply_order", number_value),
    "full access": ("full_access", flag_value),
    "all datastores": ("all_datastores", flag_value),
    "all datastore versions": ("all_datastore_versions", flag_value),
    "is admin": ("is_admin", number_value),
}


def module_fields(pairs: list[tuple[str, str]]) -> dict:
    """Option words and values -> the client's keyword arguments (names not yet made unique)."""
    fields: dict = {}
    for option, raw in pairs:
        if option not in MODULE_OPTIONS:
            raise ValueError(
                f"unknown module option {option!r}; use one of {sorted(MODULE_OPTIONS)}"
            )
        if raw == NOT_SENT:
            continue
        keyword, read = MODULE_OPTIONS[option]
        fields[keyword] = read(raw)
    return fields


def vertical_pairs(datatable: list[list[str]]) -> list[tuple[str, str]]:
    """A two-column table (option | value) as pairs."""
    return [(row[0], row[1]) for row in datatable]


def reapply_options(datatable: list[list[str]]) -> ReapplyOptions:
    readers = {
        "md5": ("md5", text_value),
        "include clustered": ("include_clustered", flag_value),
        "force": ("force", flag_value),
        "batch size": ("batch_size", number_value),
        "delay": ("delay", number_value),
    }
    options = {}
    for option, raw in vertical_pairs(datatable):
        keyword, read = readers[option]
        options[keyword] = read(raw)
    return ReapplyOptions(**options)


def ordinal(text: str) -> int:
    """ "1st" -> 1, "8th" -> 8."""
    match = _ORDINAL.match(text)
    if match is None:
        raise ValueError(f"not an ordinal: {text!r}")
    return int(match.group("n"))
