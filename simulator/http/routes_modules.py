"""Trove's module routes (M1-M7) and the modules on an instance (I1-I3).

Each route parses, calls exactly one simulator method, and renders. Flags follow upstream's
parsing: ``count_only``/``include_clustered`` are true only for ``true`` (any case), as Trove's
``.lower() == 'true'``; ``include_contents`` for true/1/yes (DECISIONS 18).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import Response

from simulator import Context, Simulator

from . import openapi as doc
from .auth import caller
from .bodies import json_object
from .faults import empty_response, json_response

Caller = Annotated[Context, Depends(caller)]
Flag = Annotated[str | None, Query()]

router = APIRouter(prefix="/v1.0/{tenant_id}", tags=["modules"])


def simulator(request: Request) -> Simulator:
    return request.app.state.simulator


def upstream_true(value: str | None) -> bool:
    """Trove's module-instances flags: ``req.GET.get(name, '').lower() == 'true'``."""
    return value is not None and value.lower() == "true"


def guest_true(value: str | None) -> bool:
    """module-query flags, fixed (DECISIONS 18): true, 1 or yes in any case."""
    return value is not None and value.lower() in ("true", "1", "yes")


@router.get(
    "/modules",
    summary="module-list",
    responses=doc.answers(200, doc.listing("modules", doc.MODULE)),
)
async def list_modules(
    request: Request,
    ctx: Caller,
    datastore: Annotated[
        str | None, Query(description="`all`: modules for every datastore; else id or name")
    ] = None,
) -> Response:
    return json_response({"modules": simulator(request).list_modules(ctx, datastore)})


@router.post(
    "/modules",
    summary="module-create",
    responses=doc.answers(200, doc.envelope("module", doc.MODULE_DETAIL), 413),
    openapi_extra=doc.core_body("module_create"),
)
async def create_module(request: Request, ctx: Caller) -> Response:
    body = await json_object(request)
    return json_response({"module": simulator(request).create_module(ctx, body)})


@router.get(
    "/modules/{module_id}",
    summary="module-show",
    responses=doc.answers(200, doc.envelope("module", doc.MODULE_SHOWN)),
)
async def show_module(request: Request, ctx: Caller, module_id: str) -> Response:
    return json_response({"module": simulator(request).show_module(ctx, module_id)})


@router.put(
    "/modules/{module_id}",
    summary="module-update",
    responses=doc.answers(200, doc.envelope("module", doc.MODULE_DETAIL), 413),
    openapi_extra=doc.core_body("module_update"),
)
async def update_module(request: Request, ctx: Caller, module_id: str) -> Response:
    body = await json_object(request)
    return json_response({"module": simulator(request).update_module(ctx, module_id, body)})


@router.delete(
    "/modules/{module_id}",
    summary="module-delete",
    responses=doc.answers(200, None, description="Deleted; empty body."),
)
async def delete_module(request: Request, ctx: Caller, module_id: str) -> Response:
    simulator(request).delete_module(ctx, module_id)
    return empty_response(200)


@router.get(
    "/modules/{module_id}/instances",
    summary="module-instances, or module-instance-count with count_only=true",
    responses=doc.answers(
        200,
        {
            "oneOf": [
                doc.listing("instances", doc.INSTANCE, paged=True),
                doc.listing("instances", doc.INSTANCE_COUNT),
            ]
        },
        description="Instances with the module applied (a page), or one count row per md5.",
    ),
)
async def module_instances(
    request: Request,
    ctx: Caller,
    module_id: str,
    count_only: Flag = None,
    include_clustered: Flag = None,
    limit: Annotated[str | None, Query(description="page size, 1..20")] = None,
    marker: Annotated[str | None, Query(description="last id on the previous page")] = None,
) -> Response:
    sim = simulator(request)
    clustered = upstream_true(include_clustered)
    if upstream_true(count_only):
        rows = sim.module_instance_count(ctx, module_id, include_clustered=clustered)
        return json_response({"instances": rows})
    items, next_marker = sim.module_instances(
        ctx, module_id, include_clustered=clustered, limit=limit, marker=marker
    )
    page: dict = {"instances": items}
    if next_marker is not None:
        href = str(request.url.include_query_params(marker=next_marker))
        page["links"] = [{"rel": "next", "href": href}]
    return json_response(page)


@router.put(
    "/modules/{module_id}/instances",
    summary="module-reapply",
    status_code=202,
    responses=doc.answers(202, None, 413, description="Accepted; batches run on the clock."),
    openapi_extra=doc.core_body("module_reapply"),
)
async def reapply_module(request: Request, ctx: Caller, module_id: str) -> Response:
    body = await json_object(request)
    simulator(request).reapply_module(ctx, module_id, body)
    return empty_response(202)


@router.get(
    "/instances/{instance_id}/modules",
    summary="module-query / module-retrieve / module-list-instance",
    tags=["instance modules"],
    responses=doc.answers(200, doc.listing("modules", doc.GUEST_RESULT)),
)
async def instance_modules(
    request: Request,
    ctx: Caller,
    instance_id: str,
    from_guest: Annotated[
        str | None, Query(description="accepted; upstream answers from the guest either way")
    ] = None,
    include_contents: Annotated[
        str | None, Query(description="true, 1 or yes (any case): add base64 contents")
    ] = None,
) -> Response:
    modules = simulator(request).instance_modules(
        ctx, instance_id, include_contents=guest_true(include_contents)
    )
    return json_response({"modules": modules})


@router.post(
    "/instances/{instance_id}/modules",
    summary="module-apply",
    tags=["instance modules"],
    responses=doc.answers(200, doc.listing("modules", doc.GUEST_RESULT), 413),
    openapi_extra=doc.core_body("module_apply"),
)
async def apply_modules(request: Request, ctx: Caller, instance_id: str) -> Response:
    body = await json_object(request)
    return json_response({"modules": simulator(request).apply_modules(ctx, instance_id, body)})


@router.delete(
    "/instances/{instance_id}/modules/{module_id}",
    summary="module-remove",
    tags=["instance modules"],
    responses=doc.answers(200, None, description="Removed; empty body."),
)
async def remove_module(
    request: Request, ctx: Caller, instance_id: str, module_id: str
) -> Response:
    simulator(request).remove_module(ctx, instance_id, module_id)
    return empty_response(200)
