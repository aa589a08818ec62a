"""A refused operation changes nothing (differences #14, #25, #29): requests that are partly
valid are refused whole, and the world (export_state) is exactly as before.

Every ``refused(...)`` in the unit tests checks this; these cases are the ones where a careless
model would have done part of the work before finding the problem.
"""

from __future__ import annotations

NO_SUCH_ID = "00000000-0000-0000-0000-000000000000"


def test_apply_with_a_good_and_an_unknown_module_applies_neither(world, refused):
    good = world.module(world.alice, "good")
    inst = world.instance(world.alice)
    body = {"modules": [{"id": good["id"]}, {"id": NO_SUCH_ID}]}
    refused(
        lambda: world.sim.apply_modules(world.alice, inst["id"], body),
        404,
        f"Module with ID {NO_SUCH_ID} could not be found.",
    )
    assert world.query(world.alice, inst) == []


def test_apply_with_a_good_and_a_misfit_module_applies_neither(world, refused):
    good = world.module(world.alice, "good")
    misfit = world.module(world.alice, "misfit", datastore={"type": "redis"})
    inst = world.instance(world.alice, datastore="mysql")
    refused(
        lambda: world.apply(world.alice, inst, good, misfit),
        400,
        lambda message: message.startswith("The module is invalid: Module 'misfit'"),
    )


def test_instance_create_with_a_misfit_second_module_creates_nothing(world, refused):
    good = world.module(world.alice, "good")
    misfit = world.module(world.alice, "misfit", datastore={"type": "mongodb"})
    refused(
        lambda: world.instance(world.alice, modules=[good, misfit]),
        400,
        lambda message: message.startswith("The module is invalid: Module 'misfit'"),
    )


def test_cluster_create_with_a_bad_last_member_creates_no_cluster_and_no_member(world, refused):
    good = world.module(world.alice)
    refused(
        lambda: world.cluster(world.alice, members=[[good], [good], [{"id": NO_SUCH_ID}]]),
        404,
        f"Module with ID {NO_SUCH_ID} could not be found.",
    )


def test_update_with_good_fields_and_a_bad_type_changes_nothing(world, refused):
    mod = world.module(world.alice)
    refused(
        lambda: world.update(world.alice, mod, name="renamed", description="d", type="bogus"),
        404,
        "Module type 'bogus' was not found.",
    )


def test_update_refused_for_admin_options_changes_nothing(world, refused):
    mod = world.module(world.alice)
    refused(
        lambda: world.update(world.alice, mod, name="renamed", visible=0),
        403,
        "You must be admin to update a module with these options. (Visible: 0)",
    )


def test_update_refused_for_a_bad_datastore_version_changes_nothing(world, refused):
    mod = world.module(world.alice)
    refused(
        lambda: world.update(
            world.alice, mod, name="renamed", datastore={"type": "mysql", "version": "0.1"}
        ),
        400,
        "Datastore version '0.1' cannot be found.",
    )


def test_refused_delete_of_a_building_instance_keeps_everything(world, refused):
    world.sim.set_build_seconds(60)
    mod = world.module(world.alice)
    inst = world.instance(world.alice, modules=[mod])
    refused(
        lambda: world.sim.delete_instance(world.alice, inst["id"]),
        422,
        f"Instance {inst['id']} is not ready. (Status is BUILD).",
    )


def test_refused_reapply_schedules_nothing(world, refused):
    hidden = world.module(world.admin, all_tenants=1, visible=0, live_update=1)
    world.instance(world.alice, modules=[hidden])
    refused(
        lambda: world.reapply(world.alice, hidden),
        404,
        f"Module with ID {hidden['id']} could not be found.",
    )
