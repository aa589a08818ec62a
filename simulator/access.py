"""Who may see, use and change a module: tenancy, visibility and the admin-only options."""

from __future__ import annotations

from . import errors
from .models import Context, Module


def can_see(ctx: Context, module: Module) -> bool:
    """Show/update/delete/list: admins see everything; others their own or all-tenant, visible."""
    if module.deleted:
        return False
    if ctx.is_admin:
        return True
    return module.visible and module.tenant_id in (ctx.project_id, None)


def can_use(ctx: Context, module: Module) -> bool:
    """Apply by id and auto-apply: tenancy counts, visibility does not (hidden modules apply)."""
    if module.deleted:
        return False
    return ctx.is_admin or module.tenant_id in (ctx.project_id, None)


def admin_options(
    ctx: Context,
    action: str,
    tenant_id: str | None,
    auto_apply: object,
    visible: object,
    priority_apply: object,
    full_access: object | None,
) -> str | None:
    """The admin-only options in use, as Trove words them; refuse them to non-admins.

    Full access cannot be combined with any other admin option, for admins too.
    """
    options = []
    if tenant_id is None:
        options.append("Tenant: all")
    if auto_apply:
        options.append(f"Auto: {int(auto_apply)}")
    if not visible:
        options.append(f"Visible: {int(visible)}")
    if priority_apply:
        options.append(f"Priority: {int(priority_apply)}")
    if full_access is not None:
        if full_access and options:
            raise errors.invalid_model(
                "Cannot make module full access: (" + ", ".join(options) + ")"
            )
        options.append(f"Full Access: {int(full_access)}")
    text = "(" + ", ".join(options) + ")" if options else None
    if text and not ctx.is_admin:
        raise errors.module_access_forbidden(action, text)
    return text


def refuse_admin_module(ctx: Context, module: Module, action: str) -> None:
    """Once a module is an admin module only admins may change or delete it."""
    if module.is_admin and not ctx.is_admin:
        raise errors.module_access_forbidden(action, "(Module is an admin module)")
