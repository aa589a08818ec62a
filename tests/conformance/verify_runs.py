"""``trovesim verify`` in a subprocess, as a user runs it, and what it left: exit code, output,
run.json and each scenario's verdict with its skip reason."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

RUN_SECONDS = 600


@dataclass(frozen=True)
class VerifyRun:
    exit_code: int
    stdout: str
    stderr: str
    seconds: float
    run: dict  # run.json, or {} when none was written
    verdicts: dict[str, tuple[str, str]]  # test name -> (passed/failed/error/skipped, message)

    def with_verdict(self, verdict: str) -> dict[str, str]:
        return {name: msg for name, (seen, msg) in self.verdicts.items() if seen == verdict}


def _verdicts(junit: Path) -> dict[str, tuple[str, str]]:
    found = {}
    for case in ET.parse(junit).getroot().iter("testcase"):
        verdict, message = "passed", ""
        for outcome in ("failure", "error", "skipped"):
            child = case.find(outcome)
            if child is not None:
                verdict = {"failure": "failed"}.get(outcome, outcome)
                message = child.get("message") or ""
                break
        found[case.get("name")] = (verdict, message)
    return found


def verify(
    workdir: Path, *arguments: str, timeout: float = RUN_SECONDS, env: dict | None = None
) -> VerifyRun:
    """``trovesim verify --report-dir workdir/report ARGUMENTS`` run in ``workdir``, with
    these environment variables added."""
    report = workdir / "report"
    command = [sys.executable, "-m", "trovesim.cli", "verify", "--report-dir", str(report)]
    started = time.monotonic()
    done = subprocess.run(
        [*command, *arguments],
        cwd=workdir,
        env={**os.environ, "COLUMNS": "100", **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    seconds = time.monotonic() - started
    run_file, junit = report / "run.json", report / "junit.xml"
    run = json.loads(run_file.read_text()) if run_file.exists() else {}
    verdicts = _verdicts(junit) if junit.exists() else {}
    return VerifyRun(done.returncode, done.stdout, done.stderr, seconds, run, verdicts)
