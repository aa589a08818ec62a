"""Requests per second of ``trovesim serve`` for module show, module-instance-count, and a bare
route that does nothing (the framework's ceiling), measured in one run against one server.

Not run by default (``-m benchmark`` selects it). The load comes from raw HTTP/1.1 keep-alive
connections on one asyncio loop, which costs far less per request than an HTTP client library,
so the server, not the client, is what is measured. The routes take turns over a few short
rounds and each keeps its best round, so a burst of other work on the machine does not decide
the comparison. Target: module routes reach half the bare route's rate.
"""

from __future__ import annotations

import asyncio
import re
from urllib.parse import urlsplit

import pytest
from http_harness import start_server, trove_client

CONNECTIONS = 16
ROUNDS = 6
SECONDS = 1.0
WARMUP = 0.5
LENGTH = re.compile(rb"content-length: *(\d+)", re.IGNORECASE)
STATUS = re.compile(rb"^HTTP/1\.1 (\d{3})")


async def _connection(host: str, port: int, request: bytes, until: float) -> int:
    reader, writer = await asyncio.open_connection(host, port)
    loop = asyncio.get_running_loop()
    done = 0
    try:
        while loop.time() < until:
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(STATUS.match(head).group(1))
            if status not in (200, 204):
                raise AssertionError(f"benchmark request answered {status}: {head!r}")
            length = LENGTH.search(head)
            if length:
                await reader.readexactly(int(length.group(1)))
            done += 1
    finally:
        writer.close()
    return done


async def _rate(host: str, port: int, path: str, token: str | None, seconds: float) -> float:
    auth = f"X-Auth-Token: {token}\r\n" if token else ""
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n{auth}\r\n".encode()
    loop = asyncio.get_running_loop()
    until = loop.time() + seconds
    counts = await asyncio.gather(
        *(_connection(host, port, request, until) for _ in range(CONNECTIONS))
    )
    return sum(counts) / seconds


def measure(url: str, routes: dict[str, tuple[str, str | None]]) -> dict[str, float]:
    """Best rate of each route (path, token) over ``ROUNDS`` interleaved rounds."""
    parts = urlsplit(url)
    best = dict.fromkeys(routes, 0.0)
    for path, token in routes.values():
        asyncio.run(_rate(parts.hostname, parts.port, path, token, WARMUP))
    for _ in range(ROUNDS):
        for route, (path, token) in routes.items():
            rate = asyncio.run(_rate(parts.hostname, parts.port, path, token, SECONDS))
            best[route] = max(best[route], rate)
    return best


@pytest.mark.benchmark
def test_requests_per_second():
    server = start_server()
    try:
        admin = trove_client(server, "admin")
        module = admin.modules.create("bench", "ping", "message=x\n", live_update=True)
        for n in range(50):
            admin.instances.create(f"i{n}", "15", volume={"size": 1}, modules=[module.id])
        admin.modules.update(module, contents="message=y\n")
        for n in range(25):
            admin.instances.create(f"j{n}", "15", volume={"size": 1}, modules=[module.id])
        assert len(admin.modules.instances(module, count_only=True)) == 2

        shown = f"/v1.0/admin/modules/{module.id}"
        rates = measure(
            server.url,
            {
                "GET /healthz (bare route)": ("/healthz", None),
                "GET module show": (shown, "admin-token"),
                "GET module-instance-count": (f"{shown}/instances?count_only=True", "admin-token"),
            },
        )
    finally:
        server.stop()

    bare = rates["GET /healthz (bare route)"]
    print(
        f"\ntrovesim serve: {CONNECTIONS} keep-alive connections, "
        f"best of {ROUNDS} rounds of {SECONDS} s per route"
    )
    for route, rate in rates.items():
        print(f"  {route:<28} {rate:>9,.0f} requests/s  {rate / bare:>5.0%} of bare")
    for route, rate in rates.items():
        assert rate >= bare / 2, f"{route}: {rate:.0f}/s is under half the bare {bare:.0f}/s"
