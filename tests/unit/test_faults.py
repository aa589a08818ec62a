"""Fault injection (docs/behaviour.md §0.2): guests that fail or time out answer Trove's 400s."""

from __future__ import annotations

import pytest
from sim_world import GUIDE_START, World
from trovesim.simulator import Simulator, VirtualClock

TIMEOUT = "Timeout trying to connect to the Guest Agent."


def test_guest_error_on_apply_is_a_400_with_the_upstream_message(world, refused):
    mod = world.module(world.alice)
    inst = world.instance(world.alice)
    world.sim.inject_guest_fault(inst["id"], "error", "No space left on device")
    refused(
        lambda: world.apply(world.alice, inst, mod),
        400,
        "An error occurred communicating with the guest: No space left on device.",
    )


def test_guest_timeout_on_apply_is_a_400_with_the_upstream_message(world, refused):
    mod = world.module(world.alice)
    inst = world.instance(world.alice)
    world.sim.inject_guest_fault(inst["id"], "timeout")
    refused(lambda: world.apply(world.alice, inst, mod), 400, TIMEOUT)


def test_faulty_guest_fails_module_query_and_remove_too(world, refused):
    mod = world.module(world.alice)
    inst = world.instance(world.alice, modules=[mod])
    world.sim.inject_guest_fault(inst["id"], "timeout")
    refused(lambda: world.query(world.alice, inst), 400, TIMEOUT)
    refused(lambda: world.sim.remove_module(world.alice, inst["id"], mod["id"]), 400, TIMEOUT)
    assert len(world.records()) == 1


def test_a_fault_affects_only_its_own_instance(world):
    mod = world.module(world.alice)
    broken = world.instance(world.alice, "broken")
    fine = world.instance(world.alice, "fine")
    world.sim.inject_guest_fault(broken["id"], "error")
    assert [r["status"] for r in world.apply(world.alice, fine, mod)] == ["OK"]


def test_clearing_faults_brings_the_guest_back(world):
    mod = world.module(world.alice)
    inst = world.instance(world.alice)
    world.sim.inject_guest_fault(inst["id"], "error")
    world.sim.clear_guest_faults(inst["id"])
    assert [r["status"] for r in world.apply(world.alice, inst, mod)] == ["OK"]


def test_clearing_all_faults_at_once(world):
    first = world.instance(world.alice, "first")
    second = world.instance(world.alice, "second")
    for inst in (first, second):
        world.sim.inject_guest_fault(inst["id"], "timeout")
    world.sim.clear_guest_faults()
    assert world.query(world.alice, first) == world.query(world.alice, second) == []


def test_fault_on_an_unknown_instance_is_404(world, refused):
    missing = "11111111-2222-3333-4444-555555555555"
    refused(
        lambda: world.sim.inject_guest_fault(missing, "error"),
        404,
        f"Resource {missing} cannot be found.",
    )


def test_unknown_fault_kind_is_400(world, refused):
    inst = world.instance(world.alice)
    refused(
        lambda: world.sim.inject_guest_fault(inst["id"], "melt"),
        400,
        "Unknown guest fault 'melt'; use error or timeout.",
    )


@pytest.mark.parametrize("kind", ["error", "timeout"])
def test_a_faulty_guest_during_build_does_not_break_the_instance_or_other_requests(kind):
    """Upstream: modules applied at prepare that fail are only logged; the instance goes ACTIVE."""
    world = World(Simulator(clock=VirtualClock(GUIDE_START), build_seconds=30))
    mod = world.module(world.alice)
    inst = world.instance(world.alice, modules=[mod])
    world.sim.inject_guest_fault(inst["id"], kind)
    world.sim.advance_clock(30)
    assert world.sim.show_instance(world.alice, inst["id"])["status"] == "ACTIVE"
    assert world.sim.list_modules(world.bob) == []


def test_fail_next_builds_counts_down(world):
    world.sim.fail_next_builds(2)
    statuses = [
        world.sim.show_instance(world.alice, world.instance(world.alice, f"i{n}")["id"])["status"]
        for n in range(3)
    ]
    assert statuses == ["ERROR", "ERROR", "ACTIVE"]


@pytest.mark.parametrize("message", ["", "x" * 256])
def test_a_fault_message_has_1_to_255_characters(world, refused, message):
    inst = world.instance(world.alice)
    refused(
        lambda: world.sim.inject_guest_fault(inst["id"], "error", message),
        400,
        "A guest fault's message has 1 to 255 characters.",
    )
    world.sim.inject_guest_fault(inst["id"], "error", "x" * 255)
