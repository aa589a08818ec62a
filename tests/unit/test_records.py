"""Instance-module records (behaviour §10; differences #22): at most one live row per pair;
same-md5 re-apply touches it, a new md5 replaces it."""

from __future__ import annotations

import collections
import datetime as dt


def live_pairs(world) -> collections.Counter:
    return collections.Counter((r["instance_id"], r["module_id"]) for r in world.records())


def test_records_keep_one_live_row_per_instance_and_module(world):
    mod = world.module(world.alice, live_update=1)
    inst = world.instance(world.alice, modules=[mod])
    for version in range(2, 5):
        world.apply(world.alice, inst, mod)
        world.update_text(world.alice, mod, f"message=Module.V{version}\n")
        world.apply(world.alice, inst, mod)
    assert live_pairs(world) == {(inst["id"], mod["id"]): 1}


def test_same_md5_reapply_bumps_updated_and_keeps_created_and_id(world):
    mod = world.module(world.alice)
    inst = world.instance(world.alice, modules=[mod])
    (before,) = world.records()
    world.at(dt.datetime(2017, 6, 2, 18, 0, 0))
    world.apply(world.alice, inst, mod)
    (after,) = world.records()
    assert after["id"] == before["id"]
    assert after["created"] == before["created"] == "2017-06-02T17:06:21"
    assert after["updated"] == "2017-06-02T18:00:00"


def test_new_md5_apply_retires_the_old_row_and_starts_a_new_one(world):
    mod = world.module(world.alice, live_update=1)
    inst = world.instance(world.alice, modules=[mod])
    (old,) = world.records()
    world.at(dt.datetime(2017, 6, 2, 18, 0, 0))
    world.update_text(world.alice, mod, "message=Module.V2\n")
    world.apply(world.alice, inst, mod)
    (new,) = world.records()
    assert new["id"] != old["id"]
    assert (new["md5"], new["created"]) == (
        "ba7c204979c8de54be6efb70a17d40b9",
        "2017-06-02T18:00:00",
    )
    (retired,) = world.sim.export_state()["retired_records"]
    assert (retired["id"], retired["md5"]) == (old["id"], old["md5"])
    assert retired["deleted_at"] == "2017-06-02T18:00:00"


def test_records_store_the_md5_at_the_time_of_applying(world):
    mod = world.module(world.alice, live_update=1)
    world.instance(world.alice, "old", modules=[mod])
    world.update_text(world.alice, mod, "message=Module.V2\n")
    world.instance(world.alice, "new", modules=[mod])
    assert sorted(r["md5"] for r in world.records()) == [
        "7f700cc7b99606615f8b51946f6d3228",
        "ba7c204979c8de54be6efb70a17d40b9",
    ]


def test_remove_retires_the_pairs_record_and_a_later_apply_starts_fresh(world):
    mod = world.module(world.alice)
    inst = world.instance(world.alice, modules=[mod])
    (first,) = world.records()
    world.sim.remove_module(world.alice, inst["id"], mod["id"])
    world.at(dt.datetime(2017, 6, 2, 19, 0, 0))
    world.apply(world.alice, inst, mod)
    (second,) = world.records()
    assert second["id"] != first["id"]
    assert second["created"] == "2017-06-02T19:00:00"


def test_module_delete_leaves_records_alone(world):
    mod = world.module(world.alice, live_update=1)
    world.instance(world.alice, modules=[mod])
    world.sim.delete_module(world.alice, mod["id"])
    assert len(world.records()) == 1


def test_failed_guest_apply_writes_no_record(world, refused):
    mod = world.module(world.alice)
    inst = world.instance(world.alice)
    world.sim.inject_guest_fault(inst["id"], "error", "disk full")
    refused(
        lambda: world.apply(world.alice, inst, mod),
        400,
        "An error occurred communicating with the guest: disk full.",
    )
    assert world.records() == []
