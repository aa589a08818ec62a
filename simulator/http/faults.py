"""Every refusal leaves as Trove's fault body, ``{"<fault>": {"code": ..., "message": ...}}``.

The core's ``TroveError`` carries status and message; this module renders it, and turns what
only HTTP can get wrong (unknown routes, wrong methods, unreadable bodies, crashes) into the
same shape, so that no client ever sees a framework's own error format.
"""

from __future__ import annotations

import logging
import uuid

import orjson
from fastapi import FastAPI, Request
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import Match
from trovesim.simulator import TroveError

LOG = logging.getLogger("trovesim.http")

JSON = "application/json"
JSON_TYPE = JSON.encode()

NOT_FOUND = "The resource could not be found."
BAD_METHOD = "The method {method} is not allowed for this resource."


class JSONBody(Response):
    """An encoded JSON body and the two headers Starlette would derive for it, written directly:
    its header derivation took longer than the encoding."""

    media_type = JSON

    def __init__(self, body: bytes, status: int = 200) -> None:
        self.status_code = status
        self.background = None
        self.body = body
        self.raw_headers = [(b"content-length", b"%d" % len(body)), (b"content-type", JSON_TYPE)]


def json_response(payload: object, status: int = 200, headers: dict | None = None) -> Response:
    """JSON without the framework's encoder: the core already returns JSON-ready data, and
    orjson writes it in a fraction of the standard library's time."""
    if headers is None:
        return JSONBody(orjson.dumps(payload), status)
    return Response(orjson.dumps(payload), status, headers, media_type=JSON)


def empty_response(status: int = 200) -> Response:
    return Response(b"", status)


def fault_response(error: TroveError, headers: dict | None = None) -> Response:
    body = {error.fault: {"code": error.status, "message": error.message}}
    return json_response(body, error.status, headers)


async def _trove_error(request: Request, error: TroveError) -> Response:
    return fault_response(error)


async def _http_error(request: Request, error: StarletteHTTPException) -> Response:
    if error.status_code == 404:
        return fault_response(TroveError(404, NOT_FOUND))
    if error.status_code == 405:
        message = BAD_METHOD.format(method=request.method)
        return fault_response(TroveError(405, message), {"Allow": _allowed(request)})
    return fault_response(TroveError(error.status_code, str(error.detail)), error.headers)


def _allowed(request: Request) -> str:
    """Every method the path accepts (Starlette names only the first route that matched)."""
    methods: set[str] = set()
    for route in request.app.routes:
        match, _ = route.matches(request.scope)
        if match is Match.PARTIAL:
            methods |= route.methods
    return ", ".join(sorted(methods))


async def _crash(request: Request, error: Exception) -> Response:
    """Trove's wording for a server fault; the id ties the response to the logged traceback."""
    incident = uuid.uuid4()
    LOG.exception("unhandled error %s on %s %s", incident, request.method, request.url.path)
    message = (
        "Internal Server Error. Please keep this ID to help us figure out what went wrong: "
        f"({incident})."
    )
    return fault_response(TroveError(500, message))


def install(app: FastAPI) -> None:
    app.add_exception_handler(TroveError, _trove_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _crash)
