"""Progress lines for a run against an endpoint: scenarios done of all, the current feature,
builds so far and the time elapsed, when a new feature starts and at least every half minute.
The embedded simulator finishes in seconds and stays quiet."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from .ledger import Ledger

EVERY_SECONDS = 30.0


def _feature_of(item: pytest.Item) -> str:
    """The feature file of a scenario's test: pytest-bdd documents each such test as
    "<feature file>: <scenario name>"."""
    doc = getattr(getattr(item, "function", None), "__doc__", None) or item.nodeid
    return Path(doc.split(": ", 1)[0]).name


class Progress:
    """A pytest plugin object, registered by the suite's plugin."""

    def __init__(self, config: pytest.Config, ledger: Ledger, enabled: bool) -> None:
        self.config = config
        self.ledger = ledger
        self.enabled = enabled
        self.total = 0
        self.done = 0
        self.feature = ""
        self.features: dict[str, str] = {}
        self.started = self.last = time.monotonic()

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.total = len(session.items)
        self.features = {item.nodeid: _feature_of(item) for item in session.items}
        self.started = self.last = time.monotonic()

    def pytest_runtest_logstart(self, nodeid: str, location: tuple) -> None:
        feature = self.features.get(nodeid, nodeid)
        if feature != self.feature:
            self.feature = feature
            self.report()

    def pytest_runtest_logfinish(self, nodeid: str, location: tuple) -> None:
        self.done += 1
        if time.monotonic() - self.last >= EVERY_SECONDS:
            self.report()

    def report(self) -> None:
        if not self.enabled:
            return
        self.last = time.monotonic()
        elapsed = int(self.last - self.started)
        line = (
            f"[trovesim] {self.done}/{self.total} scenarios done, now {self.feature}; "
            f"builds so far: {self.ledger.instances} instances, {self.ledger.clusters} clusters; "
            f"{elapsed // 60}m{elapsed % 60:02d}s elapsed"
        )
        reporter = self.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(line)
