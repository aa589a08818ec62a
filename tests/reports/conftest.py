"""Report-test fixtures: recorded pytest-bdd runs (data/runs/, made by report_suite.py) and the
tiny catalogue their scenarios are tagged against."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pytest
from report_suite import CATALOGUE, RUNS_DIR
from trovesim.reports import Report, build_report, load_catalogue, read_results
from trovesim.reports import cli as report_cli


@pytest.fixture
def build() -> Callable[[str], Report]:
    """Build the report of a recorded run, by name (passing, failing, skipped, mixed, ...)."""

    def _build(name: str) -> Report:
        return build_report(load_catalogue(CATALOGUE), read_results([RUNS_DIR / name]))

    return _build


@pytest.fixture
def report_cmd(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run ``trovesim report`` with the given arguments; return exit code, stdout, stderr."""

    def _run(*argv: str | Path) -> tuple[int, str, str]:
        parser = argparse.ArgumentParser(prog="trovesim report")
        report_cli.configure_parser(parser)
        code = report_cli.run(parser.parse_args([str(arg) for arg in argv]))
        out, err = capsys.readouterr()
        return code, out, err

    return _run
