"""module-instances and module-instance-count (behaviour §11; differences #20, #21)."""

from __future__ import annotations

import datetime as dt

V1 = "7f700cc7b99606615f8b51946f6d3228"
V2 = "ba7c204979c8de54be6efb70a17d40b9"
V3 = "869744bdd18e306a96c145df562065ab"


def page(world, ctx, module, **options) -> tuple[list[str], str | None]:
    items, marker = world.sim.module_instances(ctx, module["id"], **options)
    return [i["id"] for i in items], marker


def test_module_instances_pages_by_instance_id_twenty_at_a_time(world):
    mod = world.module(world.alice)
    made = sorted(world.instance(world.alice, f"i{n}", modules=[mod])["id"] for n in range(25))
    first, marker = page(world, world.alice, mod)
    assert first == made[:20]
    assert marker == made[19]
    second, end = page(world, world.alice, mod, marker=marker)
    assert second == made[20:]
    assert end is None


def test_module_instances_honours_limit_and_caps_it_at_twenty(world):
    mod = world.module(world.alice)
    made = sorted(world.instance(world.alice, f"i{n}", modules=[mod])["id"] for n in range(23))
    ids, marker = page(world, world.alice, mod, limit=5)
    assert (ids, marker) == (made[:5], made[4])
    ids, marker = page(world, world.alice, mod, limit=50)
    assert (ids, marker) == (made[:20], made[19])


def test_module_instances_follows_markers_to_the_end_without_repeats(world):
    mod = world.module(world.alice)
    made = sorted(world.instance(world.alice, f"i{n}", modules=[mod])["id"] for n in range(7))
    seen, marker = [], None
    while True:
        ids, marker = page(world, world.alice, mod, limit=3, marker=marker)
        seen += ids
        if marker is None:
            break
    assert seen == made


def test_module_instances_last_full_page_has_no_next_marker(world):
    mod = world.module(world.alice)
    for n in range(4):
        world.instance(world.alice, f"i{n}", modules=[mod])
    ids, marker = page(world, world.alice, mod, limit=4)
    assert (len(ids), marker) == (4, None)


def test_module_instances_lists_instances_at_any_md5(world):
    mod = world.module(world.alice, live_update=1)
    old = world.instance(world.alice, "old", modules=[mod])
    world.update_text(world.alice, mod, "message=Module.V2\n")
    new = world.instance(world.alice, "new", modules=[mod])
    ids, _ = page(world, world.alice, mod)
    assert sorted(ids) == sorted([old["id"], new["id"]])


def test_module_instances_excludes_cluster_members_unless_included(world):
    mod = world.module(world.alice)
    single = world.instance(world.alice, modules=[mod])
    cluster = world.cluster(world.alice, members=[[mod], [mod]])
    assert page(world, world.alice, mod)[0] == [single["id"]]
    members = [m["id"] for m in cluster["instances"]]
    assert sorted(page(world, world.alice, mod, include_clustered=True)[0]) == sorted(
        [single["id"], *members]
    )


def test_module_instances_shows_a_tenant_only_its_own_instances(world):
    shared = world.module(world.admin, all_tenants=1)
    mine = world.instance(world.alice, modules=[shared])
    theirs = world.instance(world.bob, modules=[shared])
    assert page(world, world.alice, shared)[0] == [mine["id"]]
    assert sorted(page(world, world.admin, shared)[0]) == sorted([mine["id"], theirs["id"]])


def test_module_instances_items_are_instance_list_views(world):
    mod = world.module(world.alice)
    world.instance(world.alice, "myinst", modules=[mod])
    (item,), _ = world.sim.module_instances(world.alice, mod["id"])
    assert item["name"] == "myinst"
    assert item["status"] == "ACTIVE"
    assert item["datastore"] == {"type": "mysql", "version": "5.6"}
    assert item["flavor"]["id"] == "15"
    assert "tenant_id" not in item
    (admin_item,), _ = world.sim.module_instances(world.admin, mod["id"])
    assert admin_item["tenant_id"] == "tenant-a"


def test_module_instances_refuses_a_limit_that_is_not_a_positive_integer(world, refused):
    mod = world.module(world.alice)
    refused(lambda: page(world, world.alice, mod, limit="many"), 400, lambda m: bool(m))
    refused(lambda: page(world, world.alice, mod, limit=0), 400, lambda m: bool(m))


def test_module_instances_of_an_invisible_module_is_404(world, refused):
    hidden = world.module(world.admin, all_tenants=1, visible=0)
    refused(
        lambda: page(world, world.alice, hidden),
        404,
        f"Module with ID {hidden['id']} could not be found.",
    )


def test_count_row_has_trove_fields_and_api_dates(world):
    mod = world.module(world.alice)
    world.at(dt.datetime(2017, 6, 2, 17, 22, 25, 900000))
    world.instance(world.alice, modules=[mod])
    (row,) = world.sim.module_instance_count(world.alice, mod["id"])
    assert row == {
        "module_id": mod["id"],
        "module_name": "mymod",
        "module_md5": V1,
        "instance_count": 1,
        "current": True,
        "min_updated_date": "2017-06-02T17:22:25",
        "max_updated_date": "2017-06-02T17:22:25",
    }


def test_count_of_an_unapplied_module_is_empty(world):
    assert world.counts(world.alice, world.module(world.alice)) == []


def test_count_groups_by_md5_oldest_first_with_min_and_max_updated(world):
    mod = world.module(world.alice, live_update=1)
    world.at(dt.datetime(2017, 6, 2, 17, 10, 0))
    world.instance(world.alice, "a", modules=[mod])
    world.at(dt.datetime(2017, 6, 2, 17, 30, 0))
    world.instance(world.alice, "b", modules=[mod])
    world.at(dt.datetime(2017, 6, 2, 18, 0, 0))
    world.update_text(world.alice, mod, "message=Module.V2\n")
    world.instance(world.alice, "c", modules=[mod])
    world.at(dt.datetime(2017, 6, 2, 18, 5, 0))
    world.update_text(world.alice, mod, "message=Module.V3\n")
    world.instance(world.alice, "d", modules=[mod])
    rows = world.sim.module_instance_count(world.alice, mod["id"])
    assert [
        (
            r["module_md5"],
            r["current"],
            r["instance_count"],
            r["min_updated_date"],
            r["max_updated_date"],
        )
        for r in rows
    ] == [
        (V1, False, 2, "2017-06-02T17:10:00", "2017-06-02T17:30:00"),
        (V2, False, 1, "2017-06-02T18:00:00", "2017-06-02T18:00:00"),
        (V3, True, 1, "2017-06-02T18:05:00", "2017-06-02T18:05:00"),
    ]


def test_count_excludes_cluster_members_unless_include_clustered(world):
    mod = world.module(world.alice)
    world.instance(world.alice, modules=[mod])
    world.cluster(world.alice, members=[[mod], [mod], [mod]])
    assert world.counts(world.alice, mod) == [(V1, True, 1)]
    assert world.counts(world.alice, mod, include_clustered=True) == [(V1, True, 4)]


def test_count_shows_a_non_admin_only_its_own_tenants_instances(world):
    shared = world.module(world.admin, all_tenants=1)
    world.instance(world.alice, "mine", modules=[shared])
    world.instance(world.bob, "theirs-1", modules=[shared])
    world.instance(world.bob, "theirs-2", modules=[shared])
    assert world.counts(world.alice, shared) == [(V1, True, 1)]
    assert world.counts(world.bob, shared) == [(V1, True, 2)]
    assert world.counts(world.admin, shared) == [(V1, True, 3)]


def test_count_leaves_out_deleted_instances(world):
    mod = world.module(world.alice)
    gone = world.instance(world.alice, "gone", modules=[mod])
    world.instance(world.alice, "kept", modules=[mod])
    world.sim.delete_instance(world.alice, gone["id"])
    assert world.counts(world.alice, mod) == [(V1, True, 1)]


def test_count_after_remove_drops_the_instance(world):
    mod = world.module(world.alice)
    inst = world.instance(world.alice, modules=[mod])
    world.sim.remove_module(world.alice, inst["id"], mod["id"])
    assert world.counts(world.admin, mod) == []


def test_count_dates_follow_a_same_md5_reapply(world):
    mod = world.module(world.alice)
    inst = world.instance(world.alice, modules=[mod])
    world.at(dt.datetime(2017, 6, 2, 20, 0, 0))
    world.apply(world.alice, inst, mod)
    (row,) = world.sim.module_instance_count(world.admin, mod["id"])
    assert (row["min_updated_date"], row["max_updated_date"]) == (
        "2017-06-02T20:00:00",
        "2017-06-02T20:00:00",
    )
