"""``trovesim serve`` in a subprocess on a free port, for tests that judge a server.

A module of its own (not the conftest) so that tests import it by a name no other folder uses.
"""

from __future__ import annotations

import contextlib
import re
import selectors
import subprocess
import sys
from collections.abc import Iterator

STARTUP_SECONDS = 60
LISTENING = re.compile(r"serving Trove v1\.0 at (?P<url>http://\S+/v1\.0)/")


def _first_line(process: subprocess.Popen, seconds: float) -> str:
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout=seconds):
            return ""
    return process.stdout.readline()


@contextlib.contextmanager
def serving(*options: str, launcher: list[str] | None = None) -> Iterator[str]:
    """``trovesim serve`` on a free port with these options; yields its URL up to /v1.0.
    ``launcher`` replaces ``python -m trovesim.cli`` (a script that patches the simulator)."""
    command = launcher or [sys.executable, "-m", "trovesim.cli"]
    command = [*command, "serve", "--port", "0", *options]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        line = _first_line(process, STARTUP_SECONDS)
        listening = LISTENING.search(line)
        if listening is None:
            raise RuntimeError(f"trovesim serve did not start: {line!r}")
        yield listening.group("url")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
