"""The suite's pytest plugin: target options, the target's profile, the per-scenario ``world``.

Load it with ``-p trovesim.steps.plugin`` (``trovesim verify`` does), or from a conftest's
``pytest_configure`` (tests/conformance does). The options are in ``steps.options`` (each also
read from a ``TROVESIM_*`` variable).

Before the first scenario of a module the plugin reads what the target offers and picks the
roles the features speak of (``steps.profile``). A scenario tagged with a capability the target
lacks (@needs-clusters, @needs-second-version, @needs-second-datastore, @needs-type-<type>,
@simulator-only) is skipped with a reason starting "not applicable: ". A request refused in a
Given or When step that no later step judged fails the scenario at the next step, naming the
refused step. Against a shared endpoint, what the run created is deleted at the end of each
scenario and, by the run's name suffixes, once more at the end of each module (``steps.sweep``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest
from faker import Faker
from pytest_bdd import scenario as bdd_scenario

from trovesim.suite import (
    CAPABILITY_TAGS,
    NEEDS_TYPE,
    UPSTREAM_DIFFERS,
    CouldNotJudge,
    requirement_ids,
)

from .ledger import Ledger, Leftover
from .options import ALL, INPROCESS, TARGET
from .pool import InstancePool
from .profile import (
    MODULE_TYPES,
    Offer,
    Profile,
    ProfileError,
    choose,
)
from .progress import Progress
from .spec import spec_from_config
from .sweep import sweep
from .targets.base import Target, TargetError, TargetSpec
from .world import JUDGES, World

pytest_plugins = [
    "trovesim.steps.step_lookup",
    "trovesim.steps.step_modules",
    "trovesim.steps.step_instances",
    "trovesim.steps.step_counts",
    "trovesim.steps.step_outcomes",
    "trovesim.steps.step_explore",
    "trovesim.steps.step_dates",
    "trovesim.steps.step_catalogue",
    "trovesim.steps.step_views",
    "trovesim.steps.step_runs",
    "trovesim.steps.step_count_checks",
]

LEDGER = pytest.StashKey[Ledger]()
DELETES_INSTANCE = re.compile(r"delete[sd]? the instance")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("trovesim", "Trove module conformance suite")
    for option in ALL:
        default = os.environ.get(option.variable, option.default)
        if option is TARGET:
            default = os.environ.get(option.variable, INPROCESS)
        group.addoption(
            option.flag,
            default=float(default) if option.number and default is not None else default,
            type=float if option.number else str,
            help=f"{option.help} (${option.variable})",
        )
    group.addoption("--facts", help="write the run's profile, builds and leftovers here (JSON)")


def pytest_configure(config: pytest.Config) -> None:
    for tag in (*CAPABILITY_TAGS, *(NEEDS_TYPE + kind for kind in MODULE_TYPES)):
        config.addinivalue_line("markers", f"{tag}: needs a capability of the target")
    config.addinivalue_line(
        "markers", f"{UPSTREAM_DIFFERS}: pins a deliberate difference from upstream Trove"
    )
    for requirement in requirement_ids():
        config.addinivalue_line("markers", f"{requirement}: verifies requirement {requirement}")
    ledger = config.stash[LEDGER] = Ledger()
    progress = Progress(config, ledger, spec_from_config(config).target != INPROCESS)
    config.pluginmanager.register(progress, "trovesim-progress")


def pytest_unconfigure(config: pytest.Config) -> None:
    facts = config.getoption("facts", None)
    if facts and LEDGER in config.stash:
        config.stash[LEDGER].write(Path(facts))


class Targets(Protocol):
    """Opens one target per scenario; ``close`` ends what they shared."""

    label: str
    has_controls: bool

    def offer(self) -> Offer: ...
    def open(self) -> Target: ...
    def close(self) -> None: ...


def open_targets(spec: TargetSpec) -> Targets:
    if spec.target == INPROCESS:
        from .targets.inprocess import InProcessTargets

        return InProcessTargets()
    from .targets.http import HttpConnection

    return HttpConnection(spec)


def profile_of(targets: Targets, spec: TargetSpec) -> Profile:
    try:
        return choose(targets.offer(), targets.label, spec.wanted, targets.has_controls)
    except ProfileError as problem:
        raise CouldNotJudge(f"{targets.label}: {problem}") from None


@pytest.fixture(scope="module")
def target_spec(pytestconfig: pytest.Config) -> TargetSpec:
    return spec_from_config(pytestconfig)


@pytest.fixture(scope="module")
def targets(target_spec: TargetSpec, pytestconfig: pytest.Config) -> Iterator[Targets]:
    opened = open_targets(target_spec)
    ledger = pytestconfig.stash[LEDGER]
    yield opened
    close_targets(opened, ledger)


def close_targets(opened: Targets, ledger: Ledger) -> None:
    """Sweep what still carries the run's suffixes, then end what the targets shared (also when
    the sweep's target cannot be opened: the in-process freezer must not outlive the run)."""
    try:
        target = opened.open()
        try:
            if target.unique_names:
                sweep(target, ledger)
        finally:
            target.close()
    finally:
        opened.close()


@pytest.fixture(scope="module")
def profile(targets: Targets, target_spec: TargetSpec, pytestconfig: pytest.Config) -> Profile:
    chosen = profile_of(targets, target_spec)
    ledger = pytestconfig.stash[LEDGER]
    ledger.profile = {"target": chosen.target, **chosen.roles()}
    ledger.capabilities = chosen.capabilities()
    return chosen


_faker = Faker()


def new_run_suffix() -> str:
    """The mark of one run's names, which the sweep finds again; it starts with a letter that
    is not hex, so it never occurs inside an id or md5."""
    return "s" + _faker.lexify("?????", letters="abcdefghijklmnopqrstuvwxyz0123456789")


@pytest.fixture(scope="module")
def pool(targets: Targets, pytestconfig: pytest.Config) -> Iterator[InstancePool | None]:
    """Lent instances (steps.pool), where builds take real time: not our simulator's. They
    are deleted when the module's scenarios are done."""
    if targets.has_controls or targets.label == INPROCESS:
        yield None
        return
    ledger = pytestconfig.stash[LEDGER]
    lending = InstancePool(new_run_suffix())
    ledger.suffixes.add(lending.suffix)
    yield lending
    target = targets.open()
    try:
        for lent in lending.drain():
            try:
                target.delete_instance(lent.key[0], lent.id)
            except (TargetError, CouldNotJudge) as refused:
                ledger.leftovers.append(Leftover("instance", lent.id, lent.name, str(refused)))
    finally:
        target.close()


def _deletes_instances(request: pytest.FixtureRequest) -> bool:
    """Whether the scenario deletes an instance (then none of its instances is lent)."""
    templates = getattr(bdd_scenario, "scenario_wrapper_template_registry", {})
    scenario = templates.get(getattr(request.node, "function", None))
    steps = scenario.steps if scenario is not None else []
    return any(DELETES_INSTANCE.search(step.name) for step in steps)


@pytest.fixture
def world(
    targets: Targets,
    profile: Profile,
    pool: InstancePool | None,
    request: pytest.FixtureRequest,
) -> Iterator[World]:
    """A scenario's world on a fresh target; what it created is deleted afterwards."""
    lacking = profile.lacking({marker.name for marker in request.node.iter_markers()})
    if lacking:
        pytest.skip(lacking)
    ledger = request.config.stash[LEDGER]
    target = targets.open()
    try:
        suffix = new_run_suffix()
        if target.unique_names:
            ledger.suffixes.add(suffix)
        world = World(target, suffix, profile, ledger, pool, _deletes_instances(request))
        yield world
        world.cleanup()
    finally:
        target.close()


def pytest_bdd_before_step_call(request, feature, scenario, step, step_func, step_func_args):
    """Name the step being carried out; stop at a refusal no step judged (see the module doc)."""
    world = step_func_args.get("world")
    if world is None:
        return
    outcome = world.outcome
    judges = getattr(step_func, JUDGES, False)
    unjudged = outcome.error is not None and not outcome.examined
    outcome.examined = outcome.examined or judges
    if unjudged and not judges:
        raise AssertionError(
            f'"{outcome.step}" was refused with {outcome.error}; no step expected that, '
            "so the scenario cannot go on"
        )
    world.step, world.step_type = f"{step.keyword} {step.name}", step.type
