"""Fixtures for the HTTP tests: a shared real-clock server, a reset world per test, clients."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from http_harness import Server, start_server, trove_client
from troveclient.v1 import client as trove_v1


@pytest.fixture(scope="session")
def client_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(autouse=True)
def quiet_home(client_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """troveclient and the CLIs write uuid caches under HOME: keep them in a temporary folder."""
    monkeypatch.setenv("HOME", str(client_home))
    monkeypatch.setenv("TROVECLIENT_UUID_CACHE_DIR", str(client_home / "uuid-cache"))


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    """A real-clock server shared by the client tests; each test starts from a reset world."""
    running = start_server()
    yield running
    running.stop()


@pytest.fixture
def world(server: Server) -> Server:
    server.reset()
    return server


@pytest.fixture
def admin(world: Server) -> trove_v1.Client:
    return trove_client(world, "admin")


@pytest.fixture
def alice(world: Server) -> trove_v1.Client:
    return trove_client(world, "tenant-a")


@pytest.fixture
def bob(world: Server) -> trove_v1.Client:
    return trove_client(world, "tenant-b")
