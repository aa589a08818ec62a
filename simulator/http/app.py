"""The ASGI application: Trove's v1.0 routes, a minimal Keystone v3 and the control API over one
simulator. ``create_app`` is what ``trovesim serve`` runs and what tests can mount directly.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from starlette.responses import Response
from starlette.routing import BaseRoute
from trovesim.simulator import Simulator

from . import control, docs_page, faults, keystone, openapi, routes_modules, routes_resources
from .bodies import MAX_BODY_BYTES
from .identity import Identities
from .plain_route import PlainRoute

DESCRIPTION = """\
OpenStack Trove's v1.0 module-management API, served by an in-memory simulator so that
python-troveclient, `trove` and `openstack` work against it unchanged.

Authenticate with the `X-Auth-Token` header (defaults: `admin-token` for project `admin` with
the admin role, `alice-token` for `tenant-a`, `bob-token` for `tenant-b`) or log in through
`POST /v3/auth/tokens`. The `{tenant_id}` in a URL must be the token's project.
Every refusal is Trove's fault body `{"<fault>": {"code": ..., "message": ...}}`.
"""


def create_app(
    simulator: Simulator, identities: Identities | None = None, max_body_bytes: int = MAX_BODY_BYTES
) -> FastAPI:
    app = FastAPI(
        title="trovesim: OpenStack Trove v1.0 (module management)",
        version="1.0",
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        openapi_tags=docs_page.TAGS,
        # Nothing here exports traces or metrics; without this, FastAPI asks OpenTelemetry
        # whether a provider is configured on every request.
        telemetry={"tracing": False, "metrics": False, "logs": False},
        # Routes render their own bodies and declare them in `responses`; this keeps FastAPI
        # from documenting an extra empty JSON body for routes that answer with none.
        default_response_class=Response,
    )
    app.state.simulator = simulator
    app.state.identities = identities or Identities.default()
    app.state.max_body_bytes = max_body_bytes
    faults.install(app)
    app.router.add_api_route(
        "/healthz",
        healthz,
        methods=["GET"],
        status_code=204,
        tags=["simulator control"],
        responses={204: {"description": "The server is up (no authentication, no work)."}},
        route_class_override=PlainRoute,
    )
    app.router.add_api_route(
        "/",
        versions,
        methods=["GET"],
        tags=["versions"],
        responses=VERSIONS,
        route_class_override=PlainRoute,
    )
    # The routers' routes go straight into the app's one table: an included router is matched
    # as a nested level, which cost a quarter of a module read's time.
    for router in (routes_modules.router, routes_resources.router, control.router, keystone.router):
        app.router.routes.extend(router.routes)
    openapi.install(app)
    docs_page.install(app)
    # A request tries the routes in order until one matches, and no two routes match the same
    # request: so Trove's reads go first, the cheaply rejected PlainRoutes before the others.
    app.router.routes.sort(key=_busiest_first)
    return app


def _busiest_first(route: BaseRoute) -> tuple[bool, bool]:
    return not isinstance(route, PlainRoute), getattr(route, "methods", None) != {"GET"}


VERSIONS = {
    200: {
        "description": "Trove's version document",
        "content": {
            "application/json": {"schema": openapi.listing("versions", {"type": "object"})}
        },
    }
}


async def versions(request: Request) -> Response:
    """Trove's root document: the one API version, v1.0."""
    root = str(request.base_url).rstrip("/")
    return faults.json_response(
        {
            "versions": [
                {
                    "id": "v1.0",
                    "status": "CURRENT",
                    "updated": "2012-08-01T00:00:00Z",
                    "links": [{"rel": "self", "href": f"{root}/v1.0/"}],
                }
            ]
        }
    )


async def healthz(request: Request) -> Response:
    """Does nothing: readiness probe, and the framework's ceiling in the benchmark."""
    return faults.empty_response(204)
