"""Requests per second of ``trovesim serve``: a bare route (the server's ceiling), every Trove
read route, and the bare route again on plain asyncio with the pure-Python h11 parser (how the
server ran before it used uvloop and httptools), side by side in one run.

Not run by default: ``pytest -m benchmark -s tests/http/test_http_benchmark.py``. The load
comes from ``wrk``, a native load generator (Debian/Ubuntu: ``apt-get install wrk``; macOS:
``brew install wrk``), with one thread and 16 keep-alive connections. The server holds a world
made by ``--populate`` (500 instances over several tenants), and the module routes read its
busiest module. Routes take turns over a few rounds and each keeps its best, so a burst of
other work on the machine does not decide the comparison; on a shared machine, run it more than
once. Beside each rate it prints the server's CPU time per request (least over the rounds, read
from ``/proc``), which a busy machine does not distort. Targets: module show and
module-instance-count at 70% or more of the bare route, and the bare route at 1.6 times or
more its plain-asyncio rate.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from http_harness import POPULATED, start_server
from trovesim.simulator import Simulator
from trovesim.simulator.http.app import create_app

WRK = ["wrk", "-t1", "-c16", "-d3s"]
ROUNDS = 3
POPULATION = "500"
ADMIN = "admin-token"
RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
COUNT = re.compile(r"(\d+) requests in ")
BARE = "GET /healthz (bare route)"
PLAIN = "GET /healthz on plain asyncio + h11"
TARGETS = {"GET module-show": 0.70, "GET module-instance-count": 0.70}
SPEED_UP = 1.6


def baseline_app():
    """The same application for uvicorn's command line (``--factory``) on asyncio and h11."""
    return create_app(Simulator())


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wrk(url: str, token: str | None, server_pid: int) -> tuple[float, float]:
    """Requests per second, and the server's CPU microseconds per request: the second does not
    depend on how much of a core a busy machine left the server."""
    headers = ["-H", f"X-Auth-Token: {token}"] if token else []
    before = cpu_seconds(server_pid)
    done = subprocess.run([*WRK, *headers, url], capture_output=True, text=True, timeout=60)
    spent = cpu_seconds(server_pid) - before
    assert done.returncode == 0, done.stderr
    assert "Non-2xx" not in done.stdout and "Socket errors" not in done.stdout, done.stdout
    requests = int(COUNT.search(done.stdout).group(1))
    return float(RATE.search(done.stdout).group(1)), spent / requests * 1e6


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_plain_server() -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "test_http_benchmark:baseline_app",
         "--app-dir", str(Path(__file__).parent), "--loop", "asyncio", "--http", "h11",
         "--port", str(port), "--log-level", "warning", "--no-server-header",
         "--lifespan", "off"],
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{url}/healthz").status_code == 204:
                return process, url
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the plain asyncio server did not start")


def read_routes(url: str, tenant_user: str) -> dict[str, tuple[str, str]]:
    """Every Trove read route, on the busiest module and on one tenant's instance and cluster."""

    def get(path: str, token: str = ADMIN) -> dict:
        answer = httpx.get(f"{url}{path}", headers={"X-Auth-Token": token})
        assert answer.status_code == 200, answer.text
        return answer.json()

    def weight(module: dict) -> tuple[int, int]:
        rows = get(f"/v1.0/admin/modules/{module['id']}/instances?count_only=true")["instances"]
        return len(rows), sum(row["instance_count"] for row in rows)

    module = max(get("/v1.0/admin/modules")["modules"], key=weight)
    token = f"{tenant_user}-token"
    login = httpx.post(
        f"{url}/v3/auth/tokens",
        json={"auth": {"identity": {"methods": ["token"], "token": {"id": token}}}},
    )
    project = login.json()["token"]["project"]["id"]
    tenant = f"/v1.0/{project}"
    instance = get(f"{tenant}/instances", token)["instances"][0]["id"]
    cluster = get(f"{tenant}/clusters", token)["clusters"][0]["id"]
    shown = f"/v1.0/admin/modules/{module['id']}"
    as_admin = {
        "module-list": "/v1.0/admin/modules",
        "module-show": shown,
        "module-instances (a page)": f"{shown}/instances",
        "module-instance-count": f"{shown}/instances?count_only=True",
    }
    as_tenant = [
        ("module-query (instance)", f"instances/{instance}/modules"),
        ("instance list", "instances"),
        ("instance show", f"instances/{instance}"),
        ("cluster list", "clusters"),
        ("cluster show", f"clusters/{cluster}"),
        ("flavor list", "flavors"),
        ("flavor show", "flavors/15"),
        ("datastore list", "datastores"),
        ("datastore show", "datastores/mysql"),
        ("version list", "datastores/mysql/versions"),
        ("version show", "datastores/mysql/versions/5.7"),
    ]
    return {
        **{f"GET {name}": (path, ADMIN) for name, path in as_admin.items()},
        **{f"GET {name}": (f"{tenant}/{path}", token) for name, path in as_tenant},
        "GET / (versions)": ("/", ""),
    }


@pytest.mark.benchmark
def test_requests_per_second():
    if shutil.which("wrk") is None:
        pytest.fail("wrk is not installed (apt-get install wrk)")
    server = start_server("--populate", POPULATION, "--seed", "1")
    plain, plain_url = start_plain_server()
    try:
        user = POPULATED.match(server.preamble[0].strip()).group(6)
        pid = server.process.pid
        targets = {
            BARE: (f"{server.url}/healthz", None, pid),
            **{
                name: (f"{server.url}{path}", token or None, pid)
                for name, (path, token) in read_routes(server.url, user).items()
            },
            PLAIN: (f"{plain_url}/healthz", None, plain.pid),
        }
        best = dict.fromkeys(targets, 0.0)
        cpu = dict.fromkeys(targets, float("inf"))
        for _ in range(ROUNDS):
            for name, target in targets.items():
                rate, micros = wrk(*target)
                best[name], cpu[name] = max(best[name], rate), min(cpu[name], micros)
    finally:
        server.stop()
        plain.terminate()
        plain.wait(timeout=15)

    bare = best[BARE]
    print(
        f"\ntrovesim serve on uvloop + httptools, --populate {POPULATION}; "
        f"{' '.join(WRK)}, best of {ROUNDS} rounds per route"
    )
    print(f"  {'route':<38} {'requests/s':>10}  of bare  {'server CPU us/request':>22}")
    for name, rate in best.items():
        print(f"  {name:<38} {rate:>10,.0f}  {rate / bare:>6.0%}  {cpu[name]:>22.0f}")
    ratios = {f"{name} / bare": (best[name] / bare, floor) for name, floor in TARGETS.items()}
    ratios["bare / bare on plain asyncio + h11"] = (bare / best[PLAIN], SPEED_UP)
    for label, (ratio, floor) in ratios.items():
        print(f"  {label:<55} {ratio:5.2f}  (target >= {floor:.2f})")
    show, count = (
        cpu[BARE] / cpu[f"GET {name}"] for name in ("module-show", "module-instance-count")
    )
    print(f"  by server CPU per request: module show / bare {show:.2f}, count / bare {count:.2f}")
    missed = [label for label, (ratio, floor) in ratios.items() if ratio < floor]
    assert not missed, f"below target: {missed}"
