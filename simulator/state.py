"""The simulator's state, the discipline every operation follows, and the shared lookups.

One object holds the whole world (no module-level state), so a scenario, a test or a server reset
makes a fresh one. Every public operation takes the lock and first runs the events the clock has
reached, so builds and reapply batches happen "in the background" exactly on time. The lookups
answer "not found" for what the caller may not reach; access.py decides what that is.
"""

from __future__ import annotations

import datetime as _dt
import functools
import threading
import uuid
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from . import errors
from .access import can_see, can_use, reachable
from .catalog import Catalog
from .catalog_file import default_catalog
from .clock import Clock, RealClock
from .events import EventQueue
from .guest import Guest
from .models import Cluster, Context, Instance, Module, ReapplyRun
from .store import Store

P = ParamSpec("P")
R = TypeVar("R")
Owned = TypeVar("Owned", Instance, Cluster)


def operation(method: Callable[P, R]) -> Callable[P, R]:
    """Serialise the call and bring the world up to the clock's ``now`` before it runs.

    With nothing queued there is nothing to bring up: the clock is not read (a real clock read
    costs more than the lock and the rest of a show)."""

    @functools.wraps(method)
    def run(self: SimState, *args: P.args, **kwargs: P.kwargs) -> R:
        with self._lock:
            if self.events:
                self.events.drain(self.clock.now())
            return method(self, *args, **kwargs)

    return run  # type: ignore[return-value]


class SimState:
    def __init__(
        self,
        clock: Clock | None = None,
        catalog: Catalog | None = None,
        build_seconds: float = 0.0,
    ) -> None:
        self.clock = clock or RealClock()
        self.catalog = catalog or default_catalog()
        self.build_seconds = build_seconds
        self._lock = threading.RLock()
        self._new_world()

    def _new_world(self) -> None:
        self.store = Store()
        self.events = EventQueue()
        self.guests: dict[str, Guest] = {}
        self.runs: dict[str, ReapplyRun] = {}
        self.failing_builds = 0

    def now(self) -> _dt.datetime:
        return self.clock.now()

    @staticmethod
    def new_id() -> str:
        return str(uuid.uuid4())

    def load_module(self, ctx: Context, module_id: str) -> Module:
        module = self.store.modules.get(module_id)
        if module is None or not can_see(ctx, module):
            raise errors.module_not_found(module_id)
        return module

    def usable_modules(self, ctx: Context, ids: list[str]) -> list[Module]:
        """Modules named by id for apply or create, in request order, duplicates dropped."""
        found: dict[str, Module] = {}
        for module_id in ids:
            module = self.store.modules.get(module_id)
            if module is None or not can_use(ctx, module):
                raise errors.module_not_found(module_id)
            found.setdefault(module_id, module)
        return list(found.values())

    def load_instance(self, ctx: Context, instance_id: str) -> Instance:
        return self._load_reachable(ctx, self.store.instances, instance_id)

    def load_cluster(self, ctx: Context, cluster_id: str) -> Cluster:
        return self._load_reachable(ctx, self.store.clusters, cluster_id)

    @staticmethod
    def _load_reachable(ctx: Context, table: dict[str, Owned], found_id: str) -> Owned:
        """An instance or cluster the caller may not reach does not exist for them (404)."""
        owned = table.get(found_id)
        if not reachable(ctx, owned):
            raise errors.resource_not_found(found_id)
        return owned

    def guest_of(self, instance: Instance) -> Guest:
        """The instance's guest; one whose build failed never answers."""
        if instance.status == "ERROR":
            raise errors.guest_timeout()
        return self.guests[instance.id]
