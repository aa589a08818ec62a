"""Reads as When steps, so that their refusal can be judged: the steps ``trovesim explore``
writes when a module show, module list, instance count or module-instances is what diverged.

The Then steps that state what was read are the suite's own ("... as seen by ... has these
properties:", "the module list of ... holds ...", "module-instance-count of ... shows:", ...).
"""

from __future__ import annotations

from .phrases import when
from .step_counts import instance_counts
from .wording import caller
from .world import World


@when('{who} shows the module "{name}"')
def show_module(world: World, who: str, name: str) -> None:
    """A module-show, kept for the Then steps to judge."""
    world.attempt(lambda: world.target.show_module(caller(who), world.module_id(name)))


@when("{who} lists the modules")
def list_modules(world: World, who: str) -> None:
    """A module list, kept for the Then steps to judge."""
    world.attempt(lambda: world.target.list_modules(caller(who)))


@when('{who} counts the instances of "{name}"[ {clustered}]')
def count_instances(world: World, who: str, name: str, clustered: str | None) -> None:
    """A module-instance-count (with cluster members: include_clustered), kept for the Then
    steps."""
    world.attempt(lambda: instance_counts(world, who, name, clustered))


@when('{who} lists the instances of "{name}"[ {clustered}]')
def list_instances_of(world: World, who: str, name: str, clustered: str | None) -> None:
    """A module-instances read, its first page (with cluster members: include_clustered), kept
    for the Then steps."""
    module_id = world.module_id(name)
    world.attempt(lambda: world.target.module_instances(caller(who), module_id, bool(clustered)))
