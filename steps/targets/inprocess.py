"""The in-process target: the simulator's Python service, a fresh one per scenario.

Time is pinned with freezegun (the simulator's real clock reads it): every scenario starts at
the same instant, and time moves only through the steps: "some time passes", "N seconds pass",
"the clock reads ...", or the wait for a reapply to finish, which ticks through the reapply's
batch delays. Starting freezegun scans every loaded module, so one freezer serves all the
scenarios of a test module and is moved back to the start for each.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import TypeVar

from freezegun import freeze_time
from freezegun.api import FrozenDateTimeFactory
from trovesim.simulator import Context, Simulator, TroveError

from ..profile import MODULE_TYPES, Offer, OfferedDatastore
from . import bodies
from .base import Caller, RawKind, ReapplyOptions, TargetError

T = TypeVar("T")

# The usage guide's day, early: scenarios that set the clock set it later than this.
SCENARIO_START = _dt.datetime(2017, 6, 2, 12, 0, 0)
SOME_TIME = _dt.timedelta(minutes=1)
VOLUME_SIZE = 1
CONTEXTS = {
    Caller.ADMIN: Context(project_id="admin", is_admin=True, user="admin"),
    Caller.TENANT_A: Context(project_id="tenant-a", user="alice"),
    Caller.TENANT_B: Context(project_id="tenant-b", user="bob"),
}


def _answer(call: Callable[[], T]) -> T:
    try:
        return call()
    except TroveError as refused:
        raise TargetError(refused.status, refused.message, refused.fault) from None


class InProcessTargets:
    """Opens a target per scenario, all under one freezer that is stopped by ``close``."""

    def __init__(self, make_simulator: Callable[[], Simulator] = Simulator) -> None:
        self._make_simulator = make_simulator
        self._freezer = freeze_time(SCENARIO_START)
        self._frozen: FrozenDateTimeFactory | None = None

    def offer(self) -> Offer:
        """The simulator's catalogue and module types, as a fresh simulator has them."""
        catalog = self._make_simulator().catalog
        datastores = []
        for datastore in catalog.datastores:
            active = tuple(v.name for v in datastore.versions if v.active)
            default = next(
                (v.name for v in datastore.versions if v.id == datastore.default_version_id), None
            )
            datastores.append(OfferedDatastore(datastore.name, default, active))
        flavors = tuple((f.id, f.ram) for f in catalog.flavors)
        return Offer(flavors, tuple(datastores), MODULE_TYPES)

    label = "inprocess"
    has_controls = True

    def open(self) -> InProcessTarget:
        if self._frozen is None:
            self._frozen = self._freezer.start()
        self._frozen.move_to(SCENARIO_START)
        return InProcessTarget(self._make_simulator(), self._frozen)

    def close(self) -> None:
        if self._frozen is not None:
            self._freezer.stop()
            self._frozen = None


class InProcessTarget:
    label = "inprocess"
    unique_names = False
    settle_seconds = 0.0
    build_wait_seconds = 0.0

    def __init__(self, sim: Simulator, frozen: FrozenDateTimeFactory) -> None:
        self.controls = self  # the simulator itself: every control is at hand
        self.sim = sim
        self._frozen = frozen
        self._reapplied: set[str] = set()

    def close(self) -> None:
        """Nothing to undo: the simulator is dropped with the target."""

    def project_id(self, caller: Caller) -> str:
        return CONTEXTS[caller].project_id

    # --- modules ---------------------------------------------------------------------------

    def create_module(self, caller: Caller, fields: dict) -> dict:
        return _answer(
            lambda: self.sim.create_module(CONTEXTS[caller], bodies.module_create(fields))
        )

    def update_module(self, caller: Caller, module_id: str, fields: dict) -> dict:
        body = bodies.module_update(fields)
        return _answer(lambda: self.sim.update_module(CONTEXTS[caller], module_id, body))

    def show_module(self, caller: Caller, module_id: str) -> dict:
        return _answer(lambda: self.sim.show_module(CONTEXTS[caller], module_id))

    def list_modules(self, caller: Caller, datastore: str | None = None) -> list[dict]:
        return _answer(lambda: self.sim.list_modules(CONTEXTS[caller], datastore))

    def delete_module(self, caller: Caller, module_id: str) -> None:
        _answer(lambda: self.sim.delete_module(CONTEXTS[caller], module_id))
        self._reapplied.discard(module_id)  # its runs can no longer be read, nor awaited

    def module_instances(
        self,
        caller: Caller,
        module_id: str,
        include_clustered: bool = False,
        limit: int | None = None,
        marker: str | None = None,
    ) -> tuple[list[dict], str | None]:
        return _answer(
            lambda: self.sim.module_instances(
                CONTEXTS[caller], module_id, include_clustered, limit=limit, marker=marker
            )
        )

    def module_instance_count(
        self, caller: Caller, module_id: str, include_clustered: bool = False
    ) -> list[dict]:
        return _answer(
            lambda: self.sim.module_instance_count(CONTEXTS[caller], module_id, include_clustered)
        )

    def reapply(self, caller: Caller, module_id: str, options: ReapplyOptions) -> None:
        body = bodies.reapply(options)
        _answer(lambda: self.sim.reapply_module(CONTEXTS[caller], module_id, body))
        self._reapplied.add(module_id)

    # --- instances -------------------------------------------------------------------------

    def create_instance(
        self,
        caller: Caller,
        name: str,
        flavor: str,
        datastore: str | None,
        version: str | None,
        module_ids: list[str],
    ) -> dict:
        body = bodies.instance_create(name, flavor, VOLUME_SIZE, datastore, version, module_ids)
        return _answer(lambda: self.sim.create_instance(CONTEXTS[caller], body))

    def show_instance(self, caller: Caller, instance_id: str) -> dict:
        return _answer(lambda: self.sim.show_instance(CONTEXTS[caller], instance_id))

    def list_instances(self, caller: Caller) -> list[dict]:
        return _answer(lambda: self.sim.list_instances(CONTEXTS[caller]))

    def delete_instance(self, caller: Caller, instance_id: str) -> None:
        _answer(lambda: self.sim.delete_instance(CONTEXTS[caller], instance_id))

    def module_query(self, caller: Caller, instance_id: str) -> list[dict]:
        return _answer(lambda: self.sim.instance_modules(CONTEXTS[caller], instance_id))

    def module_retrieve(self, caller: Caller, instance_id: str) -> dict[str, bytes]:
        results = _answer(
            lambda: self.sim.instance_modules(CONTEXTS[caller], instance_id, include_contents=True)
        )
        return {r["name"]: bodies.decode_contents(r["contents"]) for r in results}

    def module_apply(self, caller: Caller, instance_id: str, module_ids: list[str]) -> list[dict]:
        body = {"modules": bodies.module_list(module_ids)}
        return _answer(lambda: self.sim.apply_modules(CONTEXTS[caller], instance_id, body))

    def module_remove(self, caller: Caller, instance_id: str, module_id: str) -> None:
        _answer(lambda: self.sim.remove_module(CONTEXTS[caller], instance_id, module_id))

    # --- clusters --------------------------------------------------------------------------

    def create_cluster(
        self,
        caller: Caller,
        name: str,
        flavor: str,
        datastore: str,
        version: str,
        members: list[list[str]],
    ) -> dict:
        instances = bodies.cluster_members(flavor, VOLUME_SIZE, members)
        body = bodies.cluster_create(name, datastore, version, instances)
        return _answer(lambda: self.sim.create_cluster(CONTEXTS[caller], body))

    def show_cluster(self, caller: Caller, cluster_id: str) -> dict:
        return _answer(lambda: self.sim.show_cluster(CONTEXTS[caller], cluster_id))

    def list_clusters(self, caller: Caller) -> list[dict]:
        return _answer(lambda: self.sim.list_clusters(CONTEXTS[caller]))

    def delete_cluster(self, caller: Caller, cluster_id: str) -> None:
        _answer(lambda: self.sim.delete_cluster(CONTEXTS[caller], cluster_id))

    # --- catalogue -------------------------------------------------------------------------

    def datastore_id(self, datastore: str) -> str:
        return _answer(lambda: self.sim.show_datastore(CONTEXTS[Caller.ADMIN], datastore))["id"]

    def version_id(self, datastore: str, version: str) -> str:
        return self.show_version(Caller.ADMIN, datastore, version)["id"]

    def list_datastores(self, caller: Caller) -> list[dict]:
        return _answer(lambda: self.sim.list_datastores(CONTEXTS[caller]))

    def show_datastore(self, caller: Caller, datastore: str) -> dict:
        return _answer(lambda: self.sim.show_datastore(CONTEXTS[caller], datastore))

    def list_versions(self, caller: Caller, datastore: str) -> list[dict]:
        return _answer(lambda: self.sim.list_datastore_versions(CONTEXTS[caller], datastore))

    def show_version(self, caller: Caller, datastore: str, version: str) -> dict:
        ctx = CONTEXTS[caller]
        return _answer(lambda: self.sim.show_datastore_version(ctx, datastore, version))

    def list_flavors(self, caller: Caller) -> list[dict]:
        return _answer(lambda: self.sim.list_flavors(CONTEXTS[caller]))

    def show_flavor(self, caller: Caller, flavor_id: str) -> dict:
        return _answer(lambda: self.sim.show_flavor(CONTEXTS[caller], flavor_id))

    # --- hand-made bodies ------------------------------------------------------------------

    def send(self, caller: Caller, kind: RawKind, body: object, target_id: str | None) -> object:
        ctx, sim = CONTEXTS[caller], self.sim
        calls = {
            RawKind.MODULE_CREATE: lambda: sim.create_module(ctx, body),
            RawKind.MODULE_UPDATE: lambda: sim.update_module(ctx, target_id, body),
            RawKind.REAPPLY: lambda: sim.reapply_module(ctx, target_id, body),
            RawKind.MODULE_APPLY: lambda: sim.apply_modules(ctx, target_id, body),
            RawKind.INSTANCE_CREATE: lambda: sim.create_instance(ctx, body),
            RawKind.CLUSTER_CREATE: lambda: sim.create_cluster(ctx, body),
        }
        return _answer(calls[kind])

    # --- time ------------------------------------------------------------------------------

    def move_on(self) -> None:
        self._frozen.tick(SOME_TIME)

    def let_time_pass(self, seconds: float) -> None:
        self._frozen.tick(_dt.timedelta(seconds=seconds))

    def clock_reads(self, when: _dt.datetime) -> _dt.timedelta:
        self._frozen.move_to(when)
        return _dt.timedelta(0)

    def finish_background_work(self) -> None:
        """Move the clock to each next due event until every reapply this scenario asked for is
        done; runs still waiting with nothing left to run are a failure, not an endless wait."""
        ctx = CONTEXTS[Caller.ADMIN]
        while True:
            running = [
                run
                for module_id in self._reapplied
                for run in _answer(lambda m=module_id: self.sim.reapply_runs(ctx, m))
                if run["status"] == "RUNNING"
            ]
            due = self.sim.events.next_due()
            if not running:
                return
            if due is None:
                raise AssertionError(f"reapply runs wait with no batch left to run: {running}")
            self._frozen.move_to(due)

    # --- simulator-only controls -----------------------------------------------------------

    def inject_guest_fault(self, instance_id: str, kind: str, message: str | None) -> None:
        options = {"message": message} if message else {}
        _answer(lambda: self.sim.inject_guest_fault(instance_id, kind=kind, **options))

    def clear_guest_fault(self, instance_id: str) -> None:
        _answer(lambda: self.sim.clear_guest_faults(instance_id))

    def fail_next_builds(self, count: int) -> None:
        _answer(lambda: self.sim.fail_next_builds(count))

    def set_build_seconds(self, seconds: float) -> None:
        _answer(lambda: self.sim.set_build_seconds(seconds))

    def reapply_runs(self, module_id: str) -> list[dict]:
        return _answer(lambda: self.sim.reapply_runs(CONTEXTS[Caller.ADMIN], module_id))
