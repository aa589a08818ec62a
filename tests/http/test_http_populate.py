"""``trovesim serve --populate N``: a generated world whose module reads agree with a recount of
the records it holds, whose tenants can log in, and which one seed reproduces."""

from __future__ import annotations

from collections import Counter

import httpx
import pytest
from http_harness import POPULATED, Server, start_server
from trovesim.simulator import Context, Simulator, VirtualClock
from trovesim.simulator.populate import populate

ADMIN = {"X-Auth-Token": "admin-token"}


@pytest.fixture(scope="module")
def populated() -> Server:
    server = start_server("--populate", "150", "--seed", "7")
    yield server
    server.stop()


def get(server: Server, path: str, headers: dict = ADMIN) -> dict:
    answer = httpx.get(f"{server.url}{path}", headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_the_summary_line_counts_what_was_made(populated):
    (line,) = populated.preamble
    found = POPULATED.match(line.strip())
    assert found, line
    instances, clusters, modules, updates, tenants = map(int, found.groups()[:5])
    state = get(populated, "/_sim/state")
    assert instances == 150 == len(state["instances"])
    assert clusters == len(state["clusters"]) > 0
    assert modules == len(state["modules"])
    assert updates > 0
    assert tenants == len({i["tenant_id"] for i in state["instances"]}) > 1
    catalogue = {d["id"] for d in get(populated, "/v1.0/admin/datastores")["datastores"]}
    assert {i["datastore_id"] for i in state["instances"]} == catalogue
    assert {i["status"] for i in state["instances"]} == {"ACTIVE"}


def test_module_show_and_counts_equal_a_recount_of_the_records(populated):
    live = get(populated, "/_sim/state")["records"]
    modules = get(populated, "/v1.0/admin/modules")["modules"]
    assert len(modules) > 3
    several_versions = 0
    for module in modules:
        mine = [r for r in live if r["module_id"] == module["id"]]
        base = f"/v1.0/admin/modules/{module['id']}"
        shown = get(populated, base)["module"]
        assert shown["instance_count"] == sum(r["md5"] == module["md5"] for r in mine)

        for clustered, query in ((False, ""), (True, "&include_clustered=true")):
            rows = get(populated, f"{base}/instances?count_only=true{query}")["instances"]
            counted = {row["module_md5"]: row["instance_count"] for row in rows}
            recount = Counter(r["md5"] for r in mine if clustered or not r["clustered"])
            assert counted == dict(recount)
            assert [row["current"] for row in rows].count(True) <= 1
        several_versions += len(rows) > 1

        listed, marker = [], ""
        while True:
            page = get(populated, f"{base}/instances?limit=20{marker}")
            listed += [i["id"] for i in page["instances"]]
            if "links" not in page:
                break
            marker = f"&marker={listed[-1]}"
        assert sorted(listed) == sorted(r["instance_id"] for r in mine if not r["clustered"])
    assert several_versions > 0, "no module was applied at more than one md5"


def test_a_generated_tenant_logs_in_and_sees_its_own_world(populated):
    user = POPULATED.match(populated.preamble[0].strip()).group(6)
    token = {"X-Auth-Token": f"{user}-token"}
    login = httpx.post(
        f"{populated.url}/v3/auth/tokens",
        json={
            "auth": {
                "identity": {
                    "methods": ["password"],
                    "password": {
                        "user": {"name": user, "password": user, "domain": {"id": "default"}}
                    },
                }
            }
        },
    )
    assert login.status_code == 201, login.text
    project = login.json()["token"]["project"]["id"]
    state = get(populated, "/_sim/state")
    own = {i["id"] for i in state["instances"] if i["tenant_id"] == project}
    seen = get(populated, f"/v1.0/{project}/instances?include_clustered=true", token)["instances"]
    assert {i["id"] for i in seen} == own
    modules = get(populated, f"/v1.0/{project}/modules", token)["modules"]
    assert {m["tenant_id"] for m in modules} <= {project, None}
    assert "newrelic-license" in {m["name"] for m in modules}


def test_one_seed_gives_the_same_world():
    def world(seed: int) -> tuple[str, list[tuple]]:
        sim = Simulator(clock=VirtualClock())
        made = populate(sim, 40, seed=seed)
        admin = Context(project_id="admin", is_admin=True)
        names = sorted((m["name"], m["md5"]) for m in sim.list_modules(admin))
        return made.summary(), names

    assert world(11) == world(11)
    assert world(11) != world(12)
