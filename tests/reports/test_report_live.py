"""Runs the throwaway suite through the installed pytest-bdd now, so a change in what it writes
shows up here rather than as a silently wrong report on a real run."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from report_suite import CATALOGUE, run_suite, verdicts
from trovesim.reports import Report, write_reports


def test_a_fresh_run_reads_like_the_recorded_one(
    tmp_path: Path, build: Callable[[str], Report]
) -> None:
    assert run_suite("mixed", tmp_path) == 1
    fresh = write_reports([tmp_path], tmp_path / "report", {"json"}, CATALOGUE)
    recorded = build("mixed")
    assert verdicts(fresh) == verdicts(recorded)
    assert [(s.key, s.status, s.tags, s.step) for s in fresh.scenarios] == [
        (s.key, s.status, s.tags, s.step) for s in recorded.scenarios
    ]
