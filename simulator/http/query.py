"""A request's query parameters, read the way Starlette reads them, without its multi-dict in
the common case: a plain query (nothing percent-encoded, no ``+``) splits on ``&`` and the first
``=`` (a field without one is an empty value, the last of a repeated name wins), which is what
``parse_qsl(..., keep_blank_values=True)`` gives for it. Building Starlette's ``QueryParams``
cost as much as the simulator's whole module-instance-count; anything encoded still goes
through it.
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.requests import Request

NO_QUERY: Mapping[str, str] = {}


def query_values(request: Request) -> Mapping[str, str]:
    raw: bytes = request.scope["query_string"]
    if not raw:
        return NO_QUERY
    if b"%" in raw or b"+" in raw:
        return request.query_params
    return dict(field.partition("=")[::2] for field in raw.decode("latin-1").split("&") if field)
