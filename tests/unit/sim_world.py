"""A simulator world for unit tests, with short-hands for the requests a scenario makes.

``World`` builds bodies the way python-troveclient sends them (contents as base64 of the file,
flags as integers), so a test reads like the CLI session it stands for.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Sequence
from typing import Any

from trovesim.simulator import Context, Simulator

GUIDE_START = dt.datetime(2017, 6, 2, 17, 6, 21)

# Trove's fault names by status (docs/behaviour.md §0.1), kept apart from the simulator's
# own table so that a wrong entry there is caught.
FAULTS = {
    400: "badRequest",
    401: "unauthorized",
    403: "forbidden",
    404: "itemNotFound",
    413: "overLimit",
    500: "instanceFault",
    501: "notImplemented",
}


# Trove's module view keys (list entries); create, update and show add live_update (behaviour §2.2).
MODULE_VIEW_KEYS = {
    "id",
    "name",
    "type",
    "description",
    "tenant_id",
    "tenant",
    "datastore_id",
    "datastore",
    "datastore_version_id",
    "datastore_version",
    "auto_apply",
    "priority_apply",
    "apply_order",
    "is_admin",
    "md5",
    "visible",
    "created",
    "updated",
}
DETAILED_KEYS = MODULE_VIEW_KEYS | {"live_update"}


def b64(text: str | bytes) -> str:
    """What the client sends as ``contents`` for a file with this text."""
    data = text.encode() if isinstance(text, str) else text
    return base64.b64encode(data).decode()


class World:
    """One simulator plus short-hands for the requests a scenario makes."""

    def __init__(self, sim: Simulator) -> None:
        self.sim = sim
        self.admin = Context("admin", is_admin=True)
        self.alice = Context("tenant-a")
        self.bob = Context("tenant-b")

    def module(
        self, ctx: Context, name: str = "mymod", text: str = "message=Module.V1\n", **fields
    ) -> dict:
        body = {"name": name, "module_type": "ping", "contents": b64(text), **fields}
        return self.sim.create_module(ctx, {"module": body})

    def update(self, ctx: Context, module: dict, **fields) -> dict:
        return self.sim.update_module(ctx, module["id"], {"module": fields})

    def update_text(self, ctx: Context, module: dict, text: str) -> dict:
        return self.update(ctx, module, contents=b64(text))

    def instance(
        self,
        ctx: Context,
        name: str = "myinst",
        *,
        modules: Sequence[dict] = (),
        datastore: str | None = "mysql",
        version: str | None = None,
    ) -> dict:
        body: dict[str, Any] = {
            "name": name,
            "flavorRef": "15",
            "volume": {"size": 1},
            "modules": [{"id": m["id"]} for m in modules],
        }
        if datastore is not None:
            body["datastore"] = {"type": datastore}
            if version is not None:
                body["datastore"]["version"] = version
        return self.sim.create_instance(ctx, {"instance": body})

    def cluster(
        self,
        ctx: Context,
        name: str = "myclust",
        *,
        members: Sequence[Sequence[dict]] = ((), (), ()),
        datastore: str = "redis",
        version: str = "3.2.6",
    ) -> dict:
        body = {
            "name": name,
            "datastore": {"type": datastore, "version": version},
            "instances": [
                {"flavorRef": "15", "volume": {"size": 1}, "modules": [{"id": m["id"]} for m in ms]}
                for ms in members
            ],
        }
        return self.sim.create_cluster(ctx, {"cluster": body})

    def apply(self, ctx: Context, instance: dict, *modules: dict) -> list[dict]:
        body = {"modules": [{"id": m["id"]} for m in modules]}
        return self.sim.apply_modules(ctx, instance["id"], body)

    def query(self, ctx: Context, instance: dict, include_contents: bool = False) -> list[dict]:
        return self.sim.instance_modules(ctx, instance["id"], include_contents=include_contents)

    def counts(self, ctx: Context, module: dict, include_clustered: bool = False) -> list[tuple]:
        """module-instance-count as (md5, current, count) rows, in the order returned."""
        rows = self.sim.module_instance_count(ctx, module["id"], include_clustered)
        return [(r["module_md5"], r["current"], r["instance_count"]) for r in rows]

    def reapply(self, ctx: Context, module: dict, **options) -> dict:
        return self.sim.reapply_module(ctx, module["id"], {"reapply": options})

    def records(self) -> list[dict]:
        return self.sim.export_state()["records"]

    def at(self, when: dt.datetime) -> None:
        self.sim.set_clock(when)
