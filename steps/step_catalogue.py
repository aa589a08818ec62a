"""Steps about the catalogue a client reads: datastores, their versions and flavors, and the
instances built on them. Module management binds modules to the ids and names read here, so
the reads must agree with each other: a list's entry with its show, a version with the datastore
that lists it, a version found by its id with the one found by its name.
"""

from __future__ import annotations

import pytest

from trovesim.suite import NOT_APPLICABLE

from .phrases import then, when
from .step_outcomes import refusal
from .targets.base import Caller
from .wording import caller
from .world import World, judges

# The fields every datastore, version and flavor answer carries (Trove's views).
DATASTORE_FIELDS = ("id", "name", "links", "versions")
VERSION_ENTRY_FIELDS = ("id", "name", "links")
VERSION_FIELDS = ("id", "name", "links", "datastore")
# Shown to the admin only (Trove leaves them out for other callers). The admin must be shown
# the first three; image_tags, which older releases lack, is required of no one.
ADMIN_VERSION_FIELDS = ("active", "packages", "image")
ADMIN_ONLY_FIELDS = (*ADMIN_VERSION_FIELDS, "image_tags")
# Trove's flavor view; releases before it gave the disk size lack "disk".
FLAVOR_FIELDS = ("id", "str_id", "name", "ram", "vcpus", "links")


def _has_fields(what: str, answer: dict, fields: tuple[str, ...]) -> None:
    missing = [name for name in fields if name not in answer]
    assert not missing, f"{what} lacks {missing}: {answer}"


def _entry(what: str, entries: list[dict], key: str, value: str) -> dict:
    found = [entry for entry in entries if entry.get(key) == value]
    assert len(found) == 1, f"{what}: {len(found)} entries with {key} {value!r} in {entries}"
    return found[0]


def _same(what: str, listed: dict, shown: dict) -> None:
    assert listed == shown, f"{what}: the list gives {listed}, the show {shown}"


def _retired(version: dict) -> bool:
    """Marked not active: only the admin's answers say so, and only they give such versions."""
    return version.get("active", True) in (False, 0)


@then('{who} reads the datastore "{datastore}" the same in the datastore list and its show')
def datastore_list_and_show(world: World, who: str, datastore: str) -> None:
    """The datastore's show (by name and by id) and its list entry are the same, with its id,
    name, links and versions; each version entry has an id, a name and links (and, for the
    admin, whether it is active)."""
    reader, name = caller(who), world.fill(datastore)
    shown = world.must(lambda: world.target.show_datastore(reader, name))
    _has_fields(f"datastore {name}", shown, DATASTORE_FIELDS)
    assert shown["name"] == name, f"datastore {name} shows the name {shown['name']!r}"
    by_id = world.must(lambda: world.target.show_datastore(reader, shown["id"]))
    _same(f"datastore {name} by id", by_id, shown)
    listed = _entry(
        "the datastore list", world.must(lambda: world.target.list_datastores(reader)), "name", name
    )
    # The admin's list also gives the retired versions, which a datastore's show leaves out.
    active = [v for v in listed["versions"] if not _retired(v)]
    _same(f"datastore {name}", {**listed, "versions": active}, shown)
    entry_fields = VERSION_ENTRY_FIELDS + (("active",) if reader is Caller.ADMIN else ())
    for entry in shown["versions"]:
        _has_fields(f"a version entry of {name}", entry, entry_fields)


@then('the default version of the datastore "{datastore}" is one of the versions it lists')
def default_version_is_listed(world: World, datastore: str) -> None:
    """The datastore's default_version is the id of one of the versions its show and its
    version list give."""
    name = world.fill(datastore)
    shown = world.must(lambda: world.target.show_datastore(Caller.ADMIN, name))
    default = shown.get("default_version")
    listed = world.must(lambda: world.target.list_versions(Caller.ADMIN, name))
    assert default in [v["id"] for v in shown["versions"]], f"{name}: {shown}"
    assert default in [v["id"] for v in listed], f"{name}: default {default!r}, versions {listed}"


@then(
    '{who} reads each version of the datastore "{datastore}" the same by its id, by its name'
    " and in the version list"
)
def versions_agree(world: World, who: str, datastore: str) -> None:
    """Every version the list gives is shown the same by its id and by its name, names the
    datastore that lists it, and is the entry of the datastore's own versions with that id."""
    reader, name = caller(who), world.fill(datastore)
    shown_datastore = world.must(lambda: world.target.show_datastore(reader, name))
    listed = world.must(lambda: world.target.list_versions(reader, name))
    assert listed, f"datastore {name} lists no version"
    for entry in listed:
        _has_fields(f"version {entry.get('name')} of {name}", entry, VERSION_FIELDS)
        assert entry["datastore"] == shown_datastore["id"], f"{entry} is not of {shown_datastore}"
        by_id = world.must(lambda e=entry: world.target.show_version(reader, name, e["id"]))
        by_name = world.must(lambda e=entry: world.target.show_version(reader, name, e["name"]))
        _same(f"version {entry['name']} by id", entry, by_id)
        _same(f"version {entry['name']} by name", entry, by_name)
        if _retired(entry):
            continue  # the admin's list gives it; the datastore's show leaves it out (CAT-1)
        own = _entry(f"the versions of {name}", shown_datastore["versions"], "id", entry["id"])
        assert own["name"] == entry["name"], f"{name} lists {own}, its version list {entry}"


@then(
    'the admin reads the version "{version}" of the datastore "{datastore}" as active,'
    " with its packages and image"
)
def admin_version_fields(world: World, version: str, datastore: str) -> None:
    """As the admin sees a version: active, and the packages and image fields present."""
    name, wanted = world.fill(datastore), world.with_ids(version)
    shown = world.must(lambda: world.target.show_version(Caller.ADMIN, name, wanted))
    _has_fields(f"version {wanted} of {name}", shown, VERSION_FIELDS + ADMIN_VERSION_FIELDS)
    assert shown["active"] in (True, 1), f"version {wanted} of {name} is not active: {shown}"


@then('{who} reads the version "{version}" of the datastore "{datastore}" without how it is built')
def version_build_hidden(world: World, who: str, version: str, datastore: str) -> None:
    """Whether a version is active, and its packages, image and image tags, are not shown: not
    in the version's show, the version list, or the datastore's show and list entry."""
    reader, name, wanted = caller(who), world.fill(datastore), world.with_ids(version)
    answers = [world.must(lambda: world.target.show_version(reader, name, wanted))]
    answers += world.must(lambda: world.target.list_versions(reader, name))
    answers += world.must(lambda: world.target.show_datastore(reader, name))["versions"]
    listed = world.must(lambda: world.target.list_datastores(reader))
    answers += _entry("the datastore list", listed, "name", name)["versions"]
    for answer in answers:
        shown = [field for field in ADMIN_ONLY_FIELDS if field in answer]
        assert not shown, f"{who} is shown {shown} of a version of {name}: {answer}"


@then("{who} finds no retired version in the lists, but is shown one asked for by its id or name")
def retired_version_reads(world: World, who: str) -> None:
    """A version the admin's datastore list marks not active is in neither of the caller's
    lists (versions, datastores), and is shown the same by its id and by its name. A target
    with no retired version makes the scenario not applicable."""
    reader = caller(who)
    datastore, retired = _inactive_version(world)
    versions = world.must(lambda: world.target.list_versions(reader, datastore))
    assert retired["id"] not in [v["id"] for v in versions], f"{who} is listed {retired}"
    for entry in world.must(lambda: world.target.list_datastores(reader)):
        listed = [v["id"] for v in entry.get("versions", [])]
        assert retired["id"] not in listed, f"{who} is given {retired} in {entry}"
    by_id = world.must(lambda: world.target.show_version(reader, datastore, retired["id"]))
    by_name = world.must(lambda: world.target.show_version(reader, datastore, retired["name"]))
    _same(f"retired version {retired['name']} by id and by name", by_id, by_name)
    assert (by_id["id"], by_id["name"]) == (retired["id"], retired["name"]), by_id


def _printed_id(flavor: dict) -> str:
    """The ID troveclient prints: the flavor's id, or its str_id where the id is empty."""
    return str(flavor.get("id") or flavor.get("str_id"))


@then('{who} reads the flavor "{flavor}" the same in the flavor list and its show')
def flavor_list_and_show(world: World, who: str, flavor: str) -> None:
    """The flavor's show and its list entry are the same, with the fields troveclient prints
    (ID from id or str_id, Name, RAM, vCPUs, and Disk where given) and its links; the id is the
    number str_id reads as, or null where str_id is not a number; RAM and vCPUs are positive
    whole numbers, Disk a whole number."""
    reader, wanted = caller(who), world.fill(flavor)
    shown = world.must(lambda: world.target.show_flavor(reader, wanted))
    _has_fields(f"flavor {wanted}", shown, FLAVOR_FIELDS)
    assert _printed_id(shown) == str(shown["str_id"]) == wanted, f"flavor {wanted}: {shown}"
    flavors = world.must(lambda: world.target.list_flavors(reader))
    listed = [f for f in flavors if _printed_id(f) == wanted]
    assert len(listed) == 1, f"flavor {wanted} appears {len(listed)} times in {flavors}"
    _same(f"flavor {wanted}", listed[0], shown)
    _number_where_plain(shown)
    sizes = {key: shown[key] for key in ("ram", "vcpus", "disk") if key in shown}
    assert all(isinstance(v, int) and not isinstance(v, bool) for v in sizes.values()), sizes
    assert sizes["ram"] > 0 and sizes["vcpus"] > 0 and sizes.get("disk", 0) >= 0, sizes


def _number_where_plain(flavor: dict) -> None:
    """Trove sends the id as a number where ``str_id`` is one (digits, no leading zero) and null
    where it is not all digits; releases differ only on leading zeros, which are not judged."""
    text, sent = str(flavor["str_id"]), flavor["id"]
    if text.isdigit() and not text.startswith("0"):
        assert sent == int(text) and not isinstance(sent, bool), f"id {sent!r}: {flavor}"
    elif not text.isdigit():
        assert sent is None, f"flavor {text} is sent with the id {sent!r}, not null: {flavor}"


@when('{who} shows the flavor "{flavor}"')
def show_flavor(world: World, who: str, flavor: str) -> None:
    """A flavor-show, kept for the Then steps to judge."""
    world.attempt(lambda: world.target.show_flavor(caller(who), world.with_ids(flavor)))


def _create_instance(
    world: World, who: str, name: str, datastore: str | None, version: str | None
) -> None:
    """An instance on the profile's flavor, its answer or refusal kept for the Then steps."""
    owner = caller(who)

    def create() -> dict:
        answer = world.target.create_instance(
            owner, world.real_name(name), world.profile.flavor, datastore, version, []
        )
        world.ledger.instances += 1
        world.remember_instance(name, answer, owner)
        return answer

    world.attempt(create)


@when('{who} creates an instance "{name}" of the datastore "{datastore}"[ version "{version}"]')
def create_instance_of(
    world: World, who: str, name: str, datastore: str, version: str | None
) -> None:
    """An instance of the datastore and version given by name or id (``{id of version ...}``);
    without a version, Trove picks the datastore's default."""
    wanted = world.with_ids(version) if version is not None else None
    _create_instance(world, who, name, world.with_ids(datastore), wanted)


@when('{who} creates an instance "{name}" without a datastore')
def create_instance_without_datastore(world: World, who: str, name: str) -> None:
    """An instance create that names no datastore: Trove picks the deployment's default."""
    _create_instance(world, who, name, None, None)


@then('the instance "{name}" as {who} runs the default version of the datastore "{datastore}"')
def runs_default_version(world: World, name: str, who: str, datastore: str) -> None:
    """instance-show names the datastore, and the version whose id the datastore gives as its
    default_version."""
    ds_name = world.fill(datastore)
    shown_ds = world.must(lambda: world.target.show_datastore(Caller.ADMIN, ds_name))
    default = _entry(
        f"the versions of {ds_name}", shown_ds["versions"], "id", shown_ds.get("default_version")
    )
    instance = world.must(lambda: world.target.show_instance(caller(who), world.instance_id(name)))
    running = instance.get("datastore", {})
    assert running.get("type") == ds_name, f"instance {name} runs {running}, not {ds_name}"
    assert running.get("version") == default["name"], (
        f"instance {name} runs {running}, the default is {default}"
    )


NO_DEFAULT_DATASTORE = "Please specify datastore."


@then('the instance "{name}" as {who} runs a datastore of the catalogue at its default version')
@judges
def runs_some_default(world: World, name: str, who: str) -> None:
    """The instance runs one of the datastores the catalogue lists, at the version that
    datastore gives as its default. A deployment that names no default datastore refuses the
    create with 400 "Please specify datastore.": the scenario is then not applicable."""
    refused = world.outcome.error
    if refused is not None and (refused.status, refused.message) == (400, NO_DEFAULT_DATASTORE):
        pytest.skip(f"{NOT_APPLICABLE}the deployment names no default datastore")
    assert refused is None, f"the request was refused: {refused}"
    instance = world.must(lambda: world.target.show_instance(caller(who), world.instance_id(name)))
    running = instance.get("datastore", {})
    datastores = world.must(lambda: world.target.list_datastores(Caller.ADMIN))
    found = _entry("the datastore list", datastores, "name", running.get("type"))
    default = _entry(
        f"the versions of {found['name']}", found["versions"], "id", found.get("default_version")
    )
    assert running.get("version") == default["name"], (
        f"instance {name} runs {running}, the default is {default}"
    )


def _inactive_version(world: World) -> tuple[str, dict]:
    """The first version the admin's datastore list marks as not active, with its datastore's
    name; a target that lists none makes the scenario not applicable."""
    for datastore in world.must(lambda: world.target.list_datastores(Caller.ADMIN)):
        for version in datastore.get("versions", []):
            if _retired(version):
                return datastore["name"], version
    pytest.skip(
        f"{NOT_APPLICABLE}needs a version that is not active: {world.target.label} lists none"
    )


@when('{who} creates a module "{name}" bound to a version that is not active, by its {key}')
def module_on_inactive(world: World, who: str, name: str, key: str) -> None:
    """A ping module bound to a retired version of the catalogue, named by its name or id."""
    datastore, version = _inactive_version(world)
    fields = {
        "name": world.real_name(name),
        "module_type": "ping",
        "contents": f"message={name}\n".encode(),
        "datastore": datastore,
        "datastore_version": version[key],
    }
    answer = world.attempt(lambda: world.target.create_module(caller(who), fields))
    if answer is not None:
        world.remember_module(name, answer, caller(who))


@when('{who} creates an instance "{name}" of a version that is not active, by its {key}')
def instance_on_inactive(world: World, who: str, name: str, key: str) -> None:
    """An instance create on a retired version of the catalogue, named by its name or id."""
    datastore, version = _inactive_version(world)
    _create_instance(world, who, name, datastore, version[key])


@then("the request is refused with 400 as the version is not active")
@judges
def refused_as_inactive(world: World) -> None:
    """The last request was refused with 400 "Datastore version '<name>' is not active."."""
    _, version = _inactive_version(world)
    refused = refusal(world)
    expected = (400, f"Datastore version '{version['name']}' is not active.")
    assert (refused.status, refused.message) == expected, f"refused with {refused}, not {expected}"


def _without_default(world: World) -> str:
    """The first datastore the admin's list gives with active versions but no default version;
    a target whose datastores all name one makes the scenario not applicable."""
    for datastore in world.must(lambda: world.target.list_datastores(Caller.ADMIN)):
        active = [
            v for v in datastore.get("versions", []) if v.get("active", True) not in (False, 0)
        ]
        if active and not datastore.get("default_version"):
            return datastore["name"]
    pytest.skip(
        f"{NOT_APPLICABLE}needs a datastore without a default version: every datastore of "
        f"{world.target.label} names one"
    )


@when(
    '{who} creates an instance "{name}" of a datastore without a default version, giving no version'
)
def instance_without_default(world: World, who: str, name: str) -> None:
    """An instance create naming a datastore that has no default version, and no version."""
    _create_instance(world, who, name, _without_default(world), None)


@when("{who} lists the modules for a datastore without a default version")
def list_for_datastore_without_default(world: World, who: str) -> None:
    """A module list filtered by a datastore that has no default version."""
    datastore = _without_default(world)
    world.attempt(lambda: world.target.list_modules(caller(who), datastore))


@then("the request is refused with 400 as the datastore has no default version")
@judges
def refused_for_no_default(world: World) -> None:
    """The last request was refused with 400 "Default version for datastore '<ds>' not
    found."."""
    datastore = _without_default(world)
    refused = refusal(world)
    expected = (400, f"Default version for datastore '{datastore}' not found.")
    assert (refused.status, refused.message) == expected, f"refused with {refused}, not {expected}"
