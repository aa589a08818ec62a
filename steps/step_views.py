"""Steps about the fields of Trove's answers: instance-show, the instance list, cluster-show,
module-query rows and module-instance-count rows, field by field, and whether two routes that
show the same instance agree.

A field is named by its path in the answer ("flavor.id", "task.name"). An expected value is a
value as written (with ``{id of ...}`` and role placeholders), or one of the kinds below, for a
field whose value differs per deployment: any list, any non-empty text, any time.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .phrases import CLUSTERS, CONTROLS, given, then, when
from .step_instances import cluster_member_list, wait_until_built
from .tables import assert_properties, field, instance_properties
from .targets.base import RawKind
from .wording import caller
from .world import MISSING, World

# ISO 8601 as Trove writes times, with or without fractions and a zone.
_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?")
KINDS: dict[str, Callable[[object], bool]] = {
    "(a list)": lambda value: isinstance(value, list),
    "(some text)": lambda value: isinstance(value, str) and value.strip() != "",
    "(a time)": lambda value: isinstance(value, str) and _TIME.fullmatch(value) is not None,
}
# What a cluster-show member and the member's own instance-show must show alike.
MEMBER_FIELDS = ("id", "name", "status", "flavor", "volume")


def _read(item: dict, datatable: list[list[str]]) -> dict[str, object]:
    """The answer's value at each path of the table; a value of the kind the table names
    reads as that kind's name."""
    found: dict[str, object] = {}
    for path, wanted in datatable:
        value = field(*path.split("."))(item)
        is_kind = KINDS.get(wanted)
        # ``field`` answers the MISSING text for an absent field: no kind's value
        present = value is not MISSING
        found[path] = wanted if is_kind is not None and present and is_kind(value) else value
    return found


def _judge(world: World, datatable: list[list[str]], read: Callable[[], list[dict]]) -> None:
    """Every item ``read`` returns has these fields, once background work settles."""

    def check() -> None:
        items = world.must(read)
        assert items, "there is nothing to judge"
        for item in items:
            assert_properties(world, datatable, _read(item, datatable))

    world.eventually(check)


def _show(world: World, who: str, name: str) -> dict:
    return world.target.show_instance(caller(who), world.instance_id(name))


def _list_entry(world: World, who: str, name: str) -> dict:
    wanted = world.instance_id(name)
    entries = [i for i in world.target.list_instances(caller(who)) if i["id"] == wanted]
    assert entries, f"the instance list of {who} has no entry for {name}"
    return entries[0]


@then('instance-show of "{name}" as {who} shows:')
def instance_show_fields(world: World, name: str, who: str, datatable: list[list[str]]) -> None:
    """instance-show's fields (path | value; a value may be (a list), (some text), (a time))."""
    _judge(world, datatable, lambda: [_show(world, who, name)])


@then('the instance list entry of "{name}" as {who} shows:')
def list_entry_fields(world: World, name: str, who: str, datatable: list[list[str]]) -> None:
    """The fields of the instance's entry in the caller's instance list, as instance-show's."""
    _judge(world, datatable, lambda: [_list_entry(world, who, name)])


@then('the instance list entry of "{name}" as {who} agrees with instance-show')
def list_entry_agrees(world: World, name: str, who: str) -> None:
    """Every field of the instance's list entry has the value instance-show gives it."""

    def check() -> None:
        entry = world.must(lambda: _list_entry(world, who, name))
        shown = world.must(lambda: _show(world, who, name))
        differing = {k: (v, shown.get(k, MISSING)) for k, v in entry.items() if shown.get(k) != v}
        assert not differing, f"list entry vs instance-show: {differing}"

    world.eventually(check)


@then('cluster-show of "{name}" as {who} shows:', needs=CLUSTERS)
def cluster_show_fields(world: World, name: str, who: str, datatable: list[list[str]]) -> None:
    """cluster-show's fields (path | value; a value may be (a list), (some text), (a time))."""
    show = world.target.show_cluster
    _judge(world, datatable, lambda: [show(caller(who), world.cluster_id(name))])


@then('each member in cluster-show of "{name}" shows:', needs=CLUSTERS)
def member_fields(world: World, name: str, datatable: list[list[str]]) -> None:
    """The fields of every member cluster-show lists (path | value)."""
    _judge(world, datatable, lambda: cluster_member_list(world, name))


@then(
    'each member in cluster-show of "{name}" is shown as its instance-show shows it', needs=CLUSTERS
)
def members_agree(world: World, name: str) -> None:
    """Each member's id, name, status, flavor (with its links) and volume in cluster-show are
    the ones instance-show gives that instance."""

    def check() -> None:
        owner = world.cluster_owner(name)
        for member in world.must(lambda: cluster_member_list(world, name)):
            shown = world.must(lambda m=member: world.target.show_instance(owner, m["id"]))
            for key in MEMBER_FIELDS:
                pair = (field(key)(member), field(key)(shown))
                assert pair[0] == pair[1], f"{member['name']} {key}: cluster-show vs show {pair}"

    world.eventually(check)


@then('the module-query row of "{module}" on "{instance}" as {who} shows:')
def query_row_fields(
    world: World, module: str, instance: str, who: str, datatable: list[list[str]]
) -> None:
    """The fields of the module's row in module-query (path | value)."""

    def read() -> list[dict]:
        rows = world.target.module_query(caller(who), world.instance_id(instance))
        mine = [r for r in rows if r["id"] == world.module_id(module)]
        assert mine, f"module-query of {instance} has no row for {module}"
        return mine

    _judge(world, datatable, read)


@then('module-query of "{instance}" as {who} shows no contents')
def query_without_contents(world: World, instance: str, who: str) -> None:
    """module-query, which does not ask for contents, shows none: no row has contents."""

    def check() -> None:
        rows = world.must(
            lambda: world.target.module_query(caller(who), world.instance_id(instance))
        )
        shown = [r["name"] for r in rows if r.get("contents") is not None]
        assert not shown, f"module-query shows contents for {shown}"

    world.eventually(check)


@then('each row of module-instance-count of "{name}" as {who} shows:')
def count_row_fields(world: World, name: str, who: str, datatable: list[list[str]]) -> None:
    """The fields of every module-instance-count row (path | value)."""
    count = world.target.module_instance_count
    _judge(world, datatable, lambda: count(caller(who), world.module_id(name)))


# --- instances made or kept in ways the other steps do not ------------------------------------


@when('{who} creates an instance "{name}" with the flavor link "{link}"')
def create_with_flavor_link(world: World, who: str, name: str, link: str) -> None:
    """An instance create whose flavorRef is a link to the flavor (written with {flavor}), sent
    as a raw body; once created, the instance is built and kept like any other."""
    profile = world.profile
    body = {
        "instance": {
            "name": world.real_name(name),
            "flavorRef": world.fill(link),
            "volume": {"size": 1},
            "datastore": {"type": profile.datastore, "version": profile.version},
        }
    }
    answer = world.attempt(
        lambda: world.target.send(caller(who), RawKind.INSTANCE_CREATE, body, None)
    )
    if isinstance(answer, dict):
        created = answer.get("instance", answer)  # the HTTP answer keeps Trove's envelope
        world.outcome.answer = instance_properties(created)
        world.ledger.instances += 1
        world.remember_instance(name, created, caller(who))
        wait_until_built(world, who, created["id"])


@given("the next {count} instance builds fail", needs=CONTROLS)
def next_builds_fail(world: World, count: str) -> None:
    """The next instances to be built, this many, end in ERROR."""
    world.controls.fail_next_builds(int(count))
