"""pytest-bdd's step look-up is asked once per distinct step, module and session."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import SimpleNamespace

from trovesim.steps.step_lookup import remembering


class Manager:
    """Stands for a session's fixture manager (only its identity matters)."""


def test_the_suite_uses_the_remembering_look_up() -> None:
    lookup = importlib.import_module("pytest_bdd.scenario").find_fixturedefs_for_step
    assert lookup.__wrapped__ is not lookup


def test_each_distinct_step_module_and_session_is_looked_up_once() -> None:
    asked: list[tuple[str, str]] = []

    def lookup(step, manager, node):
        asked.append((step.name, node.path.name))
        return iter([f"definition of {step.name} in {node.path.name}"])

    remembered = remembering(lookup)
    given = SimpleNamespace(type="given", name="a module")
    when = SimpleNamespace(type="when", name="a module")
    here, there = SimpleNamespace(path=Path("a.py")), SimpleNamespace(path=Path("b.py"))
    session, other_session = Manager(), Manager()

    for _ in range(3):
        assert list(remembered(given, session, here)) == ["definition of a module in a.py"]
    assert list(remembered(when, session, here)) == ["definition of a module in a.py"]
    assert list(remembered(given, session, there)) == ["definition of a module in b.py"]
    assert list(remembered(given, other_session, here)) == ["definition of a module in a.py"]
    assert asked == [("a module", "a.py")] * 2 + [("a module", "b.py"), ("a module", "a.py")]
