"""python-troveclient against ``trovesim serve``: instances, clusters, flavors, datastores."""

from __future__ import annotations

import httpx
import pytest
from troveclient import exceptions

V1 = "message=Module.V1\n"


def test_instance_create_list_show_delete(world, alice, bob):
    module = alice.modules.create("m", "ping", V1)
    created = alice.instances.create(
        "myinst", "15", volume={"size": 1}, datastore="mysql", modules=[module.id]
    )
    assert created._info == {
        **created._info,
        "name": "myinst",
        "status": "BUILD",
        "datastore": {"type": "mysql", "version": "5.6"},
        "flavor": {"id": "15", "links": []},
        "volume": {"size": 1},
        "region": "RegionOne",
        "encrypted_rpc_messaging": True,
        "server_id": None,
        "volume_id": None,
    }
    default = alice.instances.create("other", "15", volume={"size": 2})
    assert default.datastore == {"type": "redis", "version": "3.2.6"}

    assert {(i.name, i.status) for i in alice.instances.list()} == {
        ("myinst", "ACTIVE"),
        ("other", "ACTIVE"),
    }
    assert bob.instances.list() == []
    assert alice.instances.get(created.id).status == "ACTIVE"
    with pytest.raises(exceptions.NotFound) as error:
        bob.instances.get(created.id)
    assert str(error.value) == f"Resource {created.id} cannot be found. (HTTP 404)"

    answer = httpx.delete(
        f"{world.endpoint('tenant-a')}/instances/{created.id}",
        headers={"X-Auth-Token": "alice-token"},
    )
    assert (answer.status_code, answer.content) == (202, b"")
    with pytest.raises(exceptions.NotFound):
        alice.instances.get(created.id)
    assert [i.name for i in alice.instances.list()] == ["other"]
    assert alice.modules.instances(module, count_only=True) == []


def test_instance_create_refusals(alice):
    with pytest.raises(exceptions.NotFound) as error:
        alice.instances.create("i", "999", volume={"size": 1})
    assert str(error.value) == "Resource 999 cannot be found. (HTTP 404)"
    with pytest.raises(exceptions.NotFound) as error:
        alice.instances.create("i", "15", volume={"size": 1}, datastore="nosuch")
    assert str(error.value) == "Datastore 'nosuch' cannot be found. (HTTP 404)"
    with pytest.raises(exceptions.BadRequest) as error:
        alice.instances.create("", "15", volume={"size": 1})
    assert "Validation error: instance['name']" in str(error.value)
    assert alice.instances.list() == []


def test_building_instances_cannot_be_deleted(world, alice):
    assert world.control("PUT", "/builds/duration", json={"seconds": 3600}).status_code == 204
    try:
        building = alice.instances.create("slow", "15", volume={"size": 1})
        with pytest.raises(exceptions.UnprocessableEntity) as error:
            alice.instances.delete(building)
        assert str(error.value) == (
            f"Instance {building.id} is not ready. (Status is BUILD). (HTTP 422)"
        )
    finally:
        world.control("PUT", "/builds/duration", json={"seconds": 0})


def test_failed_builds_leave_unreachable_guests(world, alice):
    assert world.control("POST", "/builds/failures", json={"count": 1}).status_code == 204
    broken = alice.instances.create("broken", "15", volume={"size": 1})
    assert alice.instances.get(broken).status == "ERROR"
    with pytest.raises(exceptions.BadRequest) as error:
        alice.instances.module_query(broken)
    assert str(error.value) == "Timeout trying to connect to the Guest Agent. (HTTP 400)"
    assert alice.instances.create("fine", "15", volume={"size": 1}).status == "BUILD"


def test_cluster_create_with_modules_list_show_delete(world, alice, bob):
    first = alice.modules.create("first", "ping", V1)
    second = alice.modules.create("second", "ping", "message=Two\n")
    cluster = alice.clusters.create(
        "myclust",
        "redis",
        "3.2.6",
        instances=[
            {"flavorRef": "15", "volume": {"size": "1"}, "modules": [{"id": first.id}]},
            {"flavorRef": "15", "volume": {"size": 1}, "modules": [{"id": second.id}]},
            {"flavorRef": "15", "volume": {"size": 1}},
        ],
    )
    assert cluster.datastore == {"type": "redis", "version": "3.2.6"}
    assert cluster.task["name"] == "BUILDING"
    assert cluster.task["description"] == "Building the initial cluster."
    assert len(cluster.instances) == 3

    shown = alice.clusters.get(cluster.id)
    assert shown.task["name"] == "NONE"
    members = {m["name"]: m for m in shown.instances}
    assert sorted(members) == ["myclust-member-1", "myclust-member-2", "myclust-member-3"]
    assert {m["status"] for m in members.values()} == {"ACTIVE"}
    on_members = {
        name: [r.name for r in alice.instances.modules(member["id"])]
        for name, member in members.items()
    }
    assert on_members == {
        "myclust-member-1": ["first"],
        "myclust-member-2": ["second"],
        "myclust-member-3": [],
    }
    assert [c.name for c in alice.clusters.list()] == ["myclust"]
    assert bob.clusters.list() == []
    with pytest.raises(exceptions.NotFound):
        bob.clusters.get(cluster.id)
    with pytest.raises(exceptions.HttpNotImplemented) as error:
        alice.instances.delete(members["myclust-member-1"]["id"])
    assert "Operation not supported for instances that are part of a cluster." in str(error.value)

    answer = httpx.delete(
        f"{world.endpoint('tenant-a')}/clusters/{cluster.id}",
        headers={"X-Auth-Token": "alice-token"},
    )
    assert (answer.status_code, answer.content) == (202, b"")
    with pytest.raises(exceptions.NotFound):
        alice.clusters.get(cluster.id)
    assert alice.modules.instances(first, include_clustered=True, count_only=True) == []


def test_cluster_create_checks_every_member_first(alice):
    with pytest.raises(exceptions.NotFound):
        alice.clusters.create(
            "c",
            "redis",
            "3.2.6",
            instances=[
                {"flavorRef": "15", "volume": {"size": 1}},
                {
                    "flavorRef": "15",
                    "volume": {"size": 1},
                    "modules": [{"id": "0" * 8 + "-0000-4000-8000-" + "0" * 12}],
                },
            ],
        )
    assert alice.clusters.list() == []


def test_flavors(alice):
    assert {(f.id, f.str_id) for f in alice.flavors.list()} >= {(15, "15")}
    flavor = alice.flavors.get("15")
    assert (flavor.name, flavor.ram, flavor.vcpus, flavor.disk) == ("db.small", 1024, 1, 5)
    with pytest.raises(exceptions.NotFound):
        alice.flavors.get("nosuch")


def test_datastores_and_versions(alice, admin):
    datastores = {d.name: d for d in alice.datastores.list()}
    assert set(datastores) == {"mysql", "redis", "mongodb"}
    mysql = alice.datastores.get("mysql")
    assert mysql.id == datastores["mysql"].id
    assert [v["name"] for v in mysql.versions] == ["5.6", "5.7"]
    assert next(v for v in mysql.versions if v["id"] == mysql.default_version)["name"] == "5.6"
    assert alice.datastores.get(mysql.id).name == "mysql"
    assert [v.name for v in alice.datastore_versions.list("mysql")] == ["5.6", "5.7"]
    version = alice.datastore_versions.get("mysql", "5.7")
    assert (version.name, version.datastore) == ("5.7", mysql.id)
    assert not hasattr(version, "active") and not hasattr(version, "image")
    as_admin = admin.datastore_versions.get("mysql", "5.7")
    assert (as_admin.active, as_admin.packages, as_admin.image_tags) == (True, "", [])
    assert [v.name for v in alice.datastore_versions.list("mongodb")] == ["4.0"]
    assert [v.name for v in admin.datastore_versions.list("mongodb")] == ["4.0", "3.6"]
    with pytest.raises(exceptions.NotFound) as error:
        alice.datastores.get("nosuch")
    assert str(error.value) == "Datastore 'nosuch' cannot be found. (HTTP 404)"
    with pytest.raises(exceptions.BadRequest) as error:
        alice.datastore_versions.get("mysql", "9.9")
    assert str(error.value) == "Datastore version '9.9' cannot be found. (HTTP 400)"
