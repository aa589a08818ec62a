"""How Trove writes times: the API without microseconds or zone, the guest with centiseconds."""

from __future__ import annotations

import datetime as _dt


def api_time(when: _dt.datetime | None) -> str | None:
    return None if when is None else when.isoformat(timespec="seconds")


def guest_time(when: _dt.datetime | None) -> str | None:
    return None if when is None else when.strftime("%Y-%m-%d %H:%M:%S.%f")[:22]
