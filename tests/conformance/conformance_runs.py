"""Run the whole suite in a separate pytest process and read each scenario's verdict.

Used where a run must not share this session's process: with a simulator rule broken on
purpose (conformance_mutants.py), and under pytest-xdist.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from trovesim.steps.verify import SUITE, UNUSED_PLUGINS

HERE = Path(__file__).resolve().parent
RUN_SECONDS = 600


@dataclass(frozen=True)
class SuiteRun:
    exit_code: int
    verdicts: dict[str, str]  # test id -> passed / failed / skipped / error
    output: str

    def with_verdict(self, verdict: str) -> list[str]:
        return sorted(test for test, seen in self.verdicts.items() if seen == verdict)


def _verdict(case: ET.Element) -> str:
    for outcome in ("failure", "error", "skipped"):
        if case.find(outcome) is not None:
            return {"failure": "failed"}.get(outcome, outcome)
    return "passed"


def read_verdicts(junit: Path) -> dict[str, str]:
    return {
        f"{case.get('classname')}::{case.get('name')}": _verdict(case)
        for case in ET.parse(junit).getroot().iter("testcase")
    }


def run_suite(workdir: Path, *pytest_args: str, env: dict[str, str] | None = None) -> SuiteRun:
    """The suite against the embedded simulator, with extra pytest arguments (plugins, -n)."""
    junit = workdir / "junit.xml"
    command = [sys.executable, "-m", "pytest", str(SUITE), "-p", "trovesim.steps.plugin", "-q"]
    command.append("--assert=plain")
    for plugin in (*UNUSED_PLUGINS, "cacheprovider"):
        command += ["-p", f"no:{plugin}"]
    command += [f"--junitxml={junit}", "--target=inprocess", *pytest_args]
    environment = {**os.environ, **(env or {})}
    environment["PYTHONPATH"] = str(HERE)
    done = subprocess.run(
        command,
        cwd=workdir,
        env=environment,
        capture_output=True,
        text=True,
        timeout=RUN_SECONDS,
        check=False,
    )
    verdicts = read_verdicts(junit) if junit.exists() else {}
    return SuiteRun(done.returncode, verdicts, done.stdout + done.stderr)
