"""The HTTP target: the real python-troveclient against any Trove-compatible endpoint.

One ``HttpConnection`` per test session holds a client per caller (a keystoneauth session with a
static token or a Keystone login, see ``credentials``; docs/client-wire.md §4a) and learns
whether the endpoint is our simulator with a virtual clock, by asking its control API
(``/_sim/clock``). Each scenario gets an ``HttpTarget`` on it. Refusals come back as troveclient
exceptions and are turned into ``TargetError``; an endpoint that cannot be reached, or that
refuses the caller's credentials, raises ``CouldNotAsk``: the scenario could not put its question.

Against an endpoint that is not our simulator, time is real: "some time passes" waits for the
next second, and reads after background work (builds, reapply) are retried for a while.
"""

from __future__ import annotations

import datetime as _dt
import os
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from keystoneauth1 import exceptions as ks_errors

with warnings.catch_warnings():  # osc_lib, imported by troveclient, warns about itself
    warnings.simplefilter("ignore", DeprecationWarning)
    from troveclient.apiclient import exceptions as trove_errors
    from troveclient.v1 import client as trove_v1

from ..profile import MODULE_TYPES, Offer, OfferedDatastore
from . import bodies
from .base import (
    Caller,
    CouldNotAsk,
    RawKind,
    ReapplyOptions,
    TargetError,
    TargetSpec,
    v1_url,
)
from .credentials import SERVICE_TYPE, login

T = TypeVar("T")

VOLUME_SIZE = 1
SOME_TIME_SECONDS = 60
RAW_ROUTES = {
    RawKind.MODULE_CREATE: ("post", "/modules"),
    RawKind.MODULE_UPDATE: ("put", "/modules/{id}"),
    RawKind.REAPPLY: ("put", "/modules/{id}/instances"),
    RawKind.MODULE_APPLY: ("post", "/instances/{id}/modules"),
    RawKind.INSTANCE_CREATE: ("post", "/instances"),
    RawKind.CLUSTER_CREATE: ("post", "/clusters"),
}
# Contents the suite gives a module of each type when it only asks whether the type exists.
PROBE_CONTENTS = {"ping": b"message=probe\n", "new_relic_license": b"license_key=probe\n"}


def _fault_of(error: trove_errors.HttpError) -> str | None:
    try:
        body = error.response.json()
    except (AttributeError, ValueError):
        return None
    return next(iter(body), None) if isinstance(body, dict) else None


def _answer(call: Callable[[], T]) -> T:
    """Trove's answer, a refusal as ``TargetError``, or ``CouldNotAsk`` when the question could
    not be put: no connection, or credentials the endpoint (or Keystone) refuses."""
    try:
        return call()
    except trove_errors.Unauthorized as refused:
        raise CouldNotAsk(f"the credentials were refused: 401 {refused.message}") from None
    except trove_errors.HttpError as refused:
        raise TargetError(refused.http_status, refused.message, _fault_of(refused)) from None
    except ks_errors.Unauthorized as refused:
        raise CouldNotAsk(f"Keystone refused the credentials: {refused}") from None
    except (ks_errors.ConnectionError, ks_errors.EndpointNotFound) as failed:
        raise CouldNotAsk(f"the endpoint could not be reached: {failed}") from None
    except ks_errors.ClientException as failed:
        raise CouldNotAsk(f"the request could not be made: {failed}") from None


def _plain(resource) -> dict:
    return resource.to_dict()


class HttpConnection:
    """The session-wide part: clients per caller and what the endpoint lets us control."""

    def __init__(self, spec: TargetSpec) -> None:
        # troveclient writes a bash-completion cache under ~/.troveclient unless told otherwise.
        os.environ.setdefault(
            "TROVECLIENT_UUID_CACHE_DIR", tempfile.mkdtemp(prefix="trovesim-cache-")
        )
        self.spec = spec
        given = v1_url(spec.target) if spec.target else None
        self.clients: dict[Caller, trove_v1.Client] = {}
        self.projects: dict[Caller, str] = {}
        for caller, credential in spec.credentials.items():
            try:
                self.clients[caller], self.projects[caller] = self._client(credential, given)
            except CouldNotAsk as problem:
                raise CouldNotAsk(f"{caller.value} ({credential.describe()}): {problem}") from None
        endpoint = self.clients[Caller.ADMIN].client.management_url
        self.url = endpoint.rsplit("/", 1)[0]
        self.label = self.url
        self.root = self.url.removesuffix("/v1.0")
        self.has_controls = self._probe_control()

    @staticmethod
    def _client(credential, given: str | None) -> tuple[trove_v1.Client, str]:
        session = _answer(lambda: login(credential, given))
        extra = {"endpoint_override": session.endpoint} if session.endpoint else {}
        client = _answer(
            lambda: trove_v1.Client(
                session=session.session,
                service_type=SERVICE_TYPE,
                region_name=session.region,
                **extra,
            )
        )
        project = credential.project or session.session.get_project_id()
        return client, project

    def control(self, method: str, path: str, body: dict | None = None) -> dict | None:
        """A call to the simulator's control API, as the admin."""
        response = _answer(
            lambda: self.clients[Caller.ADMIN].client.session.request(
                f"{self.root}/_sim{path}",
                method.upper(),
                json=body,
                raise_exc=False,
                authenticated=True,
            )
        )
        if response.status_code >= 400:
            try:
                message = next(iter(response.json().values()))["message"]
            except (ValueError, StopIteration, KeyError, TypeError, AttributeError):
                message = response.text
            raise TargetError(response.status_code, message)
        return response.json() if response.content else None

    def _probe_control(self) -> bool:
        """Our simulator with a virtual clock: the only endpoint whose time the suite can move."""
        try:
            clock = self.control("get", "/clock")
        except (TargetError, CouldNotAsk, ValueError, OSError):
            return False
        return isinstance(clock, dict) and clock.get("clock", {}).get("kind") == "virtual"

    def offer(self) -> Offer:
        """The endpoint's flavors and datastores (as the admin sees them) and module types."""
        admin = self.clients[Caller.ADMIN]
        flavors = tuple(
            (str(f.id), int(getattr(f, "ram", 0) or 0))
            for f in _answer(lambda: admin.flavors.list())
        )
        datastores = []
        for datastore in _answer(lambda: admin.datastores.list()):
            versions = [v for v in getattr(datastore, "versions", []) if v.get("active", 1)]
            default_id = getattr(datastore, "default_version", None)
            default = next((v["name"] for v in versions if v["id"] == default_id), None)
            names = tuple(v["name"] for v in versions)
            datastores.append(OfferedDatastore(datastore.name, default, names))
        return Offer(flavors, tuple(datastores), self._module_types())

    def _module_types(self) -> tuple[str, ...]:
        """The module types the endpoint accepts, by creating (and deleting) a module of each:
        Trove has no call that lists them."""
        offered = []
        admin = self.clients[Caller.ADMIN]
        for kind in MODULE_TYPES:
            name = f"trovesim-probe-{kind}-{os.getpid()}"
            try:
                made = _answer(
                    lambda k=kind, n=name: admin.modules.create(
                        n, k, PROBE_CONTENTS[k], visible=False
                    )
                )
            except TargetError:
                continue
            offered.append(kind)
            _answer(lambda m=made: admin.modules.delete(m.id))
        return tuple(offered)

    def now(self) -> _dt.datetime:
        return _dt.datetime.fromisoformat(self.control("get", "/clock")["clock"]["now"])

    def open(self) -> HttpTarget:
        return HttpTarget(self)

    def close(self) -> None:
        """The clients' connections close with their sessions; nothing is left to undo."""


@dataclass
class _Changes:
    """What a scenario changed in the simulator's controls, to undo when it ends."""

    faulty_guests: set[str] = field(default_factory=set)
    builds: bool = False


class HttpTarget:
    unique_names = True

    def __init__(self, connection: HttpConnection) -> None:
        self.connection = connection
        self.controls = HttpControls(connection) if connection.has_controls else None
        spec = connection.spec
        self.settle_seconds = 0.0 if self.controls else spec.settle_seconds
        self.build_wait_seconds = 0.0 if self.controls else spec.build_wait_seconds
        self.label = connection.url

    def _client(self, caller: Caller) -> trove_v1.Client:
        return self.connection.clients[caller]

    def project_id(self, caller: Caller) -> str:
        return self.connection.projects[caller]

    # --- modules ---------------------------------------------------------------------------

    def create_module(self, caller: Caller, fields: dict) -> dict:
        client = self._client(caller)
        required = {"name", "module_type", "contents"}
        if required <= fields.keys() and fields.keys() <= bodies.CREATE_KWARGS:
            return _answer(lambda: _plain(client.modules.create(**fields)))
        return self.send(caller, RawKind.MODULE_CREATE, bodies.module_create(fields), None)[
            "module"
        ]

    def update_module(self, caller: Caller, module_id: str, fields: dict) -> dict:
        client = self._client(caller)
        if fields.keys() <= bodies.UPDATE_KWARGS:
            return _answer(lambda: _plain(client.modules.update(module_id, **fields)))
        body = bodies.module_update(fields)
        return self.send(caller, RawKind.MODULE_UPDATE, body, module_id)["module"]

    def show_module(self, caller: Caller, module_id: str) -> dict:
        return _answer(lambda: _plain(self._client(caller).modules.get(module_id)))

    def list_modules(self, caller: Caller, datastore: str | None = None) -> list[dict]:
        found = _answer(lambda: self._client(caller).modules.list(datastore=datastore))
        return [_plain(m) for m in found]

    def delete_module(self, caller: Caller, module_id: str) -> None:
        _answer(lambda: self._client(caller).modules.delete(module_id))

    def module_instances(
        self,
        caller: Caller,
        module_id: str,
        include_clustered: bool = False,
        limit: int | None = None,
        marker: str | None = None,
    ) -> tuple[list[dict], str | None]:
        page = _answer(
            lambda: self._client(caller).modules.instances(
                module_id, limit=limit, marker=marker, include_clustered=include_clustered
            )
        )
        return [_plain(i) for i in page], page.next

    def module_instance_count(
        self, caller: Caller, module_id: str, include_clustered: bool = False
    ) -> list[dict]:
        rows = _answer(
            lambda: self._client(caller).modules.instances(
                module_id, include_clustered=include_clustered, count_only=True
            )
        )
        return [_plain(r) for r in rows]

    def reapply(self, caller: Caller, module_id: str, options: ReapplyOptions) -> None:
        _answer(
            lambda: self._client(caller).modules.reapply(
                module_id,
                md5=options.md5,
                include_clustered=options.include_clustered,
                batch_size=options.batch_size,
                delay=options.delay,
                force=options.force,
            )
        )

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
        return _answer(
            lambda: _plain(
                self._client(caller).instances.create(
                    name,
                    flavor,
                    volume={"size": VOLUME_SIZE},
                    datastore=datastore,
                    datastore_version=version,
                    modules=module_ids or None,
                )
            )
        )

    def show_instance(self, caller: Caller, instance_id: str) -> dict:
        return _answer(lambda: _plain(self._client(caller).instances.get(instance_id)))

    def list_instances(self, caller: Caller) -> list[dict]:
        return [_plain(i) for i in _answer(lambda: self._client(caller).instances.list())]

    def delete_instance(self, caller: Caller, instance_id: str) -> None:
        _answer(lambda: self._client(caller).instances.delete(instance_id))

    def module_query(self, caller: Caller, instance_id: str) -> list[dict]:
        found = _answer(lambda: self._client(caller).instances.module_query(instance_id))
        return [_plain(m) for m in found]

    def module_retrieve(self, caller: Caller, instance_id: str) -> dict[str, bytes]:
        instances = self._client(caller).instances
        with tempfile.TemporaryDirectory(prefix="trovesim-retrieve-") as folder:
            written = _answer(lambda: instances.module_retrieve(instance_id, directory=folder))
            return {name: Path(path).read_bytes() for name, path in written.items()}

    def module_apply(self, caller: Caller, instance_id: str, module_ids: list[str]) -> list[dict]:
        applied = _answer(
            lambda: self._client(caller).instances.module_apply(instance_id, module_ids)
        )
        return [_plain(m) for m in applied]

    def module_remove(self, caller: Caller, instance_id: str, module_id: str) -> None:
        _answer(lambda: self._client(caller).instances.module_remove(instance_id, module_id))

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
        return _answer(
            lambda: _plain(
                self._client(caller).clusters.create(name, datastore, version, instances=instances)
            )
        )

    def show_cluster(self, caller: Caller, cluster_id: str) -> dict:
        return _answer(lambda: _plain(self._client(caller).clusters.get(cluster_id)))

    def list_clusters(self, caller: Caller) -> list[dict]:
        return [_plain(c) for c in _answer(lambda: self._client(caller).clusters.list())]

    def delete_cluster(self, caller: Caller, cluster_id: str) -> None:
        _answer(lambda: self._client(caller).clusters.delete(cluster_id))

    # --- catalogue -------------------------------------------------------------------------

    def datastore_id(self, datastore: str) -> str:
        return _answer(lambda: self._client(Caller.ADMIN).datastores.get(datastore).id)

    def version_id(self, datastore: str, version: str) -> str:
        versions = self._client(Caller.ADMIN).datastore_versions
        return _answer(lambda: versions.get(datastore, version).id)

    def list_datastores(self, caller: Caller) -> list[dict]:
        return [_plain(d) for d in _answer(lambda: self._client(caller).datastores.list())]

    def show_datastore(self, caller: Caller, datastore: str) -> dict:
        return _answer(lambda: _plain(self._client(caller).datastores.get(datastore)))

    def list_versions(self, caller: Caller, datastore: str) -> list[dict]:
        versions = self._client(caller).datastore_versions
        return [_plain(v) for v in _answer(lambda: versions.list(datastore))]

    def show_version(self, caller: Caller, datastore: str, version: str) -> dict:
        versions = self._client(caller).datastore_versions
        return _answer(lambda: _plain(versions.get(datastore, version)))

    def list_flavors(self, caller: Caller) -> list[dict]:
        return [_plain(f) for f in _answer(lambda: self._client(caller).flavors.list())]

    def show_flavor(self, caller: Caller, flavor_id: str) -> dict:
        return _answer(lambda: _plain(self._client(caller).flavors.get(flavor_id)))

    # --- hand-made bodies ------------------------------------------------------------------

    def send(self, caller: Caller, kind: RawKind, body: object, target_id: str | None) -> object:
        method, path = RAW_ROUTES[kind]
        http = self._client(caller).client
        _, answer = _answer(lambda: getattr(http, method)(path.format(id=target_id), body=body))
        return answer

    # --- time ------------------------------------------------------------------------------

    def move_on(self) -> None:
        if self.controls:
            self.controls.let_time_pass(SOME_TIME_SECONDS)
            return
        # Real time on a real endpoint: wait until the API's one-second timestamps move on.
        time.sleep(1.0 - (time.time() % 1.0) + 0.05)

    def finish_background_work(self) -> None:
        if self.controls:
            self.connection.control("post", "/clock", {"until_idle": True})

    def close(self) -> None:
        if self.controls:
            self.controls.undo()


class HttpControls:
    """The control API of ``trovesim serve --clock virtual``, for one scenario."""

    def __init__(self, connection: HttpConnection) -> None:
        self.connection = connection
        self._offset: _dt.timedelta | None = None
        self._changes = _Changes()

    def let_time_pass(self, seconds: float) -> None:
        self.connection.control("post", "/clock", {"advance": seconds})

    def clock_reads(self, when: _dt.datetime) -> _dt.timedelta:
        """The first reading fixes how far the server's clock is from the scenario's times."""
        now = self.connection.now()
        if self._offset is None:
            self._offset = now - when
        else:
            self.let_time_pass((when + self._offset - now).total_seconds())
        return self._offset

    def inject_guest_fault(self, instance_id: str, kind: str, message: str | None) -> None:
        fault = {"kind": kind, **({"message": message} if message else {})}
        self.connection.control("post", f"/instances/{instance_id}/fault", fault)
        self._changes.faulty_guests.add(instance_id)

    def clear_guest_fault(self, instance_id: str) -> None:
        self.connection.control("delete", f"/instances/{instance_id}/fault")
        self._changes.faulty_guests.discard(instance_id)

    def fail_next_builds(self, count: int) -> None:
        self.connection.control("post", "/builds/failures", {"count": count})
        self._changes.builds = True

    def set_build_seconds(self, seconds: float) -> None:
        self.connection.control("put", "/builds/duration", {"seconds": seconds})
        self._changes.builds = True

    def reapply_runs(self, module_id: str) -> list[dict]:
        return self.connection.control("get", f"/modules/{module_id}/reapply-runs")["runs"]

    def undo(self) -> None:
        """Undo the scenario's changes to the simulator's controls (the server is shared)."""
        for instance_id in list(self._changes.faulty_guests):
            self.clear_guest_fault(instance_id)
        if self._changes.builds:
            self.connection.control("post", "/builds/failures", {"count": 0})
            self.connection.control("put", "/builds/duration", {"seconds": 0})
