"""``trovesim serve`` as a command: its ready line, loopback default, clean stop on signals,
``--catalog``, and a port in use refused in our words (every other refusal is in
``test_http_serve_refusals.py``)."""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import socket
import subprocess

import httpx
import pytest
import uvloop
from http_harness import READY, TROVESIM, start_server, trove_client
from trovesim.simulator import Simulator
from trovesim.simulator.http import serve
from trovesim.simulator.http.app import create_app
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_serves_on_loopback_and_stops_cleanly(signum):
    server = start_server()
    assert server.url.startswith("http://127.0.0.1:")
    assert httpx.get(f"{server.url}/healthz").status_code == 204
    assert trove_client(server, "tenant-a").modules.list() == []
    code, output = server.stop(signum)
    assert code == 0
    assert output.strip().endswith("trovesim stopped")
    assert "Traceback" not in output


def test_ready_line_names_both_endpoints():
    server = start_server("--clock", "virtual")
    try:
        answer = httpx.get(f"{server.url}/v3")
        assert answer.status_code == 200
        assert server.control("GET", "/clock").json()["clock"]["kind"] == "virtual"
    finally:
        server.stop()
    assert READY.pattern.startswith("^trovesim serving Trove v1\\.0 at ")


UUID_FLAVOR = "0b3f5a9e-6c1d-4e2f-8a7b-1c2d3e4f5a6b"
ALICE = {"X-Auth-Token": "alice-token"}


def test_catalog_file_replaces_the_default_catalogue(tmp_path):
    catalog = {
        "default_datastore": "postgresql",
        "datastores": [{"name": "postgresql", "default_version": "12", "versions": ["12", "13"]}],
        "flavors": [
            {"id": "7", "name": "tiny", "ram": 256, "vcpus": 1},
            {"id": UUID_FLAVOR, "name": "big", "ram": 4096, "vcpus": 2},
        ],
    }
    (tmp_path / "catalog.json").write_text(json.dumps(catalog))
    server = start_server("--catalog", str(tmp_path / "catalog.json"))
    try:
        client = trove_client(server, "tenant-a")
        assert [d.name for d in client.datastores.list()] == ["postgresql"]
        # A flavor id that is not a plain number travels as a null id beside its str_id, which
        # troveclient then takes as the id.
        wire = httpx.get(f"{server.endpoint('tenant-a')}/flavors", headers=ALICE).json()
        assert [(f["id"], f["str_id"]) for f in wire["flavors"]] == [(7, "7"), (None, UUID_FLAVOR)]
        assert [f.id for f in client.flavors.list()] == [7, UUID_FLAVOR]
        instance = client.instances.create("i", "7", volume={"size": 1})
        assert instance.datastore == {"type": "postgresql", "version": "12"}
        big = client.instances.create("j", UUID_FLAVOR, volume={"size": 1})
        assert big.flavor["id"] == UUID_FLAVOR
    finally:
        assert server.stop()[0] == 0


def test_a_port_in_use_is_one_line_of_ours_and_exit_2():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [*TROVESIM, "--port", str(port)], capture_output=True, text=True, timeout=30
        )
    assert done.returncode == 2
    assert done.stderr == (
        f"trovesim serve: cannot listen on 127.0.0.1 port {port}: Address already in use\n"
    )
    assert done.stdout == ""


def test_the_server_runs_on_uvloop_and_httptools():
    parser = argparse.ArgumentParser()
    serve.configure_parser(parser)
    config = serve.server_config(create_app(Simulator()), parser.parse_args([]))
    config.load()
    assert issubclass(config.http_protocol_class, HttpToolsProtocol)
    with asyncio.Runner(loop_factory=config.get_loop_factory()) as runner:
        assert isinstance(runner.get_loop(), uvloop.Loop)


def test_a_reader_that_has_gone_does_not_make_the_stop_a_traceback():
    """``trovesim serve | head -1``: head leaves after the ready line; the stop stays quiet."""
    process = subprocess.Popen(
        [*TROVESIM, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert READY.match(process.stdout.readline().rstrip("\n"))
    process.stdout.close()  # the reader goes away
    process.send_signal(signal.SIGTERM)
    code = process.wait(timeout=30)
    errors = process.stderr.read()
    process.stderr.close()
    assert code == 0
    assert errors == ""
