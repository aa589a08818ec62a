"""Steps about modules themselves: create, update, delete, show and list."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from .tables import assert_properties
from .targets.base import ReapplyOptions
from .wording import (
    CALLER,
    NAME,
    NAMES,
    caller,
    file_bytes,
    module_fields,
    name_list,
    vertical_pairs,
)
from .world import World, judges

PING = {"module_type": "ping"}


def _create(world: World, who: str, name: str | None, fields: dict) -> dict:
    """Create with the client's keywords; the name gets the scenario's suffix."""
    if name is not None:
        fields = {"name": name, **fields}
    if "name" in fields:
        fields["name"] = world.real_name(fields["name"])
    return world.target.create_module(caller(who), fields)


def _ping_fields(name: str, contents: str | None) -> dict:
    """A ping module whose file is the given text, or by default "message=<name>"."""
    text = contents if contents is not None else f"message={name}\n"
    return {**PING, "contents": file_bytes(text)}


def _defaults(name: str, fields: dict) -> dict:
    """A named module from an options table: a ping module saying its name unless told."""
    return {**_ping_fields(name, None), **fields}


def _remember(world: World, who: str, name: str, answer: dict | None) -> None:
    if answer is not None:
        world.remember_module(name, answer, caller(who))


# --- create ----------------------------------------------------------------------------------

CREATE_PING = CALLER + r" {} a ping module " + NAME + r'(?: with contents "(?P<text>[^"]*)")?'


@given(parsers.re(CREATE_PING.format("has created")))
def given_ping_module(world: World, who: str, name: str, text: str | None) -> None:
    answer = world.must(lambda: _create(world, who, name, _ping_fields(name, text)))
    _remember(world, who, name, answer)


@when(parsers.re(CREATE_PING.format("creates")))
def create_ping_module(world: World, who: str, name: str, text: str | None) -> None:
    answer = world.attempt(lambda: _create(world, who, name, _ping_fields(name, text)))
    _remember(world, who, name, answer)


@given(parsers.re(CALLER + r" has created a module " + NAME + r" with:"))
def given_module_with(world: World, who: str, name: str, datatable: list[list[str]]) -> None:
    fields = _defaults(name, module_fields(vertical_pairs(world.filled_table(datatable))))
    _remember(world, who, name, world.must(lambda: _create(world, who, name, fields)))


@when(parsers.re(CALLER + r" creates a module " + NAME + r" with:"))
def create_module_with(world: World, who: str, name: str, datatable: list[list[str]]) -> None:
    fields = _defaults(name, module_fields(vertical_pairs(world.filled_table(datatable))))
    _remember(world, who, name, world.attempt(lambda: _create(world, who, name, fields)))


@when(parsers.re(CALLER + r" creates a module with:"))
def create_module_as_given(world: World, who: str, datatable: list[list[str]]) -> None:
    """Exactly the options in the table, nothing filled in: for the required-field checks."""
    fields = module_fields(vertical_pairs(world.filled_table(datatable)))
    world.attempt(lambda: _create(world, who, None, fields))


@given(parsers.re(CALLER + r" has created these modules:"))
def given_modules(world: World, who: str, datatable: list[list[str]]) -> None:
    header, *rows = world.filled_table(datatable)
    for row in rows:
        options = dict(zip(header, row, strict=True))
        name = options.pop("name")
        fields = _defaults(name, module_fields(list(options.items())))
        _remember(world, who, name, world.must(lambda n=name, f=fields: _create(world, who, n, f)))


# --- update and delete -----------------------------------------------------------------------


def _update(world: World, who: str, name: str, fields: dict) -> dict:
    new_name = fields.get("name")
    if new_name is not None:
        fields = {**fields, "name": world.real_name(new_name)}
    answer = world.target.update_module(caller(who), world.module_id(name), fields)
    if new_name is not None:
        world.remember_module(new_name, answer, caller(who))
    return answer


@given(parsers.re(CALLER + r" has updated " + NAME + r" with:"))
def given_updated(world: World, who: str, name: str, datatable: list[list[str]]) -> None:
    fields = module_fields(vertical_pairs(world.filled_table(datatable)))
    world.must(lambda: _update(world, who, name, fields))


@when(parsers.re(CALLER + r" updates " + NAME + r" with:"))
def update_with(world: World, who: str, name: str, datatable: list[list[str]]) -> None:
    fields = module_fields(vertical_pairs(world.filled_table(datatable)))
    world.attempt(lambda: _update(world, who, name, fields))


UPDATE_CONTENTS = CALLER + r" {} the contents of " + NAME + r' to "(?P<text>[^"]*)"'


@given(parsers.re(UPDATE_CONTENTS.format("has updated")))
def given_contents_updated(world: World, who: str, name: str, text: str) -> None:
    world.must(lambda: _update(world, who, name, {"contents": file_bytes(text)}))


@when(parsers.re(UPDATE_CONTENTS.format("updates")))
def update_contents(world: World, who: str, name: str, text: str) -> None:
    world.attempt(lambda: _update(world, who, name, {"contents": file_bytes(text)}))


@given(parsers.re(CALLER + r" has deleted the module " + NAME))
def given_module_deleted(world: World, who: str, name: str) -> None:
    world.must(lambda: world.target.delete_module(caller(who), world.module_id(name)))


@when(parsers.re(CALLER + r" deletes the module " + NAME))
def delete_module(world: World, who: str, name: str) -> None:
    world.attempt(lambda: world.target.delete_module(caller(who), world.module_id(name)))


OPERATIONS = {
    "show": lambda t, c, m: t.show_module(c, m),
    "update": lambda t, c, m: t.update_module(c, m, {"description": "changed"}),
    "delete": lambda t, c, m: t.delete_module(c, m),
    "list the instances of": lambda t, c, m: t.module_instances(c, m),
    "count the instances of": lambda t, c, m: t.module_instance_count(c, m),
    "reapply": lambda t, c, m: t.reapply(c, m, ReapplyOptions()),
}


@when(parsers.re(CALLER + r" tries to (?P<operation>.+) the module " + NAME))
def try_operation(world: World, who: str, operation: str, name: str) -> None:
    operate = OPERATIONS[operation]
    world.attempt(lambda: operate(world.target, caller(who), world.module_id(name)))


@when(parsers.re(CALLER + r' lists the modules for datastore "(?P<datastore>[^"]+)"'))
def list_for_datastore(world: World, who: str, datastore: str) -> None:
    world.attempt(lambda: world.target.list_modules(caller(who), world.fill(datastore)))


# --- reading modules -------------------------------------------------------------------------


@then(parsers.re(NAME + r" as seen by " + CALLER + r" has these properties:"))
def module_properties(world: World, name: str, who: str, datatable: list[list[str]]) -> None:
    shown = world.must(lambda: world.target.show_module(caller(who), world.module_id(name)))
    assert_properties(world, datatable, shown)


MODULE_LIST = (
    r"the module list of "
    + CALLER
    + r'(?: for datastore "(?P<datastore>[^"]+)")? holds (?:no modules|'
    + NAMES
    + r")"
)


@then(parsers.re(MODULE_LIST))
def module_list_holds(world: World, who: str, datastore: str | None, names: str | None) -> None:
    """The list, as far as this scenario's modules go, holds exactly the named ones."""
    wanted = world.fill(datastore) if datastore else None
    listed = world.must(lambda: world.target.list_modules(caller(who), wanted))
    known = world.known_module_ids()
    seen = sorted(world.as_written(m["name"]) for m in listed if m["id"] in known)
    assert seen == sorted(name_list(names)), f"the list holds {seen}"


@then(parsers.re(r"the module " + NAME + r" kept its id and created time and was updated later"))
@judges
def kept_identity(world: World, name: str) -> None:
    first, now = world.first_answers[name], world.outcome.answer
    assert now is not None, f"the update was refused: {world.outcome.error}"
    assert (now["id"], now["created"]) == (first["id"], first["created"]), now
    assert now["updated"] > first["updated"], (first["updated"], now["updated"])
