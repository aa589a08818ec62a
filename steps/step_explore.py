"""Reads as When steps, so that their refusal can be judged: the steps ``trovesim explore``
writes when a module show, module list, instance count or module-instances is what diverged.

The Then steps that state what was read are the suite's own ("... as seen by ... has these
properties:", "the module list of ... holds ...", "module-instance-count of ... shows:", ...).
"""

from __future__ import annotations

from .phrases import when
from .wording import caller
from .world import World

CLUSTERED = " with cluster members"


@when('{who} shows the module "{name}"')
def show_module(world: World, who: str, name: str) -> None:
    """A module-show, kept for the Then steps to judge."""
    world.attempt(lambda: world.target.show_module(caller(who), world.module_id(name)))


@when("{who} lists the modules")
def list_modules(world: World, who: str) -> None:
    """A module list, kept for the Then steps to judge."""
    world.attempt(lambda: world.target.list_modules(caller(who)))


@when('{who} counts the instances of "{name}"')
def count_instances(world: World, who: str, name: str) -> None:
    """A module-instance-count (clustered instances left out), kept for the Then steps."""
    _count(world, who, name, clustered=False)


@when('{who} counts the instances of "{name}"' + CLUSTERED)
def count_clustered(world: World, who: str, name: str) -> None:
    """A module-instance-count with include_clustered, kept for the Then steps."""
    _count(world, who, name, clustered=True)


@when('{who} lists the instances of "{name}"')
def list_instances_of(world: World, who: str, name: str) -> None:
    """A module-instances list (clustered instances left out), kept for the Then steps."""
    _module_instances(world, who, name, clustered=False)


@when('{who} lists the instances of "{name}"' + CLUSTERED)
def list_clustered_instances_of(world: World, who: str, name: str) -> None:
    """A module-instances list with include_clustered, kept for the Then steps."""
    _module_instances(world, who, name, clustered=True)


def _count(world: World, who: str, name: str, clustered: bool) -> None:
    module_id = world.module_id(name)
    world.attempt(lambda: world.target.module_instance_count(caller(who), module_id, clustered))


def _module_instances(world: World, who: str, name: str, clustered: bool) -> None:
    module_id = world.module_id(name)
    world.attempt(lambda: world.target.module_instances(caller(who), module_id, clustered))
