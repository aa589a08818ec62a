"""module-reapply (behaviour §12; differences #23, #24): selection, batches on the virtual clock,
bounds, kept results, faulty guests."""

from __future__ import annotations

import datetime as dt
import time

import pytest

V1 = "7f700cc7b99606615f8b51946f6d3228"
V2 = "ba7c204979c8de54be6efb70a17d40b9"
T0 = dt.datetime(2017, 6, 2, 18, 0, 0)


def fleet(world, ctx, count: int, **module_fields) -> tuple[dict, list[dict]]:
    """A live-update module applied at V1 to ``count`` instances, then updated to V2."""
    mod = world.module(ctx, live_update=1, **module_fields)
    instances = [world.instance(ctx, f"i{n}", modules=[mod]) for n in range(count)]
    world.update_text(ctx, mod, "message=Module.V2\n")
    world.at(T0)
    return mod, instances


def current(world, module: dict) -> int:
    rows = world.sim.module_instance_count(world.admin, module["id"], include_clustered=True)
    return sum(r["instance_count"] for r in rows if r["current"])


def mod_md5(world, module: dict) -> str:
    return world.sim.show_module(world.alice, module["id"])["md5"]


def last_run(world, ctx, module: dict) -> dict:
    return world.sim.reapply_runs(ctx, module["id"])[-1]


@pytest.fixture
def no_sleeping(monkeypatch):
    def refuse(seconds: float) -> None:
        raise AssertionError(f"real sleep of {seconds}s on a virtual clock")

    monkeypatch.setattr(time, "sleep", refuse)


def test_reapply_brings_older_md5_instances_to_the_current_md5(world):
    mod, _ = fleet(world, world.alice, 3)
    world.reapply(world.alice, mod)
    assert world.counts(world.alice, mod) == [(V2, True, 3)]


def test_reapply_skips_instances_already_at_the_current_md5(world):
    mod, _ = fleet(world, world.alice, 2)
    world.instance(world.alice, "current", modules=[mod])
    world.reapply(world.alice, mod)
    run = last_run(world, world.alice, mod)
    assert (run["applied"], run["skipped"], run["failed"]) == (2, 1, 0)


def test_reapply_with_md5_filter_touches_only_that_md5(world):
    mod, _ = fleet(world, world.alice, 2)
    world.update_text(world.alice, mod, "message=Module.V3\n")
    world.instance(world.alice, "at-v3", modules=[mod])
    world.update_text(world.alice, mod, "message=Module.V4\n")
    world.reapply(world.alice, mod, md5="869744bdd18e306a96c145df562065ab")
    assert world.counts(world.alice, mod) == [(V1, False, 2), (mod_md5(world, mod), True, 1)]


def test_reapply_with_the_current_md5_and_no_force_does_nothing(world):
    mod = world.module(world.alice)
    world.instance(world.alice, modules=[mod])
    (before,) = world.records()
    world.at(T0)
    world.reapply(world.alice, mod, md5=V1)
    assert world.records() == [before]
    run = last_run(world, world.alice, mod)
    assert (run["applied"], run["skipped"], run["status"]) == (0, 1, "COMPLETE")


def test_reapply_with_force_reapplies_current_instances_and_moves_only_updated(world):
    mod = world.module(world.alice)
    world.instance(world.alice, modules=[mod])
    (before,) = world.records()
    world.at(T0)
    world.reapply(world.alice, mod, md5=V1, force=1)
    (after,) = world.records()
    assert (after["id"], after["created"], after["md5"]) == (
        before["id"],
        before["created"],
        V1,
    )
    assert after["updated"] == "2017-06-02T18:00:00"


def test_reapply_leaves_cluster_members_unless_include_clustered(world):
    mod = world.module(world.alice, live_update=1)
    world.cluster(world.alice, members=[[mod], [mod]])
    world.instance(world.alice, modules=[mod])
    world.update_text(world.alice, mod, "message=Module.V2\n")
    world.reapply(world.alice, mod)
    assert current(world, mod) == 1
    world.reapply(world.alice, mod, include_clustered=1)
    assert current(world, mod) == 3


def test_reapply_batch_k_is_applied_at_k_times_delay(world):
    mod, _ = fleet(world, world.admin, 7)
    world.reapply(world.admin, mod, batch_size=3, batch_delay=10)
    assert current(world, mod) == 3
    world.sim.advance_clock(9)
    assert current(world, mod) == 3
    world.sim.advance_clock(1)
    assert current(world, mod) == 6
    world.sim.advance_clock(10)
    assert current(world, mod) == 7
    (row,) = world.sim.module_instance_count(world.admin, mod["id"])
    assert (row["min_updated_date"], row["max_updated_date"]) == (
        "2017-06-02T18:00:00",
        "2017-06-02T18:00:20",
    )


def test_reapply_waits_only_between_full_batches(world):
    mod, _ = fleet(world, world.admin, 4)
    world.reapply(world.admin, mod, batch_size=2, batch_delay=30)
    world.sim.run_until_idle()
    run = last_run(world, world.admin, mod)
    assert run["finished"] == "2017-06-02T18:00:30"
    assert world.sim.now() == dt.datetime(2017, 6, 2, 18, 0, 30)


def test_reapply_delays_cost_no_real_sleep_on_a_virtual_clock(world, no_sleeping):
    mod, _ = fleet(world, world.admin, 5)
    world.reapply(world.admin, mod, batch_size=1, batch_delay=3600)
    world.sim.run_until_idle()
    assert current(world, mod) == 5
    assert world.sim.now() == T0 + dt.timedelta(hours=4)


def test_reapply_defaults_are_batch_size_50_and_delay_2(world):
    mod, _ = fleet(world, world.admin, 51)
    run = world.reapply(world.admin, mod)
    assert (run["batch_size"], run["batch_delay"]) == (50, 2)
    assert current(world, mod) == 50
    world.sim.advance_clock(2)
    assert current(world, mod) == 51


def test_reapply_zero_batch_values_fall_back_to_the_defaults(world):
    mod, _ = fleet(world, world.admin, 1)
    run = world.reapply(world.admin, mod, batch_size=0, batch_delay=0)
    assert (run["batch_size"], run["batch_delay"]) == (50, 2)


def test_non_admin_batch_size_is_capped_at_50_and_delay_floored_at_2(world):
    mod, _ = fleet(world, world.alice, 60)
    run = world.reapply(world.alice, mod, batch_size=100, batch_delay=1)
    assert (run["batch_size"], run["batch_delay"]) == (50, 2)
    assert current(world, mod) == 50
    world.sim.advance_clock(1)
    assert current(world, mod) == 50
    world.sim.advance_clock(1)
    assert current(world, mod) == 60


def test_admin_batch_values_are_not_bounded(world):
    mod, _ = fleet(world, world.admin, 60)
    run = world.reapply(world.admin, mod, batch_size=100, batch_delay=1)
    assert (run["batch_size"], run["batch_delay"]) == (100, 1)
    assert current(world, mod) == 60


def test_reapply_result_is_kept_running_then_complete(world):
    mod, _ = fleet(world, world.admin, 3)
    answer = world.reapply(world.admin, mod, batch_size=1, batch_delay=5)
    assert answer["target_md5"] == V2
    run = last_run(world, world.admin, mod)
    assert (run["status"], run["applied"], run["pending"], run["finished"]) == (
        "RUNNING",
        1,
        2,
        None,
    )
    world.sim.advance_clock(10)
    run = last_run(world, world.admin, mod)
    assert (run["status"], run["applied"], run["skipped"], run["failed"], run["pending"]) == (
        "COMPLETE",
        3,
        0,
        0,
        0,
    )
    assert (run["started"], run["finished"]) == ("2017-06-02T18:00:00", "2017-06-02T18:00:10")


def test_each_reapply_run_is_kept_separately(world):
    mod, _ = fleet(world, world.admin, 2)
    world.reapply(world.admin, mod)
    world.reapply(world.admin, mod, force=1)
    runs = world.sim.reapply_runs(world.admin, mod["id"])
    assert [(r["applied"], r["skipped"], r["force"]) for r in runs] == [(2, 0, False), (2, 0, True)]


def test_faulty_guest_keeps_its_old_record_and_the_run_goes_on(world):
    mod, instances = fleet(world, world.admin, 3)
    broken = instances[1]
    world.sim.inject_guest_fault(broken["id"], "error", "disk full")
    world.reapply(world.admin, mod, batch_size=1, batch_delay=2)
    world.sim.run_until_idle()
    run = last_run(world, world.admin, mod)
    assert (run["applied"], run["failed"], run["status"]) == (2, 1, "COMPLETE")
    assert run["failures"] == [
        {
            "instance_id": broken["id"],
            "message": "An error occurred communicating with the guest: disk full.",
        }
    ]
    by_instance = {r["instance_id"]: r["md5"] for r in world.records()}
    assert by_instance[broken["id"]] == V1
    assert [by_instance[i["id"]] for i in (instances[0], instances[2])] == [V2, V2]


def test_timed_out_guest_is_counted_failed(world):
    mod, instances = fleet(world, world.admin, 2)
    world.sim.inject_guest_fault(instances[0]["id"], "timeout")
    world.reapply(world.admin, mod)
    run = last_run(world, world.admin, mod)
    assert (run["applied"], run["failed"]) == (1, 1)
    assert run["failures"][0]["message"] == "Timeout trying to connect to the Guest Agent."


def test_non_admin_reapplies_only_to_its_own_tenants_instances(world):
    shared = world.module(world.admin, all_tenants=1, live_update=1)
    mine = world.instance(world.alice, "mine", modules=[shared])
    theirs = world.instance(world.bob, "theirs", modules=[shared])
    world.update_text(world.admin, shared, "message=Module.V2\n")
    world.reapply(world.alice, shared)
    by_instance = {r["instance_id"]: r["md5"] for r in world.records()}
    assert (by_instance[mine["id"]], by_instance[theirs["id"]]) == (V2, V1)
    run = last_run(world, world.alice, shared)
    assert (run["applied"], run["failed"]) == (1, 0)


def test_a_tenant_sees_only_its_own_reapply_runs(world):
    shared = world.module(world.admin, all_tenants=1, live_update=1)
    world.instance(world.alice, modules=[shared])
    world.reapply(world.alice, shared)
    world.reapply(world.bob, shared)
    world.reapply(world.admin, shared)
    assert len(world.sim.reapply_runs(world.alice, shared["id"])) == 1
    assert len(world.sim.reapply_runs(world.bob, shared["id"])) == 1
    assert len(world.sim.reapply_runs(world.admin, shared["id"])) == 3


def test_reapply_skips_instances_of_a_datastore_the_module_no_longer_fits(world):
    mod = world.module(world.alice, live_update=1)
    on_mysql = world.instance(world.alice, "m", modules=[mod], datastore="mysql")
    world.instance(world.alice, "r", modules=[mod], datastore="redis")
    world.update(world.alice, mod, datastore={"type": "mysql"})
    world.reapply(world.alice, mod, force=1)
    run = last_run(world, world.alice, mod)
    assert (run["applied"], run["skipped"]) == (1, 1)
    assert run["failures"] == []
    assert on_mysql["id"] in {r["instance_id"] for r in world.records() if r["md5"] == mod["md5"]}


def test_reapply_skips_an_instance_deleted_before_its_batch(world):
    mod, instances = fleet(world, world.admin, 2)
    world.reapply(world.admin, mod, batch_size=1, batch_delay=10)
    world.sim.delete_instance(world.admin, instances[1]["id"])
    world.sim.run_until_idle()
    run = last_run(world, world.admin, mod)
    assert (run["applied"], run["skipped"], run["failed"], run["status"]) == (1, 1, 0, "COMPLETE")


def test_reapply_of_an_unknown_module_is_404(world, refused):
    missing = "11111111-2222-3333-4444-555555555555"
    refused(
        lambda: world.sim.reapply_module(world.alice, missing, {"reapply": {}}),
        404,
        f"Module with ID {missing} could not be found.",
    )


def test_reapply_of_a_module_without_records_completes_at_once(world):
    mod = world.module(world.alice)
    run = world.reapply(world.alice, mod)
    assert (run["status"], run["applied"], run["finished"]) == ("COMPLETE", 0, run["started"])
