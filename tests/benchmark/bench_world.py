"""Build a large simulator world through the public service methods and measure it.

Run as a script in a fresh process so that its peak RSS is the world's own:

    python tests/benchmark/bench_world.py <instances> [--count] [--reapply]

prints one JSON object with the figures. ``tests/benchmark/test_benchmark.py`` drives it.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import gc
import json
import resource
import statistics
import sys
import time

from trovesim.simulator import Context, Simulator, VirtualClock

ADMIN = Context("admin", is_admin=True)
MODULES_PER_INSTANCE = 10
CLUSTER_SIZE = 10
CLUSTERED_SHARE = 0.10
INSTANCES_PER_TENANT = 100
MD5_VERSIONS = 3
START = dt.datetime(2017, 6, 2, 17, 0, 0)


def contents(version: int) -> str:
    return base64.b64encode(f"message=Module.V{version}\n".encode()).decode()


def make_modules(sim: Simulator) -> list[dict]:
    """Ten all-tenant ping modules; the first is live-update so its contents can change."""
    return [
        sim.create_module(
            ADMIN,
            {
                "module": {
                    "name": f"bench-{n}",
                    "module_type": "ping",
                    "contents": contents(1),
                    "all_tenants": 1,
                    "live_update": 1 if n == 0 else 0,
                    "apply_order": n % 10,
                }
            },
        )
        for n in range(MODULES_PER_INSTANCE)
    ]


def instance_body(name: str, module_refs: list[dict]) -> dict:
    return {
        "instance": {
            "name": name,
            "flavorRef": "15",
            "volume": {"size": 1},
            "datastore": {"type": "mysql"},
            "modules": module_refs,
        }
    }


def cluster_body(name: str, module_refs: list[dict]) -> dict:
    return {
        "cluster": {
            "name": name,
            "datastore": {"type": "redis", "version": "3.2.6"},
            "instances": [
                {"flavorRef": "15", "volume": {"size": 1}, "modules": module_refs}
                for _ in range(CLUSTER_SIZE)
            ],
        }
    }


def tenants_of(total: int) -> list[Context]:
    return [Context(f"tenant-{n:05d}") for n in range(max(1, total // INSTANCES_PER_TENANT))]


def build_world(total: int) -> tuple[Simulator, dict]:
    """``total`` instances (10% as 10-member clusters) over total/100 tenants, ten modules each.

    The watched module's contents change twice while the world is built, so its records fall into
    three md5 groups of about a third each.
    """
    sim = Simulator(clock=VirtualClock(START), build_seconds=0)
    modules = make_modules(sim)
    refs = [{"id": m["id"]} for m in modules]
    watched = modules[0]
    tenants = tenants_of(total)
    clusters = int(total * CLUSTERED_SHARE) // CLUSTER_SIZE
    standalone = total - clusters * CLUSTER_SIZE
    made, version = 0, 1
    for number in range(standalone):
        if made >= total * version / MD5_VERSIONS and version < MD5_VERSIONS:
            version += 1
            sim.advance_clock(60)
            sim.update_module(ADMIN, watched["id"], {"module": {"contents": contents(version)}})
        ctx = tenants[number % len(tenants)]
        sim.create_instance(ctx, instance_body(f"i{number}", refs))
        made += 1
        if clusters and (number + 1) * clusters // standalone > (number * clusters) // standalone:
            sim.create_cluster(ctx, cluster_body(f"c{number}", refs))
            made += CLUSTER_SIZE
    sim.run_until_idle()
    return sim, sim.show_module(ADMIN, watched["id"])


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_count(sim: Simulator, module: dict, repeats: int = 300) -> dict:
    rows = sim.module_instance_count(ADMIN, module["id"], include_clustered=True)
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        sim.module_instance_count(ADMIN, module["id"], include_clustered=True)
        samples.append(time.perf_counter() - start)
    return {
        "count_ms": statistics.median(samples) * 1000,
        "count_rows": len(rows),
        "count_total": sum(r["instance_count"] for r in rows),
    }


class CollectorClock:
    """Seconds the garbage collector ran while this is active: how much of a timing is GC."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._started = 0.0

    def __enter__(self) -> CollectorClock:
        gc.callbacks.append(self._observe)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._observe)

    def _observe(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._started


def timed_reapply(sim: Simulator, module: dict, **options: int) -> dict:
    """One reapply, batch size 50 and delay 2 s, run to the end on the virtual clock."""
    before = sim.now()
    with CollectorClock() as collector:
        start = time.perf_counter()
        sim.reapply_module(
            ADMIN,
            module["id"],
            {"reapply": {"batch_size": 50, "batch_delay": 2, "include_clustered": 1, **options}},
        )
        sim.run_until_idle()
        wall = time.perf_counter() - start
    return {
        "wall": wall,
        "gc": collector.seconds,
        "virtual": (sim.now() - before).total_seconds(),
        "run": sim.reapply_runs(ADMIN, module["id"])[-1],
    }


def time_reapply(sim: Simulator, module: dict, rounds: int = 3) -> dict:
    """The forced reapply to every instance, then ``rounds`` reapplies after a contents update.

    The first run is the target's figure. The later rounds do the same amount of work each (every
    instance is one md5 behind), so their best time is a steadier figure for the scaling ratio on
    a machine that other work shares.
    """
    sleeps: list[float] = []
    real_sleep = time.sleep
    time.sleep = sleeps.append  # a real sleep would be recorded here instead of slept
    try:
        first = timed_reapply(sim, module, force=1)
        later = []
        for number in range(rounds):
            sim.update_module(ADMIN, module["id"], {"module": {"contents": contents(10 + number)}})
            later.append(timed_reapply(sim, module))
    finally:
        time.sleep = real_sleep
    best = min(later, key=lambda r: r["wall"])
    rows = sim.module_instance_count(ADMIN, module["id"], include_clustered=True)
    return {
        "reapply_s": first["wall"],
        "reapply_gc_s": first["gc"],
        "reapply_virtual_s": first["virtual"],
        "reapply_applied": first["run"]["applied"],
        "reapply_status": first["run"]["status"],
        "reapply_rounds_s": [r["wall"] for r in later],
        "reapply_rounds_gc_s": [r["gc"] for r in later],
        "reapply_rounds_best_s": best["wall"],
        "reapply_rounds_applied": [r["run"]["applied"] for r in later],
        "reapply_current": sum(r["instance_count"] for r in rows if r["current"]),
        "real_sleeps": len(sleeps),
    }


def world_shape(sim: Simulator, watched: dict, tenants: list[Context]) -> dict:
    """The world's size as the API reports it (measured after the timings, not to disturb them)."""
    modules = sim.list_modules(ADMIN)
    records = sum(
        row["instance_count"]
        for m in modules
        for row in sim.module_instance_count(ADMIN, m["id"], include_clustered=True)
    )
    everything = sim.module_instance_count(ADMIN, watched["id"], include_clustered=True)
    standalone = sim.module_instance_count(ADMIN, watched["id"])
    per_tenant = [len(sim.list_instances(t, include_clustered=True)) for t in tenants]
    return {
        "records": records,
        "clustered": sum(r["instance_count"] for r in everything)
        - sum(r["instance_count"] for r in standalone),
        "tenants": sum(1 for n in per_tenant if n),
        "tenant_instances": sum(per_tenant),
    }


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("instances", type=int)
    parser.add_argument("--count", action="store_true")
    parser.add_argument("--reapply", action="store_true")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    sim, module = build_world(args.instances)
    figures: dict = {
        "instances": args.instances,
        "build_s": time.perf_counter() - start,
        "build_peak_rss_mb": peak_rss_mb(),
    }
    if args.count:
        figures.update(time_count(sim, module))
    if args.reapply:
        figures.update(time_reapply(sim, module))
    figures.update(world_shape(sim, module, tenants_of(args.instances)))
    print(json.dumps(figures))


if __name__ == "__main__":
    main(sys.argv[1:])
