"""Callers and visibility: who sees which modules, instances (behaviour §3; differences #1, #13)."""

from __future__ import annotations


def not_found(module_id: str) -> str:
    return f"Module with ID {module_id} could not be found."


def ids(modules: list[dict]) -> set[str]:
    return {m["id"] for m in modules}


def test_module_created_by_a_tenant_belongs_to_that_tenant(world):
    mod = world.module(world.alice)
    assert (mod["tenant_id"], mod["tenant"]) == ("tenant-a", "tenant-a")


def test_all_tenants_module_has_no_tenant_and_shows_tenant_all(world):
    mod = world.module(world.admin, all_tenants=1)
    assert (mod["tenant_id"], mod["tenant"]) == (None, "all")


def test_admin_created_module_lands_in_the_admins_tenant(world):
    mod = world.module(world.admin)
    assert mod["tenant_id"] == "admin"


def test_other_tenants_module_is_not_found_for_show_update_and_delete(world, refused):
    mod = world.module(world.alice)
    sim, bob = world.sim, world.bob
    refused(lambda: sim.show_module(bob, mod["id"]), 404, not_found(mod["id"]))
    refused(lambda: world.update(bob, mod, description="x"), 404, not_found(mod["id"]))
    refused(lambda: sim.delete_module(bob, mod["id"]), 404, not_found(mod["id"]))
    assert mod["id"] not in ids(sim.list_modules(bob))


def test_tenant_sees_its_own_and_all_tenant_visible_modules(world):
    own = world.module(world.alice, "own")
    shared = world.module(world.admin, "shared", all_tenants=1)
    world.module(world.bob, "bobs")
    world.module(world.admin, "admins")
    assert ids(world.sim.list_modules(world.alice)) == {own["id"], shared["id"]}
    assert world.sim.show_module(world.alice, shared["id"])["tenant"] == "all"


def test_hidden_module_is_not_found_for_non_admins(world, refused):
    hidden = world.module(world.admin, "hidden", all_tenants=1, visible=0)
    sim, alice = world.sim, world.alice
    assert hidden["id"] not in ids(sim.list_modules(alice))
    refused(lambda: sim.show_module(alice, hidden["id"]), 404, not_found(hidden["id"]))
    refused(lambda: sim.delete_module(alice, hidden["id"]), 404, not_found(hidden["id"]))


def test_admin_lists_every_module_of_every_tenant_hidden_included(world):
    made = [
        world.module(world.alice, "a"),
        world.module(world.bob, "b"),
        world.module(world.admin, "hidden", all_tenants=1, visible=0),
        world.module(world.admin, "mine"),
    ]
    assert ids(world.sim.list_modules(world.admin)) == ids(made)


def test_admin_shows_another_tenants_module(world):
    mod = world.module(world.alice)
    assert world.sim.show_module(world.admin, mod["id"])["tenant_id"] == "tenant-a"


def test_non_admin_can_apply_a_hidden_all_tenant_module_by_id(world):
    hidden = world.module(world.admin, "hidden", all_tenants=1, visible=0)
    inst = world.instance(world.alice)
    results = world.apply(world.alice, inst, hidden)
    assert [(r["name"], r["status"]) for r in results] == [("hidden", "OK")]


def test_other_tenants_module_cannot_be_applied_by_id(world, refused):
    bobs = world.module(world.bob, "bobs")
    inst = world.instance(world.alice)
    refused(lambda: world.apply(world.alice, inst, bobs), 404, not_found(bobs["id"]))


def test_other_tenants_instance_is_not_found(world, refused):
    inst = world.instance(world.alice)
    message = f"Resource {inst['id']} cannot be found."
    refused(lambda: world.sim.show_instance(world.bob, inst["id"]), 404, message)
    refused(lambda: world.query(world.bob, inst), 404, message)
    refused(lambda: world.sim.delete_instance(world.bob, inst["id"]), 404, message)


def test_admin_shows_any_tenants_instance_with_its_tenant(world):
    inst = world.instance(world.alice)
    assert world.sim.show_instance(world.admin, inst["id"])["tenant_id"] == "tenant-a"
    assert "tenant_id" not in world.sim.show_instance(world.alice, inst["id"])


def test_instance_list_shows_only_the_callers_instances(world):
    mine = world.instance(world.alice, "mine")
    world.instance(world.bob, "theirs")
    assert [i["id"] for i in world.sim.list_instances(world.alice)] == [mine["id"]]
