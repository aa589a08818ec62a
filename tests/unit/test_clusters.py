"""Clusters (behaviour §13; differences #22, #29): modules per member, member names, delete."""

from __future__ import annotations

NO_SUCH_ID = "00000000-0000-0000-0000-000000000000"


def member_ids(cluster: dict) -> list[str]:
    return [m["id"] for m in cluster["instances"]]


def applied(world, instance_id: str) -> list[str]:
    return sorted(r["name"] for r in world.sim.instance_modules(world.admin, instance_id))


def test_cluster_members_are_named_after_the_cluster(world):
    cluster = world.cluster(world.alice, "myclust")
    assert [m["name"] for m in cluster["instances"]] == [
        "myclust-member-1",
        "myclust-member-2",
        "myclust-member-3",
    ]
    assert cluster["datastore"] == {"type": "redis", "version": "3.2.6"}


def test_cluster_show_lists_its_members(world):
    cluster = world.cluster(world.alice, "myclust")
    shown = world.sim.show_cluster(world.alice, cluster["id"])
    assert member_ids(shown) == member_ids(cluster)
    assert {m["status"] for m in shown["instances"]} == {"ACTIVE"}
    assert [c["id"] for c in world.sim.list_clusters(world.alice)] == [cluster["id"]]


def test_cluster_create_applies_modules_per_member(world):
    one = world.module(world.alice, "one")
    two = world.module(world.alice, "two")
    cluster = world.cluster(world.alice, members=[[one], [one, two], []])
    assert [applied(world, i) for i in member_ids(cluster)] == [["one"], ["one", "two"], []]


def test_cluster_members_get_auto_apply_modules(world):
    world.module(world.admin, "auto", all_tenants=1, auto_apply=1)
    cluster = world.cluster(world.alice, members=[[], []])
    assert [applied(world, i) for i in member_ids(cluster)] == [["auto"], ["auto"]]


def test_cluster_with_a_bad_member_module_is_refused_and_leaves_nothing(world, refused):
    mod = world.module(world.alice)
    refused(
        lambda: world.cluster(world.alice, members=[[mod], [{"id": NO_SUCH_ID}]]),
        404,
        f"Module with ID {NO_SUCH_ID} could not be found.",
    )
    assert world.sim.list_clusters(world.alice) == []


def test_cluster_with_a_module_for_another_datastore_is_400_and_leaves_nothing(world, refused):
    mysql_only = world.module(world.alice, "m", datastore={"type": "mysql"})
    refused(
        lambda: world.cluster(world.alice, members=[[], [mysql_only]]),
        400,
        lambda message: message.startswith("The module is invalid: Module 'm' cannot be applied"),
    )


def test_cluster_of_another_tenant_is_not_found(world, refused):
    cluster = world.cluster(world.alice)
    message = f"Resource {cluster['id']} cannot be found."
    refused(lambda: world.sim.show_cluster(world.bob, cluster["id"]), 404, message)
    refused(lambda: world.sim.delete_cluster(world.bob, cluster["id"]), 404, message)
    assert world.sim.list_clusters(world.bob) == []


def test_cluster_delete_removes_members_and_retires_their_records(world, refused):
    mod = world.module(world.alice)
    cluster = world.cluster(world.alice, members=[[mod], [mod]])
    world.sim.delete_cluster(world.alice, cluster["id"])
    assert world.records() == []
    assert world.counts(world.alice, mod, include_clustered=True) == []
    refused(
        lambda: world.sim.show_cluster(world.alice, cluster["id"]),
        404,
        f"Resource {cluster['id']} cannot be found.",
    )
    first = member_ids(cluster)[0]
    refused(
        lambda: world.sim.show_instance(world.alice, first),
        404,
        f"Resource {first} cannot be found.",
    )


def test_module_apply_works_on_a_single_cluster_member(world):
    mod = world.module(world.alice)
    cluster = world.cluster(world.alice)
    member = cluster["instances"][1]
    results = world.sim.apply_modules(world.alice, member["id"], {"modules": [{"id": mod["id"]}]})
    assert [r["message"] for r in results] == ["Module.V1"]
    assert applied(world, member["id"]) == ["mymod"]


def test_cluster_member_shows_its_cluster_id(world):
    cluster = world.cluster(world.alice)
    member = world.sim.show_instance(world.alice, member_ids(cluster)[0])
    assert member["cluster_id"] == cluster["id"]
