"""Step phrases written as an author reads them, and the decorators that register them.

A phrase is the step's text with its parameters named: ``{who} has created a ping module
"{name}"[ with contents "{text}"]``. ``{x}`` is a parameter (passed to the step function as
``x``), ``"{x}"`` one written in quotes, ``[...]`` an optional part (a parameter inside it is
None when the part is left out). What a parameter may hold is in ``PARAMETERS``; one in quotes
and not listed there holds any text without a quote. ``trovesim steps`` lists every phrase.

``given_when`` registers one function for a Given and its When twin ("has created" / "creates"):
the function makes its request through ``World.request``, which in a Given step must succeed and
in a When step is kept for the Then steps to judge.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import pytest_bdd
from pytest_bdd import parsers

F = TypeVar("F", bound=Callable[..., object])

# What a step needs beyond any Trove, for the catalogue (``needs=``).
CONTROLS = "the simulator's controls (@simulator-only)"
CLUSTERS = "a cluster datastore (@needs-clusters)"
CALLERS = ("the admin", "tenant A", "tenant B")
_QUOTED_LIST = r'"[^"]*"(?:(?:, | and )"[^"]*")*'
_ANY_QUOTED = r'[^"]*'


@dataclass(frozen=True)
class Parameter:
    pattern: str
    means: str


PARAMETERS: dict[str, Parameter] = {
    "who": Parameter("|".join(CALLERS), "the caller: " + ", ".join(CALLERS)),
    "names": Parameter(_QUOTED_LIST, 'names in quotes: "a", "b" and "c"'),
    "modules": Parameter(_QUOTED_LIST, 'module names in quotes: "m1" or "m1" and "m2"'),
    "message": Parameter(".*", "a message, as Trove words it (it may hold quotes)"),
    "code": Parameter(r"\d{3}", "an HTTP status code: 400, 403, 404, ..."),
    "status": Parameter("[A-Z]+", "an instance status: ACTIVE, BUILD, ERROR, ..."),
    "fault": Parameter(r"\w+", "Trove's fault name: badRequest, forbidden, itemNotFound, ..."),
    "request": Parameter(
        ".+",
        'a hand-made request: a module create, a module update of "m", a reapply of "m", '
        'a module-apply to "i", an instance create, a cluster create',
    ),
    "operation": Parameter(
        "show|update|delete|list the instances of|count the instances of|reapply",
        "show, update, delete, list the instances of, count the instances of, reapply",
    ),
    "kind": Parameter(
        "other version|other datastore|cluster datastore",
        "other version, other datastore or cluster datastore (each needs that capability)",
    ),
    "amount": Parameter(r"\d+|a", "a number, or a"),
    "unit": Parameter("seconds?|minutes?", "second(s) or minute(s)"),
    "when": Parameter(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", "a time: 2017-06-02 12:00:00"),
    "seconds": Parameter(r"\d+", "a whole number of seconds"),
    "count": Parameter(r"\d+", "a whole number of instances"),
    "bound": Parameter("at least|at most", "at least or at most"),
    "size": Parameter(r"\d+", "a whole number"),
    "sizes": Parameter(r"[\d, and]+", "numbers: 2, 2 and 1"),
    "priority": Parameter("Yes|No", "Yes or No"),
    "order": Parameter(r"\d", "an apply order, 0 to 9"),
    "place": Parameter(r"\d+(?:st|nd|rd|th)", "an ordinal: 1st, 2nd, 3rd, 4th, ..."),
    "clustered": Parameter("with cluster members", "the words: with cluster members"),
    "key": Parameter("name|id", "name or id: how a request names a datastore version"),
}
_TOKEN = re.compile(r'"\{(?P<quoted>\w+)\}"|\{(?P<bare>\w+)\}|(?P<open>\[)|(?P<close>\])')


def phrase_regex(phrase: str) -> str:
    """The regular expression a phrase stands for (its parameters as named groups)."""
    parts: list[str] = []
    position = depth = 0
    for token in _TOKEN.finditer(phrase):
        parts.append(re.escape(phrase[position : token.start()]))
        position = token.end()
        if token["open"]:
            depth += 1
            parts.append("(?:")
        elif token["close"]:
            depth -= 1
            parts.append(")?")
        elif token["quoted"]:
            known = PARAMETERS.get(token["quoted"])
            pattern = known.pattern if known else _ANY_QUOTED
            parts.append(f'"(?P<{token["quoted"]}>{pattern})"')
        else:
            if token["bare"] not in PARAMETERS:
                raise ValueError(f"{phrase!r}: {{{token['bare']}}} is no known parameter")
            parts.append(f"(?P<{token['bare']}>{PARAMETERS[token['bare']].pattern})")
    if depth:
        raise ValueError(f"{phrase!r}: unbalanced [ ]")
    return "".join(parts) + re.escape(phrase[position:])


def parameters_of(phrase: str) -> list[str]:
    return [t["quoted"] or t["bare"] for t in _TOKEN.finditer(phrase) if t["quoted"] or t["bare"]]


class PhraseParser(parsers.re):
    """pytest-bdd's regex parser, built from a phrase it remembers for the catalogue."""

    def __init__(self, phrase: str, needs: str | None = None) -> None:
        super().__init__(phrase_regex(phrase))
        self.phrase = phrase
        self.needs = needs


@dataclass(frozen=True)
class Registration:
    """One phrase bound to a step function under a keyword ("given", "when", "then", or None:
    any keyword)."""

    keyword: str | None
    parser: PhraseParser
    function: Callable[..., object]


REGISTERED: list[Registration] = []


def _register(
    keyword: str | None, phrases: tuple[str, ...], needs: str | None, depth: int = 0
) -> Callable:
    """``depth``: the frames between the step module's decorator line and this decorator."""

    def decorator(function: F) -> F:
        for phrase in phrases:
            parser = PhraseParser(phrase, needs)
            # pytest-bdd puts the step's fixture in the module that applies the decorator.
            pytest_bdd.step(parser, keyword, stacklevel=2 + depth)(function)
            REGISTERED.append(Registration(keyword, parser, function))
        return function

    return decorator


def given(*phrases: str, needs: str | None = None) -> Callable[[F], F]:
    return _register("given", phrases, needs)


def when(*phrases: str, needs: str | None = None) -> Callable[[F], F]:
    return _register("when", phrases, needs)


def then(*phrases: str, needs: str | None = None) -> Callable[[F], F]:
    return _register("then", phrases, needs)


def step(*phrases: str, needs: str | None = None) -> Callable[[F], F]:
    """A phrase that reads the same after Given, When or Then."""
    return _register(None, phrases, needs)


def given_when(given: str, when: str, needs: str | None = None) -> Callable[[F], F]:
    """One function for a Given phrase and its When twin (see the module's doc)."""

    def decorator(function: F) -> F:
        _register("given", (given,), needs, depth=1)(function)
        return _register("when", (when,), needs, depth=1)(function)

    return decorator
