"""Steps about who has a module: module-instance-count, module-instances, and module-reapply."""

from __future__ import annotations

import re
from functools import partial

from .phrases import CONTROLS, given_when, step, then, when
from .tables import INSTANCE, INSTANCE_COUNT, REAPPLY_RUN, assert_rows, expect_rows
from .targets.base import ReapplyOptions
from .wording import caller, name_list, reapply_options
from .world import World, judges


def instance_counts(world: World, who: str, name: str, clustered: str | None) -> list[dict]:
    """module-instance-count's rows, with cluster members when the phrase asks for them."""
    return world.target.module_instance_count(caller(who), world.module_id(name), bool(clustered))


def _instances(world: World, who: str, name: str, clustered: str | None) -> list[dict]:
    """Every page of module-instances, as far as this scenario's instances go."""
    items, marker, pages = [], None, 0
    while True:
        page, marker = world.target.module_instances(
            caller(who), world.module_id(name), bool(clustered), marker=marker
        )
        items.extend(page)
        pages += 1
        if marker is None or pages > 100:
            break
    known = world.known_instance_ids()
    return [i for i in items if i["id"] in known]


COUNT = 'module-instance-count of "{name}"[ {clustered}] as {who}'


@then(COUNT + " shows:")
def count_shows(
    world: World, name: str, clustered: str | None, who: str, datatable: list[list[str]]
) -> None:
    """module-instance-count's rows, in order (with cluster members: clustered ones counted)."""
    expect_rows(
        world, datatable, partial(instance_counts, world, who, name, clustered), INSTANCE_COUNT
    )


@then(COUNT + " shows no rows")
def count_shows_none(world: World, name: str, clustered: str | None, who: str) -> None:
    """module-instance-count has no row: no instance has the module."""

    def check() -> None:
        rows = world.must(lambda: instance_counts(world, who, name, clustered))
        assert rows == [], f"module-instance-count shows {rows}"

    world.eventually(check)


LISTING = 'module-instances of "{name}"[ {clustered}] as {who}'


@then(LISTING + " lists:")
def instances_list(
    world: World, name: str, clustered: str | None, who: str, datatable: list[list[str]]
) -> None:
    """module-instances, every page, as far as this scenario's instances go, in any order."""
    listing = partial(_instances, world, who, name, clustered)
    expect_rows(world, datatable, listing, INSTANCE, ordered=False)


@then(LISTING + " lists no instances")
def instances_list_none(world: World, name: str, clustered: str | None, who: str) -> None:
    """module-instances lists none of this scenario's instances."""
    found = world.must(lambda: _instances(world, who, name, clustered))
    assert found == [], f"module-instances lists {[world.shown(i['name']) for i in found]}"


@when('{who} pages through the instances of "{name}" {size} at a time')
def page_through(world: World, who: str, name: str, size: str) -> None:
    """module-instances with this page size, following each next link."""
    world.pages, marker = [], None
    while len(world.pages) <= 100:
        page, marker = world.must(
            lambda m=marker: world.target.module_instances(
                caller(who), world.module_id(name), limit=int(size), marker=m
            )
        )
        world.pages.append(page)
        if marker is None:
            return
    raise AssertionError("module-instances never stopped linking a next page")


@then("the pages hold {sizes} instances")
def page_sizes(world: World, sizes: str) -> None:
    """The pages' sizes, in order."""
    expected = [int(n) for n in re.findall(r"\d+", sizes)]
    assert [len(p) for p in world.pages] == expected, [len(p) for p in world.pages]


@then("the pages together list {names} once each")
def pages_list_each_once(world: World, names: str) -> None:
    """Every instance appears on exactly one page."""
    listed = sorted(world.shown(i["name"]) for page in world.pages for i in page)
    assert listed == sorted(name_list(names)), listed


# --- reapply ---------------------------------------------------------------------------------


def _reapply(world: World, who: str, name: str, options: ReapplyOptions) -> None:
    world.target.reapply(caller(who), world.module_id(name), options)


@given_when(given='{who} has reapplied "{name}"', when='{who} reapplies "{name}"')
def reapply(world: World, who: str, name: str) -> None:
    """A module-reapply with Trove's defaults."""
    world.request(lambda: _reapply(world, who, name, ReapplyOptions()))


@when('{who} reapplies "{name}" with:')
def reapply_with(world: World, who: str, name: str, datatable: list[list[str]]) -> None:
    """A module-reapply with options (md5, include clustered, force, batch size, delay)."""
    options = reapply_options(datatable)
    world.attempt(lambda: _reapply(world, who, name, options))


@step("the reapply has finished")
@judges
def reapply_finished(world: World) -> None:
    """Our simulator runs the remaining batches now; another Trove is given time by the reads."""
    assert world.outcome.error is None, f"the reapply was refused: {world.outcome.error}"
    world.target.finish_background_work()


@then('the reapply runs of "{name}" are:', needs=CONTROLS)
def reapply_runs(world: World, name: str, datatable: list[list[str]]) -> None:
    """The simulator's record of the module's reapply runs (applied, skipped, batches)."""
    runs = world.controls.reapply_runs(world.module_id(name))
    assert_rows(world, datatable, runs, REAPPLY_RUN)
