"""Admin-only options, is_admin and the admin lock (behaviour §4; differences #7, #8, #9)."""

from __future__ import annotations

import pytest

ADMIN_MODULE_UPDATE = (
    "You must be admin to update a module with these options. (Module is an admin module)"
)
ADMIN_MODULE_DELETE = (
    "You must be admin to delete a module with these options. (Module is an admin module)"
)


def forbidden(action: str, options: str) -> str:
    return f"You must be admin to {action} a module with these options. ({options})"


@pytest.mark.parametrize(
    ("fields", "options"),
    [
        ({"auto_apply": 1}, "Auto: 1"),
        ({"all_tenants": 1}, "Tenant: all"),
        ({"visible": 0}, "Visible: 0"),
        ({"priority_apply": 1}, "Priority: 1"),
        ({"full_access": 0}, "Full Access: 0"),
        ({"full_access": 1}, "Full Access: 1"),
        (
            {"all_tenants": 1, "auto_apply": 1, "visible": 0, "priority_apply": 1},
            "Tenant: all, Auto: 1, Visible: 0, Priority: 1",
        ),
    ],
)
def test_non_admin_cannot_create_a_module_with_admin_options(world, refused, fields, options):
    refused(lambda: world.module(world.alice, **fields), 403, forbidden("create", options))


def test_non_admin_cannot_create_auto_apply_module(world, refused):
    refused(lambda: world.module(world.alice, auto_apply=1), 403, forbidden("create", "Auto: 1"))


def test_live_update_and_apply_order_are_not_admin_only(world):
    mod = world.module(world.alice, live_update=1, apply_order=9)
    assert (mod["live_update"], mod["apply_order"], mod["is_admin"]) == (True, 9, False)


def test_options_at_their_defaults_are_not_admin_options(world):
    mod = world.module(world.alice, auto_apply=0, all_tenants=0, visible=1, priority_apply=0)
    assert mod["is_admin"] is False


def test_full_access_with_an_admin_option_is_400_even_for_an_admin(world, refused):
    refused(
        lambda: world.module(world.admin, full_access=1, auto_apply=1),
        400,
        "The following values are invalid: Cannot make module full access: (Auto: 1).",
    )


def test_every_module_an_admin_creates_is_an_admin_module(world):
    assert world.module(world.admin)["is_admin"] is True


def test_admin_created_full_access_module_is_not_an_admin_module(world):
    assert world.module(world.admin, full_access=1)["is_admin"] is False


def test_admin_created_full_access_0_module_is_an_admin_module(world):
    assert world.module(world.admin, full_access=0)["is_admin"] is True


def test_non_admin_cannot_update_an_admin_module(world, refused):
    mod = world.module(world.admin, all_tenants=1)
    refused(lambda: world.update(world.alice, mod, description="mine"), 403, ADMIN_MODULE_UPDATE)


def test_non_admin_cannot_delete_an_admin_module(world, refused):
    own = world.module(world.alice)
    world.update(world.admin, own, priority_apply=1)
    world.update(world.admin, own, priority_apply=0)
    assert world.sim.show_module(world.alice, own["id"])["is_admin"] is True
    refused(lambda: world.sim.delete_module(world.alice, own["id"]), 403, ADMIN_MODULE_DELETE)


def test_non_admin_cannot_delete_an_all_tenant_module(world, refused):
    shared = world.module(world.admin, all_tenants=1)
    refused(
        lambda: world.sim.delete_module(world.alice, shared["id"]),
        403,
        forbidden("delete", "Tenant: all"),
    )


def test_non_admin_cannot_delete_an_all_tenant_auto_apply_priority_module(world, refused):
    shared = world.module(world.admin, all_tenants=1, auto_apply=1, priority_apply=1)
    refused(
        lambda: world.sim.delete_module(world.alice, shared["id"]),
        403,
        forbidden("delete", "Tenant: all, Auto: 1, Priority: 1"),
    )


def test_non_admin_cannot_update_to_admin_options(world, refused):
    own = world.module(world.alice)
    refused(
        lambda: world.update(world.alice, own, auto_apply=1), 403, forbidden("update", "Auto: 1")
    )
    refused(
        lambda: world.update(world.alice, own, all_tenants=1, visible=0),
        403,
        forbidden("update", "Tenant: all, Visible: 0"),
    )


def test_non_admin_update_of_its_own_module_keeps_it_full_access(world):
    own = world.module(world.alice)
    assert world.update(world.alice, own, description="still mine")["is_admin"] is False


def test_admin_update_with_an_admin_option_makes_the_module_admin(world, refused):
    own = world.module(world.alice)
    assert world.update(world.admin, own, priority_apply=1)["is_admin"] is True
    refused(lambda: world.update(world.alice, own, name="back"), 403, ADMIN_MODULE_UPDATE)


def test_admin_update_without_admin_options_leaves_the_module_full_access(world):
    own = world.module(world.alice)
    assert world.update(world.admin, own, description="checked")["is_admin"] is False


def test_is_admin_is_sticky_when_the_admin_options_are_turned_off(world):
    own = world.module(world.alice)
    world.update(world.admin, own, priority_apply=1)
    assert world.update(world.admin, own, priority_apply=0)["is_admin"] is True


def test_full_access_1_clears_is_admin(world):
    mod = world.module(world.admin)
    updated = world.update(world.admin, mod, full_access=1)
    assert updated["is_admin"] is False
    assert world.sim.show_module(world.admin, mod["id"])["is_admin"] is False


def test_full_access_1_is_refused_while_an_admin_option_is_set(world, refused):
    mod = world.module(world.admin, priority_apply=1)
    refused(
        lambda: world.update(world.admin, mod, full_access=1),
        400,
        "The following values are invalid: Cannot make module full access: (Priority: 1).",
    )


def test_full_access_0_on_update_makes_an_admin_module(world):
    own = world.module(world.alice)
    assert world.update(world.admin, own, full_access=0)["is_admin"] is True


def test_update_refusal_prints_stored_values_for_options_not_in_the_body(world, refused):
    hidden = world.module(world.admin, visible=0, full_access=0)
    refused(
        lambda: world.update(world.admin, hidden, full_access=1),
        400,
        "The following values are invalid: Cannot make module full access: (Visible: 0).",
    )


def test_admin_may_update_and_delete_any_admin_module(world):
    mod = world.module(world.admin, all_tenants=1, auto_apply=1)
    assert world.update(world.admin, mod, description="ok")["description"] == "ok"
    world.sim.delete_module(world.admin, mod["id"])
    assert mod["id"] not in [m["id"] for m in world.sim.list_modules(world.admin)]
