"""module-create (behaviour §1.1, §2.2, M2, §7): fields and defaults, md5, types, uniqueness."""

from __future__ import annotations

import hashlib

import pytest
from sim_world import DETAILED_KEYS


def ds_id(world, name: str) -> str:
    return world.sim.show_datastore(world.alice, name)["id"]


def ver_id(world, ds: str, version: str) -> str:
    return world.sim.show_datastore_version(world.alice, ds, version)["id"]


def test_create_answers_every_detailed_field_and_no_contents_or_count(world):
    mod = world.module(world.alice)
    assert set(mod) == DETAILED_KEYS


def test_create_defaults_match_trove(world):
    mod = world.module(world.alice)
    assert mod["description"] is None
    assert mod["auto_apply"] is False
    assert mod["visible"] is True
    assert mod["live_update"] is False
    assert mod["priority_apply"] is False
    assert mod["apply_order"] == 5
    assert mod["is_admin"] is False
    assert (mod["datastore"], mod["datastore_id"]) == ("all", None)
    assert (mod["datastore_version"], mod["datastore_version_id"]) == ("all", None)


def test_create_stamps_created_and_updated_with_the_clock_without_microseconds(world):
    world.sim.advance_clock(0.75)
    mod = world.module(world.alice)
    assert mod["created"] == mod["updated"] == "2017-06-02T17:06:21"


def test_create_keeps_every_given_field(world):
    mod = world.module(
        world.alice,
        "licensed",
        description="the license",
        live_update=1,
        apply_order=0,
        datastore={"type": "mysql", "version": "5.7"},
    )
    assert mod["name"] == "licensed"
    assert mod["description"] == "the license"
    assert mod["live_update"] is True
    assert mod["apply_order"] == 0
    assert (mod["datastore"], mod["datastore_version"]) == ("mysql", "5.7")
    assert mod["datastore_id"] == ds_id(world, "mysql")
    assert mod["datastore_version_id"] == ver_id(world, "mysql", "5.7")


def test_admin_options_given_by_an_admin_are_kept(world):
    mod = world.module(world.admin, all_tenants=1, auto_apply=1, visible=0, priority_apply=1)
    assert (mod["auto_apply"], mod["visible"], mod["priority_apply"]) == (True, False, True)
    assert mod["tenant"] == "all"


def test_create_with_datastore_only_is_bound_to_all_its_versions(world):
    mod = world.module(world.alice, datastore={"type": "redis"})
    assert (mod["datastore"], mod["datastore_version"]) == ("redis", "all")
    assert mod["datastore_version_id"] is None


def test_create_accepts_datastore_and_version_ids(world):
    version = ver_id(world, "mysql", "5.6")
    mod = world.module(world.alice, datastore={"type": ds_id(world, "mysql"), "version": version})
    assert (mod["datastore"], mod["datastore_version"]) == ("mysql", "5.6")


@pytest.mark.parametrize(
    ("text", "md5"),
    [
        ("message=Module.V1\n", "7f700cc7b99606615f8b51946f6d3228"),
        ("message=Module.V2\n", "ba7c204979c8de54be6efb70a17d40b9"),
        ("message=Module.V3\n", "869744bdd18e306a96c145df562065ab"),
        ("message=Module.V4\n", "6e2c81c1547d640b4c6e7752ed0e33ab"),
    ],
)
def test_md5_is_over_contents_text_as_received(world, text, md5):
    assert world.module(world.alice, text=text)["md5"] == md5


def test_md5_of_a_raw_non_base64_contents_string_is_over_that_string(world):
    body = {"name": "raw", "module_type": "ping", "contents": "message=Module.V1\n"}
    mod = world.sim.create_module(world.alice, {"module": body})
    assert mod["md5"] == hashlib.md5(b"message=Module.V1\n").hexdigest()


def test_create_stores_the_module_type_lower_cased(world):
    mod = world.module(world.alice, module_type="PING")
    assert mod["type"] == "ping"


def test_new_relic_license_is_a_module_type(world):
    mod = world.module(world.alice, module_type="new_relic_license", text="license_key=abc\n")
    assert mod["type"] == "new_relic_license"


def test_unknown_module_type_is_404_with_the_type_as_given(world, refused):
    refused(
        lambda: world.module(world.alice, module_type="invalid-type"),
        404,
        "Module type 'invalid-type' was not found.",
    )


def test_unknown_datastore_is_404(world, refused):
    refused(
        lambda: world.module(world.alice, datastore={"type": "nosql"}),
        404,
        "Datastore 'nosql' cannot be found.",
    )


def test_unknown_datastore_version_name_is_400(world, refused):
    refused(
        lambda: world.module(world.alice, datastore={"type": "mysql", "version": "9.9"}),
        400,
        "Datastore version '9.9' cannot be found.",
    )


def test_version_without_datastore_is_400(world, refused):
    refused(
        lambda: world.module(world.alice, datastore={"version": "5.6"}),
        400,
        "Datastore 'None' has no version '5.6'.",
    )


def test_version_id_of_another_datastore_is_404(world, refused):
    redis_version = ver_id(world, "redis", "3.2.6")
    refused(
        lambda: world.module(world.alice, datastore={"type": "mysql", "version": redis_version}),
        404,
        lambda message: bool(message),
    )


def test_duplicate_module_is_400_naming_all_for_unbound_datastores(world, refused):
    world.module(world.alice, "dup")
    refused(
        lambda: world.module(world.alice, "dup"),
        400,
        "A module with the name 'dup' already exists for datastore 'all' "
        "and datastore version 'all'",
    )


def test_duplicate_module_message_shows_datastore_and_version_ids(world, refused):
    bound = {"type": "mysql", "version": "5.7"}
    world.module(world.alice, "dup", datastore=bound)
    refused(
        lambda: world.module(world.alice, "dup", datastore=bound),
        400,
        f"A module with the name 'dup' already exists for datastore '{ds_id(world, 'mysql')}' "
        f"and datastore version '{ver_id(world, 'mysql', '5.7')}'",
    )


def test_uniqueness_compares_the_type_case_insensitively(world, refused):
    world.module(world.alice, "dup", module_type="ping")
    refused(
        lambda: world.module(world.alice, "dup", module_type="PING"),
        400,
        lambda message: message.startswith("A module with the name 'dup' already exists"),
    )


def test_same_name_is_allowed_for_another_tenant_datastore_type_or_all_tenants(world):
    world.module(world.alice, "same")
    world.module(world.bob, "same")
    world.module(world.alice, "same", datastore={"type": "mysql"})
    world.module(world.alice, "same", datastore={"type": "mysql", "version": "5.6"})
    world.module(world.alice, "same", module_type="new_relic_license")
    world.module(world.admin, "same", all_tenants=1)
    names = [m["name"] for m in world.sim.list_modules(world.admin)]
    assert names == ["same"] * 6


def test_a_deleted_modules_name_can_be_reused(world):
    first = world.module(world.alice, "again")
    world.sim.delete_module(world.alice, first["id"])
    second = world.module(world.alice, "again")
    assert second["id"] != first["id"]


def test_each_create_gets_a_new_uuid(world):
    first = world.module(world.alice, "one")
    second = world.module(world.alice, "two")
    assert first["id"] != second["id"]
    assert len(first["id"]) == 36
