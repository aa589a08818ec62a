"""Every shape the simulator answers with: Trove's responses, the guest's payload and results,
and reapply runs. Shared by the HTTP layer and in-process callers; the control API's own shapes
(its clock reading, the state export) live with it in ops_control.py."""

from __future__ import annotations

import base64
import datetime as _dt

from .catalog import Catalog
from .guest import ModulePayload
from .models import Cluster, Context, GuestResult, Instance, Module, ReapplyRun
from .timefmt import api_time, guest_time

REGION = "RegionOne"


def module_labels(module: Module, catalog: Catalog) -> tuple[str, str, str]:
    """A module's tenant, datastore and version as shown, ``all`` where it is bound to none."""
    ds_id, ver_id = module.datastore_id, module.datastore_version_id
    return (
        module.tenant_id or "all",
        catalog.datastore_by_id(ds_id).name if ds_id else "all",
        catalog.version_by_id(ver_id).name if ver_id else "all",
    )


def module_view(module: Module, catalog: Catalog) -> dict:
    tenant, ds_name, ver_name = module_labels(module, catalog)
    return {
        "id": module.id,
        "name": module.name,
        "type": module.type,
        "description": module.description,
        "tenant_id": module.tenant_id,
        "tenant": tenant,
        "datastore_id": module.datastore_id,
        "datastore": ds_name,
        "datastore_version_id": module.datastore_version_id,
        "datastore_version": ver_name,
        "auto_apply": module.auto_apply,
        "priority_apply": module.priority_apply,
        "apply_order": module.apply_order,
        "is_admin": module.is_admin,
        "md5": module.md5,
        "visible": module.visible,
        "created": api_time(module.created),
        "updated": api_time(module.updated),
    }


def detailed_module_view(module: Module, catalog: Catalog) -> dict:
    return {**module_view(module, catalog), "live_update": module.live_update}


def instance_view(ctx: Context, instance: Instance, catalog: Catalog) -> dict:
    """The list item (module-instances, instance list)."""
    view = {
        "id": instance.id,
        "name": instance.name,
        "status": instance.status,
        "links": [],
        "flavor": {"id": instance.flavor_id, "links": []},
        "datastore": {
            "type": catalog.datastore_by_id(instance.datastore_id).name,
            "version": catalog.version_by_id(instance.datastore_version_id).name,
        },
        "region": REGION,
        "volume": {"size": instance.volume_size},
    }
    if ctx.is_admin:
        view["tenant_id"] = instance.tenant_id
    return view


def instance_detail_view(ctx: Context, instance: Instance, catalog: Catalog) -> dict:
    view = instance_view(ctx, instance, catalog)
    view.update(
        {
            "created": api_time(instance.created),
            "updated": api_time(instance.updated),
            "encrypted_rpc_messaging": True,
            "server_id": None,
            "volume_id": None,
        }
    )
    if instance.cluster_id:
        view["cluster_id"] = instance.cluster_id
    return view


CLUSTER_TASKS = {
    "BUILDING": {"id": 2, "name": "BUILDING", "description": "Building the initial cluster."},
    "NONE": {"id": 1, "name": "NONE", "description": "No tasks for the cluster."},
}


def cluster_view(cluster: Cluster, members: list[Instance], catalog: Catalog) -> dict:
    building = any(m.status == "BUILD" for m in members)
    return {
        "id": cluster.id,
        "name": cluster.name,
        "datastore": {
            "type": catalog.datastore_by_id(cluster.datastore_id).name,
            "version": catalog.version_by_id(cluster.datastore_version_id).name,
        },
        "task": CLUSTER_TASKS["BUILDING" if building else "NONE"],
        "instances": [
            {
                "id": m.id,
                "name": m.name,
                "status": m.status,
                "type": "member",
                "flavor": {"id": m.flavor_id, "links": []},
                "volume": {"size": m.volume_size},
                "links": [],
            }
            for m in members
        ],
        "created": api_time(cluster.created),
        "updated": api_time(cluster.updated),
        "links": [],
    }


def flavor_view(flavor) -> dict:
    """Trove sends a flavor id that reads as a plain number as that number, and any other id
    (a uuid, "d2.medium", "007") as null: ``str_id`` always holds it as text."""
    plain_number = flavor.id.isdigit() and not flavor.id.startswith("0")
    return {
        "id": int(flavor.id) if plain_number else None,
        "str_id": flavor.id,
        "name": flavor.name,
        "ram": flavor.ram,
        "vcpus": flavor.vcpus,
        "disk": flavor.disk,
        "ephemeral": flavor.ephemeral,
        "links": [],
    }


def version_view(version, ctx: Context, datastore_id: str | None = None) -> dict:
    """A datastore version; inside its datastore's view it does not name the datastore. How it
    is built (active or not, packages, image and its tags) is shown to the admin only."""
    view: dict = {"id": version.id, "name": version.name, "links": []}
    if datastore_id is not None:
        view["datastore"] = datastore_id
    if ctx.is_admin:
        view["active"] = version.active
        view["packages"] = version.packages
        view["image"] = version.image
        view["image_tags"] = list(version.image_tags)
    return view


def datastore_view(datastore, versions: list, ctx: Context) -> dict:
    """A datastore with the versions the caller's read gives (see ``ops_catalog``)."""
    view = {
        "id": datastore.id,
        "name": datastore.name,
        "links": [],
        "versions": [version_view(v, ctx) for v in versions],
    }
    if datastore.default_version_id:
        view["default_version"] = datastore.default_version_id
    return view


def module_payload(module: Module, catalog: Catalog) -> ModulePayload:
    """The module as Trove sends it to the guest."""
    tenant, ds_name, ver_name = module_labels(module, catalog)
    return ModulePayload(
        id=module.id,
        name=module.name,
        type=module.type,
        md5=module.md5,
        contents=module.contents,
        datastore=ds_name,
        datastore_version=ver_name,
        tenant=tenant,
        auto_apply=module.auto_apply,
        visible=module.visible,
        is_admin=module.is_admin,
        priority_apply=module.priority_apply,
        apply_order=module.apply_order,
    )


def result_view(result: GuestResult, include_contents: bool, caller_is_admin: bool) -> dict:
    contents = None
    if include_contents:
        raw = result.contents
        if result.is_admin and not caller_is_admin:
            raw = f"Must be admin to retrieve contents for module {result.name}".encode()
        contents = base64.b64encode(raw).decode()
    return {
        "id": result.module_id,
        "name": result.name,
        "type": result.type,
        "datastore": result.datastore,
        "datastore_version": result.datastore_version,
        "tenant": result.tenant,
        "md5": result.md5,
        "status": result.status,
        "message": result.message,
        "created": guest_time(result.created),
        "updated": guest_time(result.updated),
        "removed": guest_time(result.removed),
        "auto_apply": result.auto_apply,
        "visible": result.visible,
        "is_admin": result.is_admin,
        "contents": contents,
    }


def instance_count_view(
    module: Module, md5: str, count: int, low: _dt.datetime, high: _dt.datetime
) -> dict:
    """One module-instance-count row: the instances at one md5 and when they were touched."""
    return {
        "module_id": module.id,
        "module_name": module.name,
        "module_md5": md5,
        "instance_count": count,
        "current": md5 == module.md5,
        "min_updated_date": api_time(low),
        "max_updated_date": api_time(high),
    }


def run_view(run: ReapplyRun) -> dict:
    return {
        "id": run.id,
        "module_id": run.module_id,
        "md5": run.md5,
        "target_md5": run.target_md5,
        "include_clustered": run.include_clustered,
        "force": run.force,
        "batch_size": run.batch_size,
        "batch_delay": run.batch_delay,
        "started": api_time(run.started),
        "finished": api_time(run.finished),
        "status": "COMPLETE" if run.finished else "RUNNING",
        "applied": run.applied,
        "skipped": run.skipped,
        "failed": run.failed,
        "pending": len(run.selected) - run.processed,
        "failures": list(run.failures),
    }
