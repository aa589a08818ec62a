"""Requests per second of ``trovesim serve``: a bare route (the server's ceiling), every Trove
read route, and the bare route again on plain asyncio with the pure-Python h11 parser (how the
server ran before it used uvloop and httptools), side by side in one run.

Not run by default: ``pytest -m benchmark -s tests/http/test_http_benchmark.py``. The load
comes from ``wrk``, a native load generator (Debian/Ubuntu: ``apt-get install wrk``; macOS:
``brew install wrk``), with one thread and 16 keep-alive connections. The server holds a world
made by ``--populate`` (500 instances over several tenants), and the module routes read its
busiest module. Each run lasts a second; the routes take turns over four rounds and each keeps
its best, so a burst of other work does not decide the comparison. Beside each rate it prints
the server's CPU time per request (least over the rounds, read from ``/proc``) and the share of
the machine's CPU time the host stole during that best run: on a virtual machine whose host is
busy, the same route's rate swings fourfold from one second to the next, and no comparison
holds. Above 5% stolen in a run the targets rest on, the targets are not judged (the test is
skipped, with the figures printed). Targets: module show and module-instance-count at 70% or
more of the bare route, and the bare route at 1.6 times or more its plain-asyncio rate.

For scale it also measures the same server with no application behind it: a do-nothing ASGI app
that answers each route's URL with the bytes ``trovesim serve`` answered it with (status,
headers, body), on the same uvicorn set-up. Its rate per route over its own bare route is the
most any application on this server could reach: what the request's token header and the
response's JSON body cost uvicorn and the kernel, before a line of Trove is run.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from http_harness import POPULATED, start_server
from trovesim.simulator import Simulator
from trovesim.simulator.http.app import create_app

WRK = ["wrk", "-t1", "-c16", "-d1s"]
ROUNDS = 4
POPULATION = "500"
ADMIN = "admin-token"
RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
COUNT = re.compile(r"(\d+) requests in ")
REPLAY = "TROVESIM_BENCHMARK_REPLAY"
BARE = "GET /healthz (bare route)"
PLAIN = "GET /healthz on plain asyncio + h11"
TARGETS = {"GET module-show": 0.70, "GET module-instance-count": 0.70}
SPEED_UP = 1.6
STEAL = 7
"""The place of ``steal`` among /proc/stat's CPU times."""
STEAL_LIMIT = 0.05
"""Above this share of stolen time in a run the targets rest on, they are not judged."""


def baseline_app():
    """The same application for uvicorn's command line (``--factory``) on asyncio and h11."""
    return create_app(Simulator())


def replay_app():
    """A do-nothing ASGI app for uvicorn's command line (``--factory``): each recorded URL gets
    its recorded status, headers and body, with no routing, parsing or rendering."""
    recorded = json.loads(Path(os.environ[REPLAY]).read_text())
    answers = {
        url.encode("latin-1"): (
            {"type": "http.response.start", "status": status, "headers": encode(headers)},
            {"type": "http.response.body", "body": base64.b64decode(body)},
        )
        for url, (status, headers, body) in recorded.items()
    }

    async def app(scope, receive, send):
        start, body = answers[scope["raw_path"] + b"?" + scope["query_string"]]
        await send(start)
        await send(body)

    return app


def encode(headers: list[list[str]]) -> list[tuple[bytes, bytes]]:
    return [(name.encode("latin-1"), value.encode("latin-1")) for name, value in headers]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_ticks() -> list[int]:
    """The machine's CPU time so far, per kind (the first line of Linux ``/proc/stat``)."""
    return [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]


@dataclass
class Run:
    rate: float
    """requests per second"""
    micros: float
    """the server's CPU time per request"""
    steal: float
    """the share of this machine's CPU time its host gave to others during the run"""


def wrk(url: str, token: str | None, server_pid: int) -> Run:
    """One wrk run, with the server's CPU time per request and the time the host stole."""
    headers = ["-H", f"X-Auth-Token: {token}"] if token else []
    before, ticks = cpu_seconds(server_pid), machine_ticks()
    done = subprocess.run([*WRK, *headers, url], capture_output=True, text=True, timeout=60)
    spent = cpu_seconds(server_pid) - before
    ticks = [after - earlier for earlier, after in zip(ticks, machine_ticks(), strict=True)]
    assert done.returncode == 0, done.stderr
    assert "Non-2xx" not in done.stdout and "Socket errors" not in done.stdout, done.stdout
    requests = int(COUNT.search(done.stdout).group(1))
    steal = ticks[STEAL] / max(sum(ticks), 1)
    return Run(float(RATE.search(done.stdout).group(1)), spent / requests * 1e6, steal)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_uvicorn(factory: str, loop: str, http: str, env: dict | None = None):
    """uvicorn's command line on a free port, serving one of this module's app factories."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", f"test_http_benchmark:{factory}",
         "--app-dir", str(Path(__file__).parent), "--loop", loop, "--http", http,
         "--port", str(port), "--log-level", "warning", "--no-server-header",
         "--lifespan", "off"],
        env={**os.environ, **(env or {})},
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{url}/healthz").status_code == 204:
                return process, url
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"uvicorn with {factory} did not start")


def start_plain_server() -> tuple[subprocess.Popen, str]:
    """The bare route as the server ran before uvloop and httptools."""
    return start_uvicorn("baseline_app", "asyncio", "h11")


def start_replay_server(targets: dict, record: Path) -> tuple[subprocess.Popen, str]:
    """The do-nothing twin of ``trovesim serve``: uvloop, its one-send httptools protocol, and
    each target's answer as the server gave it (the ``date`` header aside, which uvicorn adds)."""
    recorded = {}
    for target, token, _ in targets.values():
        answer = httpx.get(target, headers={"X-Auth-Token": token} if token else {})
        headers = [[k, v] for k, v in answer.headers.multi_items() if k != "date"]
        raw = answer.request.url.raw_path.decode("latin-1")
        path, _, query = raw.partition("?")
        body = base64.b64encode(answer.content).decode()
        recorded[f"{path}?{query}"] = [answer.status_code, headers, body]
    record.write_text(json.dumps(recorded))
    protocol = "trovesim.simulator.http.one_send:OneSendProtocol"
    return start_uvicorn("replay_app", "uvloop", protocol, {REPLAY: str(record)})


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
def test_requests_per_second(tmp_path: Path):
    if shutil.which("wrk") is None:
        pytest.fail("wrk is not installed (apt-get install wrk)")
    server = start_server("--populate", POPULATION, "--seed", "1")
    plain, plain_url = start_plain_server()
    replay = None
    try:
        user = POPULATED.match(server.preamble[0].strip()).group(6)
        pid = server.process.pid
        ours = {
            BARE: (f"{server.url}/healthz", None, pid),
            **{
                name: (f"{server.url}{path}", token or None, pid)
                for name, (path, token) in read_routes(server.url, user).items()
            },
        }
        replay, replay_url = start_replay_server(ours, tmp_path / "answers.json")
        twin = {
            name: (url.replace(server.url, replay_url, 1), token, replay.pid)
            for name, (url, token, _) in ours.items()
        }
        runs = {**{(name, "ours"): t for name, t in ours.items()},
                **{(name, "twin"): t for name, t in twin.items()},
                (PLAIN, "ours"): (f"{plain_url}/healthz", None, plain.pid)}  # fmt: skip
        best: dict[tuple[str, str], Run] = {}
        cpu = dict.fromkeys(runs, float("inf"))
        for _ in range(ROUNDS):
            for key, target in runs.items():
                run = wrk(*target)
                if key not in best or run.rate > best[key].rate:
                    best[key] = run
                cpu[key] = min(cpu[key], run.micros)
    finally:
        server.stop()
        for process in (plain, replay):
            if process is not None:
                process.terminate()
                process.wait(timeout=15)

    bare, twin_bare = best[BARE, "ours"].rate, best[BARE, "twin"].rate
    print(
        f"\ntrovesim serve on uvloop + httptools, --populate {POPULATION}; {' '.join(WRK)}, "
        f"best of {ROUNDS} rounds per route; stolen: the share of the machine's CPU time its "
        "host gave to others during that best run. The last two columns: the same answers "
        "from a do-nothing app on the same server set-up."
    )
    print(
        f"  {'route':<38} {'requests/s':>10}  of bare  {'CPU us/req':>10}  stolen"
        f"  {'do-nothing':>10}  of its bare"
    )
    for name in [*ours, PLAIN]:
        run = best[name, "ours"]
        line = (
            f"  {name:<38} {run.rate:>10,.0f}  {run.rate / bare:>7.0%}"
            f"  {cpu[name, 'ours']:>10.0f}  {run.steal:>6.0%}"
        )
        if name in twin:
            alone = best[name, "twin"].rate
            line += f"  {alone:>10,.0f}  {alone / twin_bare:>11.0%}"
        print(line)
    ratios = {
        f"{name} / bare": (best[name, "ours"].rate / bare, floor) for name, floor in TARGETS.items()
    }
    ratios["bare / bare on plain asyncio + h11"] = (bare / best[PLAIN, "ours"].rate, SPEED_UP)
    for label, (ratio, floor) in ratios.items():
        print(f"  {label:<55} {ratio:5.2f}  (target >= {floor:.2f})")
    for name in TARGETS:
        alone = best[name, "twin"].rate / twin_bare
        print(f"  {name} / bare with nothing behind the server: {alone:.2f}")
    judged = [best[name, "ours"] for name in (BARE, PLAIN, *TARGETS)]
    stolen = max(run.steal for run in judged)
    if stolen > STEAL_LIMIT:
        pytest.skip(
            f"targets not judged: the host took {stolen:.0%} of this machine's CPU time during "
            f"a run they rest on (limit {STEAL_LIMIT:.0%}); run it again on a quieter machine"
        )
    missed = [label for label, (ratio, floor) in ratios.items() if ratio < floor]
    assert not missed, f"below target: {missed}"
