"""Reads as When steps, so that their refusal can be judged: the steps ``trovesim explore``
writes when a module show, module list, instance count or module-instances is what diverged.

The Then steps that state what was read are the suite's own ("... as seen by ... has these
properties:", "the module list of ... holds ...", "module-instance-count of ... shows:", ...).
"""

from __future__ import annotations

from pytest_bdd import parsers, when

from .wording import caller
from .world import World

CLUSTERED = " with cluster members"


@when(parsers.parse('{who} shows the module "{name}"'))
def show_module(world: World, who: str, name: str) -> None:
    world.attempt(lambda: world.target.show_module(caller(who), world.module_id(name)))


@when(parsers.parse("{who} lists the modules"))
def list_modules(world: World, who: str) -> None:
    world.attempt(lambda: world.target.list_modules(caller(who)))


@when(parsers.parse('{who} counts the instances of "{name}"'))
def count_instances(world: World, who: str, name: str) -> None:
    _count(world, who, name, clustered=False)


@when(parsers.parse('{who} counts the instances of "{name}"' + CLUSTERED))
def count_clustered(world: World, who: str, name: str) -> None:
    _count(world, who, name, clustered=True)


@when(parsers.parse('{who} lists the instances of "{name}"'))
def list_instances_of(world: World, who: str, name: str) -> None:
    _module_instances(world, who, name, clustered=False)


@when(parsers.parse('{who} lists the instances of "{name}"' + CLUSTERED))
def list_clustered_instances_of(world: World, who: str, name: str) -> None:
    _module_instances(world, who, name, clustered=True)


def _count(world: World, who: str, name: str, clustered: bool) -> None:
    module_id = world.module_id(name)
    world.attempt(lambda: world.target.module_instance_count(caller(who), module_id, clustered))


def _module_instances(world: World, who: str, name: str, clustered: bool) -> None:
    module_id = world.module_id(name)
    world.attempt(lambda: world.target.module_instances(caller(who), module_id, clustered))
