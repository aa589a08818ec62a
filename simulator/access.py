"""Who may see, use and change what: tenancy, visibility, datastore fit and the admin-only options.

Each rule is decided here once; the operations ask, they do not restate.
"""

from __future__ import annotations

from . import errors
from .models import Cluster, Context, Instance, Module


def within_tenancy(ctx: Context, tenant_id: str | None) -> bool:
    """Admins reach every tenant's rows; anyone else only their own project's."""
    return ctx.is_admin or tenant_id == ctx.project_id


def reachable(ctx: Context, owned: Instance | Cluster | None) -> bool:
    """An instance or cluster exists for a caller if it is live and within their tenancy."""
    return owned is not None and not owned.deleted and within_tenancy(ctx, owned.tenant_id)


def offered_to(module: Module, project_id: str) -> bool:
    """A module belongs to one tenant, or (no tenant) to all of them; auto-apply goes by this."""
    return module.tenant_id in (project_id, None)


def module_tenant(ctx: Context, all_tenants: object) -> str | None:
    """The tenant a created or updated module belongs to: the caller's, or none for all tenants."""
    return None if all_tenants else ctx.project_id


def can_see(ctx: Context, module: Module) -> bool:
    """Show/update/delete/list: admins see everything; others their own or all-tenant, visible."""
    if module.deleted:
        return False
    if ctx.is_admin:
        return True
    return module.visible and offered_to(module, ctx.project_id)


def can_use(ctx: Context, module: Module) -> bool:
    """Naming a module by id (apply, create): tenancy counts, visibility does not."""
    if module.deleted:
        return False
    return ctx.is_admin or offered_to(module, ctx.project_id)


def datastore_misfit(module: Module, ds_id: str, ver_id: str) -> str | None:
    """Why a module bound to a datastore or version cannot go on this instance; None if it fits."""
    prefix = f"Module '{module.name}' cannot be applied "
    if module.datastore_id not in (ds_id, None):
        return f"{prefix} (Wrong datastore '{module.datastore_id}' - expected '{ds_id}')"
    if module.datastore_version_id not in (ver_id, None):
        return (
            f"{prefix} (Wrong datastore version '{module.datastore_version_id}'"
            f" - expected '{ver_id}')"
        )
    return None


def refuse_misfits(modules: list[Module], ds_id: str, ver_id: str) -> None:
    """Apply or create with a module bound to another datastore or version is refused."""
    for module in modules:
        reason = datastore_misfit(module, ds_id, ver_id)
        if reason is not None:
            raise errors.module_invalid(reason)


def admin_option_labels(
    tenant_id: str | None, auto_apply: object, visible: object, priority_apply: object
) -> list[str]:
    """The admin-only options a module sets, worded as Trove prints them (``Auto: 1``)."""
    labels = []
    if tenant_id is None:
        labels.append("Tenant: all")
    if auto_apply:
        labels.append(f"Auto: {int(auto_apply)}")
    if not visible:
        labels.append(f"Visible: {int(visible)}")
    if priority_apply:
        labels.append(f"Priority: {int(priority_apply)}")
    return labels


def refuse_admin_options(
    ctx: Context,
    action: str,
    tenant_id: str | None,
    auto_apply: object,
    visible: object,
    priority_apply: object,
    full_access: object | None,
) -> None:
    """Refuse admin-only options to non-admins, and full access with any of them to anyone."""
    labels = admin_option_labels(tenant_id, auto_apply, visible, priority_apply)
    if full_access is not None:
        if full_access and labels:
            raise errors.invalid_model(
                "Cannot make module full access: (" + ", ".join(labels) + ")"
            )
        labels.append(f"Full Access: {int(full_access)}")
    if labels and not ctx.is_admin:
        raise errors.module_access_forbidden(action, "(" + ", ".join(labels) + ")")


def refuse_admin_module(ctx: Context, module: Module, action: str) -> None:
    """Once a module is an admin module only admins may change or delete it."""
    if module.is_admin and not ctx.is_admin:
        raise errors.module_access_forbidden(action, "(Module is an admin module)")
