"""``/docs``: Swagger UI 5 (it renders OpenAPI 3.1, which FastAPI writes) from the assets the
``fastapi-offline`` package ships, so the page works where no CDN can be reached (air-gapped
labs, CI). The tag order puts Trove's routes
first and the simulator's own (Keystone, ``/_sim/``) after them."""

from __future__ import annotations

from importlib.resources import files

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

ASSETS = "/docs/assets"
ASSET_DIR = files("fastapi_offline") / "static"

TAGS = [
    {
        "name": "modules",
        "description": "Trove's module routes: create, list, show, update, "
        "delete, the instances a module is on, their count per md5, reapply.",
    },
    {
        "name": "instance modules",
        "description": "The modules on one instance: query, apply, remove.",
    },
    {"name": "instances", "description": "Instance create (with modules), list, show, delete."},
    {"name": "clusters", "description": "Cluster create (modules per member), list, show, delete."},
    {"name": "catalogue", "description": "Flavors, datastores and their versions."},
    {"name": "versions", "description": "Trove's version document."},
    {
        "name": "identity (Keystone v3, minimal)",
        "description": "Enough Keystone for the CLIs to log in (not part of Trove).",
    },
    {
        "name": "simulator control",
        "description": "The simulator's own API under /_sim/ "
        "(admin token) and the health probe (not part of Trove).",
    },
]
"""Every tag the routes use, in the order the docs page lists them."""


async def docs(request: Request) -> HTMLResponse:
    app = request.app
    return get_swagger_ui_html(
        openapi_url=app.openapi_url,
        title=f"{app.title}: docs",
        swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
        swagger_css_url=f"{ASSETS}/swagger-ui.css",
        swagger_favicon_url=f"{ASSETS}/favicon.png",
    )


def install(app: FastAPI) -> None:
    """Serve the page and its assets; call after every route is in the table."""
    app.add_api_route("/docs", docs, methods=["GET"], include_in_schema=False)
    app.mount(ASSETS, StaticFiles(directory=str(ASSET_DIR)), name="docs-assets")
