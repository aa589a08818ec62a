"""Runs the throwaway suite through the installed pytest-bdd now, so a change in what it writes
shows up here rather than as a silently wrong report on a real run."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from report_suite import CATALOGUE, run_suite, verdicts
from trovesim.reports import Report, write_reports


@pytest.mark.parametrize(("run", "code"), [("mixed", 1), ("selected-xdist", 0)])
def test_a_fresh_run_reads_like_the_recorded_one(
    tmp_path: Path, build: Callable[[str], Report], run: str, code: int
) -> None:
    assert run_suite(run, tmp_path) == code
    fresh = write_reports([tmp_path], tmp_path / "report", {"json"}, CATALOGUE)
    recorded = build(run)
    assert verdicts(fresh) == verdicts(recorded)

    def facts(report: Report) -> list[tuple]:
        return [
            (s.key, s.outcome, s.tags, s.step, s.keyword, s.exception, s.could_not_judge)
            for s in report.scenarios
        ]

    assert facts(fresh) == facts(recorded)
