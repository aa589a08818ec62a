"""Request validation: Trove's "Validation error: ..." (behaviour §0.1, §2.1; differences #30)."""

from __future__ import annotations

import pytest

UUID_PATTERN = (
    "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$"
)
NO_SUCH_ID = "00000000-0000-0000-0000-000000000000"
FLAGS = ("auto_apply", "all_tenants", "visible", "live_update", "priority_apply", "full_access")


def create(world, **fields):
    body = {"name": "m", "module_type": "ping", "contents": "bWVzc2FnZT1oaQo=", **fields}
    return world.sim.create_module(world.admin, {"module": body})


def test_apply_order_above_9_is_refused(world, refused):
    refused(
        lambda: create(world, apply_order=10),
        400,
        "Validation error: module['apply_order'] 10 is greater than the maximum of 9",
    )


def test_apply_order_below_0_is_refused(world, refused):
    refused(
        lambda: create(world, apply_order=-1),
        400,
        "Validation error: module['apply_order'] -1 is less than the minimum of 0",
    )


@pytest.mark.parametrize("order", range(10))
def test_apply_order_0_to_9_is_accepted(world, order):
    assert create(world, apply_order=order)["apply_order"] == order


@pytest.mark.parametrize("flag", FLAGS)
def test_flags_given_as_json_booleans_are_rejected(world, refused, flag):
    refused(
        lambda: create(world, **{flag: True}),
        400,
        f"Validation error: module['{flag}'] True is not of type 'integer'",
    )


@pytest.mark.parametrize("flag", FLAGS)
def test_flags_above_1_are_rejected(world, refused, flag):
    refused(
        lambda: create(world, **{flag: 2}),
        400,
        f"Validation error: module['{flag}'] 2 is greater than the maximum of 1",
    )


def test_full_access_null_is_rejected(world, refused):
    refused(
        lambda: create(world, full_access=None),
        400,
        "Validation error: module['full_access'] None is not of type 'integer'",
    )


def test_empty_name_is_refused_with_both_schema_messages(world, refused):
    refused(
        lambda: create(world, name=""),
        400,
        "Validation error: module['name'] '' should be non-empty; "
        "module['name'] '' does not match '^.*[0-9a-zA-Z]+.*$'",
    )


def test_missing_required_keys_are_listed_in_order(world, refused):
    refused(
        lambda: world.sim.create_module(world.admin, {"module": {}}),
        400,
        "Validation error: module 'name' is a required property; "
        "module 'module_type' is a required property; "
        "module 'contents' is a required property",
    )


def test_contents_of_only_a_newline_is_refused(world, refused):
    refused(
        lambda: create(world, contents="\n"),
        400,
        "Validation error: module['contents'] '\\n' does not match '^.*.+.*$'",
    )


def test_contents_of_a_space_is_accepted(world):
    assert create(world, contents=" ")["md5"] == "7215ee9c7d9dc229d2921a40e899ec5f"


def test_unknown_keys_in_a_module_body_are_ignored(world):
    assert create(world, colour="blue")["name"] == "m"


def test_instance_module_ids_must_be_uuids(world, refused):
    body = {"name": "i", "flavorRef": "15", "volume": {"size": 1}, "modules": [{"id": "bad"}]}
    refused(
        lambda: world.sim.create_instance(world.alice, {"instance": body}),
        400,
        f"Validation error: instance['modules'][0]['id'] 'bad' does not match '{UUID_PATTERN}'",
    )


@pytest.mark.parametrize(
    ("call", "key"),
    [
        (lambda sim, ctx: sim.create_module(ctx, {}), "module"),
        (lambda sim, ctx: sim.update_module(ctx, NO_SUCH_ID, {}), "module"),
        (lambda sim, ctx: sim.create_instance(ctx, {}), "instance"),
        (lambda sim, ctx: sim.create_cluster(ctx, {}), "cluster"),
        (lambda sim, ctx: sim.reapply_module(ctx, NO_SUCH_ID, {}), "reapply"),
    ],
)
def test_body_without_its_top_level_key_is_a_400_bad_request(world, refused, call, key):
    refused(
        lambda: call(world.sim, world.admin),
        400,
        lambda message: message.startswith("Validation error:") and key in message,
    )


def test_update_validates_the_type_key_like_create(world, refused):
    mod = create(world)
    refused(
        lambda: world.update(world.admin, mod, type=""),
        400,
        "Validation error: module['type'] '' should be non-empty; "
        "module['type'] '' does not match '^.*[0-9a-zA-Z]+.*$'",
    )


def test_update_validates_flags_and_apply_order(world, refused):
    mod = create(world)
    refused(
        lambda: world.update(world.admin, mod, visible=True, apply_order=12),
        400,
        "Validation error: module['apply_order'] 12 is greater than the maximum of 9; "
        "module['visible'] True is not of type 'integer'",
    )
