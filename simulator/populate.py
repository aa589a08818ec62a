"""A generated world for demos, load tests and benchmarks (``trovesim serve --populate N``).

Tenants with their own modules, an operator's auto-applied module, instances spread over the
catalogue's datastores, versions and flavors, a cluster now and then, and module versions that
change and are applied again as weeks go by: the mix a module-management API answers in a real
deployment. Everything is made through the simulator's public operations, the ones the HTTP
routes call, so the world obeys every rule an API client would meet. Faker supplies the names
and messages; one seed gives the same world again (ids aside, which are always fresh uuids).
"""

from __future__ import annotations

import base64
import contextlib
import datetime as _dt
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from faker import Faker
from freezegun import freeze_time

from .clock import VirtualClock, utcnow
from .models import Context
from .service import Simulator

INSTANCES_PER_TENANT = 25
CLUSTER_EVERY = 12
"""About one instance in this many starts a three-member cluster instead."""
UPDATE_EVERY = 10
"""After about this many instances, one tenant module gets new contents and is reapplied."""
HISTORY = _dt.timedelta(days=30)
ADMIN = Context(project_id="admin", is_admin=True, user="admin")


class PopulateError(ValueError):
    """The catalogue leaves nothing to build instances on."""


@dataclass(frozen=True)
class Tenant:
    """A generated project and the one user who works in it."""

    user: str
    project_id: str

    @property
    def context(self) -> Context:
        return Context(project_id=self.project_id, user=self.user)


@dataclass
class PopulatedWorld:
    """What ``populate`` made: the tenants (to log them in) and how much of each thing."""

    tenants: list[Tenant] = field(default_factory=list)
    modules: int = 0
    instances: int = 0
    clusters: int = 0
    module_updates: int = 0

    def summary(self) -> str:
        users = ", ".join(t.user for t in self.tenants[:3]) + (", ..." if self.tenants[3:] else "")
        return (
            f"trovesim populated {self.instances} instances ({self.clusters} clusters), "
            f"{self.modules} modules ({self.module_updates} updates), {len(self.tenants)} tenants "
            f"(users {users}; token <user>-token)"
        )


@dataclass
class _TenantModule:
    id: str
    datastore: str | None
    applied_to: list[str] = field(default_factory=list)


def _contents(text: str) -> str:
    """A module's contents as the client sends them: base64 of the ``contents.dat`` lines."""
    return base64.b64encode(text.encode()).decode()


@contextlib.contextmanager
def _timeline(sim: Simulator, span: _dt.timedelta) -> Iterator[Callable[[float], None]]:
    """A way to let seconds pass while building: a virtual clock is advanced (the world ends in
    its future); a real clock is replayed from ``span`` ago with freezegun, so the history ends
    about now and real time carries on from there."""
    if isinstance(sim.clock, VirtualClock):
        yield sim.advance_clock
        return
    with freeze_time(utcnow() - span) as frozen:
        yield lambda seconds: frozen.tick(_dt.timedelta(seconds=seconds))


class _Builder:
    def __init__(self, sim: Simulator, instances: int, seed: int) -> None:
        self.sim, self.target = sim, instances
        self.fake = Faker()
        self.fake.seed_instance(seed)
        self.rng = random.Random(seed)
        self.world = PopulatedWorld()
        self.datastores = [
            (ds["name"], [v["name"] for v in ds["versions"] if v["active"]])
            for ds in sim.list_datastores(ADMIN)
        ]
        self.datastores = [(name, versions) for name, versions in self.datastores if versions]
        if not self.datastores:
            raise PopulateError(
                "cannot populate: no datastore of the catalogue has an active version"
            )
        self.flavors = [f["str_id"] for f in sim.list_flavors(ADMIN)]
        self.modules: dict[str, list[_TenantModule]] = {}

    def tenants(self) -> None:
        for _ in range(max(1, math.ceil(self.target / INSTANCES_PER_TENANT))):
            tenant = Tenant(self.fake.unique.user_name(), self.fake.uuid4().replace("-", ""))
            self.world.tenants.append(tenant)
            self.modules[tenant.project_id] = [
                self.tenant_module(tenant) for _ in range(self.rng.randint(1, 3))
            ]

    def operator_module(self) -> None:
        """The operator's monitoring licence, applied by Trove to every new instance."""
        licence = f"license_key={self.fake.sha1()}\n"
        self.sim.create_module(
            ADMIN,
            {
                "module": {
                    "name": "newrelic-license",
                    "module_type": "new_relic_license",
                    "contents": _contents(licence),
                    "all_tenants": 1,
                    "auto_apply": 1,
                    "description": "Operator-wide monitoring licence",
                }
            },
        )
        self.world.modules += 1

    def tenant_module(self, tenant: Tenant) -> _TenantModule:
        datastore = self.rng.choice([None, self.rng.choice(self.datastores)[0]])
        body: dict = {
            "name": f"{self.fake.unique.word()}-{self.rng.choice(['ping', 'check', 'probe'])}",
            "module_type": "ping",
            "contents": _contents(f"message={self.fake.sentence(nb_words=5)}\n"),
            "live_update": 1,
            "description": self.fake.catch_phrase(),
        }
        if datastore is not None:
            body["datastore"] = {"type": datastore}
        created = self.sim.create_module(tenant.context, {"module": body})
        self.world.modules += 1
        return _TenantModule(created["id"], datastore)

    def member_spec(self, tenant: Tenant, datastore: str) -> tuple[dict, list[_TenantModule]]:
        fitting = [m for m in self.modules[tenant.project_id] if m.datastore in (None, datastore)]
        chosen = self.rng.sample(fitting, self.rng.randint(0, len(fitting)))
        spec = {
            "flavorRef": self.rng.choice(self.flavors),
            "volume": {"size": self.rng.choice([1, 2, 5, 10, 20])},
            "modules": [{"id": m.id} for m in chosen],
        }
        return spec, chosen

    def instance(self, tenant: Tenant) -> int:
        """One instance, or a three-member cluster; returns how many instances it made."""
        datastore, versions = self.rng.choice(self.datastores)
        version = self.rng.choice(versions)
        name = f"{self.fake.domain_word()}-{datastore}-{self.world.instances + 1}"
        if self.rng.randrange(CLUSTER_EVERY) == 0 and self.world.instances + 3 <= self.target:
            members = [self.member_spec(tenant, datastore) for _ in range(3)]
            cluster = self.sim.create_cluster(
                tenant.context,
                {
                    "cluster": {
                        "name": name,
                        "datastore": {"type": datastore, "version": version},
                        "instances": [spec for spec, _ in members],
                    }
                },
            )
            for (_, chosen), member in zip(members, cluster["instances"], strict=True):
                for module in chosen:
                    module.applied_to.append(member["id"])
            self.world.clusters += 1
            return 3
        spec, chosen = self.member_spec(tenant, datastore)
        body = {"instance": {"name": name, "datastore": {"type": datastore, "version": version}}}
        body["instance"].update(spec)
        created = self.sim.create_instance(tenant.context, body)
        for module in chosen:
            module.applied_to.append(created["id"])
        return 1

    def new_module_version(self) -> None:
        """A tenant changes a module's contents and applies it again to some of its instances,
        so that count rows show an old and a current md5."""
        tenant = self.rng.choice(self.world.tenants)
        applied = [m for m in self.modules[tenant.project_id] if m.applied_to]
        if not applied:
            return
        module = self.rng.choice(applied)
        message = _contents(f"message={self.fake.sentence(nb_words=5)}\n")
        self.sim.update_module(tenant.context, module.id, {"module": {"contents": message}})
        self.world.module_updates += 1
        for instance_id in self.rng.sample(module.applied_to, len(module.applied_to) // 2):
            self.sim.apply_modules(tenant.context, instance_id, {"modules": [{"id": module.id}]})

    def build(self) -> PopulatedWorld:
        self.tenants()
        self.operator_module()
        step = HISTORY.total_seconds() / max(1, self.target)
        with _timeline(self.sim, HISTORY) as wait:
            while self.world.instances < self.target:
                wait(self.rng.uniform(0.5, 1.5) * step)
                made = self.instance(self.rng.choice(self.world.tenants))
                before, self.world.instances = self.world.instances, self.world.instances + made
                if before // UPDATE_EVERY != self.world.instances // UPDATE_EVERY:
                    wait(step / 2)
                    self.new_module_version()
            wait(step)
        return self.world


def populate(sim: Simulator, instances: int, seed: int = 0) -> PopulatedWorld:
    """Fill ``sim`` with about a month of history ending in ``instances`` instances."""
    return _Builder(sim, instances, seed).build()
