"""Time as a dependency: every timestamp and delay in the simulator comes from a Clock.

``RealClock`` reads the wall clock through ``datetime`` so that freezegun can pin or tick it;
``VirtualClock`` only moves when told, so long reapply delays cost no wall time.
"""

from __future__ import annotations

import datetime as _dt
from typing import Protocol

from .errors import bad_request


def utcnow() -> _dt.datetime:
    """Naive UTC now, as Trove stores it (freezegun patches ``datetime.datetime``)."""
    return _dt.datetime.now(_dt.UTC).replace(tzinfo=None)


class Clock(Protocol):
    kind: str

    def now(self) -> _dt.datetime: ...


class RealClock:
    kind = "real"

    def now(self) -> _dt.datetime:
        return utcnow()


class VirtualClock:
    """A clock that stands still until set or advanced; it never moves backwards."""

    kind = "virtual"

    def __init__(self, start: _dt.datetime | None = None) -> None:
        self._now = (start or utcnow()).replace(microsecond=0)

    def now(self) -> _dt.datetime:
        return self._now

    def advance(self, seconds: float) -> _dt.datetime:
        if seconds < 0:
            raise bad_request("The clock cannot be moved backwards.")
        self._now += _dt.timedelta(seconds=seconds)
        return self._now

    def set(self, when: _dt.datetime) -> _dt.datetime:
        if when < self._now:
            raise bad_request("The clock cannot be moved backwards.")
        self._now = when
        return self._now


def make_clock(kind: str) -> RealClock | VirtualClock:
    if kind == "real":
        return RealClock()
    if kind == "virtual":
        return VirtualClock()
    raise ValueError(f"unknown clock kind {kind!r}; use 'real' or 'virtual'")
