"""Steps about what a request answered, hand-made request bodies, time and the simulator's
controls (guest faults, builds)."""

from __future__ import annotations

import datetime as _dt
import json
import re

from pytest_bdd import given, parsers, step, then, when

from .tables import assert_properties
from .targets.base import RawKind
from .wording import CALLER, caller
from .world import World, judges

_RAW_TARGETS = {
    RawKind.MODULE_UPDATE: r'a module update of "(?P<name>[^"]+)"',
    RawKind.REAPPLY: r'a reapply of "(?P<name>[^"]+)"',
    RawKind.MODULE_APPLY: r'a module-apply to "(?P<name>[^"]+)"',
}


# --- what the last request answered ----------------------------------------------------------


@then("the request succeeds")
@judges
def request_succeeds(world: World) -> None:
    assert world.outcome.error is None, f"the request was refused: {world.outcome.error}"


def _refusal(world: World):
    refused = world.outcome.error
    assert refused is not None, f"the request succeeded: {world.outcome.answer}"
    return refused


@then(parsers.re(r'the request is refused with (?P<status>\d{3}) "(?P<message>.*)"'))
@judges
def refused_with(world: World, status: str, message: str) -> None:
    refused = _refusal(world)
    assert (refused.status, world.as_written(refused.message)) == (
        int(status),
        world.expected(message),
    ), f"refused with {refused.status} {refused.message!r}"


@then(parsers.re(r"the request is refused with (?P<status>\d{3}):"))
@judges
def refused_with_long_message(world: World, status: str, docstring: str) -> None:
    refused_with(world, status, docstring.strip())


@then(parsers.re(r"the request is refused with (?P<status>\d{3})"))
@judges
def refused_with_status(world: World, status: str) -> None:
    refused = _refusal(world)
    assert refused.status == int(status), f"refused with {refused.status} {refused.message!r}"


@then(parsers.re(r"the fault is (?P<fault>\w+)"))
@judges
def fault_is(world: World, fault: str) -> None:
    assert _refusal(world).fault == fault, f"the fault is {_refusal(world).fault}"


@then("the answer shows:")
@judges
def answer_shows(world: World, datatable: list[list[str]]) -> None:
    assert world.outcome.error is None, f"the request was refused: {world.outcome.error}"
    assert_properties(world, datatable, world.outcome.answer)


# --- hand-made bodies ------------------------------------------------------------------------


def _raw_request(world: World, request: str) -> tuple[RawKind, str | None]:
    """ "a reapply of "m"" -> the request kind and the id of what it names."""
    for kind in RawKind:
        if request == kind.value:
            return kind, None
        pattern = _RAW_TARGETS.get(kind)
        match = re.fullmatch(pattern, request) if pattern else None
        if match:
            name = match.group("name")
            if kind is RawKind.MODULE_APPLY:
                return kind, world.instance_id(name)
            return kind, world.module_id(name)
    raise ValueError(f"unknown request {request!r}")


@when(parsers.re(CALLER + r" sends (?P<request>.+) with the body:"))
def send_body(world: World, who: str, request: str, docstring: str) -> None:
    kind, target_id = _raw_request(world, request)
    body = json.loads(world.expected(docstring))
    world.attempt(lambda: world.target.send(caller(who), kind, body, target_id))


# --- time ------------------------------------------------------------------------------------


@step("some time passes")
def some_time_passes(world: World) -> None:
    if world.target.controls is not None:
        world.target.move_on()
        return
    with world.ledger.waiting():  # real time: the endpoint's timestamps must move on
        world.target.move_on()


@step(parsers.re(r"(?P<amount>\d+|a) (?P<unit>second|minute)s? pass(?:es)?"))
def time_passes(world: World, amount: str, unit: str) -> None:
    seconds = (1 if amount == "a" else int(amount)) * (60 if unit == "minute" else 1)
    world.controls.let_time_pass(seconds)


@step(parsers.re(r"the clock reads (?P<when>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)"))
def clock_reads(world: World, when: str) -> None:
    world.time_offset = world.controls.clock_reads(_dt.datetime.fromisoformat(when))


# --- the simulator's controls ----------------------------------------------------------------

GUEST = r'the guest of "(?P<instance>[^"]+)" '


@given(parsers.re(GUEST + r'fails with "(?P<message>[^"]+)"'))
def guest_fails(world: World, instance: str, message: str) -> None:
    world.controls.inject_guest_fault(world.instance_id(instance), "error", message)


@given(parsers.re(GUEST + r"does not answer"))
def guest_silent(world: World, instance: str) -> None:
    world.controls.inject_guest_fault(world.instance_id(instance), "timeout", None)


@given(parsers.re(GUEST + r"works again"))
def guest_recovers(world: World, instance: str) -> None:
    world.controls.clear_guest_fault(world.instance_id(instance))


@given("the next instance build fails")
def next_build_fails(world: World) -> None:
    world.controls.fail_next_builds(1)


@given(parsers.re(r"instance builds take (?P<seconds>\d+) seconds"))
def builds_take(world: World, seconds: str) -> None:
    world.controls.set_build_seconds(float(seconds))
