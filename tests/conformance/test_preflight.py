"""Preflight: a target that cannot be judged is named as such, one line, exit 2, in seconds,
and no scenario runs and no compliance report claims failures."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from verify_runs import VerifyRun, verify

WITHIN_SECONDS = 10


@pytest.fixture(scope="module")
def dead_url() -> str:
    """A port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1.0"


@pytest.fixture(scope="module")
def web_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An HTTP server that answers, but is no Trove: it serves a directory listing."""
    folder = tmp_path_factory.mktemp("web")

    class Quiet(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1.0"
    server.shutdown()
    server.server_close()


def _refused(tmp_path: Path, *arguments: str) -> VerifyRun:
    run = verify(tmp_path, *arguments, timeout=60)
    assert run.exit_code == 2, run.stdout[-2000:] + run.stderr[-2000:]
    assert run.seconds < WITHIN_SECONDS, f"preflight took {run.seconds:.1f} s"
    assert run.stdout == "", run.stdout
    assert not run.verdicts, "scenarios ran"
    assert not (tmp_path / "report" / "compliance.md").exists()
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert run.run["preflight"] == [lines[0].removeprefix("trovesim verify: ")]
    return run


def test_a_dead_port(tmp_path: Path, dead_url: str) -> None:
    run = _refused(tmp_path, "--target", dead_url)
    assert (
        run.stderr
        == f"trovesim verify: {dead_url} does not answer: [Errno 111] Connection refused\n"
    )


def test_a_url_that_is_not_trove(tmp_path: Path, web_page: str) -> None:
    run = _refused(tmp_path, "--target", web_page)
    assert f"{web_page} is not a Trove endpoint: GET " in run.stderr
    assert "answered 200 text/html without Trove's v1.0 version document" in run.stderr


def test_a_wrong_admin_token(tmp_path: Path, trovesim_server: str) -> None:
    run = _refused(tmp_path, "--target", trovesim_server, "--admin-token", "wrong")
    assert run.stderr == (
        "trovesim verify: the admin's credential (the token for project 'admin'): the "
        "credentials were refused: 401 The request you have made requires authentication.\n"
    )


def test_a_wrong_tenant_token(tmp_path: Path, trovesim_server: str) -> None:
    run = _refused(tmp_path, "--target", trovesim_server, "--tenant-token", "wrong")
    assert run.stderr.startswith("trovesim verify: tenant A's credential (the token for ")
    assert "401 The request you have made requires authentication." in run.stderr


def test_a_token_for_another_project(tmp_path: Path, trovesim_server: str) -> None:
    run = _refused(tmp_path, "--target", trovesim_server, "--second-tenant-project", "tenant-a")
    assert "tenant B's credential (the token for project 'tenant-a') cannot act in its " in (
        run.stderr
    )
    assert "403 User with tenant id tenant-b cannot access this resource." in run.stderr


def test_an_admin_token_without_the_admin_role(tmp_path: Path, trovesim_server: str) -> None:
    run = _refused(
        tmp_path,
        "--target",
        trovesim_server,
        "--admin-token",
        "alice-token",
        "--admin-project",
        "tenant-a",
    )
    assert "the admin's credential has no admin rights: 403 " in run.stderr


def test_a_flavor_the_target_lacks(tmp_path: Path, trovesim_server: str) -> None:
    run = _refused(tmp_path, "--target", trovesim_server, "--flavor", "99")
    assert "flavor '99' is not offered (offered: 1, 2, 15, d2.xlarge)" in run.stderr


def test_a_report_dir_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "report").write_text("not a folder")
    run = verify(tmp_path)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == f"trovesim verify: --report-dir {tmp_path / 'report'} is a file\n"


def test_verify_leaves_no_pytest_cache(tmp_path: Path) -> None:
    run = verify(tmp_path, "--", "-k", "mutually_exclusive or apply_order_0_to_9")
    assert run.exit_code == 0, run.stdout[-2000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]
