"""Request authentication: the token names the caller; the URL's tenant must be the caller's.

As in Trove (``common/auth.py``), even an admin may only use URLs of its own project; admin
powers come from the role, not from the URL. Plain functions, not FastAPI dependencies: the
injection machinery costs more per request than everything the simulator does for a read.
"""

from __future__ import annotations

from starlette.requests import Request
from trovesim.simulator import Context, TroveError

from .identity import Identity

TOKEN_HEADER = "X-Auth-Token"
TOKEN_KEY = TOKEN_HEADER.lower().encode("latin-1")
UNAUTHENTICATED = "The request you have made requires authentication."
NOT_ADMIN = "The simulator's control API requires the admin role."
TENANT_MISMATCH = "User with tenant id {tenant_id} cannot access this resource."


def token_of(request: Request) -> str | None:
    """The first ``X-Auth-Token`` header, as Starlette's ``headers.get`` reads it (the server
    lowercases names), without building its ``Headers`` for one look-up."""
    for name, value in request.scope["headers"]:
        if name == TOKEN_KEY:
            return value.decode("latin-1")
    return None


def identify(request: Request) -> Identity:
    identity = request.app.state.identities.by_token(token_of(request))
    if identity is None:
        raise TroveError(401, UNAUTHENTICATED)
    return identity


def caller(request: Request) -> Context:
    """The context of a Trove call: 401 without a known token, 403 for another tenant's URL."""
    identity = identify(request)
    if identity.project_id != request.path_params["tenant_id"]:
        raise TroveError(403, TENANT_MISMATCH.format(tenant_id=identity.project_id))
    return identity.context


def operator(request: Request) -> Context:
    """The context of a control call: any admin token, whatever its project."""
    identity = identify(request)
    if not identity.is_admin:
        raise TroveError(403, NOT_ADMIN)
    return identity.context
