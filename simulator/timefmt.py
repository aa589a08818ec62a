"""How Trove writes times: the API without microseconds or zone, the guest with centiseconds.

API stamps are memoised: ``isoformat`` costs more than the rest of a module-instance-count row,
and a read shows the same few stamps again and again. A stamp's text never changes, so the memo
cannot go stale; it is bounded, and holds naive times only (aware ones equal across zones would
share a key but not a text; the simulator keeps naive UTC, clock.py). The memo is a functools
cache, so a run that must not see an earlier run's answers (a mutation run's fork) can empty it.
"""

from __future__ import annotations

import datetime as _dt
import functools

API_TIME_MEMO = 1 << 16


def _api_text(when: _dt.datetime) -> str:
    return when.isoformat(timespec="seconds")


_api_stamp = functools.lru_cache(maxsize=API_TIME_MEMO)(_api_text)


def api_time(when: _dt.datetime | None) -> str | None:
    if when is None:
        return None
    return _api_stamp(when) if when.tzinfo is None else _api_text(when)


def guest_time(when: _dt.datetime | None) -> str | None:
    return None if when is None else when.strftime("%Y-%m-%d %H:%M:%S.%f")[:22]
