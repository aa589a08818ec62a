"""Instances and clusters, and the modules on them: create, apply, query, remove, delete.

A create writes the instance-module records at once (as Trove does) and schedules the build; the
guest applies the modules when the build completes, at which point the instance is ACTIVE.
"""

from __future__ import annotations

import contextlib
import datetime as _dt

from . import errors
from .access import datastore_misfit, offered_to, refuse_misfits
from .errors import TroveError
from .guest import Guest, ModulePayload
from .models import Cluster, Context, Instance, Module
from .schema import validate
from .state import SimState, operation
from .views import (
    cluster_view,
    instance_detail_view,
    instance_view,
    module_payload,
    result_view,
)


class InstanceOps(SimState):
    def auto_apply_modules(self, ctx: Context, ds_id: str, ver_id: str) -> list[Module]:
        """Auto-apply modules for a new instance of this tenant and datastore, oldest first."""
        chosen = [
            m
            for m in self.store.modules.values()
            if not m.deleted
            and m.auto_apply
            and offered_to(m, ctx.project_id)
            and datastore_misfit(m, ds_id, ver_id) is None
        ]
        return sorted(chosen, key=lambda m: m.seq)

    def modules_for_new_instance(
        self, ctx: Context, requested: list[dict] | None, ds_id: str, ver_id: str
    ) -> list[Module]:
        """Requested modules in request order, then auto-apply ones; all checked before creating."""
        explicit = self.usable_modules(ctx, [m["id"] for m in requested or []])
        listed = {m.id for m in explicit}
        modules = explicit + [
            m for m in self.auto_apply_modules(ctx, ds_id, ver_id) if m.id not in listed
        ]
        refuse_misfits(modules, ds_id, ver_id)
        return modules

    def _build_end(self, now: _dt.datetime) -> _dt.datetime:
        """When a build started now ends; checked before anything is created, so that a create
        refused for it leaves nothing behind."""
        try:
            return now + _dt.timedelta(seconds=self.build_seconds)
        except OverflowError:
            raise errors.bad_request("The build would end past the year 9999.") from None

    def _new_instance(
        self,
        ctx: Context,
        name: str,
        flavor_id: str,
        volume_size: int,
        ds_id: str,
        ver_id: str,
        modules: list[Module],
        cluster_id: str | None = None,
    ) -> Instance:
        now = self.now()
        due = self._build_end(now)
        instance = Instance(
            id=self.new_id(),
            name=name,
            tenant_id=ctx.project_id,
            flavor_id=flavor_id,
            volume_size=volume_size,
            datastore_id=ds_id,
            datastore_version_id=ver_id,
            status="BUILD",
            created=now,
            updated=now,
            cluster_id=cluster_id,
        )
        self.store.add_instance(instance)
        self.guests[instance.id] = Guest()
        for module in modules:
            self.store.record_apply(instance, module.id, module.md5, now)
        payloads = [module_payload(m, self.catalog) for m in modules]
        fails = self.failing_builds > 0
        self.failing_builds = max(0, self.failing_builds - 1)
        self.events.schedule(due, lambda when: self._finish_build(instance, payloads, fails, when))
        return instance

    def _finish_build(
        self, instance: Instance, payloads: list[ModulePayload], fails: bool, when: _dt.datetime
    ) -> None:
        if instance.deleted:
            return
        instance.updated = when
        if fails:
            instance.status = "ERROR"
            return
        instance.status = "ACTIVE"
        if payloads:
            # As on Trove, a guest that fails to apply at prepare time leaves the instance ACTIVE
            # and its records in place; the failure only shows in what the guest reports.
            with contextlib.suppress(TroveError):
                self.guests[instance.id].apply(payloads, when)

    def _flavor_and_size(self, spec: dict) -> tuple[str, int]:
        """The flavor, given by id or by a link (its last segment, as Trove reads it), and the
        volume size."""
        flavor = self.catalog.find_flavor(str(spec["flavorRef"]).rpartition("/")[2])
        volume = spec.get("volume")
        if volume is None:
            raise errors.bad_request("Volume size was not specified.")
        return flavor.id, int(volume["size"])

    @operation
    def create_instance(self, ctx: Context, body: dict) -> dict:
        spec = validate("instance_create", body)["instance"]
        flavor_id, size = self._flavor_and_size(spec)
        ds = spec.get("datastore") or {}
        datastore, version = self.catalog.resolve_for_instance(ds.get("type"), ds.get("version"))
        modules = self.modules_for_new_instance(ctx, spec.get("modules"), datastore.id, version.id)
        instance = self._new_instance(
            ctx, spec["name"], flavor_id, size, datastore.id, version.id, modules
        )
        return instance_detail_view(ctx, instance, self.catalog)

    @operation
    def list_instances(self, ctx: Context, include_clustered: bool = False) -> list[dict]:
        """The caller's own instances, cluster members only when asked for (``trove list``)."""
        mine = self.store.instances_by_tenant.get(ctx.project_id, {}).values()
        return [
            instance_view(ctx, i, self.catalog)
            for i in mine
            if include_clustered or i.cluster_id is None
        ]

    @operation
    def show_instance(self, ctx: Context, instance_id: str) -> dict:
        return instance_detail_view(ctx, self.load_instance(ctx, instance_id), self.catalog)

    @operation
    def delete_instance(self, ctx: Context, instance_id: str) -> None:
        instance = self.load_instance(ctx, instance_id)
        if instance.cluster_id is not None:
            raise errors.cluster_member_delete()
        if instance.status == "BUILD":
            raise errors.instance_not_ready(instance.id, instance.status)
        self._remove_instance(instance)

    def _remove_instance(self, instance: Instance) -> None:
        """Delete an instance and retire its records, only once the delete is certain."""
        now = self.now()
        instance.deleted = True
        instance.deleted_at = now
        instance.status = "SHUTDOWN"
        instance.updated = now
        self.store.forget_instance(instance)
        self.store.retire_instance_records(instance.id, now)

    # --- modules on an instance -------------------------------------------------------------

    @operation
    def instance_modules(
        self, ctx: Context, instance_id: str, include_contents: bool = False
    ) -> list[dict]:
        """What the guest reports (module-query), not Trove's records."""
        instance = self.load_instance(ctx, instance_id)
        results = self.guest_of(instance).query(ctx.is_admin)
        return [result_view(r, include_contents, ctx.is_admin) for r in results]

    @operation
    def apply_modules(self, ctx: Context, instance_id: str, body: dict) -> list[dict]:
        ids = [m["id"] for m in validate("module_apply", body).get("modules", [])]
        instance = self.load_instance(ctx, instance_id)
        modules = self.usable_modules(ctx, ids)
        refuse_misfits(modules, instance.datastore_id, instance.datastore_version_id)
        now = self.now()
        results = self.guest_of(instance).apply(
            [module_payload(m, self.catalog) for m in modules], now
        )
        for module in modules:
            self.store.record_apply(instance, module.id, module.md5, now)
        return [result_view(r, False, ctx.is_admin) for r in results]

    @operation
    def remove_module(self, ctx: Context, instance_id: str, module_id: str) -> None:
        instance = self.load_instance(ctx, instance_id)
        module = self.load_module(ctx, module_id)
        now = self.now()
        self.guest_of(instance).remove(module.id, module.name, module.type, now)
        record = self.store.live_record(instance.id, module.id)
        if record is not None:
            self.store.retire(record, now)

    # --- clusters ---------------------------------------------------------------------------

    @operation
    def create_cluster(self, ctx: Context, body: dict) -> dict:
        """Every member is checked before anything is created: a refused create leaves nothing."""
        spec = validate("cluster_create", body)["cluster"]
        datastore = self.catalog.find_datastore(spec["datastore"]["type"])
        version = self.catalog.find_version(datastore, spec["datastore"]["version"])
        members = []
        for item in spec["instances"]:
            flavor_id, size = self._flavor_and_size(item)
            modules = self.modules_for_new_instance(
                ctx, item.get("modules"), datastore.id, version.id
            )
            members.append((flavor_id, size, modules))
        now = self.now()
        self._build_end(now)
        cluster = Cluster(
            id=self.new_id(),
            name=spec["name"],
            tenant_id=ctx.project_id,
            datastore_id=datastore.id,
            datastore_version_id=version.id,
            member_ids=[],
            created=now,
            updated=now,
        )
        self.store.clusters[cluster.id] = cluster
        for number, (flavor_id, size, modules) in enumerate(members, start=1):
            member = self._new_instance(
                ctx,
                f"{cluster.name}-member-{number}",
                flavor_id,
                size,
                datastore.id,
                version.id,
                modules,
                cluster_id=cluster.id,
            )
            cluster.member_ids.append(member.id)
        return self._cluster_view(cluster)

    def _cluster_view(self, cluster: Cluster) -> dict:
        members = [self.store.instances[i] for i in cluster.member_ids]
        return cluster_view(cluster, members, self.catalog)

    @operation
    def list_clusters(self, ctx: Context) -> list[dict]:
        return [
            self._cluster_view(c)
            for c in self.store.clusters.values()
            if not c.deleted and c.tenant_id == ctx.project_id
        ]

    @operation
    def show_cluster(self, ctx: Context, cluster_id: str) -> dict:
        return self._cluster_view(self.load_cluster(ctx, cluster_id))

    @operation
    def delete_cluster(self, ctx: Context, cluster_id: str) -> None:
        cluster = self.load_cluster(ctx, cluster_id)
        for member_id in cluster.member_ids:
            self._remove_instance(self.store.instances[member_id])
        cluster.deleted = True
        cluster.updated = self.now()
