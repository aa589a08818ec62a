"""Reading a request body: size limit first, then JSON, then "is it an object".

Whether the object holds the right keys and values is the core's schemas' business; this layer
only guarantees that the service receives a ``dict`` and that no body can exhaust memory.
"""

from __future__ import annotations

import json

import jsonschema
from starlette.requests import Request
from trovesim.simulator import TroveError

MAX_BODY_BYTES = 1024 * 1024
"""Largest accepted request body (1 MiB): a module's contents travel base64-encoded inside it."""


def too_large(limit: int) -> TroveError:
    return TroveError(413, f"Request is too large: the body exceeds {limit} bytes.")


def malformed(reason: str) -> TroveError:
    return TroveError(400, f"Malformed message body: {reason}")


JSON_TYPES = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
}


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not valid JSON")


async def raw_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it is known to exceed ``limit``."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


async def json_object(request: Request) -> dict:
    """The body as a JSON object, or Trove's 400 ``Malformed message body``."""
    raw = await raw_body(request, request.app.state.max_body_bytes)
    if not raw.strip():
        raise malformed("the request has no body; a JSON object is required")
    try:
        data = json.loads(raw, parse_constant=_refuse_constant)
    except UnicodeDecodeError:
        raise malformed("the body is not UTF-8 text") from None
    except RecursionError:
        raise malformed("the JSON is nested too deeply") from None
    except ValueError as problem:
        raise malformed(str(problem)) from None
    if not isinstance(data, dict):
        raise malformed(f"a JSON object is required, not {JSON_TYPES.get(type(data), 'null')}")
    return data


async def checked_object(request: Request, schema: dict) -> dict:
    """A body for a route of this layer's own (control, Keystone), checked against the JSON
    schema that the OpenAPI description publishes for it."""
    body = await json_object(request)
    validator = jsonschema.Draft202012Validator(schema)
    problems = sorted(validator.iter_errors(body), key=lambda e: [str(p) for p in e.path])
    if problems:
        rendered = [" ".join(map(str, [*e.path, e.message])) for e in problems]
        raise TroveError(400, "Validation error: " + "; ".join(rendered))
    return body
