"""Fixtures for the HTTP tests: a shared real-clock server, a reset world per test, clients."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from http_harness import Server, start_server, trove_client
from troveclient.v1 import client as trove_v1


@pytest.fixture(scope="session", autouse=True)
def client_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """troveclient writes uuid caches under HOME: keep them in a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    saved = {k: os.environ.get(k) for k in ("HOME", "TROVECLIENT_UUID_CACHE_DIR")}
    os.environ["HOME"] = str(home)
    os.environ["TROVECLIENT_UUID_CACHE_DIR"] = str(home / "uuid-cache")
    yield home
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


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
