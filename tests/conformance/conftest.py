"""The conformance suite inside the test session: its plugin, and ``trovesim serve`` to judge.

``pytest_plugins`` is only honoured in the rootdir's conftest, so the suite's plugin is imported
here when pytest configures this folder (the flags it adds then keep their defaults).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from served import serving


def pytest_configure(config: pytest.Config) -> None:
    if not config.pluginmanager.has_plugin("trovesim.steps.plugin"):
        config.pluginmanager.import_plugin("trovesim.steps.plugin")


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
