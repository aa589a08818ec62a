"""The simulator's control API under ``/_sim/``: outside Trove's namespace, admin token only.

Reset the world, read and move the virtual clock, make guests fail or time out, make builds fail
or take time, read reapply runs' kept results, export the whole state. Bodies are checked
against the JSON schemas this module also publishes in the OpenAPI description.
"""

from __future__ import annotations

import datetime as _dt

from fastapi import APIRouter, Request
from starlette.responses import Response
from trovesim.simulator import TroveError
from trovesim.simulator.ops_control import (
    FAULT_KINDS,
    MAX_CONTROL_SECONDS,
    MAX_FAULT_MESSAGE,
    clock_view,
)

from . import openapi as doc
from .auth import operator
from .bodies import checked_object
from .faults import empty_response, json_response
from .routes_modules import simulator

router = APIRouter(prefix="/_sim", tags=["simulator control"], default_response_class=Response)

# The schemas give the bodies' shape; the limits on their values are the core's (ops_control).
SECONDS = {
    "type": "number",
    "description": f"0 to {MAX_CONTROL_SECONDS} seconds (10 years)",
}
CLOCK_MOVE = {
    "type": "object",
    "description": "Exactly one of: advance by seconds, set to a UTC time, run until idle.",
    "minProperties": 1,
    "maxProperties": 1,
    "additionalProperties": False,
    "properties": {
        "advance": SECONDS,
        "set": {"type": "string", "description": "ISO 8601, e.g. 2030-01-01T00:00:00"},
        "until_idle": {"const": True},
    },
}
GUEST_FAULT = {
    "type": "object",
    "required": ["kind"],
    "additionalProperties": False,
    "properties": {
        "kind": {"type": "string", "description": " or ".join(FAULT_KINDS)},
        "message": {
            "type": "string",
            "description": f"1 to {MAX_FAULT_MESSAGE} characters",
        },
    },
}
BUILD_FAILURES = {
    "type": "object",
    "required": ["count"],
    "additionalProperties": False,
    "properties": {"count": {"type": "integer", "description": "0 or more"}},
}
BUILD_DURATION = {
    "type": "object",
    "required": ["seconds"],
    "additionalProperties": False,
    "properties": {"seconds": SECONDS},
}
CLOCK = doc.envelope("clock", doc.obj({"kind": {"enum": ["real", "virtual"]}, "now": doc.STRING}))


def _utc(text: str) -> _dt.datetime:
    try:
        when = _dt.datetime.fromisoformat(text)
    except ValueError:
        raise TroveError(400, f"Validation error: set {text!r} is not an ISO 8601 time") from None
    if when.tzinfo is None:
        return when
    try:
        return when.astimezone(_dt.UTC).replace(tzinfo=None)
    except OverflowError:
        raise TroveError(400, f"Validation error: set {text!r} is outside the calendar") from None


def _clock_view(request: Request) -> Response:
    return json_response({"clock": clock_view(simulator(request).clock)})


@router.post("/reset", status_code=204, responses=doc.answers(204, None))
async def reset(request: Request) -> Response:
    """Forget every module, instance, cluster, guest and run; the clock and catalogue stay."""
    operator(request)
    simulator(request).reset()
    return empty_response(204)


@router.get("/clock", responses=doc.answers(200, CLOCK, description="The clock's kind and time"))
async def read_clock(request: Request) -> Response:
    operator(request)
    return _clock_view(request)


@router.post(
    "/clock",
    responses=doc.answers(200, CLOCK, 413, description="The clock after the move"),
    openapi_extra=doc.request_body(CLOCK_MOVE),
)
async def move_clock(request: Request) -> Response:
    """Move a virtual clock, running due builds and reapply batches on the way (400 if real)."""
    operator(request)
    move = await checked_object(request, CLOCK_MOVE)
    sim = simulator(request)
    if "advance" in move:
        sim.advance_clock(move["advance"])
    elif "set" in move:
        sim.set_clock(_utc(move["set"]))
    else:
        sim.run_until_idle()
    return _clock_view(request)


@router.post(
    "/instances/{instance_id}/fault",
    status_code=204,
    responses=doc.answers(204, None, 413),
    openapi_extra=doc.request_body(GUEST_FAULT),
)
async def inject_fault(request: Request) -> Response:
    """Every guest call on this instance fails (``error``: 400 guest error) or times out."""
    operator(request)
    instance_id = request.path_params["instance_id"]
    fault = await checked_object(request, GUEST_FAULT)
    simulator(request).inject_guest_fault(instance_id, **fault)
    return empty_response(204)


@router.delete("/instances/{instance_id}/fault", status_code=204, responses=doc.answers(204, None))
async def clear_fault(request: Request) -> Response:
    operator(request)
    instance_id = request.path_params["instance_id"]
    simulator(request).clear_guest_faults(instance_id)
    return empty_response(204)


@router.delete("/faults", status_code=204, responses=doc.answers(204, None))
async def clear_faults(request: Request) -> Response:
    operator(request)
    simulator(request).clear_guest_faults()
    return empty_response(204)


@router.post(
    "/builds/failures",
    status_code=204,
    responses=doc.answers(204, None, 413),
    openapi_extra=doc.request_body(BUILD_FAILURES),
)
async def fail_builds(request: Request) -> Response:
    """The next ``count`` instance builds end in ERROR (their guests never answer)."""
    operator(request)
    simulator(request).fail_next_builds((await checked_object(request, BUILD_FAILURES))["count"])
    return empty_response(204)


@router.put(
    "/builds/duration",
    status_code=204,
    responses=doc.answers(204, None, 413),
    openapi_extra=doc.request_body(BUILD_DURATION),
)
async def build_duration(request: Request) -> Response:
    """How long later instance builds take, in seconds of the simulator's clock."""
    operator(request)
    simulator(request).set_build_seconds((await checked_object(request, BUILD_DURATION))["seconds"])
    return empty_response(204)


@router.get(
    "/modules/{module_id}/reapply-runs",
    responses=doc.answers(200, doc.listing("runs", {"type": "object"})),
)
async def reapply_runs(request: Request) -> Response:
    """What each reapply of the module did: applied, skipped, failed, pending."""
    ctx, module_id = operator(request), request.path_params["module_id"]
    return json_response({"runs": simulator(request).reapply_runs(ctx, module_id)})


@router.get("/state", responses=doc.answers(200, {"type": "object"}))
async def export_state(request: Request) -> Response:
    """The whole world as JSON: modules, instances, clusters, records, guests, runs."""
    operator(request)
    return json_response(simulator(request).export_state())
