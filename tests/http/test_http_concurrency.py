"""Eight clients at once, 200 mixed requests each: no 5xx, and afterwards every count the server
reports equals a recount made from the guests' own module lists."""

from __future__ import annotations

import random
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
from http_harness import trove_client

THREADS = 8
REQUESTS = 200
TENANTS = {"tenant-a": "alice-token", "tenant-b": "bob-token"}


def worker(url: str, tenant: str, shared: list[str], instances: list[str], seed: int) -> dict:
    """Mixed traffic from one client; returns status counts and the modules it kept."""
    rng = random.Random(seed)
    statuses: Counter = Counter()
    kept = 0
    base = f"{url}/v1.0/{tenant}"
    with httpx.Client(base_url=base, headers={"X-Auth-Token": TENANTS[tenant]}) as http:
        sent = 0

        def call(method: str, path: str, **kwargs) -> httpx.Response:
            nonlocal sent
            sent += 1
            answer = http.request(method, path, **kwargs)
            statuses[answer.status_code] += 1
            return answer

        while sent < REQUESTS:
            module, instance = rng.choice(shared), rng.choice(instances)
            action = rng.randrange(9)
            if action == 0:
                call("POST", f"/instances/{instance}/modules", json={"modules": [{"id": module}]})
            elif action == 1:
                call("DELETE", f"/instances/{instance}/modules/{module}")
            elif action == 2:
                call("GET", f"/modules/{module}")
            elif action == 3:
                call("GET", f"/modules/{module}/instances", params={"count_only": "true"})
            elif action == 4:
                call("GET", f"/modules/{module}/instances")
            elif action == 5:
                call("GET", f"/instances/{instance}/modules", params={"from_guest": "true"})
            elif action == 6:
                call("GET", "/modules")
            else:
                body = {
                    "module": {
                        "name": f"own-{seed}-{sent}",
                        "module_type": "ping",
                        "contents": "bWVzc2FnZT1oaQo=",
                    }
                }
                created = call("POST", "/modules", json=body).json()["module"]["id"]
                call("PUT", f"/modules/{created}", json={"module": {"description": "busy"}})
                if action == 7:
                    call("DELETE", f"/modules/{created}")
                else:
                    kept += 1
    return {"statuses": statuses, "kept": kept}


def test_eight_clients_at_once_keep_counts_consistent(world):
    admin = trove_client(world, "admin")
    shared = [
        admin.modules.create(
            f"shared-{n}", "ping", f"message={n}\n", all_tenants=True, live_update=True
        ).id
        for n in range(4)
    ]
    owned = {
        tenant: [
            trove_client(world, tenant).instances.create(f"i{n}", "15", volume={"size": 1}).id
            for n in range(4)
        ]
        for tenant in TENANTS
    }
    tenants = [list(TENANTS)[n % 2] for n in range(THREADS)]
    start = threading.Barrier(THREADS)

    def run(n: int) -> dict:
        start.wait()
        return worker(world.url, tenants[n], shared, owned[tenants[n]], seed=n)

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(run, range(THREADS)))

    statuses = sum((r["statuses"] for r in results), Counter())
    assert sum(statuses.values()) >= THREADS * REQUESTS
    assert set(statuses) <= {200, 400}, statuses  # 400: removing a module not applied
    assert statuses[200] > statuses[400]

    # Recount from the guests: which instance reports which shared module
    on_guests = Counter()
    for tenant, ids in owned.items():
        client = trove_client(world, tenant)
        for instance_id in ids:
            on_guests.update(m.id for m in client.instances.module_query(instance_id))
    for module_id in shared:
        rows = admin.modules.instances(module_id, count_only=True)
        assert sum(r.instance_count for r in rows) == on_guests[module_id]
        assert all(r.current for r in rows)
        assert admin.modules.get(module_id).instance_count == on_guests[module_id]
        assert len(admin.modules.instances(module_id)) == on_guests[module_id]
    for tenant in TENANTS:
        kept = sum(r["kept"] for r, t in zip(results, tenants, strict=True) if t == tenant)
        assert len(trove_client(world, tenant).modules.list()) == len(shared) + kept
