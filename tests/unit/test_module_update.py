"""module-update (behaviour M4; differences #4, #5, #11): each field, the type key, uniqueness."""

from __future__ import annotations

import datetime as dt

from sim_world import b64


def test_update_changes_each_given_field_and_keeps_the_rest(world):
    mod = world.module(world.alice, description="before", apply_order=3)
    updated = world.update(
        world.alice, mod, name="renamed", description="after", apply_order=7, live_update=1
    )
    assert (updated["name"], updated["description"]) == ("renamed", "after")
    assert (updated["apply_order"], updated["live_update"]) == (7, True)
    assert updated["md5"] == mod["md5"]
    assert updated["type"] == "ping"
    assert world.sim.show_module(world.alice, mod["id"])["name"] == "renamed"


def test_update_bumps_updated_and_keeps_created(world):
    mod = world.module(world.alice)
    world.at(dt.datetime(2017, 6, 2, 17, 56, 12))
    updated = world.update_text(world.alice, mod, "message=Module.V2\n")
    assert updated["created"] == "2017-06-02T17:06:21"
    assert updated["updated"] == "2017-06-02T17:56:12"
    assert updated["md5"] == "ba7c204979c8de54be6efb70a17d40b9"


def test_update_with_identical_contents_keeps_the_md5(world):
    mod = world.module(world.alice)
    assert world.update_text(world.alice, mod, "message=Module.V1\n")["md5"] == mod["md5"]


def test_update_answers_live_update_but_no_instance_count(world):
    updated = world.update(world.alice, world.module(world.alice), description="d")
    assert "live_update" in updated
    assert "instance_count" not in updated
    assert "contents" not in updated


def test_update_with_the_clients_type_key_validates_and_lower_cases_it(world):
    mod = world.module(world.alice)
    updated = world.update(world.alice, mod, type="NEW_RELIC_LICENSE")
    assert updated["type"] == "new_relic_license"


def test_update_with_module_type_key_is_honoured_too(world):
    mod = world.module(world.alice)
    assert world.update(world.alice, mod, module_type="New_Relic_License")["type"] == (
        "new_relic_license"
    )


def test_update_to_an_unknown_type_is_404(world, refused):
    mod = world.module(world.alice)
    refused(
        lambda: world.update(world.alice, mod, type="bogus"),
        404,
        "Module type 'bogus' was not found.",
    )


def test_update_to_a_duplicate_name_is_400(world, refused):
    world.module(world.alice, "taken")
    other = world.module(world.alice, "other")
    refused(
        lambda: world.update(world.alice, other, name="taken"),
        400,
        "A module with the name 'taken' already exists for datastore 'all' "
        "and datastore version 'all'",
    )


def test_update_to_a_duplicate_by_type_change_is_400(world, refused):
    world.module(world.alice, "same", module_type="new_relic_license", text="license_key=x\n")
    ping = world.module(world.alice, "same")
    refused(
        lambda: world.update(world.alice, ping, type="NEW_RELIC_LICENSE"),
        400,
        lambda message: message.startswith("A module with the name 'same' already exists"),
    )


def test_update_keeping_its_own_name_is_not_a_duplicate(world):
    mod = world.module(world.alice, "self")
    assert world.update(world.alice, mod, name="self")["name"] == "self"


def test_update_binds_and_unbinds_datastore_and_version(world):
    mod = world.module(world.alice)
    bound = world.update(world.alice, mod, datastore={"type": "mysql", "version": "5.7"})
    assert (bound["datastore"], bound["datastore_version"]) == ("mysql", "5.7")
    loose_version = world.update(world.alice, mod, all_datastore_versions=1)
    assert (loose_version["datastore"], loose_version["datastore_version"]) == ("mysql", "all")
    loose = world.update(world.alice, mod, all_datastores=1)
    assert (loose["datastore"], loose["datastore_id"]) == ("all", None)


def test_all_datastores_0_changes_nothing(world):
    mod = world.module(world.alice, datastore={"type": "mysql", "version": "5.6"})
    updated = world.update(world.alice, mod, all_datastores=0, all_datastore_versions=0)
    assert (updated["datastore"], updated["datastore_version"]) == ("mysql", "5.6")


def test_all_datastores_with_a_datastore_is_400(world, refused):
    mod = world.module(world.alice)
    refused(
        lambda: world.update(world.alice, mod, all_datastores=1, datastore={"type": "mysql"}),
        400,
        "The module is invalid: You cannot set a datastore and specify --all_datastores",
    )


def test_all_datastore_versions_with_a_version_is_400(world, refused):
    mod = world.module(world.alice)
    refused(
        lambda: world.update(
            world.alice,
            mod,
            all_datastore_versions=1,
            datastore={"type": "mysql", "version": "5.6"},
        ),
        400,
        "The module is invalid: You cannot set a datastore version and specify "
        "--all_datastore_versions",
    )


def test_clearing_the_datastore_while_a_version_is_kept_is_400(world, refused):
    mod = world.module(world.alice, datastore={"type": "mysql", "version": "5.6"})
    refused(
        lambda: world.update(world.alice, mod, all_datastores=1),
        400,
        f"Datastore 'None' has no version '{mod['datastore_version_id']}'.",
    )


def test_update_to_an_unknown_datastore_is_404(world, refused):
    mod = world.module(world.alice)
    refused(
        lambda: world.update(world.alice, mod, datastore={"type": "nosql"}),
        404,
        "Datastore 'nosql' cannot be found.",
    )


def test_update_of_an_unknown_module_is_404(world, refused):
    missing = "11111111-2222-3333-4444-555555555555"
    refused(
        lambda: world.sim.update_module(world.alice, missing, {"module": {"name": "x"}}),
        404,
        f"Module with ID {missing} could not be found.",
    )


def test_admin_turning_all_tenants_off_moves_the_module_into_the_admins_tenant(world):
    shared = world.module(world.admin, all_tenants=1)
    assert world.update(world.admin, shared, all_tenants=0)["tenant_id"] == "admin"


def test_update_changes_contents_the_guest_receives_on_next_apply(world):
    mod = world.module(world.alice, live_update=1)
    inst = world.instance(world.alice)
    world.update(world.alice, mod, contents=b64("message=Changed\n"))
    assert [r["message"] for r in world.apply(world.alice, inst, mod)] == ["Changed"]
