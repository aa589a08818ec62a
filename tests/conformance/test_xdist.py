"""The suite is safe under pytest-xdist: two workers give every scenario the serial verdict."""

from __future__ import annotations

from pathlib import Path

from conformance_runs import run_suite


def test_two_workers_give_the_serial_verdicts(tmp_path: Path) -> None:
    (tmp_path / "serial").mkdir()
    (tmp_path / "parallel").mkdir()
    serial = run_suite(tmp_path / "serial")
    parallel = run_suite(tmp_path / "parallel", "-n", "2")
    assert serial.verdicts, serial.output[-3000:]
    assert parallel.verdicts == serial.verdicts, parallel.output[-3000:]
    assert set(serial.verdicts.values()) == {"passed"}, serial.output[-3000:]
