"""How Trove writes times: the API without microseconds or zone, the guest with centiseconds.

API stamps are memoised: ``isoformat`` costs more than the rest of a module-instance-count row,
and a read shows the same few stamps again and again. A stamp's text never changes, so the memo
cannot go stale; it is bounded, and naive times only (aware ones equal across zones would share
a key but not a text).
"""

from __future__ import annotations

import datetime as _dt

API_TIME_MEMO = 1 << 16
_api_stamps: dict[_dt.datetime, str] = {}


def api_time(when: _dt.datetime | None) -> str | None:
    text = _api_stamps.get(when)  # type: ignore[arg-type]
    if text is not None or when is None:
        return text
    text = when.isoformat(timespec="seconds")
    if when.tzinfo is None:
        if len(_api_stamps) >= API_TIME_MEMO:
            _api_stamps.clear()
        _api_stamps[when] = text
    return text


def guest_time(when: _dt.datetime | None) -> str | None:
    return None if when is None else when.strftime("%Y-%m-%d %H:%M:%S.%f")[:22]
