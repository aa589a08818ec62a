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
from starlette.routing import Match, request_response
from starlette.types import Scope


class PlainRoute(APIRoute):
    def __init__(self, path: str, endpoint: Any, **kwargs: Any) -> None:
        super().__init__(path, endpoint, **kwargs)
        self.app = request_response(endpoint)
        # Every parameter is a whole segment of the ``str`` kind, which never holds a "/": a
        # path matches when it has as many segments, the same literal ones, and no empty
        # parameter. Segment compares instead of Starlette's regex and convertors.
        segments = self.path.split("/")
        self._size = len(segments)
        self._head = self.path.split("{", 1)[0]
        self._literals = [(i, s) for i, s in enumerate(segments) if not s.startswith("{")]
        self._params = [(i, s[1:-1]) for i, s in enumerate(segments) if s.startswith("{")]
        odd = [s for _, s in self._literals if "{" in s or "}" in s]
        if odd or any(":" in name or "{" in name or "}" in name for _, name in self._params):
            raise ValueError(f"{path}: only whole-segment str parameters are supported")

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        """Starlette's path match for whole-segment parameters (a request tries every route
        before its own, so a path of another shape is rejected first, by two string checks).
        FastAPI's adds a look-up for routes of included routers, which this app does not have.
        The app is never mounted under a root path."""
        path: str = scope["path"]
        if not path.startswith(self._head):
            return Match.NONE, {}
        segments = path.split("/")
        if len(segments) != self._size:
            return Match.NONE, {}
        for index, literal in self._literals:
            if segments[index] != literal:
                return Match.NONE, {}
        params = {name: segments[index] for index, name in self._params}
        if "" in params.values():
            return Match.NONE, {}
        if "path_params" in scope:
            params = {**scope["path_params"], **params}
        child_scope = {"endpoint": self.endpoint, "path_params": params, "route": self}
        if self.methods and scope["method"] not in self.methods:
            return Match.PARTIAL, child_scope
        return Match.FULL, child_scope
