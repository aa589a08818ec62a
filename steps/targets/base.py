"""What the steps may ask of an implementation: the Target protocol.

A target answers with Trove's response objects (plain dicts, as JSON decodes them) or raises
``TargetError`` with the status code, message and fault name a client would see. Module
options travel as python-troveclient's keyword arguments, so every target sends exactly what
the real client sends.
"""

from __future__ import annotations

import datetime as _dt
import enum
from dataclasses import dataclass, field
from typing import Protocol

from trovesim.suite import CouldNotJudge

# On an endpoint whose background work the suite cannot drive (not our simulator): how long reads
# are retried after background work, and how long an instance or cluster may take to build.
DEFAULT_SETTLE_SECONDS = 60.0
DEFAULT_BUILD_WAIT_SECONDS = 1800.0


def v1_url(target: str) -> str:
    """Trove's endpoint up to /v1.0, from "http://host:8779", ".../v1.0" or ".../v1.0/"."""
    url = target.rstrip("/")
    return url if url.endswith("/v1.0") else f"{url}/v1.0"


class Caller(enum.Enum):
    """Who makes a request: the steps' "the admin", "tenant A" and "tenant B"."""

    ADMIN = "the admin"
    TENANT_A = "tenant A"
    TENANT_B = "tenant B"

    @classmethod
    def named(cls, words: str) -> Caller:
        return cls(words)

    @property
    def project_label(self) -> str:
        """How the caller's project appears in expected tables (project ids differ per target)."""
        return "the admin's project" if self is Caller.ADMIN else f"{self.value}'s project"


class TargetError(Exception):
    """A refused request: the status code, Trove's message and its fault name."""

    def __init__(self, status: int, message: str, fault: str | None = None) -> None:
        super().__init__(f"{status} {message}")
        self.status = status
        self.message = message
        self.fault = fault


class RawKind(enum.Enum):
    """Requests the bad-request scenarios send with a body of their own."""

    MODULE_CREATE = "a module create"
    MODULE_UPDATE = "a module update"
    REAPPLY = "a reapply"
    MODULE_APPLY = "a module-apply"
    INSTANCE_CREATE = "an instance create"
    CLUSTER_CREATE = "a cluster create"


class CouldNotAsk(CouldNotJudge):
    """The endpoint could not be reached, or refused the caller's credentials."""


@dataclass(frozen=True)
class Credential:
    """How one caller authenticates: a static token acting in a project, or a Keystone login
    (a clouds.yaml entry, or ``env`` for the ``OS_*`` variables) whose session renews its token."""

    token: str | None = None
    project: str | None = None
    cloud: str | None = None

    def describe(self) -> str:
        if self.cloud:
            return "the OS_* variables" if self.cloud == ENV_CLOUD else f"cloud {self.cloud!r}"
        return f"the token for project {self.project!r}"


ENV_CLOUD = "env"


@dataclass(frozen=True)
class TargetSpec:
    """Which implementation to judge, and as whom: "inprocess" or Trove's endpoint URL (empty:
    from the Keystone catalogue), a credential per caller, the waits for background work, and
    the operator's choices of flavor, datastores and versions (role -> value)."""

    target: str
    credentials: dict[Caller, Credential]
    settle_seconds: float = DEFAULT_SETTLE_SECONDS
    build_wait_seconds: float = DEFAULT_BUILD_WAIT_SECONDS
    wanted: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ReapplyOptions:
    md5: str | None = None
    include_clustered: bool | None = None
    batch_size: int | None = None
    delay: int | None = None
    force: bool | None = None


class Target(Protocol):
    """One scenario's connection to an implementation; ``close`` ends it."""

    label: str
    # The simulator's controls, where the implementation is our simulator with a virtual clock.
    controls: Controls | None
    # Names get a per-scenario suffix because the implementation is shared.
    unique_names: bool
    # How long reads may be retried while background work (guest applies, reapply) completes,
    # and how long a new instance or cluster may take to build; 0 where nothing runs unseen.
    settle_seconds: float
    build_wait_seconds: float

    def project_id(self, caller: Caller) -> str: ...

    # modules
    def create_module(self, caller: Caller, fields: dict) -> dict: ...
    def update_module(self, caller: Caller, module_id: str, fields: dict) -> dict: ...
    def show_module(self, caller: Caller, module_id: str) -> dict: ...
    def list_modules(self, caller: Caller, datastore: str | None = None) -> list[dict]: ...
    def delete_module(self, caller: Caller, module_id: str) -> None: ...
    def module_instances(
        self,
        caller: Caller,
        module_id: str,
        include_clustered: bool = False,
        limit: int | None = None,
        marker: str | None = None,
    ) -> tuple[list[dict], str | None]: ...
    def module_instance_count(
        self, caller: Caller, module_id: str, include_clustered: bool = False
    ) -> list[dict]: ...
    def reapply(self, caller: Caller, module_id: str, options: ReapplyOptions) -> None: ...

    # instances and the modules on them
    def create_instance(
        self,
        caller: Caller,
        name: str,
        flavor: str,
        datastore: str | None,
        version: str | None,
        module_ids: list[str],
    ) -> dict: ...
    def show_instance(self, caller: Caller, instance_id: str) -> dict: ...
    def list_instances(self, caller: Caller) -> list[dict]: ...
    def delete_instance(self, caller: Caller, instance_id: str) -> None: ...
    def module_query(self, caller: Caller, instance_id: str) -> list[dict]: ...
    def module_retrieve(self, caller: Caller, instance_id: str) -> dict[str, bytes]: ...
    def module_apply(
        self, caller: Caller, instance_id: str, module_ids: list[str]
    ) -> list[dict]: ...
    def module_remove(self, caller: Caller, instance_id: str, module_id: str) -> None: ...

    # clusters
    def create_cluster(
        self,
        caller: Caller,
        name: str,
        flavor: str,
        datastore: str,
        version: str,
        members: list[list[str]],
    ) -> dict: ...
    def show_cluster(self, caller: Caller, cluster_id: str) -> dict: ...
    def list_clusters(self, caller: Caller) -> list[dict]: ...
    def delete_cluster(self, caller: Caller, cluster_id: str) -> None: ...

    # the deployment's catalogue
    def datastore_id(self, datastore: str) -> str: ...
    def version_id(self, datastore: str, version: str) -> str: ...
    def list_datastores(self, caller: Caller) -> list[dict]: ...
    def show_datastore(self, caller: Caller, datastore: str) -> dict: ...
    def list_versions(self, caller: Caller, datastore: str) -> list[dict]: ...
    def show_version(self, caller: Caller, datastore: str, version: str) -> dict: ...
    def list_flavors(self, caller: Caller) -> list[dict]: ...
    def show_flavor(self, caller: Caller, flavor_id: str) -> dict: ...

    # a request with a body of the scenario's own
    def send(
        self, caller: Caller, kind: RawKind, body: object, target_id: str | None
    ) -> object: ...

    # time: "some time passes" works everywhere (the simulator's clock moves, others wait for
    # the next second); what only the simulator can do is in ``controls``
    def move_on(self) -> None: ...
    def finish_background_work(self) -> None: ...

    def close(self) -> None: ...


class Controls(Protocol):
    """The simulator's controls: its clock, guest faults, builds and kept reapply runs."""

    def let_time_pass(self, seconds: float) -> None: ...
    def clock_reads(self, when: _dt.datetime) -> _dt.timedelta: ...
    def inject_guest_fault(self, instance_id: str, kind: str, message: str | None) -> None: ...
    def clear_guest_fault(self, instance_id: str) -> None: ...
    def fail_next_builds(self, count: int) -> None: ...
    def set_build_seconds(self, seconds: float) -> None: ...
    def reapply_runs(self, module_id: str) -> list[dict]: ...
