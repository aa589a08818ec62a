"""Steps of the throwaway suite (run as test_suite.py). Environment variables pick the target:
DEMO_TARGET=simulator|remote (remote orders ties like upstream Trove), DEMO_BROKEN=1 (apply
order ignored, store down, set-up refused; a remote one does not answer), DEMO_LIMITED=1 (the
target cannot reapply, nor build clusters), DEMO_FEATURES (the feature files to bind, default
all of features/)."""

import os
import re
from datetime import UTC, datetime

import pytest
from pytest_bdd import given, parsers, scenarios, then, when
from tabulate import tabulate

from trovesim.suite import NOT_APPLICABLE, CouldNotJudge

scenarios(os.environ.get("DEMO_FEATURES", "features"))


class TargetUnreachable(CouldNotJudge):
    """What a transport failure looks like to the reports: the question was never answered."""


def _order(name: str) -> int:
    return int(name.rstrip("ab"))


@pytest.fixture
def world() -> dict:
    return {"clock": 0, "applied": 1}


@given("a fresh target")
def fresh_target(world: dict) -> None:
    world.clear()
    world.update(clock=0, applied=1)


@given(parsers.parse('modules ordered "{orders}"'))
def modules_ordered(world: dict, orders: str) -> None:
    world["modules"] = [name.strip() for name in orders.split(",")]


@when("they are applied")
def apply(world: dict) -> None:
    modules = world["modules"]
    if os.environ.get("DEMO_BROKEN"):
        world["applied_order"] = list(modules)
    elif os.environ.get("DEMO_TARGET") == "remote" or world.get("upstream_ties"):
        world["applied_order"] = sorted(reversed(modules), key=_order)
    else:
        world["applied_order"] = sorted(modules, key=_order)


@then(parsers.parse('they apply as "{expected}"'))
def applied_as(world: dict, expected: str) -> None:
    assert ", ".join(world["applied_order"]) == expected


@given(parsers.parse("the clock reads {seconds:d} seconds"))
def clock_set(world: dict, seconds: int) -> None:
    world["clock"] = seconds


@then(parsers.parse("the clock reads {seconds:d} seconds"))
def clock_reads(world: dict, seconds: int) -> None:
    assert world["clock"] == seconds


@when(parsers.parse("the clock advances {seconds:d} seconds"))
def clock_advances(world: dict, seconds: int) -> None:
    world["clock"] += seconds


@then(parsers.parse('the guest timestamp is "{expected}"'))
def guest_timestamp(world: dict, expected: str) -> None:
    stamp = datetime.fromtimestamp(world["clock"], UTC).strftime("%Y-%m-%d %H:%M:%S.%f")[:-4]
    assert stamp == expected


@then(parsers.parse('a guest timestamp looks like "{example}"'))
def timestamp_shape(example: str) -> None:
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d\d", example)


@given("the target can reapply")
def can_reapply() -> None:
    if os.environ.get("DEMO_LIMITED"):
        pytest.skip("target cannot reapply")


@when("the module is reapplied")
def reapply(world: dict) -> None:
    world["applied"] += 1


@then(parsers.parse("the module was applied {times:d} times"))
def applied_times(world: dict, times: int) -> None:
    assert world["applied"] == times


@then("the store is reachable")
def store_reachable(module_store: str) -> None:
    assert module_store == "reachable"


@then(parsers.parse("{count:d} modules were applied"))
def applied_count(world: dict, count: int) -> None:
    assert len(world["applied_order"]) == count


@given("the target breaks ties like upstream")
def upstream_ties(world: dict) -> None:
    if os.environ.get("DEMO_BROKEN"):
        raise AssertionError("tie-breaking switch refused: 501 Not Implemented")
    world["upstream_ties"] = True


@when("the target is asked for its modules")
def list_modules(world: dict) -> None:
    if os.environ.get("DEMO_BROKEN") and os.environ.get("DEMO_TARGET") == "remote":
        raise TargetUnreachable("GET /modules: connection refused (http://trove.example:8779)")
    listed = [["ping\tpong", "ping"]] if os.environ.get("DEMO_BROKEN") else [["ping", "ping"]]
    world["listed"] = listed


@then("the modules are listed as:")
def modules_listed(world: dict, datatable: list[list[str]]) -> None:
    """Fails the way the real suite's table checks do: both tables, as the trove CLI prints them."""
    header, *expected = datatable
    if world["listed"] != expected:
        raise AssertionError(
            "expected:\n"
            + tabulate(expected, headers=header, tablefmt="psql")
            + "\nbut got:\n"
            + tabulate(world["listed"], headers=header, tablefmt="psql")
        )


@given("the target can build clusters")
def can_build_clusters() -> None:
    if os.environ.get("DEMO_LIMITED"):
        pytest.skip(f"{NOT_APPLICABLE}the target cannot build clusters")


@given("a seeded module store")
def seeded_store(world: dict) -> None:
    if os.environ.get("DEMO_BROKEN"):
        raise AssertionError("seeding refused: 400 Resource 15 cannot be found.")
    world["store"] = ["ping", "pong"]


@then(parsers.parse("the store holds {count:d} modules"))
def store_holds(world: dict, count: int) -> None:
    assert len(world["store"]) == count


if not os.environ.get("DEMO_BROKEN"):  # a broken suite lacks this step's definition

    @then("the order is logged")
    def order_logged(world: dict) -> None:
        assert world["modules"]
