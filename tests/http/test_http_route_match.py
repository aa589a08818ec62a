"""The Trove routes' own path match decides exactly as Starlette's regex match would: same
verdict, same parameters, for paths made from the routes' templates and bent out of shape."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.routing import Match, Route
from trovesim.simulator import Simulator
from trovesim.simulator.http.app import create_app
from trovesim.simulator.http.plain_route import PlainRoute

APP = create_app(Simulator())
ROUTES = [route for route in APP.router.routes if isinstance(route, PlainRoute)]
SEGMENT = st.sampled_from(["", "admin", "modules", "instances", "v1.0", "x y", "ü", "a.b", "%2F"])


def filled(template: str, values: list[str]) -> str:
    """The template with each ``{name}`` replaced by the next value."""
    parts = template.split("/")
    values = iter(values)
    return "/".join(next(values, "id") if p.startswith("{") else p for p in parts)


@st.composite
def paths(draw: st.DrawFn) -> str:
    template = draw(st.sampled_from([route.path for route in ROUTES]))
    path = filled(template, draw(st.lists(SEGMENT | st.text(min_size=1, max_size=4), max_size=4)))
    cut = draw(st.sampled_from(["keep", "trailing slash", "extra segment", "drop last"]))
    if cut == "trailing slash":
        path += "/"
    elif cut == "extra segment":
        path += "/" + draw(SEGMENT)
    elif cut == "drop last":
        path = path.rsplit("/", 1)[0]
    return path


@given(path=paths(), method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH"]))
def test_every_route_matches_as_starlette_would(path: str, method: str) -> None:
    scope = {"type": "http", "path": path, "method": method, "root_path": ""}
    for route in ROUTES:
        ours, our_scope = route.matches(dict(scope))
        theirs, their_scope = Route.matches(route, dict(scope))
        assert ours == theirs, (route.path, path)
        if theirs is not Match.NONE:
            assert our_scope["path_params"] == their_scope["path_params"]
            assert our_scope["route"] is route


def test_a_path_matches_its_own_route_with_its_parameters() -> None:
    show = next(r for r in ROUTES if r.path == "/v1.0/{tenant_id}/modules/{module_id}")
    match, scope = show.matches({"type": "http", "path": "/v1.0/t1/modules/m 1", "method": "GET"})
    assert match is Match.FULL
    assert scope["path_params"] == {"tenant_id": "t1", "module_id": "m 1"}
    match, _ = show.matches({"type": "http", "path": "/v1.0/t1/modules/m1", "method": "POST"})
    assert match is Match.PARTIAL


@pytest.mark.parametrize("template", ["/a/{id:int}", "/a/x{id}", "/a/{id}.json"])
def test_a_template_the_match_cannot_decide_is_refused(template: str) -> None:
    async def endpoint(request):  # pragma: no cover - never called
        raise AssertionError

    with pytest.raises(ValueError, match="only whole-segment str parameters"):
        PlainRoute(template, endpoint, methods=["GET"])
