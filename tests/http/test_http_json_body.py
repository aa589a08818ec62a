"""The simulator's JSON responses carry exactly the headers Starlette would give them."""

from __future__ import annotations

import orjson
import pytest
from starlette.responses import Response
from trovesim.simulator.http.faults import json_response


@pytest.mark.parametrize(
    ("payload", "status"), [({"module": {"id": "m"}}, 200), ({"badRequest": {"code": 400}}, 400)]
)
def test_a_json_response_is_starlettes_for_the_same_body(payload, status):
    ours = json_response(payload, status)
    theirs = Response(orjson.dumps(payload), status, media_type="application/json")
    assert (ours.status_code, ours.body, ours.raw_headers) == (
        theirs.status_code,
        theirs.body,
        theirs.raw_headers,
    )
    assert ours.headers["content-type"] == "application/json"
