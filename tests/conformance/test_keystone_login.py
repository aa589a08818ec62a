"""Keystone password logins: callers from clouds.yaml and the OS_* variables, Trove's endpoint
from the service catalogue, against ``trovesim serve``'s own Keystone v3."""

from __future__ import annotations

from pathlib import Path

from verify_runs import verify

# Tenant A's apply order, and tenant B against tenant A's hidden module.
SELECTION = "apply_order_0_to_9 or cannot_apply_another_tenants_module"


def _cloud(name: str, auth_url: str, user: str, project: str) -> str:
    return f"""  {name}:
    auth:
      auth_url: {auth_url}
      username: {user}
      password: {user}
      project_name: {project}
      user_domain_id: default
      project_domain_id: default
"""


def test_callers_log_in_from_clouds_yaml_and_os_variables(
    tmp_path: Path, trovesim_server: str
) -> None:
    keystone = trovesim_server.removesuffix("/v1.0") + "/v3"
    (tmp_path / "clouds.yaml").write_text(
        "clouds:\n"
        + _cloud("sim-alice", keystone, "alice", "tenant-a")
        + _cloud("sim-bob", keystone, "bob", "tenant-b")
    )
    admin = {
        "OS_AUTH_URL": keystone,
        "OS_USERNAME": "admin",
        "OS_PASSWORD": "admin",
        "OS_PROJECT_NAME": "admin",
        "OS_USER_DOMAIN_ID": "default",
        "OS_PROJECT_DOMAIN_ID": "default",
    }
    run = verify(
        tmp_path,
        "--admin-cloud",
        "env",
        "--tenant-cloud",
        "sim-alice",
        "--second-tenant-cloud",
        "sim-bob",
        "--",
        "-k",
        SELECTION,
        env=admin,
    )
    assert run.exit_code == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert [v for v, _ in run.verdicts.values()] == ["passed"] * 2, run.verdicts
    assert run.run["target"] == trovesim_server  # found in the catalogue


def test_a_wrong_password_is_a_preflight_problem(tmp_path: Path, trovesim_server: str) -> None:
    keystone = trovesim_server.removesuffix("/v1.0") + "/v3"
    (tmp_path / "clouds.yaml").write_text(
        "clouds:\n"
        + _cloud("sim-alice", keystone, "alice", "tenant-a").replace(
            "password: alice", "password: wrong"
        )
    )
    run = verify(tmp_path, "--target", trovesim_server, "--tenant-cloud", "sim-alice", timeout=60)
    assert run.exit_code == 2, run.stdout[-2000:]
    assert run.stderr.startswith("trovesim verify: cannot connect: tenant A (cloud 'sim-alice'): ")
    assert len(run.stderr.splitlines()) == 1, run.stderr
