"""Steps that judge time-bound rules through the dates every Trove shows, without controls.

A reapply's batch size, delay and force leave their mark on the updated dates of the instances
at the module's current md5 (module-instance-count); applies and removes leave theirs on the
guest's created and updated times (module-query). On an endpoint with a real clock the reads
wait, as every read after background work does, until the count is reached.
"""

from __future__ import annotations

import datetime as _dt
import re

import pytest

from .phrases import step, then
from .step_instances import scenario_modules_on
from .targets.base import Caller
from .wording import caller
from .world import World

Dates = tuple[_dt.datetime, _dt.datetime]
CURRENT = 'the {count} instances of "{name}" at its current md5[ as {who}]'


@pytest.fixture
def noted_dates() -> dict:
    """What a scenario noted: a module's (min, max) updated dates by its name, a guest's
    (created, updated) times by (instance, module)."""
    return {}


def _current_dates(world: World, name: str, count: int, who: str | None = None) -> Dates:
    """The min and max updated dates of the current md5's row, once it counts ``count``, as
    the admin sees them or as the tenant named."""
    module_id = world.module_id(name)
    asking = caller(who) if who else Caller.ADMIN
    rows = world.must(lambda: world.target.module_instance_count(asking, module_id))
    current = [row for row in rows if row["current"] in (True, "True")]
    assert current, f"module-instance-count shows no current row: {rows}"
    row = current[0]
    assert int(row["instance_count"]) == count, f"the current md5 counts {row['instance_count']}"
    return (
        _dt.datetime.fromisoformat(row["min_updated_date"]),
        _dt.datetime.fromisoformat(row["max_updated_date"]),
    )


@then(CURRENT + " were updated {bound} {seconds} second[s] apart")
def updated_apart(
    world: World, count: str, name: str, who: str | None, bound: str, seconds: str
) -> None:
    """The min and max updated dates of the current md5's row lie at least (or at most) this
    far apart, once the row counts the instances: a reapply's batches and delay."""

    def check() -> None:
        earliest, latest = _current_dates(world, name, int(count), who)
        span = (latest - earliest).total_seconds()
        limit = float(seconds)
        holds = span >= limit if bound == "at least" else span <= limit
        assert holds, f"their updated dates lie {span:g} s apart, not {bound} {seconds} s"

    world.eventually(check)


@then(CURRENT + " keep the updated dates they had")
def dates_kept(world: World, noted_dates: dict, count: str, name: str, who: str | None) -> None:
    """The current md5's min and max updated dates are the ones noted before."""
    noted = noted_dates[name]
    world.eventually(lambda: _assert_equal(_current_dates(world, name, int(count), who), noted))


@then(CURRENT + " were updated after the dates they had")
def dates_moved(world: World, noted_dates: dict, count: str, name: str, who: str | None) -> None:
    """The current md5's earliest updated date is later than the latest one noted before."""
    noted = noted_dates[name]

    def check() -> None:
        earliest, _ = _current_dates(world, name, int(count), who)
        assert earliest > noted[1], f"the earliest updated date {earliest} is not after {noted[1]}"

    world.eventually(check)


@step(CURRENT + " have their updated dates noted")
def note_dates(world: World, noted_dates: dict, count: str, name: str, who: str | None) -> None:
    """Notes the current md5's min and max updated dates, once the row counts the instances."""
    found: list[Dates] = []
    world.eventually(lambda: found.append(_current_dates(world, name, int(count), who)))
    noted_dates[name] = found[-1]


def _assert_equal(found: tuple, noted: tuple) -> None:
    assert found == noted, f"the updated dates moved from {noted} to {found}"


# --- guest times -----------------------------------------------------------------------------

GUEST_TIMES = 'the guest times of "{name}" on "{instance}" as {who}'
GUEST_TIME = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d\d")


def _guest_times(world: World, who: str, instance: str, name: str) -> tuple[str, str]:
    """module-query's created and updated times of a module, checked for the guest's layout."""
    rows = world.must(lambda: scenario_modules_on(world, who, instance))
    found = [row for row in rows if world.as_written(row["name"]) == name]
    assert len(found) == 1, f"module-query lists {name!r} {len(found)} times"
    times = (str(found[0]["created"]), str(found[0]["updated"]))
    for stamp in times:
        assert GUEST_TIME.fullmatch(stamp), f"{stamp!r} does not read YYYY-MM-DD HH:MM:SS.ff"
    return times


@step(GUEST_TIMES + " are noted")
def note_guest_times(world: World, noted_dates: dict, name: str, instance: str, who: str) -> None:
    """Notes module-query's created and updated times of the module on the instance."""
    noted_dates[(instance, name)] = _guest_times(world, who, instance, name)


@then(GUEST_TIMES + " keep the created time and show a later updated time")
def guest_times_moved(world: World, noted_dates: dict, name: str, instance: str, who: str) -> None:
    """module-query shows the created time noted before and a later updated time."""
    created, updated = noted_dates[(instance, name)]
    now_created, now_updated = _guest_times(world, who, instance, name)
    assert now_created == created, f"the created time moved from {created} to {now_created}"
    assert now_updated > updated, f"the updated time {now_updated} is not after {updated}"
