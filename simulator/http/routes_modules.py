"""Trove's module routes (M1-M7) and the modules on an instance (I1-I3).

Each route parses, calls exactly one simulator method, and renders. Flags follow upstream's
parsing: ``count_only``/``include_clustered`` are true only for ``true`` (any case), as Trove's
``.lower() == 'true'``; ``include_contents`` for true/1/yes (docs/differences.md #18).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response
from trovesim.simulator import Simulator

from . import openapi as doc
from .auth import caller
from .bodies import json_object
from .faults import empty_response, json_response
from .plain_route import PlainRoute
from .query import query_values

# No router-wide tag: a route's tags add to its router's, and the instance-module routes would
# be listed under both "modules" and "instance modules" on the docs page.
router = APIRouter(
    prefix="/v1.0/{tenant_id}", default_response_class=Response, route_class=PlainRoute
)


def simulator(request: Request) -> Simulator:
    return request.app.state.simulator


def upstream_true(value: str | None) -> bool:
    """Trove's module-instances flags: ``req.GET.get(name, '').lower() == 'true'``."""
    return value is not None and value.lower() == "true"


def guest_true(value: str | None) -> bool:
    """module-query flags, fixed (docs/differences.md #18): true, 1 or yes in any case."""
    return value is not None and value.lower() in ("true", "1", "yes")


@router.get(
    "/modules",
    summary="module-list",
    tags=["modules"],
    responses=doc.answers(200, doc.listing("modules", doc.MODULE)),
    openapi_extra=doc.query(datastore="`all`: modules for every datastore; else an id or name"),
)
async def list_modules(request: Request) -> Response:
    datastore = query_values(request).get("datastore")
    return json_response({"modules": simulator(request).list_modules(caller(request), datastore)})


@router.post(
    "/modules",
    summary="module-create",
    tags=["modules"],
    responses=doc.answers(200, doc.envelope("module", doc.MODULE_DETAIL), 413),
    openapi_extra=doc.core_body("module_create"),
)
async def create_module(request: Request) -> Response:
    ctx, body = caller(request), await json_object(request)
    return json_response({"module": simulator(request).create_module(ctx, body)})


@router.get(
    "/modules/{module_id}",
    summary="module-show",
    tags=["modules"],
    responses=doc.answers(200, doc.envelope("module", doc.MODULE_SHOWN)),
)
async def show_module(request: Request) -> Response:
    module_id = request.path_params["module_id"]
    return json_response({"module": simulator(request).show_module(caller(request), module_id)})


@router.put(
    "/modules/{module_id}",
    summary="module-update",
    tags=["modules"],
    responses=doc.answers(200, doc.envelope("module", doc.MODULE_DETAIL), 413),
    openapi_extra=doc.core_body("module_update"),
)
async def update_module(request: Request) -> Response:
    ctx, body = caller(request), await json_object(request)
    module_id = request.path_params["module_id"]
    return json_response({"module": simulator(request).update_module(ctx, module_id, body)})


@router.delete(
    "/modules/{module_id}",
    summary="module-delete",
    tags=["modules"],
    responses=doc.answers(200, None, description="Deleted; empty body."),
)
async def delete_module(request: Request) -> Response:
    simulator(request).delete_module(caller(request), request.path_params["module_id"])
    return empty_response(200)


@router.get(
    "/modules/{module_id}/instances",
    summary="module-instances, or module-instance-count with count_only=true",
    tags=["modules"],
    responses=doc.answers(
        200,
        {
            "anyOf": [
                doc.listing("instances", doc.INSTANCE, paged=True),
                doc.listing("instances", doc.INSTANCE_COUNT),
            ]
        },
        description="Instances with the module applied (a page), or one count row per md5.",
    ),
    openapi_extra=doc.query(
        count_only="`true` (any case): one count row per md5 instead of instances",
        include_clustered="`true` (any case): count cluster members too",
        limit="page size, 1..20",
        marker="last instance id of the previous page",
    ),
)
async def module_instances(request: Request) -> Response:
    ctx, sim, query = caller(request), simulator(request), query_values(request)
    module_id = request.path_params["module_id"]
    clustered = upstream_true(query.get("include_clustered"))
    if upstream_true(query.get("count_only")):
        rows = sim.module_instance_count(ctx, module_id, include_clustered=clustered)
        return json_response({"instances": rows})
    items, next_marker = sim.module_instances(
        ctx, module_id, clustered, limit=query.get("limit"), marker=query.get("marker")
    )
    page: dict = {"instances": items}
    if next_marker is not None:
        href = str(request.url.include_query_params(marker=next_marker))
        page["links"] = [{"rel": "next", "href": href}]
    return json_response(page)


@router.put(
    "/modules/{module_id}/instances",
    summary="module-reapply",
    tags=["modules"],
    status_code=202,
    responses=doc.answers(202, None, 413, description="Accepted; batches run on the clock."),
    openapi_extra=doc.core_body("module_reapply"),
)
async def reapply_module(request: Request) -> Response:
    ctx, body = caller(request), await json_object(request)
    simulator(request).reapply_module(ctx, request.path_params["module_id"], body)
    return empty_response(202)


@router.get(
    "/instances/{instance_id}/modules",
    summary="module-query / module-retrieve / module-list-instance",
    tags=["instance modules"],
    responses=doc.answers(200, doc.listing("modules", doc.GUEST_RESULT)),
    openapi_extra=doc.query(
        from_guest="accepted and ignored: upstream answers from the guest either way",
        include_contents="true, 1 or yes (any case): add each module's base64 contents",
    ),
)
async def instance_modules(request: Request) -> Response:
    contents = guest_true(query_values(request).get("include_contents"))
    modules = simulator(request).instance_modules(
        caller(request), request.path_params["instance_id"], include_contents=contents
    )
    return json_response({"modules": modules})


@router.post(
    "/instances/{instance_id}/modules",
    summary="module-apply",
    tags=["instance modules"],
    responses=doc.answers(200, doc.listing("modules", doc.GUEST_RESULT), 413),
    openapi_extra=doc.core_body("module_apply"),
)
async def apply_modules(request: Request) -> Response:
    ctx, body = caller(request), await json_object(request)
    instance_id = request.path_params["instance_id"]
    return json_response({"modules": simulator(request).apply_modules(ctx, instance_id, body)})


@router.delete(
    "/instances/{instance_id}/modules/{module_id}",
    summary="module-remove",
    tags=["instance modules"],
    responses=doc.answers(200, None, description="Removed; empty body."),
)
async def remove_module(request: Request) -> Response:
    params = request.path_params
    simulator(request).remove_module(caller(request), params["instance_id"], params["module_id"])
    return empty_response(200)
