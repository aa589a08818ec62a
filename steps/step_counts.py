"""Steps about who has a module: module-instance-count, module-instances, and module-reapply."""

from __future__ import annotations

import re
from functools import partial

from pytest_bdd import given, parsers, step, then, when

from .tables import INSTANCE, INSTANCE_COUNT, REAPPLY_RUN, assert_rows, expect_rows
from .targets.base import ReapplyOptions
from .wording import CALLER, NAME, NAMES, caller, name_list, reapply_options
from .world import World, judges

CLUSTERED = r"(?P<clustered> with cluster members)?"


def _count(world: World, who: str, name: str, clustered: str | None) -> list[dict]:
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


COUNT = r"module-instance-count of " + NAME + CLUSTERED + r" as " + CALLER


@then(parsers.re(COUNT + r" shows:"))
def count_shows(
    world: World, name: str, clustered: str | None, who: str, datatable: list[list[str]]
) -> None:
    expect_rows(world, datatable, partial(_count, world, who, name, clustered), INSTANCE_COUNT)


@then(parsers.re(COUNT + r" shows no rows"))
def count_shows_none(world: World, name: str, clustered: str | None, who: str) -> None:
    def check() -> None:
        rows = world.must(lambda: _count(world, who, name, clustered))
        assert rows == [], f"module-instance-count shows {rows}"

    world.eventually(check)


LISTING = r"module-instances of " + NAME + CLUSTERED + r" as " + CALLER


@then(parsers.re(LISTING + r" lists:"))
def instances_list(
    world: World, name: str, clustered: str | None, who: str, datatable: list[list[str]]
) -> None:
    listing = partial(_instances, world, who, name, clustered)
    expect_rows(world, datatable, listing, INSTANCE, ordered=False)


@then(parsers.re(LISTING + r" lists no instances"))
def instances_list_none(world: World, name: str, clustered: str | None, who: str) -> None:
    found = world.must(lambda: _instances(world, who, name, clustered))
    assert found == [], f"module-instances lists {[world.shown(i['name']) for i in found]}"


@when(parsers.re(CALLER + r" pages through the instances of " + NAME + r" (?P<size>\d+) at a time"))
def page_through(world: World, who: str, name: str, size: str) -> None:
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


@then(parsers.re(r"the pages hold (?P<sizes>[\d, and]+) instances"))
def page_sizes(world: World, sizes: str) -> None:
    expected = [int(n) for n in re.findall(r"\d+", sizes)]
    assert [len(p) for p in world.pages] == expected, [len(p) for p in world.pages]


@then(parsers.re(r"the pages together list " + NAMES + r" once each"))
def pages_list_each_once(world: World, names: str) -> None:
    listed = sorted(world.shown(i["name"]) for page in world.pages for i in page)
    assert listed == sorted(name_list(names)), listed


# --- reapply ---------------------------------------------------------------------------------

REAPPLY = CALLER + r" {} " + NAME


def _reapply(world: World, who: str, name: str, options: ReapplyOptions) -> None:
    world.target.reapply(caller(who), world.module_id(name), options)


@given(parsers.re(REAPPLY.format("has reapplied")))
def given_reapplied(world: World, who: str, name: str) -> None:
    world.must(lambda: _reapply(world, who, name, ReapplyOptions()))


@when(parsers.re(REAPPLY.format("reapplies")))
def reapply(world: World, who: str, name: str) -> None:
    world.attempt(lambda: _reapply(world, who, name, ReapplyOptions()))


@when(parsers.re(REAPPLY.format("reapplies") + r" with:"))
def reapply_with(world: World, who: str, name: str, datatable: list[list[str]]) -> None:
    options = reapply_options(datatable)
    world.attempt(lambda: _reapply(world, who, name, options))


@step("the reapply has finished")
@judges
def reapply_finished(world: World) -> None:
    """Our simulator runs the remaining batches now; another Trove is given time by the reads."""
    assert world.outcome.error is None, f"the reapply was refused: {world.outcome.error}"
    world.target.finish_background_work()


@then(parsers.re(r"the reapply runs of " + NAME + r" are:"))
def reapply_runs(world: World, name: str, datatable: list[list[str]]) -> None:
    runs = world.controls.reapply_runs(world.module_id(name))
    assert_rows(world, datatable, runs, REAPPLY_RUN)
