"""The OpenAPI description: request bodies are the core's own JSON schemas, responses are the
shapes its views return, and every route lists every status it can answer with.

Routes read their token, parameters and bodies from the request themselves (cheaper than
FastAPI's injection), so FastAPI knows none of them: each route passes ``core_body(name)`` or
``query(...)`` as ``openapi_extra`` and ``answers(...)`` as ``responses``, and ``install`` adds
the path parameters and the token requirement from each route's path.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from trovesim.simulator.schema import schemas

JSON = "application/json"
STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
BOOLEAN = {"type": "boolean"}
INTEGER = {"type": "integer"}
LINKS = {"type": "array", "items": {"type": "object"}}


def obj(required: dict[str, Any], optional: dict[str, Any] | None = None) -> dict:
    """An object schema: ``required`` keys always present, extra keys allowed."""
    return {
        "type": "object",
        "required": list(required),
        "properties": {**required, **(optional or {})},
    }


def envelope(key: str, inner: dict) -> dict:
    return obj({key: inner})


def listing(key: str, item: dict, paged: bool = False) -> dict:
    links = {"links": {"type": "array", "items": obj({"rel": STRING, "href": STRING})}}
    return obj({key: {"type": "array", "items": item}}, links if paged else None)


FAULT = {
    "type": "object",
    "minProperties": 1,
    "maxProperties": 1,
    "additionalProperties": obj({"code": INTEGER, "message": STRING}),
}

MODULE = obj(
    {
        "id": STRING,
        "name": STRING,
        "type": STRING,
        "description": NULLABLE_STRING,
        "tenant_id": NULLABLE_STRING,
        "tenant": STRING,
        "datastore_id": NULLABLE_STRING,
        "datastore": STRING,
        "datastore_version_id": NULLABLE_STRING,
        "datastore_version": STRING,
        "auto_apply": BOOLEAN,
        "priority_apply": BOOLEAN,
        "apply_order": INTEGER,
        "is_admin": BOOLEAN,
        "md5": STRING,
        "visible": BOOLEAN,
        "created": STRING,
        "updated": STRING,
    }
)
MODULE_DETAIL = obj({**MODULE["properties"], "live_update": BOOLEAN})
MODULE_SHOWN = obj({**MODULE_DETAIL["properties"], "instance_count": INTEGER})

FLAVOR_REF = obj({"id": STRING, "links": LINKS})
DATASTORE_REF = obj({"type": STRING, "version": STRING})
VOLUME = obj({"size": INTEGER})
INSTANCE_FIELDS = {
    "id": STRING,
    "name": STRING,
    "status": STRING,
    "links": LINKS,
    "flavor": FLAVOR_REF,
    "datastore": DATASTORE_REF,
    "region": STRING,
    "volume": VOLUME,
}
INSTANCE = obj(INSTANCE_FIELDS, {"tenant_id": STRING})
INSTANCE_DETAIL = obj(
    {
        **INSTANCE_FIELDS,
        "created": STRING,
        "updated": STRING,
        "encrypted_rpc_messaging": BOOLEAN,
        "server_id": {"type": "null"},
        "volume_id": {"type": "null"},
    },
    {"tenant_id": STRING, "cluster_id": STRING},
)
INSTANCE_COUNT = obj(
    {
        "module_id": STRING,
        "module_name": STRING,
        "module_md5": STRING,
        "instance_count": INTEGER,
        "current": BOOLEAN,
        "min_updated_date": STRING,
        "max_updated_date": STRING,
    }
)
GUEST_RESULT = obj(
    {
        "id": STRING,
        "name": STRING,
        "type": STRING,
        "datastore": STRING,
        "datastore_version": STRING,
        "tenant": STRING,
        "md5": STRING,
        "status": {"enum": ["OK", "ERROR"]},
        "message": {"type": ["string", "boolean"]},
        "created": STRING,
        "updated": STRING,
        "removed": NULLABLE_STRING,
        "auto_apply": BOOLEAN,
        "visible": BOOLEAN,
        "is_admin": BOOLEAN,
        "contents": NULLABLE_STRING,
    }
)
CLUSTER_MEMBER = obj(
    {
        "id": STRING,
        "name": STRING,
        "status": STRING,
        "type": STRING,
        "flavor": FLAVOR_REF,
        "volume": VOLUME,
        "links": LINKS,
    }
)
CLUSTER = obj(
    {
        "id": STRING,
        "name": STRING,
        "datastore": DATASTORE_REF,
        "task": obj({"id": INTEGER, "name": STRING, "description": STRING}),
        "instances": {"type": "array", "items": CLUSTER_MEMBER},
        "created": STRING,
        "updated": STRING,
        "links": LINKS,
    }
)
FLAVOR = obj(
    {
        "id": {"type": ["integer", "null"], "description": "null where the id is not a number"},
        "str_id": STRING,
        "name": STRING,
        "ram": INTEGER,
        "vcpus": INTEGER,
        "disk": INTEGER,
        "ephemeral": INTEGER,
        "links": LINKS,
    }
)
ADMIN_VERSION_FIELDS = {
    "active": BOOLEAN,
    "packages": STRING,
    "image": STRING,
    "image_tags": {"type": "array", "items": STRING},
}
"""A version's fields that only the admin is shown."""
VERSION_REF = obj({"id": STRING, "name": STRING, "links": LINKS}, ADMIN_VERSION_FIELDS)
DATASTORE = obj(
    {
        "id": STRING,
        "name": STRING,
        "links": LINKS,
        "versions": {"type": "array", "items": VERSION_REF},
    },
    {"default_version": STRING},
)
VERSION = obj(
    {"id": STRING, "name": STRING, "datastore": STRING, "links": LINKS}, ADMIN_VERSION_FIELDS
)

ERRORS = {
    400: "Refused: a body or value Trove would not accept (badRequest).",
    401: "No token, or a token the server does not know (unauthorized).",
    403: "The URL's tenant is not the token's project, or a rule forbids it (forbidden).",
    404: "No such resource, or not visible to this caller (itemNotFound).",
    405: "The route exists but not with this method.",
    413: "The request body is larger than the server's limit (overLimit).",
    422: "The instance is not in a state that allows this (unprocessableEntity).",
    501: "Not supported for this resource (notImplemented).",
}
COMMON = (400, 401, 403, 404, 405)


def answers(status: int, schema: dict | None, *extra: int, description: str = "Success") -> dict:
    """The ``responses`` of a route: its success, then every fault it can give."""
    ok: dict[str, Any] = {"description": description}
    if schema is not None:
        ok["content"] = {JSON: {"schema": schema}}
    found: dict[int | str, dict] = {status: ok}
    for code in (*COMMON, *extra):
        found[code] = {"description": ERRORS[code], "content": {JSON: {"schema": FAULT}}}
    return found


def request_body(schema: dict) -> dict:
    """``openapi_extra`` for a route that reads a JSON body checked against ``schema``."""
    return {"requestBody": {"required": True, "content": {JSON: {"schema": schema}}}}


def core_body(schema_name: str) -> dict:
    """A body the core validates, described by the very schema it uses."""
    return request_body(schemas()[schema_name])


def query(**descriptions: str) -> dict:
    """``openapi_extra`` for optional string query parameters."""
    return {
        "parameters": [
            {"name": name, "in": "query", "required": False, "schema": STRING, "description": text}
            for name, text in descriptions.items()
        ]
    }


TOKEN_SCHEME = {
    "type": "apiKey",
    "in": "header",
    "name": "X-Auth-Token",
    "description": "A token from the identity table (defaults: admin-token, alice-token, "
    "bob-token) or one issued by POST /v3/auth/tokens.",
}
AUTHENTICATED = ("/v1.0/", "/_sim/")


def _complete(path: str, operation: dict) -> None:
    """Declare the path's parameters and, under Trove's and the control API's prefixes, the
    token."""
    declared = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
    missing = [name for name in re.findall(r"{(\w+)}", path) if name not in declared]
    operation["parameters"] = [
        {"name": name, "in": "path", "required": True, "schema": STRING} for name in missing
    ] + operation.get("parameters", [])
    if not operation["parameters"]:
        del operation["parameters"]
    if path.startswith(AUTHENTICATED):
        operation["security"] = [{"XAuthToken": []}]


def install(app: FastAPI) -> None:
    """Generate the document once, completed by ``_complete``."""

    def generate() -> dict:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
                tags=app.openapi_tags,
            )
            for path, operations in document["paths"].items():
                for operation in operations.values():
                    _complete(path, operation)
            document["components"] = {"securitySchemes": {"XAuthToken": TOKEN_SCHEME}}
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = generate  # type: ignore[method-assign]
