"""The in-process target sends the simulator exactly the bodies python-troveclient sends.

Each case calls the real client's manager method against a recording stand-in for its HTTP
client, and compares the recorded body with the suite's own builder (steps.targets.bodies).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import pytest
from trovesim.steps.targets import bodies
from trovesim.steps.targets.base import ReapplyOptions

with warnings.catch_warnings():  # osc_lib, imported by troveclient, warns about itself
    warnings.simplefilter("ignore", DeprecationWarning)
    from troveclient.v1 import clusters, instances, modules


@dataclass
class Recorder:
    """Stands in for troveclient's HTTP client: keeps each body, answers a plausible one."""

    sent: list[dict] = field(default_factory=list)

    def _record(self, url: str, body: dict) -> tuple[object, dict]:
        self.sent.append(body)
        key = next(iter(body))
        return _Response(), {key: {"id": "11111111-2222-3333-4444-555555555555", "name": "n"}}

    post = put = _record


class _Response:
    status_code = 200


@dataclass
class Api:
    client: Recorder = field(default_factory=Recorder)


CREATE_CASES = [
    {"name": "m", "module_type": "ping", "contents": b"message=Hello\n"},
    {
        "name": "m",
        "module_type": "ping",
        "contents": b"\x99\x01",
        "description": "d",
        "datastore": "mysql",
        "datastore_version": "5.7",
        "auto_apply": True,
        "all_tenants": False,
        "visible": False,
        "live_update": True,
        "priority_apply": True,
        "apply_order": 0,
        "full_access": False,
    },
    {"name": "m", "module_type": "ping", "contents": b"x", "apply_order": "five", "visible": 2},
]
UPDATE_CASES = [
    {"description": "only this"},
    {"name": "n", "module_type": "PING", "contents": b"message=V2\n", "apply_order": 9},
    {"all_datastores": True, "all_datastore_versions": False, "live_update": False},
    {"datastore": "mysql", "all_datastores": True},
]


@pytest.mark.parametrize("fields", CREATE_CASES)
def test_module_create(fields: dict) -> None:
    api = Api()
    modules.Modules(api).create(**fields)
    assert api.client.sent == [bodies.module_create(fields)]


@pytest.mark.parametrize("fields", UPDATE_CASES)
def test_module_update(fields: dict) -> None:
    api = Api()
    modules.Modules(api).update("some-id", **fields)
    assert api.client.sent == [bodies.module_update(fields)]


@pytest.mark.parametrize(
    "options",
    [
        ReapplyOptions(),
        ReapplyOptions(md5="abc", include_clustered=True, batch_size=1, delay=3, force=False),
    ],
)
def test_reapply(options: ReapplyOptions) -> None:
    api = Api()
    modules.Modules(api).reapply(
        "some-id",
        md5=options.md5,
        include_clustered=options.include_clustered,
        batch_size=options.batch_size,
        delay=options.delay,
        force=options.force,
    )
    assert api.client.sent == [bodies.reapply(options)]


@pytest.mark.parametrize(
    ("datastore", "version", "module_ids"),
    [(None, None, []), ("mysql", "5.6", ["a", "b"]), ("redis", None, ["a"])],
)
def test_instance_create(datastore: str | None, version: str | None, module_ids: list) -> None:
    api = Api()
    instances.Instances(api).create(
        "inst",
        "15",
        volume={"size": 1},
        datastore=datastore,
        datastore_version=version,
        modules=module_ids or None,
    )
    assert api.client.sent == [
        bodies.instance_create("inst", "15", 1, datastore, version, module_ids)
    ]


def test_cluster_create() -> None:
    api = Api()
    members = bodies.cluster_members("15", 1, [["a"], [], ["a", "b"]])
    clusters.Clusters(api).create("clu", "redis", "3.2.6", instances=members)
    assert api.client.sent == [bodies.cluster_create("clu", "redis", "3.2.6", members)]
