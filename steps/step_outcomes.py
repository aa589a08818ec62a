"""Steps about what a request answered, hand-made request bodies, time and the simulator's
controls (guest faults, builds)."""

from __future__ import annotations

import datetime as _dt
import json
import re

from .phrases import CONTROLS, given, step, then, when
from .tables import assert_properties
from .targets.base import RawKind
from .wording import caller
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
    """The last When step's request was answered, not refused."""
    assert world.outcome.error is None, f"the request was refused: {world.outcome.error}"


def refusal(world: World):
    """The last request's refusal; a request that succeeded fails the step."""
    refused = world.outcome.error
    assert refused is not None, f"the request succeeded: {world.outcome.answer}"
    return refused


@then('the request is refused with {code} "{message}"')
@judges
def refused_with(world: World, code: str, message: str) -> None:
    """The last request was refused with this status and exactly this message."""
    refused = refusal(world)
    assert (refused.status, world.as_written(refused.message)) == (
        int(code),
        world.expected(message),
    ), f"refused with {refused.status} {refused.message!r}"


@then("the request is refused with {code}:")
@judges
def refused_with_long_message(world: World, code: str, docstring: str) -> None:
    """The same, with the message in a doc string below the step."""
    refused_with(world, code, docstring.strip())


@then("the request is refused with {code}")
@judges
def refused_with_status(world: World, code: str) -> None:
    """The last request was refused with this status, whatever the message."""
    refused = refusal(world)
    assert refused.status == int(code), f"refused with {refused.status} {refused.message!r}"


@then("the fault is {fault}")
@judges
def fault_is(world: World, fault: str) -> None:
    """The refusal's fault name (the key of Trove's error body)."""
    assert refusal(world).fault == fault, f"the fault is {refusal(world).fault}"


@then("the answer shows:")
@judges
def answer_shows(world: World, datatable: list[list[str]]) -> None:
    """The last request's answer has these properties (property | value)."""
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


@when("{who} sends {request} with the body:")
def send_body(world: World, who: str, request: str, docstring: str) -> None:
    """A request whose JSON body is the doc string below the step, sent as written."""
    kind, target_id = _raw_request(world, request)
    body = json.loads(world.expected(docstring))
    world.attempt(lambda: world.target.send(caller(who), kind, body, target_id))


# --- time ------------------------------------------------------------------------------------


@step("some time passes")
def some_time_passes(world: World) -> None:
    """Enough time for the next timestamps to differ (a second; moved, or waited for)."""
    if world.target.controls is not None:
        world.target.move_on()
        return
    with world.ledger.waiting():  # real time: the endpoint's timestamps must move on
        world.target.move_on()


@step("{amount} {unit} pass[es]", needs=CONTROLS)
def time_passes(world: World, amount: str, unit: str) -> None:
    """The simulator's clock moves on: due reapply batches and builds run."""
    seconds = (1 if amount == "a" else int(amount)) * (60 if unit.startswith("minute") else 1)
    world.controls.let_time_pass(seconds)


@step("the clock reads {when}", needs=CONTROLS)
def clock_reads(world: World, when: str) -> None:
    """The scenario's clock is set to this time (expected times are read on it)."""
    world.time_offset = world.controls.clock_reads(_dt.datetime.fromisoformat(when))


# --- the simulator's controls ----------------------------------------------------------------


@given('the guest of "{instance}" fails with "{message}"', needs=CONTROLS)
def guest_fails(world: World, instance: str, message: str) -> None:
    """The instance's guest answers every apply with this error."""
    world.controls.inject_guest_fault(world.instance_id(instance), "error", message)


@given('the guest of "{instance}" does not answer', needs=CONTROLS)
def guest_silent(world: World, instance: str) -> None:
    """The instance's guest times out."""
    world.controls.inject_guest_fault(world.instance_id(instance), "timeout", None)


@given('the guest of "{instance}" works again', needs=CONTROLS)
def guest_recovers(world: World, instance: str) -> None:
    """The instance's guest fault is cleared."""
    world.controls.clear_guest_fault(world.instance_id(instance))


@given("the next instance build fails", needs=CONTROLS)
def next_build_fails(world: World) -> None:
    """The next instance to be built ends in ERROR."""
    world.controls.fail_next_builds(1)


@given("instance builds take {seconds} seconds", needs=CONTROLS)
def builds_take(world: World, seconds: str) -> None:
    """New instances stay BUILD this long (on the simulator's clock)."""
    world.controls.set_build_seconds(float(seconds))
