"""The Trove routes around modules: instances, clusters, flavors, datastores and versions.

Only what the clients use in a module session is served (instance and cluster create, list,
show, delete; catalogue reads). Status codes are upstream's: create 200, delete 202.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from . import openapi as doc
from .auth import caller
from .bodies import json_object
from .faults import empty_response, json_response
from .plain_route import PlainRoute
from .query import query_values
from .routes_modules import simulator, upstream_true

router = APIRouter(
    prefix="/v1.0/{tenant_id}", default_response_class=Response, route_class=PlainRoute
)


@router.post(
    "/instances",
    summary="create (with modules)",
    tags=["instances"],
    responses=doc.answers(200, doc.envelope("instance", doc.INSTANCE_DETAIL), 413),
    openapi_extra=doc.core_body("instance_create"),
)
async def create_instance(request: Request) -> Response:
    ctx, body = caller(request), await json_object(request)
    return json_response({"instance": simulator(request).create_instance(ctx, body)})


@router.get(
    "/instances",
    summary="list",
    tags=["instances"],
    responses=doc.answers(200, doc.listing("instances", doc.INSTANCE)),
    openapi_extra=doc.query(include_clustered="`true` (any case) lists cluster members too"),
)
async def list_instances(request: Request) -> Response:
    ctx = caller(request)
    clustered = upstream_true(query_values(request).get("include_clustered"))
    return json_response({"instances": simulator(request).list_instances(ctx, clustered)})


@router.get(
    "/instances/{instance_id}",
    summary="show",
    tags=["instances"],
    responses=doc.answers(200, doc.envelope("instance", doc.INSTANCE_DETAIL)),
)
async def show_instance(request: Request) -> Response:
    ctx, instance_id = caller(request), request.path_params["instance_id"]
    return json_response({"instance": simulator(request).show_instance(ctx, instance_id)})


@router.delete(
    "/instances/{instance_id}",
    summary="delete",
    tags=["instances"],
    status_code=202,
    responses=doc.answers(202, None, 422, 501, description="Accepted; empty body."),
)
async def delete_instance(request: Request) -> Response:
    ctx, instance_id = caller(request), request.path_params["instance_id"]
    simulator(request).delete_instance(ctx, instance_id)
    return empty_response(202)


@router.post(
    "/clusters",
    summary="cluster-create (modules per instance)",
    tags=["clusters"],
    responses=doc.answers(200, doc.envelope("cluster", doc.CLUSTER), 413),
    openapi_extra=doc.core_body("cluster_create"),
)
async def create_cluster(request: Request) -> Response:
    ctx, body = caller(request), await json_object(request)
    return json_response({"cluster": simulator(request).create_cluster(ctx, body)})


@router.get(
    "/clusters",
    summary="cluster-list",
    tags=["clusters"],
    responses=doc.answers(200, doc.listing("clusters", doc.CLUSTER)),
)
async def list_clusters(request: Request) -> Response:
    ctx = caller(request)
    return json_response({"clusters": simulator(request).list_clusters(ctx)})


@router.get(
    "/clusters/{cluster_id}",
    summary="cluster-show",
    tags=["clusters"],
    responses=doc.answers(200, doc.envelope("cluster", doc.CLUSTER)),
)
async def show_cluster(request: Request) -> Response:
    ctx, cluster_id = caller(request), request.path_params["cluster_id"]
    return json_response({"cluster": simulator(request).show_cluster(ctx, cluster_id)})


@router.delete(
    "/clusters/{cluster_id}",
    summary="cluster-delete",
    tags=["clusters"],
    status_code=202,
    responses=doc.answers(202, None, description="Accepted; empty body."),
)
async def delete_cluster(request: Request) -> Response:
    ctx, cluster_id = caller(request), request.path_params["cluster_id"]
    simulator(request).delete_cluster(ctx, cluster_id)
    return empty_response(202)


@router.get(
    "/flavors",
    summary="flavor-list",
    tags=["catalogue"],
    responses=doc.answers(200, doc.listing("flavors", doc.FLAVOR)),
)
async def list_flavors(request: Request) -> Response:
    ctx = caller(request)
    return json_response({"flavors": simulator(request).list_flavors(ctx)})


@router.get(
    "/flavors/{flavor_id}",
    summary="flavor-show",
    tags=["catalogue"],
    responses=doc.answers(200, doc.envelope("flavor", doc.FLAVOR)),
)
async def show_flavor(request: Request) -> Response:
    ctx, flavor_id = caller(request), request.path_params["flavor_id"]
    return json_response({"flavor": simulator(request).show_flavor(ctx, flavor_id)})


@router.get(
    "/datastores",
    summary="datastore-list",
    tags=["catalogue"],
    responses=doc.answers(200, doc.listing("datastores", doc.DATASTORE)),
)
async def list_datastores(request: Request) -> Response:
    ctx = caller(request)
    return json_response({"datastores": simulator(request).list_datastores(ctx)})


@router.get(
    "/datastores/{datastore}",
    summary="datastore-show (by id or name)",
    tags=["catalogue"],
    responses=doc.answers(200, doc.envelope("datastore", doc.DATASTORE)),
)
async def show_datastore(request: Request) -> Response:
    ctx, datastore = caller(request), request.path_params["datastore"]
    return json_response({"datastore": simulator(request).show_datastore(ctx, datastore)})


@router.get(
    "/datastores/{datastore}/versions",
    summary="datastore-version-list",
    tags=["catalogue"],
    responses=doc.answers(200, doc.listing("versions", doc.VERSION)),
)
async def list_versions(request: Request) -> Response:
    ctx, datastore = caller(request), request.path_params["datastore"]
    versions = simulator(request).list_datastore_versions(ctx, datastore)
    return json_response({"versions": versions})


@router.get(
    "/datastores/{datastore}/versions/{version}",
    summary="datastore-version-show (by id or name)",
    tags=["catalogue"],
    responses=doc.answers(200, doc.envelope("version", doc.VERSION)),
)
async def show_version(request: Request) -> Response:
    ctx, datastore = caller(request), request.path_params["datastore"]
    version = request.path_params["version"]
    found = simulator(request).show_datastore_version(ctx, datastore, version)
    return json_response({"version": found})
