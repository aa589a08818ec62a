"""Module operations: create, list, show, update, delete, and who has a module applied."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from . import errors
from .access import (
    admin_option_labels,
    can_see,
    module_tenant,
    refuse_admin_module,
    refuse_admin_options,
    within_tenancy,
)
from .drivers import MODULE_TYPES
from .models import Context, Module
from .schema import validate
from .state import SimState, operation
from .views import detailed_module_view, instance_count_view, instance_view, module_view

PAGE_SIZE = 20


def contents_md5(contents: str) -> str:
    """md5 of the contents text exactly as received (the client sends base64 of the file)."""
    return hashlib.md5(contents.encode("utf-8")).hexdigest()


def checked_type(module_type: str) -> str:
    if module_type.lower() not in MODULE_TYPES:
        raise errors.module_type_not_found(module_type)
    return module_type.lower()


class ModuleOps(SimState):
    def resolve_module_datastore(
        self, ds_ref: str | None, ver_ref: str | None
    ) -> tuple[str | None, str | None]:
        """Datastore and version ids a module is bound to (None = all), as Trove resolves them."""
        if ds_ref is None:
            if ver_ref is not None:
                raise errors.datastore_no_version(None, ver_ref)
            return None, None
        datastore = self.catalog.find_datastore(ds_ref)
        if ver_ref is None:
            return datastore.id, None
        return datastore.id, self.catalog.find_version(datastore, ver_ref).id

    def refuse_duplicate(self, candidate: Module) -> None:
        for other in self.store.modules.values():
            if (
                not other.deleted
                and other.id != candidate.id
                and other.name == candidate.name
                and other.type == candidate.type
                and other.tenant_id == candidate.tenant_id
                and other.datastore_id == candidate.datastore_id
                and other.datastore_version_id == candidate.datastore_version_id
            ):
                raise errors.module_already_exists(
                    candidate.name,
                    candidate.datastore_id or "all",
                    candidate.datastore_version_id or "all",
                )

    def refuse_if_applied(self, module: Module) -> None:
        """A module applied at its current md5 is frozen unless it is live-update."""
        if not module.live_update and self.store.count_at_md5(module.id, module.md5):
            raise errors.module_applied_to_instance()

    @operation
    def list_modules(self, ctx: Context, datastore: str | None = None) -> list[dict]:
        modules = [m for m in self.store.modules.values() if can_see(ctx, m)]
        if datastore:
            if datastore.lower() == "all":
                modules = [m for m in modules if m.datastore_id is None]
            else:
                found = self.catalog.find_datastore(datastore)
                self.catalog.default_version(found)
                modules = [m for m in modules if m.datastore_id == found.id]
        return [module_view(m, self.catalog) for m in modules]

    @operation
    def create_module(self, ctx: Context, body: dict) -> dict:
        spec = validate("module_create", body)["module"]
        module_type = checked_type(spec["module_type"])
        tenant_id = module_tenant(ctx, spec.get("all_tenants"))
        # Kept as sent: the refusal prints them as the client gave them (``Auto: 1``).
        auto_apply = spec.get("auto_apply", 0)
        visible = spec.get("visible", 1)
        priority_apply = spec.get("priority_apply", 0)
        full_access = spec.get("full_access")
        refuse_admin_options(
            ctx, "create", tenant_id, auto_apply, visible, priority_apply, full_access
        )
        ds = spec.get("datastore") or {}
        ds_id, ver_id = self.resolve_module_datastore(ds.get("type"), ds.get("version"))
        now = self.now()
        module = Module(
            id=self.new_id(),
            name=spec["name"],
            type=module_type,
            contents=spec["contents"],
            md5=contents_md5(spec["contents"]),
            description=spec.get("description"),
            tenant_id=tenant_id,
            datastore_id=ds_id,
            datastore_version_id=ver_id,
            auto_apply=bool(auto_apply),
            visible=bool(visible),
            live_update=bool(spec.get("live_update", 0)),
            priority_apply=bool(priority_apply),
            apply_order=spec.get("apply_order", 5),
            is_admin=ctx.is_admin and not full_access,
            created=now,
            updated=now,
            seq=next(self.store.module_seq),
        )
        self.refuse_duplicate(module)
        self.store.modules[module.id] = module
        return detailed_module_view(module, self.catalog)

    @operation
    def show_module(self, ctx: Context, module_id: str) -> dict:
        module = self.load_module(ctx, module_id)
        view = detailed_module_view(module, self.catalog)
        view["instance_count"] = self.store.count_at_md5(module.id, module.md5)
        return view

    @operation
    def update_module(self, ctx: Context, module_id: str, body: dict) -> dict:
        spec = validate("module_update", body)["module"]
        original = self.load_module(ctx, module_id)
        changes = self._requested_changes(ctx, spec)
        self.refuse_if_applied(original)
        refuse_admin_module(ctx, original, "update")
        updated = replace(original, **changes)
        options = (
            updated.tenant_id,
            spec.get("auto_apply", updated.auto_apply),
            spec.get("visible", updated.visible),
            spec.get("priority_apply", updated.priority_apply),
        )
        full_access = spec.get("full_access")
        refuse_admin_options(ctx, "update", *options, full_access)
        if full_access is not None:
            is_admin = not full_access
        else:
            # Past the refusal, admin options in use mean an admin set them: the module locks.
            is_admin = original.is_admin or bool(admin_option_labels(*options))
        ds_id, ver_id = self.resolve_module_datastore(
            updated.datastore_id, updated.datastore_version_id
        )
        updated = replace(
            updated,
            is_admin=is_admin,
            datastore_id=ds_id,
            datastore_version_id=ver_id,
            md5=contents_md5(updated.contents),
            updated=self.now(),
        )
        self.refuse_duplicate(updated)
        self.store.modules[module_id] = updated
        return detailed_module_view(updated, self.catalog)

    def _requested_changes(self, ctx: Context, spec: dict) -> dict:
        """The fields an update body sets; datastore references stay unresolved until checked."""
        changes: dict = {}
        for key in ("name", "contents", "description", "apply_order"):
            if key in spec:
                changes[key] = spec[key]
        for key in ("auto_apply", "visible", "live_update", "priority_apply"):
            if key in spec:
                changes[key] = bool(spec[key])
        new_type = spec.get("module_type", spec.get("type"))
        if new_type is not None:
            changes["type"] = checked_type(new_type)
        if "all_tenants" in spec:
            changes["tenant_id"] = module_tenant(ctx, spec["all_tenants"])
        ds = spec.get("datastore") or {}
        if "type" in ds:
            changes["datastore_id"] = ds["type"]
        if "version" in ds:
            changes["datastore_version_id"] = ds["version"]
        if spec.get("all_datastores"):
            if "type" in ds:
                raise errors.module_invalid(
                    "You cannot set a datastore and specify --all_datastores"
                )
            changes["datastore_id"] = None
        if spec.get("all_datastore_versions"):
            if "version" in ds:
                raise errors.module_invalid(
                    "You cannot set a datastore version and specify --all_datastore_versions"
                )
            changes["datastore_version_id"] = None
        return changes

    @operation
    def delete_module(self, ctx: Context, module_id: str) -> None:
        module = self.load_module(ctx, module_id)
        refuse_admin_options(
            ctx,
            "delete",
            module.tenant_id,
            module.auto_apply,
            module.visible,
            module.priority_apply,
            None,
        )
        refuse_admin_module(ctx, module, "delete")
        self.refuse_if_applied(module)
        now = self.now()
        module.deleted = True
        module.deleted_at = now
        module.updated = now

    @operation
    def module_instances(
        self,
        ctx: Context,
        module_id: str,
        include_clustered: bool = False,
        limit: int | str | None = None,
        marker: str | None = None,
    ) -> tuple[list[dict], str | None]:
        """Instances with the module applied at any md5, one page by instance id."""
        module = self.load_module(ctx, module_id)
        page_size = page_limit(limit)
        ids = sorted(
            record.instance_id
            for record in self.store.by_module.get(module.id, {}).values()
            if within_tenancy(ctx, record.tenant_id)
            and (include_clustered or not record.clustered)
            and (marker is None or record.instance_id > marker)
        )
        page = ids[:page_size]
        next_marker = page[-1] if len(ids) > page_size else None
        instances = [self.store.instances[i] for i in page]
        return [instance_view(ctx, i, self.catalog) for i in instances], next_marker

    @operation
    def module_instance_count(
        self, ctx: Context, module_id: str, include_clustered: bool = False
    ) -> list[dict]:
        """Applied instances per md5, oldest first; admins count all tenants, others their own."""
        module = self.load_module(ctx, module_id)
        if ctx.is_admin:
            rows = self.store.md5_counts(module.id, include_clustered)
        else:
            rows = self._tenant_counts(ctx, module, include_clustered)
        rows.sort(key=lambda row: (row[2], row[0]))
        return [instance_count_view(module, *row) for row in rows]

    def _tenant_counts(self, ctx: Context, module: Module, include_clustered: bool) -> list[tuple]:
        """A tenant's own instances only: bounded by the tenant's size, not the world's."""
        found: dict[str, list] = {}
        for instance in self.store.instances_by_tenant.get(ctx.project_id, {}).values():
            record = self.store.live_record(instance.id, module.id)
            if record is None or (record.clustered and not include_clustered):
                continue
            row = found.setdefault(record.md5, [record.md5, 0, record.updated, record.updated])
            row[1] += 1
            row[2] = min(row[2], record.updated)
            row[3] = max(row[3], record.updated)
        return [tuple(row) for row in found.values()]


def page_limit(limit: int | str | None) -> int:
    """Trove caps a page at the configured size; a limit that is not a positive integer is 400."""
    if limit is None or limit == "":
        return PAGE_SIZE
    try:
        value = int(limit)
    except (TypeError, ValueError):
        value = 0
    if value < 1:
        raise errors.bad_request(f"Validation error: limit {limit!r} is not a positive integer")
    return min(value, PAGE_SIZE)
