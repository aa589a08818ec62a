"""Instances shared across scenarios, against an endpoint whose builds cost real time.

On a real cloud every instance is a VM and minutes of waiting. Most scenarios need "an instance"
only to have somewhere to apply modules; what they judge is the modules, not the build. Such an
instance can come from a pool: built once per caller, datastore and version, lent to a scenario
under the scenario's name, and given back at its end with the scenario's modules removed.

A scenario borrows only where a fresh instance is not what it judges (``World.may_borrow``):
never in a When step (the create is judged), never once the scenario has an auto-apply module
(it would reach a new instance at create, not a lent one), never in a scenario that deletes an
instance. "with the modules ..." then becomes a module-apply, which records the same. The
embedded simulator and a virtual-clock server build for free, and never pool.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .targets.base import Caller

Key = tuple[Caller, str, str]  # owner, datastore, version


@dataclass(frozen=True)
class Lent:
    id: str
    name: str
    key: Key


@dataclass
class InstancePool:
    """Free instances by owner, datastore and version; built on demand, named with ``suffix``
    (the end-of-run sweep deletes them by it)."""

    suffix: str
    free: dict[Key, list[Lent]] = field(default_factory=dict)
    built: int = 0

    def take(self, key: Key) -> Lent | None:
        waiting = self.free.get(key)
        return waiting.pop() if waiting else None

    def new_name(self) -> str:
        self.built += 1
        return f"pool{self.built}-{self.suffix}"

    def give_back(self, lent: Lent) -> None:
        self.free.setdefault(lent.key, []).append(lent)

    def drain(self) -> list[Lent]:
        """Every free instance, taken out of the pool (to be deleted)."""
        everything = [lent for waiting in self.free.values() for lent in waiting]
        self.free.clear()
        return everything
