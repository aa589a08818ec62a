"""Time as a dependency (issue item 3): the event queue, the virtual clock, and freezegun driving a
simulator on the real clock."""

from __future__ import annotations

import datetime as dt

import pytest
from freezegun import freeze_time
from sim_world import GUIDE_START, World, b64
from trovesim.simulator import RealClock, Simulator, TroveError, VirtualClock
from trovesim.simulator.events import EventQueue

BACKWARDS = "The clock cannot be moved backwards."


def mod_md5(world: World, module: dict) -> str:
    return world.sim.show_module(world.admin, module["id"])["md5"]


def test_event_queue_runs_same_instant_events_in_scheduling_order():
    queue, ran = EventQueue(), []
    for name in ("first", "second", "third"):
        queue.schedule(GUIDE_START, lambda when, n=name: ran.append(n))
    queue.drain(GUIDE_START)
    assert ran == ["first", "second", "third"]


def test_event_queue_runs_events_in_time_order_not_scheduling_order():
    queue, ran = EventQueue(), []
    later = GUIDE_START + dt.timedelta(seconds=5)
    queue.schedule(later, lambda when: ran.append(("late", when)))
    queue.schedule(GUIDE_START, lambda when: ran.append(("early", when)))
    queue.drain(later)
    assert ran == [("early", GUIDE_START), ("late", later)]


def test_event_queue_runs_only_events_that_are_due():
    queue, ran = EventQueue(), []
    due = GUIDE_START + dt.timedelta(seconds=10)
    queue.schedule(due, lambda when: ran.append(when))
    queue.drain(due - dt.timedelta(microseconds=1))
    assert (ran, len(queue), queue.next_due()) == ([], 1, due)
    queue.drain(due)
    assert (ran, len(queue), queue.next_due()) == ([due], 0, None)


def test_virtual_clock_stands_still_until_moved():
    clock = VirtualClock(dt.datetime(2017, 6, 2, 17, 6, 21, 999))
    assert clock.now() == clock.now() == dt.datetime(2017, 6, 2, 17, 6, 21)
    assert clock.advance(1.5) == dt.datetime(2017, 6, 2, 17, 6, 22, 500000)


def test_virtual_clock_never_moves_backwards(world, refused):
    refused(lambda: world.sim.advance_clock(-1), 400, BACKWARDS)
    refused(lambda: world.sim.set_clock(GUIDE_START - dt.timedelta(seconds=1)), 400, BACKWARDS)


def test_a_real_clock_cannot_be_moved_by_the_simulator():
    sim = Simulator(clock=RealClock())
    with pytest.raises(TroveError) as caught:
        sim.advance_clock(1)
    assert (caught.value.status, caught.value.message) == (
        400,
        "The simulator runs on a real clock; it cannot be moved.",
    )


def test_advancing_runs_each_event_at_its_own_due_time(world):
    world.sim.set_build_seconds(60)
    slow = world.instance(world.alice, "slow")
    world.sim.set_build_seconds(10)
    quick = world.instance(world.alice, "quick")
    world.sim.advance_clock(100)
    shown = {i["name"]: world.sim.show_instance(world.alice, i["id"]) for i in (slow, quick)}
    assert (shown["quick"]["status"], shown["quick"]["updated"]) == (
        "ACTIVE",
        "2017-06-02T17:06:31",
    )
    assert (shown["slow"]["status"], shown["slow"]["updated"]) == ("ACTIVE", "2017-06-02T17:07:21")
    assert world.sim.now() == GUIDE_START + dt.timedelta(seconds=100)


def test_run_until_idle_stops_at_the_last_event(world):
    world.sim.set_build_seconds(45)
    inst = world.instance(world.alice)
    world.sim.run_until_idle()
    assert world.sim.now() == GUIDE_START + dt.timedelta(seconds=45)
    assert world.sim.show_instance(world.alice, inst["id"])["status"] == "ACTIVE"
    assert world.sim.export_state()["pending_events"] == 0


def test_export_state_reports_the_clock_and_pending_work(world):
    world.sim.set_build_seconds(45)
    world.instance(world.alice)
    state = world.sim.export_state()
    assert state["clock"] == {"kind": "virtual", "now": "2017-06-02T17:06:21"}
    assert state["pending_events"] == 1


def test_freezegun_pins_the_time_of_a_real_clock_simulator():
    with freeze_time("2017-06-02 17:06:21.730000"):
        world = World(Simulator())
        mod = world.module(world.alice)
        assert mod["created"] == mod["updated"] == "2017-06-02T17:06:21"
        inst = world.instance(world.alice, modules=[mod])
        (result,) = world.query(world.alice, inst)
        assert result["created"] == "2017-06-02 17:06:21.73"


def test_freezegun_ticking_finishes_builds_on_a_real_clock_simulator():
    with freeze_time("2017-06-02 17:22:24") as frozen:
        world = World(Simulator(build_seconds=30))
        inst = world.instance(world.alice)
        frozen.tick(29)
        assert world.sim.show_instance(world.alice, inst["id"])["status"] == "BUILD"
        frozen.tick(1)
        shown = world.sim.show_instance(world.alice, inst["id"])
        assert (shown["status"], shown["updated"]) == ("ACTIVE", "2017-06-02T17:22:54")


def test_freezegun_ticking_runs_reapply_batches_on_a_real_clock_simulator():
    with freeze_time("2017-06-02 18:44:04") as frozen:
        world = World(Simulator())
        mod = world.module(world.admin, live_update=1)
        for n in range(3):
            world.instance(world.admin, f"i{n}", modules=[mod])
        world.update(world.admin, mod, contents=b64("message=Module.V2\n"))
        world.reapply(world.admin, mod, batch_size=1, batch_delay=3)
        assert world.counts(world.admin, mod)[-1][1:] == (True, 1)
        frozen.tick(3)
        assert world.counts(world.admin, mod)[-1][1:] == (True, 2)
        frozen.tick(3)
        assert world.counts(world.admin, mod) == [(mod_md5(world, mod), True, 3)]
        (row,) = world.sim.module_instance_count(world.admin, mod["id"])
        assert row["max_updated_date"] == "2017-06-02T18:44:10"


TEN_YEARS = 10 * 366 * 24 * 3600


def test_one_clock_move_or_build_is_a_number_of_seconds_up_to_ten_years(world, refused):
    refused(
        lambda: world.sim.advance_clock(TEN_YEARS + 1),
        400,
        f"The clock moves at most {TEN_YEARS} seconds (10 years) at a time.",
    )
    refused(
        lambda: world.sim.set_build_seconds(TEN_YEARS + 1),
        400,
        f"A build takes at most {TEN_YEARS} seconds (10 years).",
    )
    refused(
        lambda: world.sim.set_build_seconds(float("nan")), 400, "A build takes a number of seconds."
    )
    assert world.sim.now() == GUIDE_START
    world.sim.set_build_seconds(TEN_YEARS)
    assert world.sim.advance_clock(TEN_YEARS) == GUIDE_START + dt.timedelta(seconds=TEN_YEARS)


def test_setting_the_clock_and_running_until_idle_may_go_further_than_one_move(world):
    far = GUIDE_START + dt.timedelta(days=20 * 366)
    assert world.sim.set_clock(far) == far
    module = world.module(world.admin, live_update=1)
    world.instance(world.admin, "one", modules=[module])
    world.instance(world.admin, "two", modules=[module])
    world.update_text(world.admin, module, "message=Module.V2\n")
    world.reapply(world.admin, module, batch_size=1, batch_delay=TEN_YEARS * 2)
    assert world.sim.run_until_idle() == far + dt.timedelta(seconds=TEN_YEARS * 2)
    (run,) = world.sim.reapply_runs(world.admin, module["id"])
    assert (run["status"], run["applied"]) == ("COMPLETE", 2)
