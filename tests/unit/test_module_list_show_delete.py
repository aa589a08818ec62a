"""module-list with the datastore filter, module-show (behaviour M1, M3; differences #1, #2, #3),
module-delete (M5)."""

from __future__ import annotations

import datetime as dt

from sim_world import MODULE_VIEW_KEYS as LIST_KEYS


def names(modules: list[dict]) -> set[str]:
    return {m["name"] for m in modules}


def three_bindings(world) -> None:
    world.module(world.alice, "anywhere")
    world.module(world.alice, "on-mysql", datastore={"type": "mysql"})
    world.module(world.alice, "on-mysql-5.7", datastore={"type": "mysql", "version": "5.7"})
    world.module(world.alice, "on-redis", datastore={"type": "redis"})


def test_list_without_filter_lists_every_visible_module(world):
    three_bindings(world)
    assert names(world.sim.list_modules(world.alice)) == {
        "anywhere",
        "on-mysql",
        "on-mysql-5.7",
        "on-redis",
    }


def test_list_datastore_filter_matches_the_bound_datastore_exactly(world):
    three_bindings(world)
    assert names(world.sim.list_modules(world.alice, datastore="mysql")) == {
        "on-mysql",
        "on-mysql-5.7",
    }


def test_list_datastore_filter_accepts_the_datastore_id(world):
    three_bindings(world)
    redis_id = world.sim.show_datastore(world.alice, "redis")["id"]
    assert names(world.sim.list_modules(world.alice, datastore=redis_id)) == {"on-redis"}


def test_list_datastore_all_lists_only_modules_bound_to_no_datastore(world):
    three_bindings(world)
    assert names(world.sim.list_modules(world.alice, datastore="all")) == {"anywhere"}
    assert names(world.sim.list_modules(world.alice, datastore="ALL")) == {"anywhere"}


def test_list_unknown_datastore_is_404(world, refused):
    refused(
        lambda: world.sim.list_modules(world.alice, datastore="nosql"),
        404,
        "Datastore 'nosql' cannot be found.",
    )


def test_list_entries_carry_the_module_view_without_live_update(world):
    world.module(world.alice, live_update=1)
    (entry,) = world.sim.list_modules(world.alice)
    assert set(entry) == LIST_KEYS


def test_list_and_show_give_booleans_not_integers(world):
    mod = world.module(world.admin, all_tenants=1, auto_apply=1, visible=0, live_update=1)
    shown = world.sim.show_module(world.admin, mod["id"])
    for key in ("auto_apply", "visible", "live_update", "priority_apply", "is_admin"):
        assert isinstance(shown[key], bool), key
    (listed,) = world.sim.list_modules(world.admin)
    assert listed["auto_apply"] is True and listed["visible"] is False


def test_show_adds_live_update_and_instance_count(world):
    mod = world.module(world.alice)
    shown = world.sim.show_module(world.alice, mod["id"])
    assert set(shown) == LIST_KEYS | {"live_update", "instance_count"}
    assert shown["instance_count"] == 0


def test_show_instance_count_counts_live_records_at_the_current_md5(world):
    mod = world.module(world.alice, live_update=1)
    world.instance(world.alice, "one", modules=[mod])
    world.instance(world.bob, "other-tenant")
    world.instance(world.alice, "two", modules=[mod])
    assert world.sim.show_module(world.alice, mod["id"])["instance_count"] == 2
    world.update_text(world.alice, mod, "message=Module.V2\n")
    assert world.sim.show_module(world.alice, mod["id"])["instance_count"] == 0


def test_show_unknown_id_is_404(world, refused):
    refused(
        lambda: world.sim.show_module(world.alice, "bad_id"),
        404,
        "Module with ID bad_id could not be found.",
    )


def test_deleted_module_is_gone_from_show_list_and_delete(world, refused):
    mod = world.module(world.alice)
    world.sim.delete_module(world.alice, mod["id"])
    message = f"Module with ID {mod['id']} could not be found."
    refused(lambda: world.sim.show_module(world.alice, mod["id"]), 404, message)
    refused(lambda: world.sim.show_module(world.admin, mod["id"]), 404, message)
    refused(lambda: world.sim.delete_module(world.alice, mod["id"]), 404, message)
    assert world.sim.list_modules(world.admin) == []


def test_delete_is_soft_and_stamps_deleted_at(world):
    mod = world.module(world.alice)
    world.at(dt.datetime(2017, 6, 3, 9, 0, 0))
    world.sim.delete_module(world.alice, mod["id"])
    (stored,) = world.sim.export_state()["modules"]
    assert stored["deleted"] is True
    assert stored["deleted_at"] == "2017-06-03T09:00:00"


def test_deleting_a_live_module_keeps_its_records_and_guest_results(world):
    mod = world.module(world.alice, live_update=1)
    inst = world.instance(world.alice, modules=[mod])
    world.sim.delete_module(world.alice, mod["id"])
    assert [r["module_id"] for r in world.records()] == [mod["id"]]
    assert [r["name"] for r in world.query(world.alice, inst)] == ["mymod"]
