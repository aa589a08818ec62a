"""One look-up per distinct step, not one per step run.

pytest-bdd (9.x) finds a step's definition by asking pytest, for every fixture name of the
session, which definitions the scenario can see, and pytest walks the scenario's parents for
each: some sixty look-ups per step, a fifth of the in-process suite's time. What a scenario can
see depends only on where it is defined (its module, through its conftests and plugins), so the
answer for a step's type and text is kept per module, for the session's fixture manager.
"""

from __future__ import annotations

import importlib
import weakref
from collections.abc import Callable, Iterable, Iterator
from typing import Any

_bdd_scenario = importlib.import_module("pytest_bdd.scenario")
Lookup = Callable[[Any, Any, Any], Iterable[Any]]


def remembering(lookup: Lookup) -> Callable[[Any, Any, Any], Iterator[Any]]:
    """``lookup`` with its answers kept per (step type, step text, the scenario's module), for
    each session apart (a test may run pytest inside pytest)."""
    sessions: weakref.WeakKeyDictionary[Any, dict] = weakref.WeakKeyDictionary()

    def remembered(step: Any, fixturemanager: Any, node: Any) -> Iterator[Any]:
        answers = sessions.setdefault(fixturemanager, {})
        key = (step.type, step.name, node.path)
        found = answers.get(key)
        if found is None:
            found = answers[key] = tuple(lookup(step, fixturemanager, node))
        return iter(found)

    return remembered


# Only where pytest-bdd looks steps up this way (9.x does); with another, nothing changes.
_lookup = getattr(_bdd_scenario, "find_fixturedefs_for_step", None)
if _lookup is not None and not hasattr(_lookup, "__wrapped__"):
    _original = _lookup
    _bdd_scenario.find_fixturedefs_for_step = remembering(_original)
    _bdd_scenario.find_fixturedefs_for_step.__wrapped__ = _original  # type: ignore[attr-defined]
