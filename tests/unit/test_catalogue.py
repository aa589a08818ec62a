"""The deployment catalogue: the usage guide's datastores, versions and flavor, and file seeding."""

from __future__ import annotations

import json

import pytest
from trovesim.simulator import Context, Simulator, TroveError, VirtualClock
from trovesim.simulator.catalog_file import catalog_of, read_catalog

ANYONE = Context("tenant-a")
ADMIN = Context("admin", is_admin=True)


def versions_of(sim: Simulator, datastore: str) -> list[str]:
    return [v["name"] for v in sim.list_datastore_versions(ANYONE, datastore)]


def test_default_catalogue_has_mysql_56_as_default_and_57(world):
    mysql = world.sim.show_datastore(ANYONE, "mysql")
    assert versions_of(world.sim, "mysql") == ["5.6", "5.7"]
    default = world.sim.show_datastore_version(ANYONE, "mysql", "5.6")
    assert mysql["default_version"] == default["id"]


def test_default_catalogue_has_redis_326_and_mongodb_40_with_36_retired(world):
    assert versions_of(world.sim, "redis") == ["3.2.6"]
    assert versions_of(world.sim, "mongodb") == ["4.0"]
    shown = world.sim.list_datastore_versions(ADMIN, "mongodb")
    assert [(v["name"], v["active"]) for v in shown] == [("4.0", True), ("3.6", False)]


def test_default_catalogue_has_flavor_15(world):
    assert world.sim.show_flavor(ANYONE, "15")["id"] == 15
    assert 15 in [f["id"] for f in world.sim.list_flavors(ANYONE)]


def test_redis_326_is_the_default_datastore_for_an_instance(world):
    created = world.instance(world.alice, "myinst_2", datastore=None)
    assert created["datastore"] == {"type": "redis", "version": "3.2.6"}


def test_instance_without_version_gets_the_datastores_default_version(world):
    created = world.instance(world.alice, "myinst", datastore="mysql")
    assert created["datastore"] == {"type": "mysql", "version": "5.6"}


def test_instance_with_named_version_gets_it(world):
    created = world.instance(world.alice, "myinst", datastore="mysql", version="5.7")
    assert created["datastore"] == {"type": "mysql", "version": "5.7"}


def test_datastore_is_found_by_id_as_well_as_name(world):
    mysql = world.sim.show_datastore(ANYONE, "mysql")
    assert world.sim.show_datastore(ANYONE, mysql["id"])["name"] == "mysql"


def test_unknown_datastore_is_404(world, refused):
    refused(
        lambda: world.sim.show_datastore(ANYONE, "nosql"), 404, "Datastore 'nosql' cannot be found."
    )


def test_unknown_flavor_is_404(world, refused):
    refused(lambda: world.sim.show_flavor(ANYONE, "999"), 404, "Resource 999 cannot be found.")


def test_catalogue_is_seeded_from_a_file(tmp_path):
    path = tmp_path / "catalog.json"
    path.write_text(
        json.dumps(
            {
                "default_datastore": "postgresql",
                "datastores": [
                    {"name": "postgresql", "default_version": "12", "versions": ["11", "12"]}
                ],
                "flavors": [{"id": "7", "name": "db.tiny", "ram": 256, "vcpus": 1}],
            }
        )
    )
    sim = Simulator(clock=VirtualClock(), catalog=read_catalog(path))
    assert [d["name"] for d in sim.list_datastores(ANYONE)] == ["postgresql"]
    assert [f["str_id"] for f in sim.list_flavors(ANYONE)] == ["7"]
    body = {"instance": {"name": "pg", "flavorRef": "7", "volume": {"size": 1}}}
    assert sim.create_instance(ANYONE, body)["datastore"] == {"type": "postgresql", "version": "12"}


def test_catalogue_ids_are_stable_across_simulators():
    first = Simulator(clock=VirtualClock()).list_datastores(ANYONE)
    second = Simulator(clock=VirtualClock()).list_datastores(ANYONE)
    assert first == second


# A deployment the default catalogue does not describe: no default datastore, a datastore
# without a default version, and a version that is no longer active. The conformance suite
# cannot meet these on the embedded simulator; these tests judge Trove's refusals for them.
SPARSE = {
    "datastores": [
        {"name": "pg", "versions": ["16", {"name": "9.6", "active": False}]},
    ],
    "flavors": [{"id": "7", "name": "db.tiny"}],
}


def sparse() -> Simulator:
    return Simulator(clock=VirtualClock(), catalog=catalog_of(SPARSE))


def instance_body(datastore: dict | None) -> dict:
    body = {"name": "inst", "flavorRef": "7", "volume": {"size": 1}}
    return {"instance": body | ({"datastore": datastore} if datastore else {})}


def refusal(action) -> tuple[int, str]:
    with pytest.raises(TroveError) as caught:
        action()
    return caught.value.status, caught.value.message


def test_an_instance_without_datastore_where_the_deployment_names_none():
    sim = sparse()
    assert refusal(lambda: sim.create_instance(ANYONE, instance_body(None))) == (
        400,
        "Please specify datastore.",
    )
    assert sim.list_instances(ANYONE) == []


def test_an_instance_of_a_datastore_without_default_version_needs_a_version():
    sim = sparse()
    body = instance_body({"type": "pg"})
    assert refusal(lambda: sim.create_instance(ANYONE, body)) == (
        400,
        "Default version for datastore 'pg' not found.",
    )
    created = sim.create_instance(ANYONE, instance_body({"type": "pg", "version": "16"}))
    assert created["datastore"] == {"type": "pg", "version": "16"}


@pytest.mark.parametrize("version", ["9.6", "by id"])
def test_an_inactive_version_is_refused_for_modules_and_instances(version):
    sim = sparse()
    if version == "by id":
        version = next(v["id"] for v in sim.list_datastore_versions(ADMIN, "pg") if not v["active"])
    module = {"name": "m", "module_type": "ping", "contents": "bWVzc2FnZT1oaQo="}
    module["datastore"] = {"type": "pg", "version": version}
    expected = (400, "Datastore version '9.6' is not active.")
    assert refusal(lambda: sim.create_module(ANYONE, {"module": module})) == expected
    body = instance_body({"type": "pg", "version": version})
    assert refusal(lambda: sim.create_instance(ANYONE, body)) == expected
    assert sim.list_modules(ANYONE) == [] and sim.list_instances(ANYONE) == []


ADMIN_ONLY = {"active", "packages", "image", "image_tags"}


def test_the_admin_is_shown_how_a_version_is_built_and_others_are_not():
    version = {"name": "16", "packages": "pg16", "image": "i", "image_tags": ["pg", "16"]}
    flavors = [{"id": "7", "name": "db.tiny"}]
    spec = {"datastores": [{"name": "pg", "versions": [version]}], "flavors": flavors}
    sim = Simulator(clock=VirtualClock(), catalog=catalog_of(spec))
    shown = sim.show_datastore_version(ADMIN, "pg", "16")
    assert (shown["active"], shown["packages"], shown["image"], shown["image_tags"]) == (
        True,
        "pg16",
        "i",
        ["pg", "16"],
    )
    assert sim.show_datastore(ADMIN, "pg")["versions"][0]["image_tags"] == ["pg", "16"]
    for answer in (
        sim.show_datastore_version(ANYONE, "pg", "16"),
        *sim.list_datastore_versions(ANYONE, "pg"),
        *sim.show_datastore(ANYONE, "pg")["versions"],
        *sim.list_datastores(ANYONE)[0]["versions"],
    ):
        assert not ADMIN_ONLY & set(answer), answer
    default = Simulator(clock=VirtualClock()).show_datastore_version(ADMIN, "mysql", "5.6")
    assert (default["packages"], default["image"], default["image_tags"]) == ("", "", [])


def test_retired_versions_are_listed_to_the_admin_only_and_shown_when_asked_for():
    sim = sparse()
    assert versions_of(sim, "pg") == ["16"]
    assert [v["name"] for v in sim.list_datastore_versions(ADMIN, "pg")] == ["16", "9.6"]
    assert [v["name"] for v in sim.list_datastores(ADMIN)[0]["versions"]] == ["16", "9.6"]
    assert [v["name"] for v in sim.list_datastores(ANYONE)[0]["versions"]] == ["16"]
    # A datastore's own show gives its active versions, to the admin too.
    assert [v["name"] for v in sim.show_datastore(ADMIN, "pg")["versions"]] == ["16"]
    retired = sim.show_datastore_version(ANYONE, "pg", "9.6")
    assert sim.show_datastore_version(ANYONE, "pg", retired["id"]) == retired
    assert sim.show_datastore_version(ADMIN, "pg", "9.6")["active"] is False


def test_a_datastore_with_retired_versions_only_is_listed_to_the_admin_only():
    spec = {
        "datastores": [
            {"name": "pg", "versions": ["16"]},
            {"name": "old", "versions": [{"name": "1", "active": False}]},
        ],
        "flavors": [{"id": "7", "name": "db.tiny"}],
    }
    sim = Simulator(clock=VirtualClock(), catalog=catalog_of(spec))
    assert [d["name"] for d in sim.list_datastores(ANYONE)] == ["pg"]
    assert [d["name"] for d in sim.list_datastores(ADMIN)] == ["pg", "old"]
    assert sim.show_datastore(ANYONE, "old")["versions"] == []


def test_a_version_id_of_another_datastore_is_trove_s_model_not_found(world, refused):
    redis = world.sim.show_datastore(ANYONE, "redis")["versions"][0]["id"]
    message = "DBDatastoreVersion Not Found"
    refused(lambda: world.sim.show_datastore_version(ANYONE, "mysql", redis), 404, message)


@pytest.mark.parametrize(
    ("flavor_id", "sent"),
    [
        ("15", 15),
        ("007", None),
        ("d2.medium", None),
        ("0b3f5a9e-6c1d-4e2f-8a7b-1c2d3e4f5a6b", None),
    ],
)
def test_a_flavor_id_is_sent_as_a_number_only_where_it_reads_as_one(flavor_id, sent):
    spec = {
        "datastores": [{"name": "pg", "versions": ["16"]}],
        "flavors": [{"id": flavor_id, "name": "db", "ram": 512, "disk": 5, "ephemeral": 2}],
    }
    sim = Simulator(clock=VirtualClock(), catalog=catalog_of(spec))
    shown = sim.show_flavor(ANYONE, flavor_id)
    assert (shown["id"], shown["str_id"], shown["disk"], shown["ephemeral"]) == (
        sent,
        flavor_id,
        5,
        2,
    )
    assert sim.list_flavors(ANYONE) == [shown]
