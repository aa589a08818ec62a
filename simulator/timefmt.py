"""How Trove writes times: the API without microseconds or zone, the guest with centiseconds.

API stamps are memoised: ``isoformat`` costs more than the rest of a module-instance-count row,
and a read shows the same few stamps again and again. A stamp's text never changes, so the memo
cannot go stale; it is bounded, and naive times only (aware ones equal across zones would share
a key but not a text).
"""

from __future__ import annotations

import datetime as _dt
import functools

API_TIME_MEMO = 1 << 16


def api_time(when: _dt.datetime | None) -> str | None:
    if when is None:
        return None
    if when.tzinfo is None:
        return _naive_api_time(when)
    return when.isoformat(timespec="seconds")


@functools.lru_cache(maxsize=API_TIME_MEMO)
def _naive_api_time(when: _dt.datetime) -> str:
    return when.isoformat(timespec="seconds")


def guest_time(when: _dt.datetime | None) -> str | None:
    return None if when is None else when.strftime("%Y-%m-%d %H:%M:%S.%f")[:22]
