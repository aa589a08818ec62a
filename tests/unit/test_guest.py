"""Guests (behaviour §8, §9, I1-I3; differences #15, #17, #19, #26): apply results and ordering,
module-query, module-remove, include_contents and its admin mask."""

from __future__ import annotations

import base64
import datetime as dt
import re

from sim_world import b64

RESULT_KEYS = {
    "id",
    "name",
    "type",
    "datastore",
    "datastore_version",
    "tenant",
    "md5",
    "status",
    "message",
    "created",
    "updated",
    "removed",
    "auto_apply",
    "visible",
    "is_admin",
    "contents",
}
GUEST_TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d\d$")


def names(results: list[dict]) -> list[str]:
    return [r["name"] for r in results]


def test_apply_result_has_every_field_of_the_guest_result(world):
    mod = world.module(world.alice)
    inst = world.instance(world.alice)
    (result,) = world.apply(world.alice, inst, mod)
    assert set(result) == RESULT_KEYS
    assert result["id"] == mod["id"]
    assert (result["type"], result["md5"]) == ("ping", mod["md5"])
    assert (result["status"], result["message"]) == ("OK", "Module.V1")
    assert (result["datastore"], result["datastore_version"], result["tenant"]) == (
        "all",
        "all",
        "tenant-a",
    )
    assert (result["auto_apply"], result["visible"], result["is_admin"]) == (False, True, False)
    assert result["removed"] is None
    assert result["contents"] is None


def test_apply_result_names_the_bound_datastore_and_all_tenants(world):
    mod = world.module(
        world.admin, all_tenants=1, datastore={"type": "mysql", "version": "5.6"}, visible=0
    )
    inst = world.instance(world.alice)
    (result,) = world.apply(world.admin, inst, mod)
    assert (result["datastore"], result["datastore_version"], result["tenant"]) == (
        "mysql",
        "5.6",
        "all",
    )
    assert (result["visible"], result["is_admin"]) == (False, True)


def test_guest_time_format_is_date_space_time_with_two_fraction_digits(world):
    mod = world.module(world.alice)
    inst = world.instance(world.alice)
    world.at(dt.datetime(2017, 6, 2, 17, 23, 40, 504321))
    (result,) = world.apply(world.alice, inst, mod)
    assert result["created"] == result["updated"] == "2017-06-02 17:23:40.50"
    assert GUEST_TIME.match(result["created"])


def test_reapply_keeps_guest_created_and_moves_updated(world):
    mod = world.module(world.alice)
    inst = world.instance(world.alice)
    world.apply(world.alice, inst, mod)
    world.at(dt.datetime(2017, 6, 2, 18, 0, 0, 250000))
    (again,) = world.apply(world.alice, inst, mod)
    assert again["created"] == "2017-06-02 17:06:21.00"
    assert again["updated"] == "2017-06-02 18:00:00.25"


def test_guest_created_survives_remove_and_reapply(world):
    mod = world.module(world.alice)
    inst = world.instance(world.alice, modules=[mod])
    world.at(dt.datetime(2017, 6, 2, 18, 0, 0))
    world.sim.remove_module(world.alice, inst["id"], mod["id"])
    assert world.query(world.alice, inst) == []
    world.at(dt.datetime(2017, 6, 2, 19, 0, 0))
    (back,) = world.apply(world.alice, inst, mod)
    assert back["created"] == "2017-06-02 17:06:21.00"
    assert back["removed"] is None
    assert names(world.query(world.alice, inst)) == ["mymod"]


def test_reapply_result_reflects_the_modules_new_name_and_contents(world):
    mod = world.module(world.alice, live_update=1)
    inst = world.instance(world.alice, modules=[mod])
    world.update(world.alice, mod, name="renamed", contents=b64("message=Module.V2\n"))
    world.apply(world.alice, inst, mod)
    (result,) = world.query(world.alice, inst)
    assert (result["name"], result["message"], result["md5"]) == (
        "renamed",
        "Module.V2",
        "ba7c204979c8de54be6efb70a17d40b9",
    )


def test_apply_ordering_follows_the_blueprints_table(world):
    """Priority first, then apply_order 0..9: (Yes 0), (Yes 4), (Yes 9), (No 0), (No 1), (No 9)."""
    table = {
        "p9": (1, 9),
        "n1": (0, 1),
        "p0": (1, 0),
        "n9": (0, 9),
        "p4": (1, 4),
        "n0": (0, 0),
    }
    modules = [
        world.module(world.admin, name, priority_apply=prio, apply_order=order)
        for name, (prio, order) in table.items()
    ]
    inst = world.instance(world.admin)
    results = world.apply(world.admin, inst, *reversed(modules))
    assert names(results) == ["p0", "p4", "p9", "n0", "n1", "n9"]


def test_apply_order_ties_keep_request_order(world):
    first_made = world.module(world.alice, "a")
    second_made = world.module(world.alice, "b")
    third_made = world.module(world.alice, "c")
    inst = world.instance(world.alice)
    results = world.apply(world.alice, inst, third_made, first_made, second_made)
    assert names(results) == ["c", "a", "b"]


def test_apply_order_lower_first_regardless_of_request_order(world):
    late = world.module(world.alice, "late", apply_order=8)
    early = world.module(world.alice, "early", apply_order=2)
    middle = world.module(world.alice, "middle")
    inst = world.instance(world.alice)
    assert names(world.apply(world.alice, inst, late, middle, early)) == ["early", "middle", "late"]


def test_instance_create_applies_modules_in_blueprint_order(world):
    late = world.module(world.alice, "late", apply_order=9)
    early = world.module(world.alice, "early", apply_order=0)
    inst = world.instance(world.alice, modules=[late, early])
    assert names(reversed(world.query(world.alice, inst))) == ["early", "late"]


def test_apply_of_an_unknown_module_is_404(world, refused):
    inst = world.instance(world.alice)
    missing = "11111111-2222-3333-4444-555555555555"
    refused(
        lambda: world.sim.apply_modules(world.alice, inst["id"], {"modules": [{"id": missing}]}),
        404,
        f"Module with ID {missing} could not be found.",
    )


def test_apply_to_an_unknown_instance_is_404(world, refused):
    mod = world.module(world.alice)
    missing = "11111111-2222-3333-4444-555555555555"
    refused(
        lambda: world.sim.apply_modules(world.alice, missing, {"modules": [{"id": mod["id"]}]}),
        404,
        f"Resource {missing} cannot be found.",
    )


def test_apply_of_a_module_for_another_datastore_is_400(world, refused):
    mod = world.module(world.alice, "m", datastore={"type": "redis"})
    inst = world.instance(world.alice, datastore="mysql")
    refused(
        lambda: world.apply(world.alice, inst, mod),
        400,
        lambda message: message.startswith(
            "The module is invalid: Module 'm' cannot be applied  (Wrong datastore '"
        ),
    )


def test_apply_of_no_modules_answers_an_empty_list(world):
    inst = world.instance(world.alice)
    assert world.apply(world.alice, inst) == []


def test_apply_without_a_module_list_applies_nothing(world):
    inst = world.instance(world.alice)
    assert world.sim.apply_modules(world.alice, inst["id"], {}) == []
    assert world.records() == []


def test_apply_writes_a_record_even_when_the_guest_reports_error(world):
    mod = world.module(world.alice, text="nothing=here\n")
    inst = world.instance(world.alice)
    (result,) = world.apply(world.alice, inst, mod)
    assert result["status"] == "ERROR"
    assert world.counts(world.alice, mod) == [(mod["md5"], True, 1)]


def test_contents_that_are_not_base64_fail_the_apply_with_a_guest_error(world, refused):
    body = {"name": "bad", "module_type": "ping", "contents": "abc"}
    mod = world.sim.create_module(world.alice, {"module": body})
    inst = world.instance(world.alice)
    refused(
        lambda: world.apply(world.alice, inst, mod),
        400,
        lambda message: message.startswith("An error occurred communicating with the guest: "),
    )


def test_module_query_lists_applied_modules_latest_first(world):
    first = world.module(world.alice, "first")
    second = world.module(world.alice, "second")
    inst = world.instance(world.alice)
    world.apply(world.alice, inst, first)
    world.sim.advance_clock(5)
    world.apply(world.alice, inst, second)
    world.sim.advance_clock(5)
    world.apply(world.alice, inst, first)
    assert names(world.query(world.alice, inst)) == ["first", "second"]


def test_module_query_hides_hidden_modules_from_non_admins(world):
    hidden = world.module(world.admin, "hidden", all_tenants=1, visible=0)
    shown = world.module(world.alice, "shown")
    inst = world.instance(world.alice, modules=[hidden, shown])
    assert names(world.query(world.alice, inst)) == ["shown"]
    assert sorted(names(world.query(world.admin, inst))) == ["hidden", "shown"]


def test_module_query_of_a_fresh_instance_is_empty(world):
    assert world.query(world.alice, world.instance(world.alice)) == []


def test_include_contents_returns_the_base64_of_the_file(world):
    mod = world.module(world.alice)
    inst = world.instance(world.alice, modules=[mod])
    (result,) = world.query(world.alice, inst, include_contents=True)
    assert base64.b64decode(result["contents"]) == b"message=Module.V1\n"


def test_include_contents_masks_admin_modules_for_non_admins(world):
    mod = world.module(world.admin, "secret", all_tenants=1)
    inst = world.instance(world.alice, modules=[mod])
    (masked,) = world.query(world.alice, inst, include_contents=True)
    assert base64.b64decode(masked["contents"]) == (
        b"Must be admin to retrieve contents for module secret"
    )
    (clear,) = world.query(world.admin, inst, include_contents=True)
    assert base64.b64decode(clear["contents"]) == b"message=Module.V1\n"


def test_module_query_without_include_contents_has_null_contents(world):
    mod = world.module(world.alice)
    inst = world.instance(world.alice, modules=[mod])
    assert [r["contents"] for r in world.query(world.alice, inst)] == [None]


def test_remove_hides_the_module_and_retires_its_record(world):
    mod = world.module(world.alice)
    inst = world.instance(world.alice, modules=[mod])
    assert world.sim.remove_module(world.alice, inst["id"], mod["id"]) is None
    assert world.query(world.alice, inst) == []
    assert world.records() == []


def test_remove_marks_the_guest_result_removed_and_a_second_remove_restamps_it(world):
    mod = world.module(world.alice)
    inst = world.instance(world.alice, modules=[mod])
    world.at(dt.datetime(2017, 6, 2, 18, 0, 0, 250000))
    world.sim.remove_module(world.alice, inst["id"], mod["id"])
    (kept,) = world.sim.export_state()["guests"][inst["id"]]["results"]
    assert kept["removed"] == "2017-06-02T18:00:00.250000"
    world.at(dt.datetime(2017, 6, 2, 19, 0, 0))
    world.sim.remove_module(world.alice, inst["id"], mod["id"])
    (kept,) = world.sim.export_state()["guests"][inst["id"]]["results"]
    assert kept["removed"] == "2017-06-02T19:00:00"


def test_removing_twice_is_ok(world):
    mod = world.module(world.alice)
    inst = world.instance(world.alice, modules=[mod])
    world.sim.remove_module(world.alice, inst["id"], mod["id"])
    world.sim.remove_module(world.alice, inst["id"], mod["id"])
    assert world.query(world.alice, inst) == []


def test_removing_a_never_applied_module_is_400(world, refused):
    mod = world.module(world.alice, "never")
    inst = world.instance(world.alice)
    refused(
        lambda: world.sim.remove_module(world.alice, inst["id"], mod["id"]),
        400,
        "Module 'never' has not been applied",
    )


def test_removing_after_a_type_change_is_400_not_applied(world, refused):
    mod = world.module(world.alice, "retyped", live_update=1)
    inst = world.instance(world.alice, modules=[mod])
    world.update(world.alice, mod, type="new_relic_license")
    refused(
        lambda: world.sim.remove_module(world.alice, inst["id"], mod["id"]),
        400,
        "Module 'retyped' has not been applied",
    )


def test_non_admin_may_remove_a_visible_all_tenant_module_from_its_instance(world):
    shared = world.module(world.admin, "shared", all_tenants=1, auto_apply=1)
    inst = world.instance(world.alice)
    world.sim.remove_module(world.alice, inst["id"], shared["id"])
    assert world.query(world.alice, inst) == []


def test_non_admin_cannot_remove_a_hidden_module(world, refused):
    hidden = world.module(world.admin, "hidden", all_tenants=1, visible=0)
    inst = world.instance(world.alice, modules=[hidden])
    refused(
        lambda: world.sim.remove_module(world.alice, inst["id"], hidden["id"]),
        404,
        f"Module with ID {hidden['id']} could not be found.",
    )


def test_remove_keeps_other_modules(world):
    keep = world.module(world.alice, "keep")
    drop = world.module(world.alice, "drop")
    inst = world.instance(world.alice, modules=[keep, drop])
    world.sim.remove_module(world.alice, inst["id"], drop["id"])
    assert names(world.query(world.alice, inst)) == ["keep"]
    assert [r["module_id"] for r in world.records()] == [keep["id"]]
