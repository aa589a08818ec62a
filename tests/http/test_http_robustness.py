"""Inputs only HTTP can get wrong: unreadable, oversized or mistyped bodies, unknown routes and
methods. Each is refused with Trove's fault body, never a 500, and leaves the world unchanged.
"""

from __future__ import annotations

import asyncio
import base64

import httpx
import pytest
from trovesim.simulator import Simulator
from trovesim.simulator.http import create_app

ALICE = {"X-Auth-Token": "alice-token"}
GOOD_MODULE = {
    "module": {"name": "m", "module_type": "ping", "contents": base64.b64encode(b"x=1").decode()}
}


def fault_of(answer: httpx.Response, status: int) -> str:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    (fault,) = body.values()
    assert fault["code"] == status
    return fault["message"]


@pytest.fixture
def modules_url(world) -> str:
    return f"{world.endpoint('tenant-a')}/modules"


@pytest.fixture(autouse=True)
def nothing_changes(world):
    """Every refusal here must leave the world as it was: no live module, no instance."""
    yield
    state = world.control("GET", "/state").json()
    assert [m for m in state["modules"] if not m["deleted"]] == []
    assert state["instances"] == []


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b'{"module": ', "Expecting value"),
        (b"", "the request has no body; a JSON object is required"),
        (b"[1, 2]", "a JSON object is required, not an array"),
        (b'"module"', "a JSON object is required, not a string"),
        (b"null", "a JSON object is required, not null"),
        (b'{"module": NaN}', "NaN is not valid JSON"),
        (b'{"module": "\xc3\x28"}', "the body is not UTF-8 text"),
        (b"[" * 100_000 + b"]" * 100_000, "the JSON is nested too deeply"),
    ],
)
def test_unreadable_bodies_are_malformed(modules_url, raw, reason):
    answer = httpx.post(modules_url, content=raw, headers=ALICE)
    message = fault_of(answer, 400)
    assert message.startswith("Malformed message body: ")
    assert reason in message
    assert answer.json()["badRequest"]["message"] == message


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "'module' is a required property"),
        ({"modules": {}}, "'module' is a required property"),
        (
            {"module": {**GOOD_MODULE["module"], "auto_apply": True}},
            "module['auto_apply'] True is not of type 'integer'",
        ),
        (
            {"module": {**GOOD_MODULE["module"], "name": ""}},
            "module['name'] '' should be non-empty; "
            "module['name'] '' does not match '^.*[0-9a-zA-Z]+.*$'",
        ),
        (
            {"module": {"name": "m"}},
            "module 'module_type' is a required property; module 'contents' is a required property",
        ),
    ],
)
def test_wrong_shapes_are_refused_by_the_schema(modules_url, body, message):
    answer = httpx.post(modules_url, json=body, headers=ALICE)
    assert fault_of(answer, 400) == f"Validation error: {message}"


def test_body_over_the_limit_is_413_whether_declared_or_streamed(modules_url):
    big = b'{"module": {"name": "m", "contents": "' + b"A" * (1024 * 1024) + b'"}}'
    declared = httpx.post(modules_url, content=big, headers=ALICE)
    assert fault_of(declared, 413) == "Request is too large: the body exceeds 1048576 bytes."
    assert "overLimit" in declared.json()

    def chunks():
        for start in range(0, len(big), 65536):
            yield big[start : start + 65536]

    streamed = httpx.post(modules_url, content=chunks(), headers=ALICE)
    assert "transfer-encoding" in streamed.request.headers
    assert fault_of(streamed, 413) == "Request is too large: the body exceeds 1048576 bytes."


def test_body_at_the_limit_reaches_the_service(modules_url):
    contents = "A" * (1024 * 1024 - 200)
    body = {"module": {"name": "m", "module_type": "nope", "contents": contents}}
    answer = httpx.post(modules_url, json=body, headers=ALICE)
    assert fault_of(answer, 404) == "Module type 'nope' was not found."


@pytest.mark.parametrize(
    "path",
    ["/nothing", "/v1.0", "/v1.0/tenant-a/backups", "/v1.0/tenant-a/modules/x/y/z", "/v2.0/x"],
)
def test_unknown_routes_are_item_not_found(world, path):
    answer = httpx.get(f"{world.url}{path}", headers=ALICE)
    assert fault_of(answer, 404) == "The resource could not be found."
    assert "itemNotFound" in answer.json()


def test_wrong_methods_are_refused_with_the_allowed_ones(modules_url):
    answer = httpx.patch(modules_url, json=GOOD_MODULE, headers=ALICE)
    assert fault_of(answer, 405) == "The method PATCH is not allowed for this resource."
    assert "badMethod" in answer.json()
    assert answer.headers["allow"] == "GET, POST"
    answer = httpx.post(f"{modules_url}/some-id", json=GOOD_MODULE, headers=ALICE)
    assert answer.headers["allow"] == "DELETE, GET, PUT"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("PUT", "/modules/x/instances", {"reapply": {"batch_size": "ten"}}),
        ("PUT", "/modules/x/instances", {}),
        ("POST", "/instances/x/modules", {"modules": [{}]}),
        ("POST", "/instances/x/modules", {"modules": "all"}),
        ("POST", "/instances", {"instance": {"name": "i", "flavorRef": "15", "volume": {}}}),
        ("POST", "/clusters", {"cluster": {"name": "c", "instances": []}}),
    ],
)
def test_other_bodies_are_validated_before_anything_is_looked_up(world, method, path, body):
    answer = httpx.request(method, f"{world.endpoint('tenant-a')}{path}", json=body, headers=ALICE)
    assert fault_of(answer, 400).startswith("Validation error: ")


def test_bad_limit_is_refused(world):
    created = httpx.post(f"{world.endpoint('tenant-a')}/modules", json=GOOD_MODULE, headers=ALICE)
    module_id = created.json()["module"]["id"]
    answer = httpx.get(
        f"{world.endpoint('tenant-a')}/modules/{module_id}/instances?limit=-3", headers=ALICE
    )
    assert fault_of(answer, 400) == "Validation error: limit '-3' is not a positive integer"
    httpx.delete(f"{world.endpoint('tenant-a')}/modules/{module_id}", headers=ALICE)


class BrokenSimulator(Simulator):
    def list_flavors(self, ctx):
        raise RuntimeError("a bug in the model")


def test_a_crash_still_answers_with_a_fault_body(caplog):
    """The safety net for bugs: Trove's 500 body and message, with the traceback logged."""

    async def ask() -> httpx.Response:
        transport = httpx.ASGITransport(
            app=create_app(BrokenSimulator()), raise_app_exceptions=False
        )
        async with httpx.AsyncClient(transport=transport, base_url="http://sim") as client:
            return await client.get("/v1.0/tenant-a/flavors", headers=ALICE)

    answer = asyncio.run(ask())
    message = fault_of(answer, 500)
    assert "instanceFault" in answer.json()
    assert message.startswith(
        "Internal Server Error. Please keep this ID to help us figure out what went wrong: ("
    )
    incident = message.rsplit("(", 1)[1].rstrip(").")
    assert any(incident in r.getMessage() and r.exc_info for r in caplog.records)
