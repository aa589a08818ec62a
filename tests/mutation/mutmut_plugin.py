"""A pytest plugin for mutation runs: honest durations, and no memo carried over from the parent.

mutmut runs the clean suite once, then forks a child per mutant, and each child inherits the
parent's memory. Two things in it would falsify the verdicts:

- The in-process target pins the clock with freezegun, which also replaces ``perf_counter``
  inside pytest's timing, so the durations pytest reports go backwards at every scenario start.
  mutmut derives each mutant's time limit from them; a negative one kills every mutant at once
  as a time-out. Each test's duration is measured in CPU seconds instead (``process_time`` is
  not patched, and mutmut's limits are CPU limits anyway).
- The simulator memoises pure functions (the guest's driver runs, date stamps, the body
  schemas). A cache warmed by the clean run answers the mutant's calls with the original's
  results, so a mutated function would never run; and a cache warmed by one scenario hides the
  function from the next, so mutmut's map of which scenarios reach a function names only the
  first. Every ``functools`` cache of the simulator is emptied before each scenario.
- mutmut's own check run makes every simulator call fail; a set-up that fails after starting
  freezegun never stops it, and the parent then forks every mutant under a frozen clock, where
  mutmut's wall-clock limits fire at once. Freezers still running when a session ends are
  stopped.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Generator

import pytest
from freezegun.api import _freeze_time

SIMULATOR = "trovesim.simulator"
_started: dict[str, float] = {}
_running_freezers: list[_freeze_time] = []
_start, _stop = _freeze_time.start, _freeze_time.stop


def _tracked_start(freezer: _freeze_time):
    factory = _start(freezer)
    _running_freezers.append(freezer)
    return factory


def _tracked_stop(freezer: _freeze_time) -> None:
    if freezer in _running_freezers:
        _running_freezers.remove(freezer)
    _stop(freezer)


def pytest_configure(config: pytest.Config) -> None:
    _freeze_time.start, _freeze_time.stop = _tracked_start, _tracked_stop


def pytest_sessionfinish(session: pytest.Session) -> None:
    while _running_freezers:
        _running_freezers[-1].stop()


def pytest_runtest_setup(item: pytest.Item) -> None:
    for name, module in list(sys.modules.items()):
        if name == SIMULATOR or name.startswith(SIMULATOR + "."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    _started[item.nodeid] = time.process_time()
    return (yield)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> None:
    """Runs before mutmut's statistics hook reads ``call.duration``."""
    if call.when == "call" and item.nodeid in _started:
        call.duration = time.process_time() - _started.pop(item.nodeid)
