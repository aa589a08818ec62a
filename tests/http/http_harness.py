"""The HTTP tests' harness: the real ``trovesim serve`` command in a subprocess, and the real
python-troveclient (keystoneauth session with a static token, docs/client-wire.md §4a) against it.
"""

from __future__ import annotations

import queue
import re
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from keystoneauth1 import session as ks_session
from keystoneauth1 import token_endpoint
from troveclient.v1 import client as trove_v1

TROVESIM = [str(Path(sys.executable).with_name("trovesim")), "serve"]
READY = re.compile(r"^trovesim serving Trove v1\.0 at (http://\S+)/v1\.0/ \(keystone (\S+)\)$")
POPULATED = re.compile(
    r"^trovesim populated (\d+) instances \((\d+) clusters\), (\d+) modules \((\d+) updates\), "
    r"(\d+) tenants \(users ([\w.]+), .*; token <user>-token\)$"
)
"""``--populate``'s summary line; the sixth group is the first generated tenant's user."""
START_TIMEOUT = 30.0

TROVE_TAGS = ["modules", "instance modules", "instances", "clusters", "catalogue", "versions"]
"""The docs page's first groups, in order: Trove's own routes, before Keystone and ``/_sim/``."""

TOKENS = {"admin": "admin-token", "tenant-a": "alice-token", "tenant-b": "bob-token"}


@dataclass
class Server:
    """One running ``trovesim serve``; its stdout lines are collected as they come."""

    process: subprocess.Popen
    url: str
    lines: queue.Queue = field(default_factory=queue.Queue)
    preamble: list[str] = field(default_factory=list)
    """What it printed before the ready line (``--populate``'s summary)."""

    def endpoint(self, tenant: str) -> str:
        return f"{self.url}/v1.0/{tenant}"

    def control(self, method: str, path: str, **kwargs) -> httpx.Response:
        headers = {"X-Auth-Token": "admin-token"}
        return httpx.request(method, f"{self.url}/_sim{path}", headers=headers, **kwargs)

    def reset(self) -> None:
        assert self.control("POST", "/reset").status_code == 204

    def advance(self, seconds: float) -> str:
        answer = self.control("POST", "/clock", json={"advance": seconds})
        assert answer.status_code == 200, answer.text
        return answer.json()["clock"]["now"]

    def stop(self, signum: int = signal.SIGTERM) -> tuple[int, str]:
        """Signal the server, wait for it, and return its exit code and remaining output."""
        if self.process.poll() is None:
            self.process.send_signal(signum)
        code = self.process.wait(timeout=15)
        rest = []
        while not self.lines.empty():
            line = self.lines.get()
            if line is not None:
                rest.append(line)
        return code, "".join(rest)


def start_server(*args: str) -> Server:
    """Start ``trovesim serve --port 0 <args>`` and wait for its ready line."""
    process = subprocess.Popen(
        [*TROVESIM, "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue = queue.Queue()

    def pump() -> None:
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    seen = []
    while True:
        try:
            line = lines.get(timeout=START_TIMEOUT)
        except queue.Empty:
            process.kill()
            raise RuntimeError(f"trovesim serve printed no ready line: {seen}") from None
        if line is None:
            raise RuntimeError(f"trovesim serve exited {process.wait()}: {''.join(seen)}")
        seen.append(line)
        found = READY.match(line.strip())
        if found:
            return Server(process=process, url=found.group(1), lines=lines, preamble=seen[:-1])


def trove_client(server: Server, tenant: str, token: str | None = None) -> trove_v1.Client:
    """python-troveclient as the wire spec recommends: a session with a static token."""
    auth = token_endpoint.Token(server.endpoint(tenant), token or TOKENS[tenant])
    return trove_v1.Client(session=ks_session.Session(auth=auth))


def table(output: str) -> list[dict[str, str]]:
    """A prettytable printed by a CLI, as rows of stripped cells keyed by column label."""
    rows = [
        [cell.strip() for cell in line.strip()[1:-1].split("|")]
        for line in output.splitlines()
        if line.startswith("|")
    ]
    header, body = rows[0], rows[1:]
    return [dict(zip(header, row, strict=True)) for row in body]


def columns(output: str) -> list[str]:
    first = next(line for line in output.splitlines() if line.startswith("|"))
    return [cell.strip() for cell in first.strip()[1:-1].split("|")]
