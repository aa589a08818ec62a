"""python-troveclient against ``trovesim serve``: the module routes (M1-M7) and the modules on an
instance (I1-I3), as admin and as two tenants. Expected codes and texts are from
docs/behaviour.md §0.2 and §2, and docs/differences.md where the simulator differs.
"""

from __future__ import annotations

import base64
import hashlib

import httpx
import pytest
from troveclient import exceptions

V1 = "message=Module.V1\n"
V2 = "message=Module.V2\n"


def md5_of(contents: str) -> str:
    """The md5 Trove reports: of the base64 text the client sends (docs/differences.md #12)."""
    return hashlib.md5(base64.b64encode(contents.encode()).decode().encode()).hexdigest()


def refused(error: pytest.ExceptionInfo, status: int, message: str) -> None:
    assert error.value.http_status == status
    assert str(error.value) == f"{message} (HTTP {status})"


def instance_with(client, name: str, *modules, datastore: str | None = None):
    return client.instances.create(
        name, "15", volume={"size": 1}, datastore=datastore, modules=[m.id for m in modules]
    )


def test_tenant_creates_shows_and_lists_its_module(alice, bob):
    created = alice.modules.create("mod-a", "PING", V1, description="first", apply_order=3)

    assert created._info == {
        **created._info,
        "name": "mod-a",
        "type": "ping",
        "description": "first",
        "tenant": "tenant-a",
        "tenant_id": "tenant-a",
        "datastore": "all",
        "datastore_id": None,
        "datastore_version": "all",
        "datastore_version_id": None,
        "auto_apply": False,
        "visible": True,
        "live_update": False,
        "priority_apply": False,
        "apply_order": 3,
        "is_admin": False,
        "md5": md5_of(V1),
    }
    assert "instance_count" not in created._info
    shown = alice.modules.get(created.id)
    assert shown.instance_count == 0
    assert shown.created == created.created
    assert [m.name for m in alice.modules.list()] == ["mod-a"]
    assert bob.modules.list() == []
    with pytest.raises(exceptions.NotFound) as error:
        bob.modules.get(created.id)
    refused(error, 404, f"Module with ID {created.id} could not be found.")


def test_admin_sees_every_module_and_tenants_see_all_tenant_ones(admin, alice, bob):
    mine = alice.modules.create("mod-a", "ping", V1)
    shared = admin.modules.create("shared", "ping", V1, all_tenants=True, auto_apply=True)
    hidden = admin.modules.create("hidden", "ping", V1, all_tenants=True, visible=False)

    assert shared.tenant == "all" and shared.tenant_id is None and shared.is_admin is True
    assert {m.name for m in admin.modules.list()} == {"mod-a", "shared", "hidden"}
    assert {m.name for m in alice.modules.list()} == {"mod-a", "shared"}
    assert {m.name for m in bob.modules.list()} == {"shared"}
    assert {m.name for m in bob.modules.list(datastore="all")} == {"shared"}
    with pytest.raises(exceptions.NotFound):
        bob.modules.get(hidden.id)
    assert admin.modules.get(mine.id).tenant == "tenant-a"


def test_module_list_filters_by_datastore(alice):
    alice.modules.create("any", "ping", V1)
    alice.modules.create("for-mysql", "ping", V1, datastore="mysql", datastore_version="5.7")

    bound = alice.modules.list(datastore="mysql")
    assert [(m.name, m.datastore, m.datastore_version) for m in bound] == [
        ("for-mysql", "mysql", "5.7")
    ]
    assert [m.name for m in alice.modules.list(datastore="all")] == ["any"]
    with pytest.raises(exceptions.NotFound) as error:
        alice.modules.list(datastore="nosuch")
    refused(error, 404, "Datastore 'nosuch' cannot be found.")


@pytest.mark.parametrize(
    ("options", "shown"),
    [
        ({"auto_apply": True}, "(Auto: 1)"),
        ({"all_tenants": True}, "(Tenant: all)"),
        ({"visible": False}, "(Visible: 0)"),
        ({"priority_apply": True, "full_access": False}, "(Priority: 1, Full Access: 0)"),
    ],
)
def test_tenant_may_not_use_admin_options(alice, options, shown):
    with pytest.raises(exceptions.Forbidden) as error:
        alice.modules.create("m", "ping", V1, **options)
    refused(error, 403, f"You must be admin to create a module with these options. {shown}")
    assert alice.modules.list() == []


def test_create_is_validated_as_trove_does(alice):
    with pytest.raises(exceptions.BadRequest) as error:
        alice.modules.create("m", "ping", V1, apply_order=10)
    refused(
        error, 400, "Validation error: module['apply_order'] 10 is greater than the maximum of 9"
    )
    with pytest.raises(exceptions.NotFound) as error:
        alice.modules.create("m", "invalid-type", V1)
    refused(error, 404, "Module type 'invalid-type' was not found.")
    with pytest.raises(exceptions.BadRequest) as error:
        alice.modules.create("m", "ping", V1, datastore_version="5.6")
    refused(error, 400, "Datastore 'None' has no version '5.6'.")
    alice.modules.create("m", "ping", V1)
    with pytest.raises(exceptions.BadRequest) as error:
        alice.modules.create("m", "ping", V2)
    refused(
        error,
        400,
        "A module with the name 'm' already exists for datastore 'all' and datastore version 'all'",
    )


def test_update_changes_fields_and_admin_modules_stay_locked(admin, alice):
    mine = alice.modules.create("mod-a", "ping", V1)
    updated = alice.modules.update(mine, name="mod-b", description="new", contents=V2)
    assert (updated.name, updated.description, updated.md5) == ("mod-b", "new", md5_of(V2))
    assert updated.created == mine.created

    shared = admin.modules.create("shared", "ping", V1, all_tenants=True)
    with pytest.raises(exceptions.Forbidden) as error:
        alice.modules.update(shared, description="mine now")
    refused(
        error,
        403,
        "You must be admin to update a module with these options. (Module is an admin module)",
    )
    with pytest.raises(exceptions.Forbidden) as error:
        alice.modules.delete(shared)
    refused(error, 403, "You must be admin to delete a module with these options. (Tenant: all)")
    assert admin.modules.update(shared, description="ok").description == "ok"


def test_update_accepts_the_clients_type_key(alice):
    module = alice.modules.create("m", "ping", V1)
    assert alice.modules.update(module, module_type="NEW_RELIC_LICENSE").type == "new_relic_license"


def test_delete_answers_empty_and_module_is_gone(world, alice):
    module = alice.modules.create("m", "ping", V1)
    answer = httpx.delete(
        f"{world.endpoint('tenant-a')}/modules/{module.id}",
        headers={"X-Auth-Token": "alice-token"},
    )
    assert (answer.status_code, answer.content) == (200, b"")
    with pytest.raises(exceptions.NotFound):
        alice.modules.get(module.id)


def test_applied_module_is_frozen_unless_live_update(alice):
    frozen = alice.modules.create("frozen", "ping", V1)
    live = alice.modules.create("live", "ping", V1, live_update=True)
    instance_with(alice, "i1", frozen, live)

    message = (
        "A module cannot be deleted or its contents modified if it has been applied to a "
        "non-terminated instance, unless the module has been marked as 'live_update.' "
        "Please remove the module from all non-terminated instances and try again."
    )
    with pytest.raises(exceptions.Forbidden) as error:
        alice.modules.update(frozen, contents=V2)
    refused(error, 403, message)
    with pytest.raises(exceptions.Forbidden) as error:
        alice.modules.delete(frozen)
    refused(error, 403, message)
    assert alice.modules.update(live, contents=V2).md5 == md5_of(V2)
    alice.modules.delete(live)


def test_module_instances_are_tenant_scoped_and_paged(world, admin, alice, bob):
    shared = admin.modules.create("shared", "ping", V1, all_tenants=True, live_update=True)
    ids = sorted(instance_with(alice, f"a{n}", shared).id for n in range(3))
    instance_with(bob, "b0", shared)

    assert sorted(i.id for i in alice.modules.instances(shared)) == ids
    assert len(admin.modules.instances(shared)) == 4
    assert len(bob.modules.instances(shared)) == 1
    first = alice.modules.instances(shared, limit=2)
    assert [i.id for i in first] == ids[:2] and first.next == ids[1]
    second = alice.modules.instances(shared, limit=2, marker=first.next)
    assert [i.id for i in second] == ids[2:] and second.next is None
    listed = httpx.get(
        f"{world.endpoint('tenant-a')}/modules/{shared.id}/instances?limit=2",
        headers={"X-Auth-Token": "alice-token"},
    ).json()
    assert listed["links"][0]["rel"] == "next"
    assert f"marker={ids[1]}" in listed["links"][0]["href"]
    item = listed["instances"][0]
    assert (item["datastore"], item["flavor"]["id"], item["volume"]["size"]) == (
        {"type": "redis", "version": "3.2.6"},
        "15",
        1,
    )
    assert "tenant_id" not in item
    assert admin.modules.instances(shared)[0].tenant_id in ("tenant-a", "tenant-b")
    with pytest.raises(exceptions.BadRequest):
        alice.modules.instances(shared, limit="zero")


def test_instance_count_and_reapply(world, alice):
    module = alice.modules.create("m", "ping", V1, live_update=True)
    instance_with(alice, "i1", module)
    instance_with(alice, "i2", module)
    alice.clusters.create(
        "c1",
        "redis",
        "3.2.6",
        instances=[{"flavorRef": "15", "volume": {"size": 1}, "modules": [{"id": module.id}]}],
    )
    alice.modules.update(module, contents=V2)

    def counts(**flags):
        rows = alice.modules.instances(module, count_only=True, **flags)
        return [(r.module_name, r.module_md5, r.current, r.instance_count) for r in rows]

    assert counts() == [("m", md5_of(V1), False, 2)]
    assert counts(include_clustered=True) == [("m", md5_of(V1), False, 3)]
    assert alice.modules.reapply(module, include_clustered=False) is None
    assert counts(include_clustered=True) == [
        ("m", md5_of(V1), False, 1),
        ("m", md5_of(V2), True, 2),
    ]
    assert alice.modules.get(module).instance_count == 2
    runs = world.control("GET", f"/modules/{module.id}/reapply-runs").json()["runs"]
    assert [(r["status"], r["applied"], r["skipped"]) for r in runs] == [("COMPLETE", 2, 1)]


def test_reapply_with_a_delay_past_the_calendar_is_refused_and_keeps_nothing(world, alice):
    module = alice.modules.create("m", "ping", V1, live_update=True)
    instance_with(alice, "i1", module)
    instance_with(alice, "i2", module)
    alice.modules.update(module, contents=V2)
    with pytest.raises(exceptions.BadRequest) as error:
        alice.modules.reapply(module, batch_size=1, delay=10**12)
    refused(
        error,
        400,
        "Validation error: reapply['batch_delay'] 1000000000000 puts the last batch past the "
        "year 9999",
    )
    assert world.control("GET", f"/modules/{module.id}/reapply-runs").json()["runs"] == []


def test_flags_are_parsed_as_upstream(world, alice):
    module = alice.modules.create("m", "ping", V1)
    instance = instance_with(alice, "i1", module)
    headers = {"X-Auth-Token": "alice-token"}
    base = world.endpoint("tenant-a")

    def get(path: str) -> dict:
        answer = httpx.get(f"{base}{path}", headers=headers)
        assert answer.status_code == 200, answer.text
        return answer.json()

    counted = get(f"/modules/{module.id}/instances?count_only=TRUE")["instances"]
    assert counted[0]["instance_count"] == 1
    listed = get(f"/modules/{module.id}/instances?count_only=1")["instances"]
    assert listed[0]["id"] == instance.id
    for value, shown in (("yes", True), ("1", True), ("True", True), ("false", False)):
        found = get(f"/instances/{instance.id}/modules?include_contents={value}")["modules"]
        assert (found[0]["contents"] is not None) is shown, value
    contents = get(f"/instances/{instance.id}/modules?include_contents=YES")["modules"][0]
    assert base64.b64decode(contents["contents"]).decode() == V1


def test_apply_query_retrieve_and_remove(alice, bob, tmp_path):
    first = alice.modules.create("first", "ping", V1, apply_order=7)
    second = alice.modules.create("second", "ping", "message=Second\n", apply_order=2)
    instance = instance_with(alice, "i1", first, datastore="mysql")

    queried = alice.instances.module_query(instance)
    assert [(m.name, m.status, m.message) for m in queried] == [("first", "OK", "Module.V1")]
    applied = alice.instances.module_apply(instance, [second])
    assert [(m.name, m.type, m.datastore, m.status, m.message) for m in applied] == [
        ("second", "ping", "all", "OK", "Second")
    ]
    assert {m.name for m in alice.instances.modules(instance)} == {"first", "second"}
    written = alice.instances.module_retrieve(instance, directory=str(tmp_path), prefix="p")
    assert (tmp_path / "p_first_all_all.dat").read_text() == V1
    assert set(written) == {"first", "second"}

    assert alice.instances.module_remove(instance, second) is None
    assert [m.name for m in alice.instances.module_query(instance)] == ["first"]
    with pytest.raises(exceptions.BadRequest) as error:
        alice.instances.module_remove(instance, alice.modules.create("never", "ping", V1))
    refused(error, 400, "Module 'never' has not been applied")
    with pytest.raises(exceptions.NotFound) as error:
        bob.instances.module_query(instance)
    refused(error, 404, f"Resource {instance.id} cannot be found.")
    with pytest.raises(exceptions.NotFound) as error:
        bob.instances.module_apply(instance, [second])
    refused(error, 404, f"Resource {instance.id} cannot be found.")


def test_apply_refuses_wrong_datastore_and_unknown_modules(alice):
    for_mysql = alice.modules.create("m", "ping", V1, datastore="mysql")
    instance = instance_with(alice, "i1")
    with pytest.raises(exceptions.BadRequest) as error:
        alice.instances.module_apply(instance, [for_mysql])
    assert "The module is invalid: Module 'm' cannot be applied  (Wrong datastore" in str(
        error.value
    )
    missing = "00000000-0000-4000-8000-000000000000"
    with pytest.raises(exceptions.NotFound) as error:
        alice.instances.module_apply(instance, [missing])
    refused(error, 404, f"Module with ID {missing} could not be found.")


def test_guest_faults_reach_the_client(world, alice):
    module = alice.modules.create("m", "ping", V1)
    instance = instance_with(alice, "i1", module)
    path = f"/instances/{instance.id}/fault"

    assert world.control("POST", path, json={"kind": "error", "message": "disk full"}).is_success
    with pytest.raises(exceptions.BadRequest) as error:
        alice.instances.module_query(instance)
    refused(error, 400, "An error occurred communicating with the guest: disk full.")
    assert world.control("POST", path, json={"kind": "timeout"}).is_success
    with pytest.raises(exceptions.BadRequest) as error:
        alice.instances.module_apply(instance, [module])
    refused(error, 400, "Timeout trying to connect to the Guest Agent.")
    assert world.control("DELETE", path).status_code == 204
    assert [m.name for m in alice.instances.module_query(instance)] == ["m"]
