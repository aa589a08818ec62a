"""The suite's pytest plugin: target options, the per-scenario ``world``, requirement markers.

Load it with ``-p trovesim.steps.plugin`` (``trovesim verify`` does), or from a conftest's
``pytest_configure`` (tests/conformance does). Options, each also read from the environment:

  --target inprocess|URL        TROVESIM_TARGET; URL is Trove's endpoint up to /v1.0
  --admin-token, --tenant-token, --second-tenant-token
                                TROVESIM_ADMIN_TOKEN, TROVESIM_TENANT_TOKEN, ...
  --admin-project, --tenant-project, --second-tenant-project
                                the projects those tokens act in (the URL's tenant)
  --build-wait, --settle-wait   seconds to wait for builds, and for reads after background
                                work, on an endpoint whose clock the suite cannot move

Scenarios tagged @simulator-only are skipped, with the reason, on a target that cannot drive the
simulator's clock, guests and builds.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Protocol

import pytest
from faker import Faker

from trovesim.suite import SIMULATOR_ONLY, UPSTREAM_DIFFERS, requirement_ids

from .targets.base import (
    DEFAULT_BUILD_WAIT_SECONDS,
    DEFAULT_SETTLE_SECONDS,
    Caller,
    Target,
    TargetSpec,
)
from .world import World

pytest_plugins = [
    "trovesim.steps.step_modules",
    "trovesim.steps.step_instances",
    "trovesim.steps.step_counts",
    "trovesim.steps.step_outcomes",
]

INPROCESS = "inprocess"
# (option, environment variable, default) per caller: our server's default identities.
CREDENTIALS = {
    Caller.ADMIN: (
        ("--admin-token", "TROVESIM_ADMIN_TOKEN", "admin-token"),
        ("--admin-project", "TROVESIM_ADMIN_PROJECT", "admin"),
    ),
    Caller.TENANT_A: (
        ("--tenant-token", "TROVESIM_TENANT_TOKEN", "alice-token"),
        ("--tenant-project", "TROVESIM_TENANT_PROJECT", "tenant-a"),
    ),
    Caller.TENANT_B: (
        ("--second-tenant-token", "TROVESIM_SECOND_TENANT_TOKEN", "bob-token"),
        ("--second-tenant-project", "TROVESIM_SECOND_TENANT_PROJECT", "tenant-b"),
    ),
}


# (option, environment variable, default seconds) for endpoints that work in the background.
WAITS = (
    ("--build-wait", "TROVESIM_BUILD_WAIT", DEFAULT_BUILD_WAIT_SECONDS),
    ("--settle-wait", "TROVESIM_SETTLE_WAIT", DEFAULT_SETTLE_SECONDS),
)


def _dest(option: str) -> str:
    return option.lstrip("-").replace("-", "_")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("trovesim", "Trove module conformance suite")
    group.addoption(
        "--target",
        default=os.environ.get("TROVESIM_TARGET", INPROCESS),
        help="inprocess (the embedded simulator) or Trove's endpoint URL up to /v1.0",
    )
    for pair in CREDENTIALS.values():
        for option, variable, default in pair:
            group.addoption(option, default=os.environ.get(variable, default), help=variable)
    for option, variable, default in WAITS:
        group.addoption(
            option, type=float, default=float(os.environ.get(variable, default)), help=variable
        )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", f"{SIMULATOR_ONLY}: needs the simulator's clock, guest faults or builds"
    )
    config.addinivalue_line(
        "markers", f"{UPSTREAM_DIFFERS}: pins a deliberate difference from upstream Trove"
    )
    for requirement in requirement_ids():
        config.addinivalue_line("markers", f"{requirement}: verifies requirement {requirement}")


def spec_from_config(config: pytest.Config) -> TargetSpec:
    """The target and credentials given on the command line or in the environment."""

    def read(option: str):
        return config.getoption(_dest(option))

    return TargetSpec(
        target=read("--target"),
        tokens={c: read(token[0]) for c, (token, _) in CREDENTIALS.items()},
        projects={c: read(project[0]) for c, (_, project) in CREDENTIALS.items()},
        build_wait_seconds=read("--build-wait"),
        settle_seconds=read("--settle-wait"),
    )


class Targets(Protocol):
    """Opens one target per scenario; ``close`` ends what they shared."""

    def open(self) -> Target: ...
    def close(self) -> None: ...


def open_targets(spec: TargetSpec) -> Targets:
    if spec.target == INPROCESS:
        from .targets.inprocess import InProcessTargets

        return InProcessTargets()
    from .targets.http import HttpConnection

    return HttpConnection(spec)


@pytest.fixture(scope="module")
def target_spec(pytestconfig: pytest.Config) -> TargetSpec:
    return spec_from_config(pytestconfig)


@pytest.fixture(scope="module")
def targets(target_spec: TargetSpec) -> Iterator[Targets]:
    opened = open_targets(target_spec)
    yield opened
    opened.close()


_faker = Faker()


@pytest.fixture
def world(targets: Targets, request: pytest.FixtureRequest) -> Iterator[World]:
    """A scenario's world on a fresh target; what it created is deleted afterwards."""
    target = targets.open()
    try:
        if request.node.get_closest_marker(SIMULATOR_ONLY) and not target.can_control:
            pytest.skip(
                f"{SIMULATOR_ONLY}: {target.label} offers no simulator controls "
                "(virtual clock, guest faults, builds)"
            )
        # Starts with a letter that is not hex, so it never occurs inside an id or md5.
        suffix = "s" + _faker.lexify("?????", letters="abcdefghijklmnopqrstuvwxyz0123456789")
        world = World(target, suffix)
        yield world
        world.cleanup()
    finally:
        target.close()
