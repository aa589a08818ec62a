"""live_update enforcement (behaviour §5; differences #6): applied non-live modules are frozen."""

from __future__ import annotations

APPLIED = (
    "A module cannot be deleted or its contents modified if it has been applied to a "
    "non-terminated instance, unless the module has been marked as 'live_update.' "
    "Please remove the module from all non-terminated instances and try again."
)


def test_applied_non_live_module_refuses_any_update_with_403(world, refused):
    mod = world.module(world.alice)
    world.instance(world.alice, modules=[mod])
    refused(lambda: world.update(world.alice, mod, description="only this"), 403, APPLIED)
    refused(lambda: world.update(world.alice, mod, live_update=1), 403, APPLIED)


def test_applied_non_live_module_refuses_update_by_an_admin_too(world, refused):
    mod = world.module(world.alice)
    world.instance(world.alice, modules=[mod])
    refused(lambda: world.update(world.admin, mod, description="admin"), 403, APPLIED)


def test_applied_non_live_module_refuses_delete_with_403(world, refused):
    mod = world.module(world.alice)
    world.instance(world.alice, modules=[mod])
    refused(lambda: world.sim.delete_module(world.alice, mod["id"]), 403, APPLIED)
    refused(lambda: world.sim.delete_module(world.admin, mod["id"]), 403, APPLIED)


def test_live_update_module_can_be_updated_while_applied(world):
    mod = world.module(world.alice, live_update=1)
    world.instance(world.alice, modules=[mod])
    updated = world.update_text(world.alice, mod, "message=Module.V2\n")
    assert updated["md5"] == "ba7c204979c8de54be6efb70a17d40b9"
    assert world.counts(world.alice, mod) == [("7f700cc7b99606615f8b51946f6d3228", False, 1)]


def test_live_update_module_can_be_deleted_while_applied(world):
    mod = world.module(world.alice, live_update=1)
    world.instance(world.alice, modules=[mod])
    world.sim.delete_module(world.alice, mod["id"])
    assert world.sim.list_modules(world.alice) == []


def test_only_records_at_the_current_md5_freeze_a_module(world):
    mod = world.module(world.alice, live_update=1)
    world.instance(world.alice, modules=[mod])
    world.update_text(world.alice, mod, "message=Module.V2\n")
    frozen_again = world.update(world.alice, mod, live_update=0)
    assert frozen_again["live_update"] is False
    assert world.update(world.alice, mod, description="old rows do not block")["description"]
    world.sim.delete_module(world.alice, mod["id"])


def test_removing_the_module_unfreezes_it(world):
    mod = world.module(world.alice)
    inst = world.instance(world.alice, modules=[mod])
    world.sim.remove_module(world.alice, inst["id"], mod["id"])
    assert world.update(world.alice, mod, description="free")["description"] == "free"


def test_deleting_the_instance_unfreezes_the_module(world):
    mod = world.module(world.alice)
    inst = world.instance(world.alice, modules=[mod])
    world.sim.delete_instance(world.alice, inst["id"])
    world.sim.delete_module(world.alice, mod["id"])
    assert world.sim.list_modules(world.alice) == []


def test_deleting_the_cluster_unfreezes_the_module(world):
    mod = world.module(world.alice)
    cluster = world.cluster(world.alice, members=[[mod], [mod]])
    world.sim.delete_cluster(world.alice, cluster["id"])
    world.sim.delete_module(world.alice, mod["id"])
    assert world.sim.list_modules(world.alice) == []


def test_an_unapplied_non_live_module_can_be_updated_and_deleted(world):
    mod = world.module(world.alice)
    assert world.update_text(world.alice, mod, "message=Module.V3\n")["md5"] == (
        "869744bdd18e306a96c145df562065ab"
    )
    world.sim.delete_module(world.alice, mod["id"])
