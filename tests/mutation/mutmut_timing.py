"""For mutation runs: each test's duration in CPU seconds, which freezegun leaves alone.

The in-process target pins the clock with freezegun, which also replaces ``perf_counter`` inside
pytest's timing, so the durations pytest reports go backwards at every scenario start. mutmut
derives each mutant's time limit from those durations; a negative one kills every mutant at
once as a time-out. ``process_time`` is not patched, and mutmut's limits are CPU limits anyway.
"""

from __future__ import annotations

import time
from collections.abc import Generator

import pytest

_started: dict[str, float] = {}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    _started[item.nodeid] = time.process_time()
    return (yield)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> None:
    """Runs before mutmut's statistics hook reads ``call.duration``."""
    if call.when == "call" and item.nodeid in _started:
        call.duration = time.process_time() - _started.pop(item.nodeid)
