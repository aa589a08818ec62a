"""A time-ordered event queue: work that takes time happens when the clock reaches it.

Events due at the same instant run in the order they were scheduled, so a run is reproducible.
"""

from __future__ import annotations

import datetime as _dt
import heapq
import itertools
from collections.abc import Callable


class EventQueue:
    def __init__(self) -> None:
        self._heap: list[tuple[_dt.datetime, int, Callable[[_dt.datetime], None]]] = []
        self._seq = itertools.count()

    def schedule(self, due: _dt.datetime, action: Callable[[_dt.datetime], None]) -> None:
        """Run ``action(due)`` once the clock has reached ``due``."""
        heapq.heappush(self._heap, (due, next(self._seq), action))

    def drain(self, now: _dt.datetime) -> None:
        """Run every event due at or before ``now``, oldest first."""
        while self._heap and self._heap[0][0] <= now:
            due, _, action = heapq.heappop(self._heap)
            action(due)

    def __len__(self) -> int:
        return len(self._heap)

    def next_due(self) -> _dt.datetime | None:
        return self._heap[0][0] if self._heap else None
