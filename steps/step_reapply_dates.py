"""Steps that judge reapply through what every Trove shows: module-instance-count's dates.

A reapply's batch size, delay and force leave their mark on the updated dates of the instances
at the module's current md5, so these steps need no simulator controls: on an endpoint with a
real clock they wait, as every read after background work does, until the count is reached.
"""

from __future__ import annotations

import datetime as _dt

import pytest
from pytest_bdd import parsers, step, then

from .targets.base import Caller
from .wording import NAME
from .world import World

Dates = tuple[_dt.datetime, _dt.datetime]
CURRENT = r"the (?P<count>\d+) instances of " + NAME + r" at its current md5"


@pytest.fixture
def noted_dates() -> dict[str, Dates]:
    """The min and max updated dates a scenario noted, per module name."""
    return {}


def _current_dates(world: World, name: str, count: int) -> Dates:
    """The min and max updated dates of the current md5's row, once it counts ``count``."""
    module_id = world.module_id(name)
    rows = world.must(lambda: world.target.module_instance_count(Caller.ADMIN, module_id))
    current = [row for row in rows if row["current"] in (True, "True")]
    assert current, f"module-instance-count shows no current row: {rows}"
    row = current[0]
    assert int(row["instance_count"]) == count, f"the current md5 counts {row['instance_count']}"
    return (
        _dt.datetime.fromisoformat(row["min_updated_date"]),
        _dt.datetime.fromisoformat(row["max_updated_date"]),
    )


@then(
    parsers.re(
        CURRENT + r" were updated (?P<bound>at least|at most) (?P<seconds>\d+) seconds? apart"
    )
)
def updated_apart(world: World, count: str, name: str, bound: str, seconds: str) -> None:
    def check() -> None:
        earliest, latest = _current_dates(world, name, int(count))
        span = (latest - earliest).total_seconds()
        limit = float(seconds)
        holds = span >= limit if bound == "at least" else span <= limit
        assert holds, f"their updated dates lie {span:g} s apart, not {bound} {seconds} s"

    world.eventually(check)


@then(parsers.re(CURRENT + r" keep the updated dates they had"))
def dates_kept(world: World, noted_dates: dict[str, Dates], count: str, name: str) -> None:
    noted = noted_dates[name]
    world.eventually(lambda: _assert_equal(_current_dates(world, name, int(count)), noted))


@then(parsers.re(CURRENT + r" were updated after the dates they had"))
def dates_moved(world: World, noted_dates: dict[str, Dates], count: str, name: str) -> None:
    noted = noted_dates[name]

    def check() -> None:
        earliest, _ = _current_dates(world, name, int(count))
        assert earliest > noted[1], f"the earliest updated date {earliest} is not after {noted[1]}"

    world.eventually(check)


@step(parsers.re(CURRENT + r" have their updated dates noted"))
def note_dates(world: World, noted_dates: dict[str, Dates], count: str, name: str) -> None:
    found: list[Dates] = []
    world.eventually(lambda: found.append(_current_dates(world, name, int(count))))
    noted_dates[name] = found[-1]


def _assert_equal(found: tuple, noted: tuple) -> None:
    assert found == noted, f"the updated dates moved from {noted} to {found}"
