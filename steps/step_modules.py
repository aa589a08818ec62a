"""Steps about modules themselves: create, update, delete, show and list."""

from __future__ import annotations

from .phrases import given, given_when, then, when
from .tables import assert_properties
from .targets.base import ReapplyOptions
from .wording import caller, file_bytes, module_fields, name_list, vertical_pairs
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


@given_when(
    given='{who} has created a ping module "{name}"[ with contents "{text}"]',
    when='{who} creates a ping module "{name}"[ with contents "{text}"]',
)
def create_ping_module(world: World, who: str, name: str, text: str | None) -> None:
    """A ping module whose file says "message=" and its name, or the given contents."""
    answer = world.request(lambda: _create(world, who, name, _ping_fields(name, text)))
    _remember(world, who, name, answer)


@given_when(
    given='{who} has created a module "{name}" with:',
    when='{who} creates a module "{name}" with:',
)
def create_module_with(world: World, who: str, name: str, datatable: list[list[str]]) -> None:
    """A module with the options of the table (option | value); a ping module saying its name
    unless the table says otherwise."""
    fields = _defaults(name, module_fields(vertical_pairs(world.filled_table(datatable))))
    _remember(world, who, name, world.request(lambda: _create(world, who, name, fields)))


@when("{who} creates a module with:")
def create_module_as_given(world: World, who: str, datatable: list[list[str]]) -> None:
    """Exactly the options in the table, nothing filled in: for the required-field checks."""
    fields = module_fields(vertical_pairs(world.filled_table(datatable)))
    world.attempt(lambda: _create(world, who, None, fields))


@given("{who} has created these modules:")
def given_modules(world: World, who: str, datatable: list[list[str]]) -> None:
    """One module per row; the heading names the options (name first)."""
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


@given_when(given='{who} has updated "{name}" with:', when='{who} updates "{name}" with:')
def update_with(world: World, who: str, name: str, datatable: list[list[str]]) -> None:
    """A module update sending the options of the table (option | value)."""
    fields = module_fields(vertical_pairs(world.filled_table(datatable)))
    world.request(lambda: _update(world, who, name, fields))


@given_when(
    given='{who} has updated the contents of "{name}" to "{text}"',
    when='{who} updates the contents of "{name}" to "{text}"',
)
def update_contents(world: World, who: str, name: str, text: str) -> None:
    """A module update sending new contents (escapes such as \\n and \\x99 allowed)."""
    world.request(lambda: _update(world, who, name, {"contents": file_bytes(text)}))


@given_when(given='{who} has deleted the module "{name}"', when='{who} deletes the module "{name}"')
def delete_module(world: World, who: str, name: str) -> None:
    """A module delete."""
    world.request(lambda: world.target.delete_module(caller(who), world.module_id(name)))


OPERATIONS = {
    "show": lambda t, c, m: t.show_module(c, m),
    "update": lambda t, c, m: t.update_module(c, m, {"description": "changed"}),
    "delete": lambda t, c, m: t.delete_module(c, m),
    "list the instances of": lambda t, c, m: t.module_instances(c, m),
    "count the instances of": lambda t, c, m: t.module_instance_count(c, m),
    "reapply": lambda t, c, m: t.reapply(c, m, ReapplyOptions()),
}


@when('{who} tries to {operation} the module "{name}"')
def try_operation(world: World, who: str, operation: str, name: str) -> None:
    """One operation on a module, for the access rules (the Then steps judge the answer)."""
    operate = OPERATIONS[operation]
    world.attempt(lambda: operate(world.target, caller(who), world.module_id(name)))


@when('{who} lists the modules for datastore "{datastore}"')
def list_for_datastore(world: World, who: str, datastore: str) -> None:
    """A module list filtered by datastore."""
    world.attempt(lambda: world.target.list_modules(caller(who), world.fill(datastore)))


# --- reading modules -------------------------------------------------------------------------


@then('"{name}" as seen by {who} has these properties:')
def module_properties(world: World, name: str, who: str, datatable: list[list[str]]) -> None:
    """module-show's properties (property | value) as the caller sees them."""
    shown = world.must(lambda: world.target.show_module(caller(who), world.module_id(name)))
    assert_properties(world, datatable, shown)


@then(
    'the module list of {who}[ for datastore "{datastore}"] holds no modules',
    'the module list of {who}[ for datastore "{datastore}"] holds {names}',
)
def module_list_holds(
    world: World, who: str, datastore: str | None, names: str | None = None
) -> None:
    """The list, as far as this scenario's modules go, holds exactly the named ones."""
    wanted = world.fill(datastore) if datastore else None
    listed = world.must(lambda: world.target.list_modules(caller(who), wanted))
    known = world.known_module_ids()
    seen = sorted(world.as_written(m["name"]) for m in listed if m["id"] in known)
    assert seen == sorted(name_list(names)), f"the list holds {seen}"


@then('the module "{name}" kept its id and created time and was updated later')
@judges
def kept_identity(world: World, name: str) -> None:
    """The last update's answer keeps the module's id and created time, with a later updated."""
    first, now = world.first_answers[name], world.outcome.answer
    assert now is not None, f"the update was refused: {world.outcome.error}"
    assert (now["id"], now["created"]) == (first["id"], first["created"]), now
    assert now["updated"] > first["updated"], (first["updated"], now["updated"])
