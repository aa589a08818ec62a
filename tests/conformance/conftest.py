"""The conformance suite inside the test session: its plugin, and ``trovesim serve`` to judge.

``pytest_plugins`` is only honoured in the rootdir's conftest, so the suite's plugin is imported
here when pytest configures this folder (the flags it adds then keep their defaults).
"""

from __future__ import annotations

import contextlib
import re
import selectors
import subprocess
import sys
from collections.abc import Iterator

import pytest

STARTUP_SECONDS = 60
LISTENING = re.compile(r"serving Trove v1\.0 at (?P<url>http://\S+/v1\.0)/")


def pytest_configure(config: pytest.Config) -> None:
    if not config.pluginmanager.has_plugin("trovesim.steps.plugin"):
        config.pluginmanager.import_plugin("trovesim.steps.plugin")


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


@pytest.fixture(scope="session")
def trovesim_server() -> Iterator[str]:
    """``trovesim serve`` on a free port with a virtual clock; yields its URL up to /v1.0."""
    with serving("--clock", "virtual") as url:
        yield url


@pytest.fixture(scope="session")
def serial_run(tmp_path_factory: pytest.TempPathFactory):
    """The unbroken suite, serial, in its own process: the verdicts other runs are held to."""
    # Imported here: the suite's plugin must be imported by pytest first (assertion rewriting).
    from conformance_runs import run_suite

    return run_suite(tmp_path_factory.mktemp("serial"))
