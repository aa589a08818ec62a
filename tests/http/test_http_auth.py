"""Identity: tokens, tenant scoping, the minimal Keystone v3, and the CLIs logging in through it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from http_harness import columns, start_server, table, trove_client
from troveclient import exceptions

BIN = Path(sys.executable).parent


def login(url: str, user: dict, scope: dict | None = None) -> httpx.Response:
    auth: dict = {"identity": {"methods": ["password"], "password": {"user": user}}}
    if scope is not None:
        auth["scope"] = {"project": scope}
    return httpx.post(f"{url}/v3/auth/tokens", json={"auth": auth})


def cli(tool: str, server, user: str, project: str, *args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "OS_AUTH_URL": f"{server.url}/v3",
        "OS_USERNAME": user,
        "OS_PASSWORD": user,
        "OS_PROJECT_NAME": project,
        "OS_USER_DOMAIN_ID": "default",
        "OS_PROJECT_DOMAIN_ID": "default",
    }
    done = subprocess.run(
        [str(BIN / tool), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(
    ("headers", "status", "fault", "message"),
    [
        ({}, 401, "unauthorized", "The request you have made requires authentication."),
        (
            {"X-Auth-Token": "stolen"},
            401,
            "unauthorized",
            "The request you have made requires authentication.",
        ),
        (
            {"X-Auth-Token": "bob-token"},
            403,
            "forbidden",
            "User with tenant id tenant-b cannot access this resource.",
        ),
        (
            {"X-Auth-Token": "admin-token"},
            403,
            "forbidden",
            "User with tenant id admin cannot access this resource.",
        ),
    ],
)
def test_token_and_tenant_are_checked(world, headers, status, fault, message):
    answer = httpx.get(f"{world.endpoint('tenant-a')}/modules", headers=headers)
    assert answer.status_code == status
    assert answer.headers["content-type"] == "application/json"
    assert answer.json() == {fault: {"code": status, "message": message}}


def test_python_client_reports_auth_refusals(world):
    with pytest.raises(exceptions.Unauthorized):
        trove_client(world, "tenant-a", token="stolen").modules.list()
    with pytest.raises(exceptions.Forbidden) as error:
        trove_client(world, "tenant-b", token="alice-token").modules.list()
    assert (
        str(error.value) == "User with tenant id tenant-a cannot access this resource. (HTTP 403)"
    )


def test_control_api_requires_the_admin_role(world):
    assert httpx.get(f"{world.url}/_sim/state").status_code == 401
    answer = httpx.get(f"{world.url}/_sim/state", headers={"X-Auth-Token": "alice-token"})
    assert answer.status_code == 403
    assert (
        answer.json()["forbidden"]["message"]
        == "The simulator's control API requires the admin role."
    )


def test_keystone_version_discovery(world):
    answer = httpx.get(f"{world.url}/v3")
    assert answer.status_code == 200
    version = answer.json()["version"]
    assert version["status"] == "stable" and version["id"].startswith("v3")
    assert version["links"][0]["href"] == f"{world.url}/v3/"


def test_keystone_password_login_returns_token_roles_and_catalogue(world):
    answer = login(
        world.url,
        {"name": "alice", "password": "alice", "domain": {"id": "default"}},
        {"name": "tenant-a", "domain": {"id": "default"}},
    )
    assert answer.status_code == 201
    assert answer.headers["X-Subject-Token"] == "alice-token"
    token = answer.json()["token"]
    assert token["project"]["id"] == "tenant-a" and token["user"]["name"] == "alice"
    assert [r["name"] for r in token["roles"]] == ["member"]
    database = next(s for s in token["catalog"] if s["type"] == "database")
    assert {e["interface"]: e["url"] for e in database["endpoints"]} == {
        interface: f"{world.url}/v1.0/tenant-a" for interface in ("public", "internal", "admin")
    }

    admin = login(world.url, {"id": "admin", "password": "admin"}, {"id": "admin"})
    assert admin.status_code == 201 and admin.headers["X-Subject-Token"] == "admin-token"
    assert [r["name"] for r in admin.json()["token"]["roles"]] == ["admin"]
    unscoped = login(world.url, {"name": "bob", "password": "bob"})
    assert unscoped.json()["token"]["project"]["id"] == "tenant-b"


@pytest.mark.parametrize(
    ("user", "scope"),
    [
        ({"name": "alice", "password": "wrong"}, {"name": "tenant-a"}),
        ({"name": "alice", "password": "alice"}, {"name": "tenant-b"}),
        ({"name": "nobody", "password": "nobody"}, None),
    ],
)
def test_keystone_refuses_bad_logins(world, user, scope):
    answer = login(world.url, user, scope)
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == 401


def test_keystone_refuses_malformed_logins(world):
    answer = httpx.post(f"{world.url}/v3/auth/tokens", json={"auth": {"identity": {}}})
    assert answer.status_code == 400
    assert "methods" in answer.json()["error"]["message"]
    assert httpx.post(f"{world.url}/v3/auth/tokens", content=b"{").status_code == 400


def test_trove_cli_detects_admin_through_keystone(world, tmp_path):
    trove_client(world, "tenant-a").modules.create("mine", "ping", "message=x\n")
    trove_client(world, "admin").modules.create("ops", "ping", "message=x\n", all_tenants=True)

    as_admin = cli("trove", world, "admin", "admin", "module-list", cwd=tmp_path)
    assert "Warning" not in as_admin
    assert columns(as_admin)[-2:] == ["Tenant", "Visible"]
    assert {(r["Name"], r["Tenant"]) for r in table(as_admin)} == {
        ("b'mine'", "b'tenant-a'"),
        ("b'ops'", "b'all'"),
    }
    as_alice = cli("trove", world, "alice", "tenant-a", "module-list", cwd=tmp_path)
    assert "Warning" not in as_alice
    assert columns(as_alice)[-1] == "Admin"
    assert {r["Name"] for r in table(as_alice)} == {"b'mine'", "b'ops'"}


def test_openstack_cli_works_through_keystone(world, tmp_path):
    alice = trove_client(world, "tenant-a")
    module = alice.modules.create("m1", "ping", "message=Hi\n")
    alice.clusters.create(
        "c1",
        "redis",
        "3.2.6",
        instances=[{"flavorRef": "15", "volume": {"size": 1}, "modules": [{"id": module.id}]}],
    )
    shown = cli(
        "openstack",
        world,
        "alice",
        "tenant-a",
        "database",
        "cluster",
        "modules",
        "c1",
        "-f",
        "json",
        cwd=tmp_path,
    )
    rows = json.loads(shown)
    assert [(r["instance_name"], r["Module Name"], r["Module Type"]) for r in rows] == [
        ("c1-member-1", "m1", "ping")
    ]
    created = cli(
        "openstack",
        world,
        "alice",
        "tenant-a",
        "database",
        "instance",
        "create",
        "oi",
        "--flavor",
        "15",
        "--size",
        "1",
        "--module",
        "m1",
        "-f",
        "json",
        cwd=tmp_path,
    )
    assert json.loads(created)["name"] == "oi"
    listed = cli(
        "openstack",
        world,
        "alice",
        "tenant-a",
        "database",
        "instance",
        "list",
        "-f",
        "json",
        cwd=tmp_path,
    )
    assert [i["Name"] for i in json.loads(listed)] == ["oi"]


def test_identity_file_replaces_the_default_users(tmp_path):
    users = {
        "users": [
            {
                "name": "carol",
                "password": "s3cret",
                "token": "carol-token",
                "project": {"id": "p-123", "name": "carol-project"},
                "roles": ["admin"],
            }
        ]
    }
    (tmp_path / "ids.json").write_text(json.dumps(users))
    server = start_server("--identity", str(tmp_path / "ids.json"))
    try:
        by_name = login(
            server.url, {"name": "carol", "password": "s3cret"}, {"name": "carol-project"}
        )
        assert by_name.status_code == 201 and by_name.headers["X-Subject-Token"] == "carol-token"
        catalog = by_name.json()["token"]["catalog"]
        assert catalog[0]["endpoints"][0]["url"] == f"{server.url}/v1.0/p-123"
        assert login(
            server.url, {"name": "carol", "password": "s3cret"}, {"id": "p-123"}
        ).is_success
        assert trove_client(server, "p-123", token="carol-token").modules.list() == []
        with pytest.raises(exceptions.Unauthorized):
            trove_client(server, "tenant-a", token="alice-token").modules.list()
    finally:
        assert server.stop()[0] == 0
