"""API time stamps: the memo never gives one zone's text for an equal time in another zone."""

from __future__ import annotations

import datetime as _dt

from trovesim.simulator.timefmt import api_time


def test_equal_times_in_two_zones_keep_their_own_text() -> None:
    utc = _dt.datetime(2017, 6, 2, 12, 0, tzinfo=_dt.UTC)
    paris = utc.astimezone(_dt.timezone(_dt.timedelta(hours=2)))
    assert utc == paris
    assert api_time(utc) == "2017-06-02T12:00:00+00:00"
    assert api_time(paris) == "2017-06-02T14:00:00+02:00"
    assert api_time(_dt.datetime(2017, 6, 2, 12, 0)) == "2017-06-02T12:00:00"
    assert api_time(None) is None
