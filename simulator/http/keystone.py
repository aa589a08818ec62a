"""A minimal Keystone v3: version discovery and token issue, enough for ``trove`` and ``openstack``.

A password (or token) login returns the user's fixed token, its roles, and a catalogue whose
``database`` entry points at this server's ``/v1.0/<project>``. The CLIs then find Trove through
the catalogue and decide admin-ness from the roles, exactly as against a real cloud. Errors use
Keystone's own body, ``{"error": {"code", "title", "message"}}``, which keystoneauth reads.
"""

from __future__ import annotations

import datetime as _dt

from fastapi import APIRouter, Request
from starlette.responses import Response
from trovesim.simulator import TroveError
from trovesim.simulator.clock import utcnow
from trovesim.simulator.views import REGION

from .bodies import checked_object
from .faults import json_response
from .identity import Identity
from .openapi import STRING, envelope, request_body
from .plain_route import PlainRoute

TOKEN_LIFETIME = _dt.timedelta(hours=24)
DOMAIN = {"id": "default", "name": "Default"}
TITLES = {400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 413: "Request Too Large"}

router = APIRouter(
    prefix="/v3",
    tags=["identity (Keystone v3, minimal)"],
    default_response_class=Response,
    route_class=PlainRoute,
)


def _keystone_error(status: int, message: str) -> Response:
    title = TITLES.get(status, "Error")
    return json_response({"error": {"code": status, "title": title, "message": message}}, status)


def _stamp(when: _dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.000000Z")


def _root(request: Request) -> str:
    return str(request.base_url).rstrip("/")


VERSION_RESPONSE = {
    200: {
        "description": "The v3 version document keystoneauth discovers.",
        "content": {"application/json": {"schema": {"type": "object", "required": ["version"]}}},
    }
}


@router.get("", responses=VERSION_RESPONSE)
@router.get("/", responses=VERSION_RESPONSE, include_in_schema=False)
async def version(request: Request) -> Response:
    """Version discovery: keystoneauth reads this before it logs in."""
    return json_response(
        {
            "version": {
                "id": "v3.14",
                "status": "stable",
                "updated": "2020-04-07T00:00:00Z",
                "links": [{"rel": "self", "href": f"{_root(request)}/v3/"}],
                "media-types": [
                    {
                        "base": "application/json",
                        "type": "application/vnd.openstack.identity-v3+json",
                    }
                ],
            }
        }
    )


def _catalog(root: str, project_id: str) -> list[dict]:
    def service(kind: str, name: str, url: str) -> dict:
        return {
            "id": f"{name}-service",
            "type": kind,
            "name": name,
            "endpoints": [
                {
                    "id": f"{name}-{interface}",
                    "interface": interface,
                    "region": REGION,
                    "region_id": REGION,
                    "url": url,
                }
                for interface in ("public", "internal", "admin")
            ],
        }

    return [
        service("database", "trove", f"{root}/v1.0/{project_id}"),
        service("identity", "keystone", f"{root}/v3"),
    ]


def _token_body(identity: Identity, method: str, root: str) -> dict:
    issued = utcnow()
    return {
        "token": {
            "methods": [method],
            "user": {
                "id": identity.user_id,
                "name": identity.user_name,
                "domain": DOMAIN,
                "password_expires_at": None,
            },
            "project": {"id": identity.project_id, "name": identity.project_name, "domain": DOMAIN},
            "roles": [{"id": role, "name": role} for role in identity.roles],
            "catalog": _catalog(root, identity.project_id),
            "is_domain": False,
            "audit_ids": [identity.token],
            "issued_at": _stamp(issued),
            "expires_at": _stamp(issued + TOKEN_LIFETIME),
        }
    }


NAME = {"type": "string", "minLength": 1}
ID_OR_NAME = {"anyOf": [{"required": ["id"]}, {"required": ["name"]}]}
TOKEN_REQUEST = envelope(
    "auth",
    {
        "type": "object",
        "required": ["identity"],
        "properties": {
            "identity": {
                "type": "object",
                "required": ["methods"],
                "properties": {
                    "methods": {
                        "type": "array",
                        "minItems": 1,
                        "items": {"enum": ["password", "token"]},
                    },
                    "password": envelope(
                        "user",
                        {
                            "type": "object",
                            "required": ["password"],
                            "properties": {"id": NAME, "name": NAME, "password": STRING},
                            **ID_OR_NAME,
                        },
                    ),
                    "token": {"type": "object", "required": ["id"], "properties": {"id": STRING}},
                },
                "if": {"properties": {"methods": {"contains": {"const": "password"}}}},
                "then": {"required": ["password"]},
                "else": {"required": ["token"]},
            },
            "scope": envelope(
                "project",
                {"type": "object", "properties": {"id": NAME, "name": NAME}, **ID_OR_NAME},
            ),
        },
    },
)


def _authenticate(request: Request, auth: dict) -> tuple[Identity | None, str]:
    """The identity a login names (None if refused) and the method used."""
    identities = request.app.state.identities
    scope = auth.get("scope", {}).get("project", {})
    project = scope.get("id", scope.get("name"))
    identity = auth["identity"]
    if "password" in identity["methods"]:
        user = identity["password"]["user"]
        by_id = "id" in user
        name = user["id"] if by_id else user["name"]
        return identities.login(name, user["password"], project, user_by_id=by_id), "password"
    found = identities.by_token(identity["token"]["id"])
    if found and project not in (None, found.project_id, found.project_name):
        found = None
    return found, "token"


@router.post(
    "/auth/tokens",
    status_code=201,
    responses={
        201: {
            "description": "The token: its value in the X-Subject-Token header.",
            "content": {"application/json": {"schema": {"type": "object", "required": ["token"]}}},
        },
        400: {"description": "A login body Keystone would refuse."},
        401: {"description": "Wrong user, password or project."},
        413: {"description": "The body is larger than the server's limit."},
    },
    openapi_extra=request_body(TOKEN_REQUEST),
)
async def issue_token(request: Request) -> Response:
    """Password or token login, scoped to the user's project (by name or id) or unscoped."""
    try:
        auth = (await checked_object(request, TOKEN_REQUEST))["auth"]
        identity, method = _authenticate(request, auth)
    except TroveError as refused:
        return _keystone_error(refused.status, refused.message)
    if identity is None:
        return _keystone_error(401, "The request you have made requires authentication.")
    body = _token_body(identity, method, _root(request))
    return json_response(body, 201, {"X-Subject-Token": identity.token})
