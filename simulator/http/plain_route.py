"""The route class of every Trove, Keystone and health route: FastAPI's for the OpenAPI
document, Starlette's plain request handling for the request itself.

Each endpoint is ``async def endpoint(request) -> Response`` and reads its token, parameters and
body from the request (``auth``, ``bodies``), so FastAPI's per-request work (solving an empty set
of dependencies inside two exit stacks) buys nothing here and cost a third of a module read.
Exceptions still reach the app's handlers (``faults``) through Starlette's wrapper.
"""

from __future__ import annotations

from typing import Any

from fastapi.routing import APIRoute
from starlette.routing import Match, Route, request_response
from starlette.types import Scope


class PlainRoute(APIRoute):
    def __init__(self, path: str, endpoint: Any, **kwargs: Any) -> None:
        super().__init__(path, endpoint, **kwargs)
        self.app = request_response(endpoint)
        # Path parameters never hold a "/", so a path with another number of them, or with
        # another literal start, cannot match: two string checks instead of a regex match.
        self._slashes = self.path.count("/")
        self._head = self.path.split("{", 1)[0]

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        """Starlette's path match, after a cheap rejection of paths of another shape (a request
        tries every route before its own). FastAPI's adds a look-up for routes of included
        routers, which this app does not have. The app is never mounted under a root path."""
        path = scope["path"]
        if path.count("/") != self._slashes or not path.startswith(self._head):
            return Match.NONE, {}
        match, child_scope = Route.matches(self, scope)
        if match is not Match.NONE:
            child_scope["route"] = self
        return match, child_scope
