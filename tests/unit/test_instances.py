"""Instances (behaviour I4, §8.3, §14; differences #14, #15, #25): create with modules and
auto-apply, BUILD then ACTIVE on the clock, build failure, show, list, delete."""

from __future__ import annotations

import pytest
from sim_world import GUIDE_START, World
from trovesim.simulator import Simulator, VirtualClock

NO_SUCH_ID = "00000000-0000-0000-0000-000000000000"


@pytest.fixture
def slow() -> World:
    """A world whose instances take a minute to build."""
    return World(Simulator(clock=VirtualClock(GUIDE_START), build_seconds=60))


def status(world: World, instance: dict) -> str:
    return world.sim.show_instance(world.alice, instance["id"])["status"]


def applied_names(world: World, instance: dict) -> list[str]:
    """Module names in the order the guest applied them (module-query lists latest first)."""
    return [r["name"] for r in reversed(world.query(world.admin, instance))]


def test_instance_create_answers_the_detail_view_in_build(world):
    created = world.instance(world.alice, "myinst")
    assert created["status"] == "BUILD"
    assert created["name"] == "myinst"
    assert created["flavor"]["id"] == "15"
    assert created["volume"] == {"size": 1}
    assert created["region"] == "RegionOne"
    assert created["created"] == created["updated"] == "2017-06-02T17:06:21"


def test_instance_is_build_until_build_seconds_have_passed_then_active(slow):
    inst = slow.instance(slow.alice)
    slow.sim.advance_clock(59)
    assert status(slow, inst) == "BUILD"
    slow.sim.advance_clock(1)
    assert status(slow, inst) == "ACTIVE"
    assert slow.sim.show_instance(slow.alice, inst["id"])["updated"] == "2017-06-02T17:07:21"


def test_instance_with_zero_build_seconds_is_active_on_the_next_request(world):
    inst = world.instance(world.alice)
    assert status(world, inst) == "ACTIVE"


def test_build_failure_leaves_the_instance_in_error(slow):
    slow.sim.fail_next_builds(1)
    broken = slow.instance(slow.alice, "broken")
    fine = slow.instance(slow.alice, "fine")
    slow.sim.advance_clock(60)
    assert (status(slow, broken), status(slow, fine)) == ("ERROR", "ACTIVE")


def test_errored_instances_guest_does_not_answer(world, refused):
    world.sim.fail_next_builds(1)
    broken = world.instance(world.alice, "broken")
    assert status(world, broken) == "ERROR"
    refused(
        lambda: world.query(world.alice, broken),
        400,
        "Timeout trying to connect to the Guest Agent.",
    )


def test_instance_create_writes_module_records_at_once(slow):
    mod = slow.module(slow.alice)
    slow.instance(slow.alice, modules=[mod])
    assert slow.counts(slow.alice, mod) == [("7f700cc7b99606615f8b51946f6d3228", True, 1)]


def test_guest_applies_the_modules_when_the_build_completes(slow):
    mod = slow.module(slow.alice)
    inst = slow.instance(slow.alice, modules=[mod])
    assert slow.query(slow.alice, inst) == []
    slow.sim.advance_clock(60)
    (result,) = slow.query(slow.alice, inst)
    assert (result["name"], result["status"], result["message"]) == ("mymod", "OK", "Module.V1")
    assert result["created"] == "2017-06-02 17:07:21.00"


def test_instance_create_with_an_unknown_module_is_404_and_creates_nothing(world, refused):
    refused(
        lambda: world.instance(world.alice, modules=[{"id": NO_SUCH_ID}]),
        404,
        f"Module with ID {NO_SUCH_ID} could not be found.",
    )
    assert world.sim.list_instances(world.alice) == []


def test_instance_create_with_another_tenants_module_is_404(world, refused):
    bobs = world.module(world.bob)
    refused(
        lambda: world.instance(world.alice, modules=[bobs]),
        404,
        f"Module with ID {bobs['id']} could not be found.",
    )


def test_instance_create_with_a_module_for_another_datastore_is_400(world, refused):
    mod = world.module(world.alice, "m", datastore={"type": "redis"})
    redis = world.sim.show_datastore(world.alice, "redis")["id"]
    mysql = world.sim.show_datastore(world.alice, "mysql")["id"]
    refused(
        lambda: world.instance(world.alice, modules=[mod], datastore="mysql"),
        400,
        f"The module is invalid: Module 'm' cannot be applied  "
        f"(Wrong datastore '{redis}' - expected '{mysql}')",
    )


def test_instance_create_with_a_module_for_another_version_is_400(world, refused):
    mod = world.module(world.alice, "m", datastore={"type": "mysql", "version": "5.7"})
    v57 = world.sim.show_datastore_version(world.alice, "mysql", "5.7")["id"]
    v56 = world.sim.show_datastore_version(world.alice, "mysql", "5.6")["id"]
    refused(
        lambda: world.instance(world.alice, modules=[mod], datastore="mysql"),
        400,
        f"The module is invalid: Module 'm' cannot be applied  "
        f"(Wrong datastore version '{v57}' - expected '{v56}')",
    )


def test_instance_create_without_volume_is_400(world, refused):
    body = {"instance": {"name": "novol", "flavorRef": "15"}}
    refused(
        lambda: world.sim.create_instance(world.alice, body), 400, "Volume size was not specified."
    )


def test_instance_create_with_an_unknown_flavor_is_404(world, refused):
    body = {"instance": {"name": "x", "flavorRef": "999", "volume": {"size": 1}}}
    refused(
        lambda: world.sim.create_instance(world.alice, body), 404, "Resource 999 cannot be found."
    )


def test_auto_apply_modules_are_applied_to_new_instances_of_any_tenant(world):
    auto = world.module(world.admin, "auto", all_tenants=1, auto_apply=1)
    inst = world.instance(world.alice)
    assert applied_names(world, inst) == ["auto"]
    assert world.counts(world.admin, auto) == [(auto["md5"], True, 1)]


def test_hidden_auto_apply_modules_are_applied_too(world):
    world.module(world.admin, "hidden-auto", all_tenants=1, auto_apply=1, visible=0)
    inst = world.instance(world.alice)
    assert applied_names(world, inst) == ["hidden-auto"]


def test_auto_apply_module_of_the_admins_own_tenant_is_not_applied_to_other_tenants(world):
    world.module(world.admin, "admin-only-auto", auto_apply=1)
    assert applied_names(world, world.instance(world.alice)) == []
    assert applied_names(world, world.instance(world.admin, "own")) == ["admin-only-auto"]


def test_auto_apply_bound_to_a_datastore_applies_only_to_that_datastore(world):
    world.module(
        world.admin, "redis-auto", all_tenants=1, auto_apply=1, datastore={"type": "redis"}
    )
    world.module(
        world.admin,
        "mysql57-auto",
        all_tenants=1,
        auto_apply=1,
        datastore={"type": "mysql", "version": "5.7"},
    )
    assert applied_names(world, world.instance(world.alice, "r", datastore="redis")) == [
        "redis-auto"
    ]
    assert applied_names(world, world.instance(world.alice, "m56", datastore="mysql")) == []
    assert applied_names(
        world, world.instance(world.alice, "m57", datastore="mysql", version="5.7")
    ) == ["mysql57-auto"]


def test_auto_apply_is_not_retroactive(world):
    before = world.instance(world.alice, "before")
    world.module(world.admin, "auto", all_tenants=1, auto_apply=1)
    assert applied_names(world, before) == []


def test_explicit_modules_come_first_in_request_order_then_auto_apply_by_creation(world):
    world.module(world.admin, "auto-1", all_tenants=1, auto_apply=1)
    world.module(world.admin, "auto-2", all_tenants=1, auto_apply=1)
    b = world.module(world.alice, "b")
    a = world.module(world.alice, "a")
    inst = world.instance(world.alice, modules=[b, a])
    assert applied_names(world, inst) == ["b", "a", "auto-1", "auto-2"]


def test_auto_apply_module_listed_explicitly_is_applied_once(world):
    auto = world.module(world.admin, "auto", all_tenants=1, auto_apply=1)
    inst = world.instance(world.alice, modules=[auto])
    assert applied_names(world, inst) == ["auto"]
    assert len(world.records()) == 1


def test_show_of_a_deleted_instance_is_404(world, refused):
    inst = world.instance(world.alice)
    world.sim.delete_instance(world.alice, inst["id"])
    refused(
        lambda: world.sim.show_instance(world.alice, inst["id"]),
        404,
        f"Resource {inst['id']} cannot be found.",
    )
    assert world.sim.list_instances(world.alice) == []


def test_instance_delete_retires_its_module_records(world):
    mod = world.module(world.alice)
    inst = world.instance(world.alice, modules=[mod])
    world.sim.delete_instance(world.alice, inst["id"])
    assert world.records() == []
    assert world.counts(world.alice, mod) == []
    assert world.sim.show_module(world.alice, mod["id"])["instance_count"] == 0


def test_deleting_a_building_instance_is_refused_and_keeps_its_records(slow, refused):
    mod = slow.module(slow.alice)
    inst = slow.instance(slow.alice, modules=[mod])
    error = refused(
        lambda: slow.sim.delete_instance(slow.alice, inst["id"]),
        422,
        f"Instance {inst['id']} is not ready. (Status is BUILD).",
    )
    assert error.status == 422
    assert len(slow.records()) == 1


def test_deleting_a_cluster_member_directly_is_501(world, refused):
    cluster = world.cluster(world.alice)
    member = cluster["instances"][0]
    refused(
        lambda: world.sim.delete_instance(world.alice, member["id"]),
        501,
        "Operation not supported for instances that are part of a cluster.",
    )


def test_instance_list_excludes_cluster_members(world):
    single = world.instance(world.alice, "myinst")
    world.cluster(world.alice)
    assert [i["name"] for i in world.sim.list_instances(world.alice)] == [single["name"]]


def test_errored_instance_can_be_deleted(world):
    world.sim.fail_next_builds(1)
    broken = world.instance(world.alice)
    world.sim.delete_instance(world.alice, broken["id"])
    assert world.sim.list_instances(world.alice) == []
