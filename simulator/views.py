"""Response shapes as Trove renders them; shared by the HTTP layer and in-process callers."""

from __future__ import annotations

from .catalog import Catalog
from .models import Cluster, Context, Instance, Module
from .timefmt import api_time

REGION = "RegionOne"


def datastore_labels(catalog: Catalog, ds_id: str | None, ver_id: str | None) -> tuple[str, str]:
    """A module's datastore and version names, ``all`` where it is bound to none."""
    ds_name = catalog.datastore_by_id(ds_id).name if ds_id else "all"
    ver_name = catalog.version_by_id(ver_id).name if ver_id else "all"
    return ds_name, ver_name


def module_view(module: Module, catalog: Catalog) -> dict:
    ds_name, ver_name = datastore_labels(catalog, module.datastore_id, module.datastore_version_id)
    return {
        "id": module.id,
        "name": module.name,
        "type": module.type,
        "description": module.description,
        "tenant_id": module.tenant_id,
        "tenant": module.tenant_id or "all",
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
    return {
        "id": flavor.id,
        "str_id": flavor.id,
        "name": flavor.name,
        "ram": flavor.ram,
        "vcpus": flavor.vcpus,
        "disk": flavor.disk,
        "links": [],
    }


def version_view(version, datastore) -> dict:
    return {
        "id": version.id,
        "name": version.name,
        "datastore": datastore.id,
        "active": version.active,
        "packages": "",
        "image": "",
        "links": [],
    }


def datastore_view(datastore, catalog: Catalog) -> dict:
    view = {
        "id": datastore.id,
        "name": datastore.name,
        "links": [],
        "versions": [
            {"id": v.id, "name": v.name, "active": v.active, "links": []}
            for v in datastore.versions
        ],
    }
    if datastore.default_version_id:
        view["default_version"] = datastore.default_version_id
    return view
