"""Steps about instances and clusters, and the modules on them: apply, query, retrieve, remove."""

from __future__ import annotations

from functools import partial

from .phrases import CLUSTERS, given, given_when, then, when
from .tables import (
    CLUSTER_MEMBER,
    GUEST_RESULT,
    INSTANCE,
    assert_rows,
    cluster_properties,
    expect_rows,
    instance_properties,
)
from .targets.base import Caller, TargetError
from .wording import caller, file_bytes, name_list, ordinal
from .world import World, judges

# "an instance" runs the profile's datastore and version; the others need a capability.
OF_KIND_WITH_MODULES = "[ of the {kind}][ with the module[s] {modules}]"


def _datastore_of(world: World, kind: str | None) -> tuple[str, str]:
    """The datastore and version an instance of this kind is built on."""
    profile = world.profile
    if kind == "other version":
        return profile.datastore, profile.other_version
    if kind == "other datastore":
        return profile.other_datastore, profile.other_datastore_version
    if kind == "cluster datastore":
        return profile.cluster_datastore, profile.cluster_version
    return profile.datastore, profile.version


def _create_instance(world: World, who: str, name: str, kind: str | None, modules: str) -> dict:
    module_ids = [world.module_id(m) for m in name_list(modules)]
    datastore, version = _datastore_of(world, kind)
    answer = world.target.create_instance(
        caller(who), world.real_name(name), world.profile.flavor, datastore, version, module_ids
    )
    world.ledger.instances += 1
    world.remember_instance(name, answer, caller(who))
    return answer


def wait_until_built(world: World, who: str, instance_id: str) -> None:
    """Until the instance leaves BUILD, within the target's build wait."""

    def built() -> None:
        status = world.must(lambda: world.target.show_instance(caller(who), instance_id))["status"]
        assert status != "BUILD", "the instance is still building"

    world.eventually(built, world.target.build_wait_seconds)


def _borrowed(world: World, who: str, name: str, kind: str | None, modules: str) -> bool:
    """Take a lent instance for a set-up instance, with the modules applied to it (see
    steps.pool); False where the scenario needs a fresh one, or the apply is refused."""
    if not world.may_borrow():
        return False
    owner = caller(who)
    datastore, version = _datastore_of(world, kind)
    answer = world.borrow(owner, datastore, version, lambda i: wait_until_built(world, who, i))
    module_ids = [world.module_id(m) for m in name_list(modules)]
    if module_ids:
        try:
            world.target.module_apply(owner, answer["id"], module_ids)
        except TargetError:  # a module only a create may bring: build a fresh instance
            world.pool.give_back(world.lent.pop())
            return False
    world.remember_instance(name, answer, owner)
    world.aliases[answer["name"]] = world.real_name(name)
    return True


def _set_up_instances(
    world: World, who: str, names: list[str], kind: str | None, modules: str
) -> None:
    created = [
        world.must(lambda n=name: _create_instance(world, who, n, kind, modules))
        for name in names
        if not _borrowed(world, who, name, kind, modules)
    ]
    for answer in created:
        wait_until_built(world, who, answer["id"])


@given('{who} has created an instance "{name}"' + OF_KIND_WITH_MODULES)
def given_instance(world: World, who: str, name: str, kind: str | None, modules: str) -> None:
    """An instance on the profile's datastore and version (or the kind named), built and
    ACTIVE, with the modules given at create (or applied to a lent one)."""
    _set_up_instances(world, who, [name], kind, modules)


@given("{who} has created the instances {names}" + OF_KIND_WITH_MODULES)
def given_instances(world: World, who: str, names: str, kind: str | None, modules: str) -> None:
    """Several such instances, each with the same modules."""
    _set_up_instances(world, who, name_list(names), kind, modules)


@when('{who} creates an instance "{name}"' + OF_KIND_WITH_MODULES)
def create_instance(world: World, who: str, name: str, kind: str | None, modules: str) -> None:
    """An instance create whose answer (as trove create prints it) the Then steps judge."""
    answer = world.attempt(lambda: _create_instance(world, who, name, kind, modules))
    if answer is not None:
        world.outcome.answer = instance_properties(answer)


@then('the instance "{name}" has status {status}')
def instance_status(world: World, name: str, status: str) -> None:
    """instance-show's status, once background work settles."""
    owner, instance_id = world.instance_owner(name), world.instance_id(name)

    def check() -> None:
        shown = world.must(lambda: world.target.show_instance(owner, instance_id))
        assert shown["status"] == status, f"status {shown['status']}"

    world.eventually(check)


@given_when(
    given='{who} has deleted the instance "{name}"', when='{who} deletes the instance "{name}"'
)
def delete_instance(world: World, who: str, name: str) -> None:
    """An instance delete."""
    world.request(lambda: world.target.delete_instance(caller(who), world.instance_id(name)))


def _own_instances(world: World, who: str) -> list[dict]:
    listed = world.must(lambda: world.target.list_instances(caller(who)))
    known = world.known_instance_ids()
    return [i for i in listed if i["id"] in known]


@then("the instance list of {who} is:")
def instance_list(world: World, who: str, datatable: list[list[str]]) -> None:
    """The caller's instances, as far as this scenario's go, in any order."""
    expect_rows(world, datatable, partial(_own_instances, world, who), INSTANCE, ordered=False)


@then('the instance list of {who} holds no instance "{name}"')
def no_instance_named(world: World, who: str, name: str) -> None:
    """No instance of that name in the caller's list (it was deleted, or never built)."""
    listed = world.must(lambda: world.target.list_instances(caller(who)))
    assert world.real_name(name) not in [i["name"] for i in listed], f"{name} exists"


# --- clusters --------------------------------------------------------------------------------

# Clusters are built on the profile's cluster datastore (scenarios using them need clusters).
CLUSTER_CREATE = '{who} %s a cluster "{name}" of {size} members[ with the module "{module}"]'


def _create_cluster(world: World, who: str, name: str, members: list[list[str]]) -> dict:
    """A cluster create, one list of module names per member."""
    profile = world.profile
    answer = world.target.create_cluster(
        caller(who),
        world.real_name(name),
        profile.flavor,
        profile.cluster_datastore,
        profile.cluster_version,
        [[world.module_id(m) for m in modules] for modules in members],
    )
    world.ledger.clusters += 1
    world.remember_cluster(name, answer, caller(who))
    return answer


def cluster_member_list(world: World, name: str) -> list[dict]:
    """The cluster's members, learning their names (a create may answer before it has them)."""
    owner, cluster_id = world.cluster_owner(name), world.cluster_id(name)
    shown = world.must(lambda: world.target.show_cluster(owner, cluster_id))
    world.remember_cluster(name, shown, owner)
    return shown["instances"]


@given(CLUSTER_CREATE % "has created", needs=CLUSTERS)
def given_cluster(world: World, who: str, name: str, size: str, module: str | None) -> None:
    """A cluster on the cluster datastore, every member with the module, built."""
    world.must(lambda: _create_cluster(world, who, name, _alike(size, module)))

    def built() -> None:
        statuses = [m["status"] for m in cluster_member_list(world, name)]
        assert "BUILD" not in statuses, f"members are {statuses}"

    world.eventually(built, world.target.build_wait_seconds)


@when(CLUSTER_CREATE % "creates", needs=CLUSTERS)
def create_cluster(world: World, who: str, name: str, size: str, module: str | None) -> None:
    """A cluster create whose answer (as trove cluster-create prints it) the Then steps judge."""
    _judged_cluster_create(world, who, name, _alike(size, module))


@when('{who} creates a cluster "{name}" whose members have the modules:', needs=CLUSTERS)
def create_cluster_per_member(
    world: World, who: str, name: str, datatable: list[list[str]]
) -> None:
    """A cluster create giving each member its own modules: one row per member under a
    "modules" heading, names quoted ("a", "b"), an empty cell for none. A create refused for a
    later member must not have written the earlier ones."""
    heading, *rows = datatable
    assert heading == ["modules"], f"the table's one column is 'modules', not {heading}"
    _judged_cluster_create(world, who, name, [name_list(row[0]) for row in rows])


def _alike(size: str, module: str | None) -> list[list[str]]:
    """Every member with the same module, or none."""
    return [[module] if module else [] for _ in range(int(size))]


def _judged_cluster_create(world: World, who: str, name: str, members: list[list[str]]) -> None:
    answer = world.attempt(lambda: _create_cluster(world, who, name, members))
    if answer is not None:
        world.outcome.answer = cluster_properties(answer)


@then('the cluster "{name}" has these members:', needs=CLUSTERS)
def cluster_members(world: World, name: str, datatable: list[list[str]]) -> None:
    """The cluster's members, in any order (Name | Flavor ID | Size | Status)."""
    members = partial(cluster_member_list, world, name)
    expect_rows(world, datatable, members, CLUSTER_MEMBER, ordered=False)


@when('{who} deletes the cluster "{name}"', needs=CLUSTERS)
def delete_cluster(world: World, who: str, name: str) -> None:
    """A cluster delete."""
    world.attempt(lambda: world.target.delete_cluster(caller(who), world.cluster_id(name)))


@then('the cluster list of {who} holds no cluster "{name}"', needs=CLUSTERS)
def no_cluster_named(world: World, who: str, name: str) -> None:
    """No cluster of that name in the caller's list."""
    listed = world.must(lambda: world.target.list_clusters(caller(who)))
    assert world.real_name(name) not in [c["name"] for c in listed], f"{name} exists"


# --- modules on an instance ------------------------------------------------------------------


def _apply(world: World, who: str, names: str, instance: str) -> list[dict]:
    module_ids = [world.module_id(m) for m in name_list(names)]
    return world.target.module_apply(caller(who), world.instance_id(instance), module_ids)


@given_when(
    given='{who} has applied {names} to "{instance}"', when='{who} applies {names} to "{instance}"'
)
def apply_modules(world: World, who: str, names: str, instance: str) -> None:
    """A module-apply of the named modules to the instance."""
    world.request(lambda: _apply(world, who, names, instance))


def _applied(world: World) -> list[dict]:
    assert world.outcome.error is None, f"module-apply was refused: {world.outcome.error}"
    return world.outcome.answer


@then("the apply answers:")
@judges
def apply_answers(world: World, datatable: list[list[str]]) -> None:
    """module-apply's answer, row by row (module-query's columns)."""
    assert_rows(world, datatable, _applied(world), GUEST_RESULT)


@then("the modules are applied in this order:")
@judges
def applied_in_order(world: World, datatable: list[list[str]]) -> None:
    """module-apply answers in the order the guest applied; rows may name the modules or show
    their priority and apply order as the blueprint's table does."""
    rows = []
    for result in _applied(world):
        module = world.must(lambda r=result: world.target.show_module(Caller.ADMIN, r["id"]))
        rows.append(
            {
                "name": result["name"],
                "priority": "Yes" if module["priority_apply"] else "No",
                "order": module["apply_order"],
            }
        )
    columns = {
        "Name": lambda r: r["name"],
        "Priority Apply": lambda r: r["priority"],
        "Apply Order": lambda r: r["order"],
    }
    assert_rows(world, datatable, rows, columns)


@then("the module with priority apply {priority} and apply order {order} is applied {place}")
@judges
def applied_at(world: World, priority: str, order: str, place: str) -> None:
    """The module-apply's module at that place has this priority and apply order."""
    results = _applied(world)
    position = ordinal(place)
    assert len(results) >= position, f"only {len(results)} modules were applied"
    module = world.must(lambda: world.target.show_module(Caller.ADMIN, results[position - 1]["id"]))
    found = ("Yes" if module["priority_apply"] else "No", str(module["apply_order"]))
    assert found == (priority, order), f"the {place} module has priority/order {found}"


def scenario_modules_on(world: World, who: str, instance: str) -> list[dict]:
    """module-query's rows for this scenario's own modules (a shared target holds others')."""
    found = world.target.module_query(caller(who), world.instance_id(instance))
    known = world.known_module_ids()
    return [m for m in found if m["id"] in known]


@then('module-query of "{instance}" as {who} shows:')
def query_shows(world: World, instance: str, who: str, datatable: list[list[str]]) -> None:
    """module-query's rows, as far as this scenario's modules go, in order."""
    expect_rows(world, datatable, partial(scenario_modules_on, world, who, instance), GUEST_RESULT)


@then('module-query of "{instance}" as {who} shows no modules')
def query_shows_none(world: World, instance: str, who: str) -> None:
    """module-query lists none of this scenario's modules."""
    found = world.must(lambda: scenario_modules_on(world, who, instance))
    assert found == [], f"module-query lists {[world.as_written(m['name']) for m in found]}"


@when('{who} queries the modules of "{instance}"')
def query_modules(world: World, who: str, instance: str) -> None:
    """A module-query, for the access rules (the Then steps judge the answer)."""
    world.attempt(lambda: scenario_modules_on(world, who, instance))


@when('{who} retrieves the module contents of "{instance}"')
def retrieve_contents(world: World, who: str, instance: str) -> None:
    """A module-retrieve: the files of the instance's modules."""
    retrieved = world.attempt(
        lambda: world.target.module_retrieve(caller(who), world.instance_id(instance))
    )
    world.retrieved = {world.as_written(n): data for n, data in (retrieved or {}).items()}


@then('the retrieved contents of "{name}" are "{text}"')
def retrieved_contents(world: World, name: str, text: str) -> None:
    """The retrieved file of that module, byte for byte (escapes allowed)."""
    assert name in world.retrieved, f"retrieved only {sorted(world.retrieved)}"
    shown = world.as_written(world.retrieved[name].decode("latin-1"))
    assert shown.encode("latin-1") == file_bytes(text), shown


def _remove(world: World, who: str, name: str, instance: str) -> None:
    world.target.module_remove(caller(who), world.instance_id(instance), world.module_id(name))


@given_when(
    given='{who} has removed "{name}" from "{instance}"',
    when='{who} removes "{name}" from "{instance}"',
)
def remove_module(world: World, who: str, name: str, instance: str) -> None:
    """A module-remove of the module from the instance."""
    world.request(lambda: _remove(world, who, name, instance))
