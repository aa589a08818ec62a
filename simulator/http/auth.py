"""Request authentication: the token names the caller; the URL's tenant must be the caller's.

As in Trove (``common/auth.py``), even an admin may only use URLs of its own project; admin
powers come from the role, not from the URL.
"""

from __future__ import annotations

from fastapi import Request, Security
from fastapi.security import APIKeyHeader

from simulator import Context, TroveError
from simulator.errors import tenant_mismatch

from .identity import Identity

TOKEN = APIKeyHeader(
    name="X-Auth-Token",
    auto_error=False,
    description="A token from the identity table (defaults: admin-token, alice-token, bob-token)"
    " or one issued by POST /v3/auth/tokens.",
)

UNAUTHENTICATED = "The request you have made requires authentication."
NOT_ADMIN = "The simulator's control API requires the admin role."


def identify(request: Request, token: str | None) -> Identity:
    identity = request.app.state.identities.by_token(token)
    if identity is None:
        raise TroveError(401, UNAUTHENTICATED)
    return identity


async def caller(tenant_id: str, request: Request, token: str | None = Security(TOKEN)) -> Context:
    """The context of a Trove call: 401 without a known token, 403 for another tenant's URL."""
    identity = identify(request, token)
    if identity.project_id != tenant_id:
        raise tenant_mismatch(identity.project_id)
    return identity.context


async def operator(request: Request, token: str | None = Security(TOKEN)) -> Context:
    """The context of a control call: any admin token, whatever its project."""
    identity = identify(request, token)
    if not identity.is_admin:
        raise TroveError(403, NOT_ADMIN)
    return identity.context
