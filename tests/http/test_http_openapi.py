"""The OpenAPI description: it embeds the core's request schemas, the docs page serves it, and
schemathesis finds no 5xx and no response that contradicts it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import httpx
from http_harness import TROVE_TAGS, start_server, trove_client
from trovesim.simulator.schema import schemas

SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))
CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "response_headers_conformance",
        "negative_data_rejection",
        "unsupported_method",
        "ignored_auth",
    ]
)
# Left out: positive_data_acceptance. JSON Schema counts 1.0 as an integer while Trove's
# draft-4 validation (which the core follows) refuses it, and schema-valid names of module
# types, flavors or datastores that do not exist are refused by rules (404), as in Trove.


def test_request_bodies_are_the_cores_schemas(server):
    document = httpx.get(f"{server.url}/openapi.json").json()
    paths = document["paths"]

    def body(path: str, method: str) -> dict:
        return paths[path][method]["requestBody"]["content"]["application/json"]["schema"]

    assert body("/v1.0/{tenant_id}/modules", "post") == schemas()["module_create"]
    assert body("/v1.0/{tenant_id}/modules/{module_id}", "put") == schemas()["module_update"]
    assert (
        body("/v1.0/{tenant_id}/modules/{module_id}/instances", "put")
        == schemas()["module_reapply"]
    )
    assert (
        body("/v1.0/{tenant_id}/instances/{instance_id}/modules", "post")
        == schemas()["module_apply"]
    )
    assert body("/v1.0/{tenant_id}/instances", "post") == schemas()["instance_create"]
    assert body("/v1.0/{tenant_id}/clusters", "post") == schemas()["cluster_create"]
    unprocessable = [
        (path, method)
        for path, operations in paths.items()
        for method, operation in operations.items()
        if "422" in operation["responses"]
    ]
    assert unprocessable == [("/v1.0/{tenant_id}/instances/{instance_id}", "delete")]


def test_interactive_docs_page_needs_nothing_from_outside(server):
    page = httpx.get(f"{server.url}/docs")
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
    assert "/openapi.json" in page.text
    assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", page.text)
    assert {a.rsplit("/", 1)[-1] for a in assets} >= {"swagger-ui-bundle.js", "swagger-ui.css"}
    for asset in assets:
        assert asset.startswith("/docs/assets/"), asset
        fetched = httpx.get(f"{server.url}{asset}")
        assert fetched.status_code == 200 and len(fetched.content) > 100, asset
    assert "cdn" not in page.text.lower()


def test_docs_list_trove_first_and_each_route_once(server):
    document = httpx.get(f"{server.url}/openapi.json").json()
    tags = [tag["name"] for tag in document["tags"]]
    assert tags[: len(TROVE_TAGS)] == TROVE_TAGS
    assert tags[-1] == "simulator control"
    used = [
        (path, method, operation["tags"])
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
    ]
    assert all(len(op_tags) == 1 and op_tags[0] in tags for _, _, op_tags in used), used
    instance_modules = {path for path, _, op_tags in used if op_tags == ["instance modules"]}
    assert instance_modules == {
        "/v1.0/{tenant_id}/instances/{instance_id}/modules",
        "/v1.0/{tenant_id}/instances/{instance_id}/modules/{module_id}",
    }


def test_schemathesis_finds_no_server_error_and_no_contradiction(tmp_path):
    server = start_server("--clock", "virtual")
    try:
        admin = trove_client(server, "admin")
        module = admin.modules.create("fuzz", "ping", "message=x\n", live_update=True)
        instance = admin.instances.create("fuzz", "15", volume={"size": 1}, modules=[module.id])
        cluster = admin.clusters.create(
            "fuzz", "redis", "3.2.6", instances=[{"flavorRef": "15", "volume": {"size": 1}}]
        )
        config = tmp_path / "schemathesis.toml"
        config.write_text(
            "[parameters]\n"
            '"path.tenant_id" = "admin"\n'
            f'"path.module_id" = "{module.id}"\n'
            f'"path.instance_id" = "{instance.id}"\n'
            f'"path.cluster_id" = "{cluster.id}"\n'
            '"path.flavor_id" = "15"\n'
            '"path.datastore" = "mysql"\n'
            '"path.version" = "5.6"\n'
        )
        done = subprocess.run(
            [
                SCHEMATHESIS,
                "--config-file",
                str(config),
                "run",
                f"{server.url}/openapi.json",
                "--header",
                "X-Auth-Token: admin-token",
                "--checks",
                CHECKS,
                "--exclude-path",
                "/_sim/reset",
                "--phases",
                "examples,coverage,fuzzing",
                "--max-examples",
                "10",
                "--seed",
                "20261122",
                "--workers",
                "1",
                "--no-color",
            ],
            capture_output=True,
            text=True,
            timeout=600,
            cwd=tmp_path,
        )
        assert done.returncode == 0, done.stdout[-20000:] + done.stderr[-2000:]
        assert " passed" in done.stdout
    finally:
        code, output = server.stop()
    assert code == 0
    assert "Traceback" not in output
