"""The suite is safe under pytest-xdist: two workers give every scenario the serial verdict."""

from __future__ import annotations

from pathlib import Path

from conformance_runs import SuiteRun, run_suite


def test_two_workers_give_the_serial_verdicts(serial_run: SuiteRun, tmp_path: Path) -> None:
    parallel = run_suite(tmp_path, "-n", "2")
    assert serial_run.verdicts, serial_run.output[-3000:]
    assert not serial_run.with_verdict("error"), serial_run.output[-3000:]
    assert parallel.verdicts == serial_run.verdicts, parallel.output[-3000:]
